import Foundation
import LedgerGit
import LedgerJSON

/// What a stopped merge remembers beyond git's own `MERGE_HEAD`, in
/// `.git/adminledger/merge/state.json`:
///
///     {
///       "head": "77a0…",                    HEAD while the merge stops, and MERGE_HEAD: the
///       "incoming": "9b2e…",                state belongs to this very merge and no other
///       "original_head": "4f1c…",          HEAD before the sync began: where --abort returns
///       "paths": ["trainings/2026-11-20-k3f9q.json"],   files the merge wrote (repository paths)
///       "remote": "origin",                 where --continue pushes; absent with --no-push
///       "resolutions": [{"choice": "ours", "field": "/duration", "path": "trainings/…"}],
///       "source": "origin/main"             what was merged, for the commit message
///     }
///
/// A merge the git program stopped (through the merge driver) has no such file until the
/// first `resolve`; everything else is read from git's index and `MERGE_HEAD`.
struct MergeState {
  /// How one conflict, or one field of a record, was settled.
  struct Resolution: Equatable {
    enum Choice: String { case ours, theirs, set }
    /// The record's file, relative to the ledger root.
    let path: String
    /// The field; the root for the whole record.
    let field: JSONPointer
    let choice: Choice

    /// The trailer's value: `KIND/ID FIELD ours|theirs|set`.
    var trailer: String {
      let name = RecordKey(path: path)?.description ?? path
      let dotted = field.tokens.isEmpty ? "*" : field.tokens.joined(separator: ".")
      return "\(name) \(dotted) \(choice.rawValue)"
    }
  }

  /// The commit being merged in, and the branch's commit it is merged into; a state left by
  /// another merge (one `git merge --abort` ended) is not this merge's and is ignored.
  var incoming: ObjectID?
  var head: ObjectID?
  var originalHead: ObjectID?
  var paths: [String] = []
  var remote: String?
  var resolutions: [Resolution] = []
  /// What is merged, for messages: `origin/main`, or what git's `MERGE_MSG` names.
  var source: String?

  /// The folder holding the state and the index saved when the merge stopped.
  static func folder(in gitDirectory: URL) -> URL {
    gitDirectory.appendingPathComponent("adminledger/merge", isDirectory: true)
  }

  /// Reads the state of the merge of `incoming` into `head`; an absent file, or one left by
  /// another merge, is an empty state (a merge the git program started).
  static func load(from gitDirectory: URL, head: ObjectID, incoming: ObjectID) -> MergeState {
    var state = MergeState()
    state.incoming = incoming
    state.head = head
    state.source = gitMergeSource(gitDirectory) ?? "commit \(incoming.short)"
    let file = folder(in: gitDirectory).appendingPathComponent("state.json")
    guard let data = FileManager.default.contents(atPath: file.path),
      let object = (try? JSONParser.parse(Array(data)))?.objectValue,
      object["incoming"]?.stringValue == incoming.description, object["head"]?.stringValue == head.description
    else { return state }
    state.originalHead = object["original_head"]?.stringValue.flatMap(ObjectID.init(hex:))
    state.paths = object["paths"]?.arrayValue?.compactMap(\.stringValue) ?? []
    state.remote = object["remote"]?.stringValue
    state.source = object["source"]?.stringValue ?? state.source
    state.resolutions = (object["resolutions"]?.arrayValue ?? []).compactMap { item in
      guard let entry = item.objectValue, let path = entry["path"]?.stringValue,
        let field = entry["field"]?.stringValue.flatMap(JSONPointer.init(parsing:)),
        let choice = entry["choice"]?.stringValue.flatMap(Resolution.Choice.init(rawValue:))
      else { return nil }
      return Resolution(path: path, field: field, choice: choice)
    }
    return state
  }

  /// What the git program says it is merging, from the first line of its `MERGE_MSG`
  /// (`Merge branch 'main' of ssh://server/ledger`): `branch 'main' of ssh://server/ledger`.
  private static func gitMergeSource(_ gitDirectory: URL) -> String? {
    guard let data = FileManager.default.contents(atPath: gitDirectory.appendingPathComponent("MERGE_MSG").path),
      let first = String(decoding: data, as: UTF8.self).split(separator: "\n").first, first.hasPrefix("Merge ")
    else { return nil }
    return String(first.dropFirst(6))
  }

  /// Writes the state whole and durably (write aside, flush, rename, flush the folder).
  func save(in gitDirectory: URL) throws(StoreError) {
    var object: JSONObject = [
      "paths": .array(paths.map { .string($0) }),
      "resolutions": .array(
        resolutions.map { resolution in
          .object([
            "path": .string(resolution.path), "field": .string(resolution.field.description),
            "choice": .string(resolution.choice.rawValue),
          ])
        }),
    ]
    if let incoming { object["incoming"] = .string(incoming.description) }
    if let head { object["head"] = .string(head.description) }
    if let originalHead { object["original_head"] = .string(originalHead.description) }
    if let remote { object["remote"] = .string(remote) }
    if let source { object["source"] = .string(source) }
    let file = MergeState.folder(in: gitDirectory).appendingPathComponent("state.json")
    try AtomicFile.writeDurably(CanonicalWriter.bytes(.object(object)), to: file)
  }

  /// Removes the state and the saved index once the merge is committed or aborted.
  static func clear(in gitDirectory: URL) {
    try? FileManager.default.removeItem(at: folder(in: gitDirectory))
  }
}
