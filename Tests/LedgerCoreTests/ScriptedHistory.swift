import Foundation
import LedgerCore
import LedgerGit
import LedgerJSON
import LedgerTestSupport
import Testing

// A small language for histories: a script is a list of named steps, each a commit with its
// parents (by step name), author, message and the ledger files it changes against its first
// parent. The same script is played into a `MemoryHistory` and into a real git repository,
// so the logic on top of `LedgerHistory` can be asked the same questions on both.
//
//   var script = HistoryScript("sides")
//   script.commit("create", by: claire, "Create the ledger", [.write("ledger.json", settings)])
//   script.commit("sideA", parents: ["create"], by: claire, "Phone", [.set("people/hugo.json", #"{"phone": "+33611111111"}"#)])
//   script.commit("sideB", parents: ["create"], by: marc, "Department", [.set("people/hugo.json", #"{"department": "13"}"#)])
//   script.commit("merge", parents: ["sideB", "sideA"], by: marc, "Merge", [.set("people/hugo.json", #"{"phone": "+33611111111"}"#)])
//
// Author dates are given by the script: ten minutes apart from 2026-11-18 08:00 in Paris, in
// step order, so they are distinct and increase (unless a step is backdated on purpose), and
// git's time and topological order is the same on both sides. The committer is the author, at
// the same date.

/// One change a scripted commit makes to a ledger file, against its first parent's version.
enum ScriptEdit: Sendable {
  /// Writes the file; a JSON text is written in canonical form.
  case write(String, String)
  /// Sets top-level fields of a record (the members of a JSON object), keeping the others.
  case set(String, String)
  /// Removes top-level fields of a record.
  case unset(String, [String])
  /// Removes the file.
  case remove(String)
  /// Takes the file as another step holds it (removed when absent there): a merge bringing one
  /// side's version whole.
  case take(String, from: String)
}

/// One commit of a script, its files resolved to bytes.
struct ScriptStep: Sendable {
  let name: String
  let parents: [String]
  let author: Author
  let date: Date
  let message: String
  /// The files the commit changes against its first parent: their bytes, nil for a removal.
  let files: [String: [UInt8]?]
  /// The key that signs the commit, if any.
  let signer: SSHKeyPair?
}

/// A history as named steps, and where the branch points in the end.
struct HistoryScript: Sendable {
  let name: String
  private(set) var steps: [ScriptStep] = []
  /// Each step's whole ledger, by path.
  private(set) var states: [String: [String: [UInt8]]] = [:]
  /// The step the branch points at: the last one made, unless `reset(to:)` moved it.
  private(set) var head: String?

  init(_ name: String) { self.name = name }

  /// The first author date; each step is ten minutes after the one before.
  static let start = Date(timeIntervalSince1970: 1_794_985_200)  // 2026-11-18T07:00:00Z

  /// Adds a commit on `parents` (the branch's step when nil, none for the first) and points the
  /// branch at it. `offset` dates it that much earlier than its turn (a backdated commit; keep
  /// it clear of the other steps' dates).
  mutating func commit(
    _ name: String, parents: [String]? = nil, by author: Author, _ message: String,
    _ edits: [ScriptEdit],
    signedWith signer: SSHKeyPair? = nil, backdatedBy offset: TimeInterval = 0
  ) {
    precondition(states[name] == nil, "step \(name) is made twice")
    let parents = parents ?? head.map { [$0] } ?? []
    var files = parents.first.flatMap { states[$0] } ?? [:]
    var changed: [String: [UInt8]?] = [:]
    for edit in edits {
      let (path, bytes) = apply(edit, to: files)
      files[path] = bytes
      changed[path] = .some(bytes)
    }
    let text = message.hasSuffix("\n") ? message : message + "\n"
    let date = HistoryScript.start.addingTimeInterval(600 * Double(steps.count) - offset)
    steps.append(
      ScriptStep(
        name: name, parents: parents, author: author, date: date, message: text, files: changed,
        signer: signer))
    states[name] = files
    head = name
  }

  /// Points the branch at an earlier step: a rewrite when the old head does not descend from it.
  mutating func reset(to name: String) {
    precondition(states[name] != nil, "no step \(name)")
    head = name
  }

  /// Every file path some step wrote, sorted.
  var paths: [String] { Set(steps.flatMap(\.files.keys)).sorted() }

  /// The step's record, parsed.
  func record(_ path: String, at step: String) -> JSONObject? {
    states[step]?[path].flatMap { try? JSONParser.parse($0) }?.objectValue
  }

  private func apply(_ edit: ScriptEdit, to files: [String: [UInt8]]) -> (String, [UInt8]?) {
    switch edit {
    case .write(let path, let text):
      return (path, (try? JSONParser.parse(text)).map(CanonicalWriter.bytes) ?? Array(text.utf8))
    case .set(let path, let text):
      var fields = files[path].flatMap { try? JSONParser.parse($0) }?.objectValue ?? JSONObject()
      let changes = (try? JSONParser.parse(text))?.objectValue
      precondition(changes != nil, "not a JSON object: \(text)")
      for member in changes ?? JSONObject() { fields[member.key] = member.value }
      return (path, CanonicalWriter.bytes(.object(fields)))
    case .unset(let path, let names):
      var fields = files[path].flatMap { try? JSONParser.parse($0) }?.objectValue ?? JSONObject()
      for name in names { fields[name] = nil }
      return (path, CanonicalWriter.bytes(.object(fields)))
    case .remove(let path):
      return (path, nil)
    case .take(let path, let step):
      precondition(states[step] != nil, "no step \(step)")
      return (path, states[step]?[path])
    }
  }
}

