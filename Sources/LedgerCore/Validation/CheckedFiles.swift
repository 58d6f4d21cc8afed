import Foundation
import LedgerGit
import LedgerSchema

/// The file contents (by blob id) that passed the checks a file gets alone (a record, its
/// schema, no secret) under one set of schemas, kept in `.git/adminledger/index/` so `validate`
/// of a large ledger runs them again only on contents it has not seen pass.
///
/// Those checks read nothing but the file and the schemas, so their answer for a blob is fixed
/// once the schemas are: the file's name holds a fingerprint of every schema the ledger uses
/// (its own files and the built-in ones) and of these rules' version. A content with findings is
/// never recorded, so it is always checked again; the rules across records always run. The file
/// is checksummed: a damaged one is ignored and written anew.
struct CheckedFiles {
  /// Raised when a check a file gets alone changes, so no earlier answer is reused.
  private static let rulesVersion = "checked-files 2"

  private let file: URL?
  let passed: Set<ObjectID>

  /// The contents that passed under the schemas `state` holds (none when there is no place to
  /// keep them, or nothing kept yet).
  init(state: LedgerState, directory: URL?) throws(StoreError) {
    guard let directory else {
      file = nil
      passed = []
      return
    }
    // Each part with its length in front, so "ab"+"c" and "a"+"bc" differ.
    var parts: [UInt8] = []
    func add(_ bytes: [UInt8]) { parts += Array(String(bytes.count).utf8) + [0x3A] + bytes }
    add(Array(CheckedFiles.rulesVersion.utf8))
    for embedded in BuiltinSchemas.embeddedFiles {
      add(Array(embedded.path.utf8))
      add(Array(embedded.text.utf8))
    }
    for name in RecordKind.allCases.map(\.rawValue) + ["ledger"] {
      let path = "\(RecordSchemas.folder)/\(name).schema.json"
      add(Array(path.utf8))
      add(try state.bytes(path) ?? [])
    }
    let file = directory.appendingPathComponent("checked-\(String(ChecksummedFile.fnv1a(parts), radix: 16)).ids")
    self.file = file
    passed = CheckedFiles.read(file)
  }

  /// Records the contents that passed this time (replacing what was kept), and drops the lists
  /// kept for other schemas.
  func save(_ ids: [ObjectID]) {
    guard let file else { return }
    var body: [UInt8] = []
    body.reserveCapacity(ids.count * 20)
    for id in Set(ids).sorted() { body += id.bytes }
    guard ChecksummedFile.write(body, to: file, kind: "adminledger-checked", version: 1) else { return }
    let directory = file.deletingLastPathComponent()
    let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
    for name in names where name.hasPrefix("checked-") && name != file.lastPathComponent {
      try? FileManager.default.removeItem(at: directory.appendingPathComponent(name))
    }
  }

  private static func read(_ file: URL) -> Set<ObjectID> {
    guard let body = ChecksummedFile.read(file, kind: "adminledger-checked", version: 1), body.count % 20 == 0 else {
      return []
    }
    var ids = Set<ObjectID>()
    ids.reserveCapacity(body.count / 20)
    body.withUnsafeBytes { buffer in
      guard let base = buffer.baseAddress else { return }
      for offset in stride(from: 0, to: buffer.count, by: 20) { ids.insert(ObjectID(pointer: base + offset)) }
    }
    return ids
  }
}
