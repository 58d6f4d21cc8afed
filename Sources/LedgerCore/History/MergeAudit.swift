import LedgerJSON

/// One place where a merge commit holds something other than the field-level merge of its
/// parents (`evil-merge`): a change one side made was dropped, or a value was invented.
public struct MergeDeviation: Equatable, Sendable {
  /// How the committed value departs from the expected one.
  public enum Change: String, Sendable {
    /// The merge holds a value a parent or the merge base held, or nothing: a change one side
    /// made was lost while merging.
    case dropped
    /// The merge holds a value no parent and not the merge base held: it was made up while
    /// merging.
    case invented
    /// A conflict no `Ledger-Resolved` trailer settles was committed with neither side's value.
    case unresolved
  }

  /// The file, relative to the ledger root.
  public let path: String
  /// The record the file holds, when it is a record.
  public let record: RecordKey?
  /// The field, dotted as the trailers write it (`credentials.channel`); `*` for the whole
  /// record or file.
  public let field: String
  /// What the merge of the parents gives there, with the merge's own resolutions applied
  /// (nil: absent). For an unresolved conflict, this clone's side.
  public let expected: JSONValue?
  /// What the merge commit holds there (nil: absent).
  public let committed: JSONValue?
  /// The value each parent holds there (nil: absent).
  public let ours: JSONValue?
  public let theirs: JSONValue?
  public let change: Change
  /// The trailer's choice (`ours` or `theirs`) the field was judged on, when the merge records
  /// a resolution of it.
  public let resolution: String?
  /// True for a file that merges as text: the values are not known, the file is compared whole.
  public let isText: Bool

  /// `people/hugo phone`, `people/hugo` for the whole record, or the file's path.
  public var place: String {
    let name = record?.description ?? path
    return field == "*" ? name : "\(name) \(field)"
  }
}

/// Judges merge commits against the field-level merge of their parents: the first parent is
/// ours, the second theirs, the base their merge base, as `sync` and the merge driver merge.
///
/// Only the files where the merge differs from a parent are read (`changedFiles` skips every
/// subtree the two trees share), so the cost follows what each side brought, never the size of
/// the ledger. A file neither parent changed, or that one parent changed and the merge took
/// whole, cannot differ from the expected merge and is never read.
final class MergeAuditor {
  private let history: any LedgerHistory
  private let reader: any HistoryWalkReader
  /// The merge rules of each first parent's settings and schemas, by their bytes.
  private var rules: [[[UInt8]]: MergeRules] = [:]

  init(history: any LedgerHistory, reader: any HistoryWalkReader) {
    self.history = history
    self.reader = reader
  }

  /// The places merge commit `merge` departs from the merge of its two parents, with its own
  /// `Ledger-Resolved` trailers applied; empty for any other commit. A merge of more than two
  /// parents (git's octopus, which neither `sync` nor the merge driver makes) is not judged.
  func deviations(in merge: HistoryEntry) throws(StoreError) -> [MergeDeviation] {
    guard merge.parents.count == 2 else { return [] }
    let (ours, theirs) = (merge.parents[0], merge.parents[1])
    let base = try history.mergeBase(ours, theirs)
    // Each file the merge changed relative to a parent, with its content in each version.
    var files: [String: (ours: ContentID?, theirs: ContentID?, merged: ContentID?)] = [:]
    for change in try history.differences(from: ours, to: merge.commit) where change.isInsideLedger {
      files[change.path] = (change.old, change.new, change.new)
    }
    for change in try history.differences(from: theirs, to: merge.commit) where change.isInsideLedger {
      // Optional chaining would flatten "ours lacks the file" into "not seen": test the entry.
      if let seen = files[change.path] {
        files[change.path] = (seen.ours, change.old, change.new)
      } else {
        files[change.path] = (change.new, change.old, change.new)  // unchanged from ours
      }
    }
    let resolutions = MergeAuditor.resolutions(in: merge.message)
    let rules = try rules(of: ours)
    var found: [MergeDeviation] = []
    for path in files.keys.sorted() {
      guard let contents = files[path] else { continue }
      let baseContent = try base.flatMap { (commit) throws(StoreError) in try history.content(path, at: commit) }
      let file = FileVersions(
        path: path, base: try baseContent.map(history.bytes), ours: try contents.ours.map(history.bytes),
        theirs: try contents.theirs.map(history.bytes), merged: try contents.merged.map(history.bytes))
      found += file.deviations(sets: rules.sets(forLedgerPath: path), resolutions: resolutions[file.name] ?? [])
    }
    return found
  }