// MARK: - Playing a script

/// A script played into one kind of history, with each step's commit id.
final class PlayedHistory {
  let script: HistoryScript
  let kind: StoreKind
  let history: any LedgerHistory
  /// Each step's commit id, and each id's step.
  let ids: [String: String]
  let names: [String: String]
  /// The git side's folder and ledger, kept alive as long as the history reads them.
  private let sandbox: TemporaryDirectory?
  private let ledger: Ledger?
  /// A folder the script needs while the history is read (its signing keys).
  private let kept: TemporaryDirectory?

  init(_ script: HistoryScript, on kind: StoreKind, keeping kept: TemporaryDirectory? = nil) throws {
    self.script = script
    self.kind = kind
    self.kept = kept
    switch kind {
    case .memory:
      let memory = MemoryHistory()
      var ids: [String: String] = [:]
      for step in script.steps {
        let parents = try step.parents.map { try #require(ids[$0]) }
        let sign = step.signer.map { key in
          { (payload: [UInt8]) in try? PlayedHistory.sign(payload, with: key) }
        }
        ids[step.name] = memory.commit(
          step.files, parents: parents, author: step.author, at: step.date, message: step.message,
          sign: sign)
      }
      memory.reset(to: try #require(script.head.flatMap { ids[$0] }))
      history = memory
      self.ids = ids
      sandbox = nil
      ledger = nil
    case .git:
      let sandbox = try TemporaryDirectory()
      let ids = try PlayedHistory.playInGit(script, in: sandbox)
      let ledger = try Ledger.open(from: sandbox.url)
      history = ledger.history
      self.ids = ids
      self.sandbox = sandbox
      self.ledger = ledger
    }
    names = Dictionary(uniqueKeysWithValues: ids.map { ($1, $0) })
  }

  /// Makes the script's commits with libgit2 in a new repository in `sandbox`, points `main`
  /// at the head step, and writes the head's `ledger.json` so `Ledger.open` finds the ledger.
  private static func playInGit(_ script: HistoryScript, in sandbox: TemporaryDirectory) throws
    -> [String: String]
  {
    let repository = try Repository.create(at: sandbox.url)
    var ids: [String: ObjectID] = [:]
    for step in script.steps {
      let parents = try step.parents.map { try #require(ids[$0]) }
      var updates: [TreeUpdate] = []
      for (path, bytes) in step.files.sorted(by: { $0.key < $1.key }) {
        if let bytes {
          updates.append(.upsert(path: path, blob: try repository.writeBlob(bytes)))
        } else {
          updates.append(.remove(path: path))
        }
      }
      let tree = try repository.updatedTree(
        try parents.first.map { try repository.commit($0).tree }, applying: updates)
      let signature = Signature(name: step.author.name, email: step.author.email, date: step.date)
      if let key = step.signer {
        let content = try repository.commitContent(
          tree: tree, parents: parents, author: signature, committer: signature,
          message: step.message)
        ids[step.name] = try repository.createSignedCommit(
          content: content, signature: try sign(Array(content.utf8), with: key))
      } else {
        ids[step.name] = try repository.createCommit(
          tree: tree, parents: parents, author: signature, committer: signature,
          message: step.message)
      }
    }
    let head = try #require(script.head.flatMap { ids[$0] })
    try repository.moveReference(
      "refs/heads/main", to: head, expecting: nil, reflogMessage: "scripted history")
    let settings = try #require(script.head.flatMap { script.states[$0]?[LedgerSettings.fileName] })
    try sandbox.write(LedgerSettings.fileName, String(decoding: settings, as: UTF8.self))
    return ids.mapValues(\.description)
  }

  private static func sign(_ payload: [UInt8], with key: SSHKeyPair) throws -> String {
    try key.sign(payload, in: key.privateKey.deletingLastPathComponent())
  }

  /// The commit id of a step.
  func id(_ step: String) throws -> String {
    try #require(ids[step], "no step \(step) in \(script.name)")
  }

  /// The step a commit id names; `-` for none, `?` and the short id for a commit of no step.
  func name(_ id: String?) -> String {
    guard let id else { return "-" }
    return names[id] ?? "?" + id.prefix(7)
  }

  /// `text` with every commit id, whole or short (7 digits), replaced by its step's name.
  func translate(_ text: String) -> String {
    var result = text
    for (id, name) in names.sorted(by: { $0.key < $1.key }) {
      result = result.replacingOccurrences(of: id, with: name).replacingOccurrences(
        of: id.prefix(7), with: name)
    }
    return result
  }
}
