import Foundation
import LedgerGit
import LedgerJSON

/// One unresolved conflict, with the commit on each side that set the value it has there.
public struct ConflictReport: Sendable {
  /// The field in conflict and its three values.
  public let conflict: MergeConflict
  /// The newest commit on this clone's side (since the merge base) that set the value.
  public let oursChange: HistoryEntry?
  /// The same on the incoming side.
  public let theirsChange: HistoryEntry?
}

/// A merge in progress: what it merges, what is still in conflict, and what it would break.
public struct MergeReport: Sendable {
  /// The branch's commit the merge goes into, and the commit merged in (hex ids).
  public let head: String
  public let incoming: String
  /// What was merged (`origin/main`), or the incoming commit for a merge git started.
  public let source: String
  public let conflicts: [ConflictReport]
  /// Errors the merged ledger would have: rules broken by the combination of the two sides.
  public let findings: [Diagnostic]
  /// The resolutions made so far, as their trailers say them.
  public let resolutions: [String]
  /// Conflicted files git merged line by line (its markers are in them, relative to the ledger
  /// root): the merge driver did not run, so choosing a side would drop the other side's changes.
  public let lineMerged: [String]
}

// Reading a merge in progress: conflicts from git's index (ours or the git program's), less
// the fields already resolved; findings from validating what the merge would commit.
extension Ledger {
  /// The merge in progress, or nil when there is none.
  public func mergeReport() throws(StoreError) -> MergeReport? {
    guard let merge = try mergeInProgress() else { return nil }
    let state = MergeState.load(from: repository.gitDirectory, head: merge.head, incoming: merge.incoming)
    return try StoreError.wrapping("read the merge in progress") {
      let rules = try MergeRules(try store.gitSnapshot(at: nil))
      var conflicts: [(path: String, conflict: MergeConflict)] = []
      let conflictedPaths = try repository.indexConflicts().map(\.path)
      for conflicted in try repository.indexConflicts() {
        for conflict in try openConflicts(conflicted.path, merge, state, rules) { conflicts.append((conflicted.path, conflict)) }
      }
      let places = conflicts.map { Place(path: $0.path, pointer: $0.conflict.pointer) }
      let ours = try lastChanges(of: places, from: merge.head, since: merge.base)
      let theirs = try lastChanges(of: places, from: merge.incoming, since: merge.base)
      if !places.isEmpty { store.historyRead() }
      let reports = conflicts.map { item in
        let place = Place(path: item.path, pointer: item.conflict.pointer)
        return ConflictReport(conflict: item.conflict, oursChange: ours[place], theirsChange: theirs[place])
      }
      return MergeReport(
        head: merge.head.description, incoming: merge.incoming.description,
        source: state.source ?? "commit \(merge.incoming.short)", conflicts: reports,
        findings: try pendingFindings(state), resolutions: state.resolutions.map(\.trailer),
        lineMerged: lineMergedFiles(conflictedPaths))
    }
  }

  /// The conflicts of one file that no resolution covers yet.
  func openConflicts(
    _ path: String, _ merge: (head: ObjectID, incoming: ObjectID, base: ObjectID), _ state: MergeState,
    _ rules: MergeRules
  ) throws(GitError) -> [MergeConflict] {
    let input = try mergeInput(path, merge)
    let sets = store.isInside(path) ? rules.sets(forLedgerPath: input.path) : nil
    let resolved = state.resolutions.filter { $0.path == input.path }
    return FileMerger.merge(input, sets: sets).conflicts.filter { conflict in
      !resolved.contains { conflict.pointer.tokens.starts(with: $0.field.tokens) }
    }
  }

  /// The errors the ledger would have if the merge were committed with the files as they are.
  func pendingFindings(_ state: MergeState) throws -> [Diagnostic] {
    guard let workdir = repository.workingDirectory else { return [] }
    var files: [ChangeSet.FileChange] = []
    for path in try pendingPaths(state) where store.isInside(path) {
      let ledgerPath = store.ledgerPath(path)
      guard Ledger.isLedgerFile(ledgerPath) else { continue }
      let content = FileManager.default.contents(atPath: workdir.appendingPathComponent(path).path).map(Array.init)
      files.append(.init(path: ledgerPath, content: content))
    }
    guard !files.isEmpty else { return [] }
    let snapshot = try store.gitSnapshot(at: nil)
    return try LedgerValidator(snapshot, changes: files).validateChanges(files).filter { $0.severity == .error }
  }