  /// The merge rules as the first parent's settings and schemas give them.
  private func rules(of commit: String) throws(StoreError) -> MergeRules {
    let snapshot = try reader.snapshot(commit)
    let key =
      [try snapshot.fileBytes(LedgerSettings.fileName) ?? []]
      + (try snapshot.files(in: RecordSchemas.folder)).flatMap {
        [Array($0.name.utf8), $0.bytes]
      }
    if let known = rules[key] { return known }
    let made = try MergeRules(snapshot)
    rules[key] = made
    return made
  }

  /// One `Ledger-Resolved: KIND/ID FIELD ours|theirs|set` trailer.
  struct Resolution: Equatable {
    let pointer: JSONPointer
    let choice: MergeState.Resolution.Choice
  }

  /// The resolutions a merge's message records, by record (`people/hugo`) or file path, in order.
  static func resolutions(in message: String) -> [String: [Resolution]] {
    var result: [String: [Resolution]] = [:]
    for line in message.split(separator: "\n") where line.hasPrefix("Ledger-Resolved: ") {
      let words = line.dropFirst(17).split(separator: " ")
      guard words.count >= 3,
        let choice = MergeState.Resolution.Choice(rawValue: String(words[words.count - 1]))
      else {
        continue
      }
      let field = words[words.count - 2]
      let pointer =
        field == "*"
        ? JSONPointer.root
        : JSONPointer(
          tokens: field.split(separator: ".", omittingEmptySubsequences: false).map(String.init))
      result[words.dropLast(2).joined(separator: " "), default: []].append(
        Resolution(pointer: pointer, choice: choice))
    }
    return result
  }
}

/// One file in the four versions a merge involves: the base, each parent and the merge commit
/// (nil where absent).
struct FileVersions {
  let path: String
  let base: [UInt8]?
  let ours: [UInt8]?
  let theirs: [UInt8]?
  let merged: [UInt8]?

  /// How trailers name the file: `people/hugo` for a record, else its path.
  var name: String { RecordKey(path: path)?.description ?? path }

  /// Where the merged version departs from the merge of the parents with `resolutions` applied.
  func deviations(sets: SetArrays?, resolutions: [MergeAuditor.Resolution]) -> [MergeDeviation] {
    let result = FileMerger.merge(
      MergeInput(path: path, base: base, ours: ours, theirs: theirs), sets: sets)
    func parse(_ bytes: [UInt8]?) -> JSONValue?? {
      guard let bytes else { return .some(nil) }
      return (try? JSONParser.parse(bytes)).map { .some($0) }
    }
    guard sets != nil, !result.conflicts.contains(where: \.isText),
      let expected = parse(result.bytes),
      let committed = parse(merged), let baseValue = parse(base), let oursValue = parse(ours),
      let theirsValue = parse(theirs)
    else {
      // Compared whole: a text file, or a JSON file a version of which is not JSON. A text
      // conflict is settled line by line by hand, which the audit cannot judge.
      if result.conflicts.contains(where: \.isText) || merged == result.bytes { return [] }
      let change: MergeDeviation.Change =
        merged == nil || [base, ours, theirs].contains(merged) ? .dropped : .invented
      return [
        MergeDeviation(
          path: path, record: RecordKey(path: path), field: "*", expected: nil, committed: nil,
          ours: nil, theirs: nil,
          change: change, resolution: nil, isText: true)
      ]
    }
    var judge = FieldJudge(
      path: path, sets: sets ?? .empty, base: baseValue, ours: oursValue, theirs: theirsValue,
      expected: expected)
    judge.apply(resolutions, conflicts: result.conflicts.map(\.pointer))
    let wanted = judge.expected
    judge.compare(wanted, committed, at: .root)
    return judge.found
  }
}

