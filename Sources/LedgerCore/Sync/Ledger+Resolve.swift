import Foundation
import LedgerGit
import LedgerJSON

/// How `resolve` settles a record or one of its fields.
public enum ResolutionChoice: Equatable, Sendable {
  /// This clone's side.
  case ours
  /// The incoming side.
  case theirs
  /// A value given by the person (a field only).
  case set(FieldInput)

  /// How the merge commit's `Ledger-Resolved` trailer names the choice.
  var name: MergeState.Resolution.Choice {
    switch self {
    case .ours: .ours
    case .theirs: .theirs
    case .set: .set
    }
  }
}

// Settling a merge in progress one record, or one field, at a time. The file in the work tree
// is the resolution: each choice is applied to it, and once no conflict of the record is
// left open the file is staged, which clears it from git's conflicted paths.
extension Ledger {
  /// Settles `key` whole (`field` nil: ours or theirs) or one field of it.
  ///
  /// - Returns: the record's conflicts still open.
  public func resolve(_ key: RecordKey, field: FieldPath?, choice: ResolutionChoice) throws(StoreError)
    -> [MergeConflict]
  {
    guard let merge = try store.mergeInProgress() else { throw .noMergeInProgress }
    let lock = try store.lockForWriting()
    defer { withExtendedLifetime(lock) {} }
    let path = store.repositoryPath(key.path)
    var state = store.mergeState(of: merge)
    do {
      let snapshot = try store.gitSnapshot(at: nil)
      let rules = try MergeRules(snapshot)
      let input = try store.mergeInput(path, merge)
      try requireConflict(key, field: field, input: input, merge: merge, state: state, rules: rules)
      let open = try openConflicts(path, merge, state, rules)
      // The work tree is the resolution so far; git's conflict markers stand for the merge's
      // own result.
      let current =
        try workingValue(path)
        ?? FileMerger.merge(input, sets: rules.sets(forLedgerPath: key.path)).bytes.flatMap { try? JSONParser.parse($0) }
      let updated = try resolvedValue(key, current, field: field, choice: choice, input: input, snapshot: snapshot)
      let scope = field?.pointer ?? .root
      // One resolution for what was settled: a field, or the whole record (`*`), so the
      // trailer says exactly what the merge took from where. Settled again, the last choice
      // stands. Recorded before the file is written: killed in between, the conflict is still
      // open and settling it again writes the same resolution.
      state.resolutions.removeAll { $0.path == key.path && $0.field == scope }
      state.resolutions.append(MergeState.Resolution(path: key.path, field: scope, choice: choice.name))
      if !state.paths.contains(path) { state.paths.append(path) }
      try store.save(state)
      CrashPoint.reach("resolve.state-saved")
      try writeWorking(path, updated)
      CrashPoint.reach("resolve.file-written")
      let remaining = open.filter { !$0.pointer.tokens.starts(with: scope.tokens) }
      if remaining.isEmpty { try store.stageWorkingFiles([path]) }
      return remaining
    } catch let error as StoreError {
      throw error
    } catch let error as FieldInputProblem {
      throw .fieldInput(error)
    } catch let error as FieldPath.Problem {
      guard case .notAnObject(let prefix, let found) = error else { throw .fieldNotFound(key, field: field?.description ?? "") }
      throw .fieldNotAnObject(key, field: prefix, found: found)
    } catch let error as DiagnosticList {
      throw .invalid(error)
    } catch let error as GitError {
      throw .git(.resolve(key), error)
    } catch {
      throw .fileSystem(.resolve(key), reason: error.localizedDescription)
    }
  }

  /// Refuses to settle what the merge does not conflict on: choosing a side there would undo
  /// the other clone's clean change and record it as a resolution. While the merged ledger
  /// breaks a rule, any record may be changed to fix it (the fix may lie in a record the
  /// finding only names).
  private func requireConflict(
    _ key: RecordKey, field: FieldPath?, input: MergeInput, merge: (head: ObjectID, incoming: ObjectID, base: ObjectID),
    state: MergeState, rules: MergeRules
  ) throws {
    let conflicts = FileMerger.merge(input, sets: rules.sets(forLedgerPath: key.path)).conflicts
    let scope = field?.pointer.tokens ?? []
    let touched = conflicts.contains { $0.pointer.tokens.starts(with: scope) || scope.starts(with: $0.pointer.tokens) }
    guard !touched, try pendingFindings(state).isEmpty else { return }
    var open: [String] = []
    for conflicted in try store.conflictedPaths() {
      for conflict in try openConflicts(conflicted, merge, state, rules) {
        let name = conflict.record?.description ?? conflict.path
        open.append(conflict.pointer.tokens.isEmpty ? name : "\(name) \(conflict.field)")
      }
    }
    throw StoreError.notInConflict(key, field: field?.description, conflicts: open)
  }

  /// The record once `choice` is applied to `current` (nil: the record is deleted).
  private func resolvedValue(
    _ key: RecordKey, _ current: JSONValue?, field: FieldPath?, choice: ResolutionChoice, input: MergeInput,
    snapshot: GitSnapshot
  ) throws -> JSONValue? {
    func side(_ bytes: [UInt8]?) throws -> JSONValue? {
      try bytes.map { (bytes) throws(DiagnosticList) in .object(try RecordDecoder.decode(bytes, key: key, file: key.path).fields)
      }
    }
    guard let field else {
      switch choice {
      case .ours: return try side(input.ours)
      case .theirs: return try side(input.theirs)
      case .set: return current
      }
    }
    guard case .object(let fields)? = current else { throw StoreError.recordNotFound(key) }
    let value: JSONValue?
    switch choice {
    case .ours: value = try side(input.ours).flatMap(field.pointer.resolve)
    case .theirs: value = try side(input.theirs).flatMap(field.pointer.resolve)
    case .set(let text):
      let schema = try RecordSchemas(LedgerState(snapshot)).schema(for: key.kind)
      let conventions = InputConventions(settings: try snapshot.settings())
      do throws(FieldTyping.Refusal) {
        value = try FieldTyping.read(text, for: field, kind: key.kind, schema: schema, conventions: conventions).value
      } catch {
        throw error.storeError(file: key.path, field: field)
      }
    }
    guard let value else { return .object((try? field.removing(from: fields)) ?? fields) }
    return .object(try field.setting(value, in: fields))
  }

  /// The JSON the work tree holds at `path`; nil when the file is absent or not JSON (git's
  /// conflict markers), in which case the merge's own result stands in for it.
  private func workingValue(_ path: String) throws -> JSONValue? {
    guard let workdir = store.workTree,
      let data = FileManager.default.contents(atPath: workdir.appendingPathComponent(path).path)
    else { return nil }
    return try? JSONParser.parse(Array(data))
  }

  private func writeWorking(_ path: String, _ value: JSONValue?) throws {
    guard let workdir = store.workTree else { return }
    let url = workdir.appendingPathComponent(path)
    if let value {
      try AtomicFile.write(CanonicalWriter.bytes(value), to: url)
    } else if FileManager.default.fileExists(atPath: url.path) {
      do {
        try FileManager.default.removeItem(at: url)
      } catch {
        throw StoreError.io(path: url.path, reason: error.localizedDescription)
      }
    }
  }
}