  /// A field of a file, whose last change a conflict report names.
  struct Place: Hashable {
    let path: String
    let pointer: JSONPointer
  }

  /// For each place, the commit since `base` that made the value it has at `tip`, following
  /// the value through merges as `blame` does (an intermediate merge that only brought it is
  /// never named); a removal, which has no value to follow, is found on the first-parent line.
  private func lastChanges(
    of places: [Place], from tip: ObjectID, since base: ObjectID
  ) throws(GitError) -> [Place: HistoryEntry] {
    guard !places.isEmpty else { return [:] }
    let side = try repository.commits(from: tip, excluding: base)
    let rules = try? MergeRules(try store.gitSnapshot(at: tip.description))
    var found: [Place: HistoryEntry] = [:]
    var rest: [Place] = []
    for (path, group) in Dictionary(grouping: places, by: \.path) {
      let tree = try repository.commit(tip).tree
      guard store.isInside(path), let key = RecordKey(path: store.ledgerPath(path)),
        let blob = try repository.entry(in: tree, at: path)?.id,
        let parsed = try? JSONParser.parse(try repository.blob(blob))
      else {
        rest += group
        continue
      }
      var leaves: [(Place, BlameLeaf)] = []
      for place in group {
        guard let value = place.pointer.resolve(in: parsed) else {
          rest.append(place)
          continue
        }
        leaves.append((place, BlameLeaf(field: place.pointer.tokens.joined(separator: "."), value: value, isElement: false)))
      }
      let sets = rules?.sets(forLedgerPath: key.path) ?? .empty
      let credits = try store.credit(leaves.map(\.1), of: key, from: tip, sets: sets)
      for (place, leaf) in leaves {
        guard let credit = credits.first(where: { $0.field == leaf.field }),
          let id = ObjectID(hex: credit.entry.commit), side.contains(id)
        else { continue }
        found[place] = credit.entry
      }
    }
    return found.merging(try firstParentChanges(of: rest, from: tip, since: base)) { mine, _ in mine }
  }

  /// For each place, the newest commit on the first-parent line from `tip` back to `base` that
  /// gave it the value it has at `tip`: one walk of that side for every place at once.
  private func firstParentChanges(
    of places: [Place], from tip: ObjectID, since base: ObjectID
  ) throws(GitError) -> [Place: HistoryEntry] {
    func value(_ commit: Commit, _ place: Place) throws(GitError) -> (ObjectID?, JSONValue?) {
      guard let entry = try repository.entry(in: commit.tree, at: place.path) else { return (nil, nil) }
      let parsed = try? JSONParser.parse(try repository.blob(entry.id))
      return (entry.id, parsed.flatMap(place.pointer.resolve))
    }
    guard !places.isEmpty else { return [:] }
    let side = try repository.commits(from: tip, excluding: base)
    var current = try repository.commit(tip)
    var wanted: [Place: JSONValue?] = [:]
    for place in places { wanted[place] = try value(current, place).1 }
    var found: [Place: HistoryEntry] = [:]
    while found.count < wanted.count, side.contains(current.id), let parentID = current.parents.first {
      let parent = try repository.commit(parentID)
      for (place, target) in wanted where found[place] == nil {
        guard try repository.entry(in: current.tree, at: place.path)?.id != repository.entry(in: parent.tree, at: place.path)?.id
        else { continue }
        if try value(current, place).1 == target, try value(parent, place).1 != target {
          found[place] = HistoryEntry(
            commit: current.id.description, parents: current.parents.map(\.description),
            authorName: current.author.name, authorEmail: current.author.email, date: current.author.date,
            message: current.message)
        }
      }
      current = parent
    }
    return found
  }
}