/// Compares a merged JSON file with its expected value, field by field.
private struct FieldJudge {
  let path: String
  let sets: SetArrays
  let base: JSONValue?
  let ours: JSONValue?
  let theirs: JSONValue?
  /// The merge of the parents, then each `ours` or `theirs` trailer applied in order.
  var expected: JSONValue?
  /// Fields a `set` trailer settled: any value is accepted there.
  var free: [JSONPointer] = []
  /// Conflicts no trailer settles: either side's value is accepted there.
  var open: [JSONPointer] = []
  /// The trailer's choice for each field an `ours` or `theirs` trailer settled.
  var judged: [(pointer: JSONPointer, choice: String)] = []
  var found: [MergeDeviation] = []

  init(
    path: String, sets: SetArrays, base: JSONValue?, ours: JSONValue?, theirs: JSONValue?,
    expected: JSONValue?
  ) {
    self.path = path
    self.sets = sets
    self.base = base
    self.ours = ours
    self.theirs = theirs
    self.expected = expected
  }

  mutating func apply(_ resolutions: [MergeAuditor.Resolution], conflicts: [JSONPointer]) {
    for resolution in resolutions {
      let scope = resolution.pointer.tokens
      switch resolution.choice {
      case .set:
        free.append(resolution.pointer)
      case .ours, .theirs:
        let side = resolution.choice == .ours ? ours : theirs
        expected = FieldJudge.setting(value(side, resolution.pointer), at: scope[...], in: expected)
        free.removeAll { $0.tokens.starts(with: scope) }
        judged.removeAll { $0.pointer.tokens.starts(with: scope) }
        judged.append((resolution.pointer, resolution.choice.rawValue))
      }
    }
    open = conflicts.filter { conflict in
      !resolutions.contains {
        $0.pointer.tokens.starts(with: conflict.tokens)
          || conflict.tokens.starts(with: $0.pointer.tokens)
      }
    }
  }

  mutating func compare(_ wanted: JSONValue?, _ held: JSONValue?, at pointer: JSONPointer) {
    if free.contains(where: { pointer.tokens.starts(with: $0.tokens) }) { return }
    if open.contains(pointer) {
      let mine = value(ours, pointer), other = value(theirs, pointer)
      if held != mine && held != other {
        record(pointer, wanted: wanted, held: held, change: .unresolved)
      }
      return
    }
    if wanted == held { return }
    switch (wanted, held) {
    case (.object(let one)?, .object(let two)?):
      var keys = one.keys
      for key in two.keys where one[key] == nil { keys.append(key) }
      for key in keys.sorted() { compare(one[key], two[key], at: pointer.appending(key)) }
      return
    case (.array(let one)?, .array(let two)?)
    where sets.isSet(pointer.tokens) && Set(one) == Set(two) && one.count == two.count:
      return  // a set in another order
    default:
      let known = held == nil || [base, ours, theirs].contains { value($0, pointer) == held }
      record(pointer, wanted: wanted, held: held, change: known ? .dropped : .invented)
    }
  }

  private mutating func record(
    _ pointer: JSONPointer, wanted: JSONValue?, held: JSONValue?, change: MergeDeviation.Change
  ) {
    let choice =
      change == .unresolved
      ? nil : judged.last { pointer.tokens.starts(with: $0.pointer.tokens) }?.choice
    found.append(
      MergeDeviation(
        path: path, record: RecordKey(path: path),
        field: pointer.tokens.isEmpty ? "*" : pointer.tokens.joined(separator: "."),
        expected: wanted, committed: held, ours: value(ours, pointer),
        theirs: value(theirs, pointer), change: change,
        resolution: choice, isText: false))
  }

  private func value(_ document: JSONValue?, _ pointer: JSONPointer) -> JSONValue? {
    document.flatMap { pointer.resolve(in: $0) }
  }

  /// `document` with `new` at `tokens` (removed there when nil), objects made on the way.
  static func setting(_ new: JSONValue?, at tokens: ArraySlice<String>, in document: JSONValue?)
    -> JSONValue?
  {
    guard let first = tokens.first else { return new }
    var object = document?.objectValue ?? JSONObject()
    object[first] = setting(new, at: tokens.dropFirst(), in: object[first])
    return .object(object)
  }
}
