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
  private static let rulesVersion = "checked-files 1"

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
    var fingerprint = Fingerprint()
    fingerprint.add(Array(CheckedFiles.rulesVersion.utf8))
    for embedded in BuiltinSchemas.embeddedFiles {
      fingerprint.add(Array(embedded.path.utf8))
      fingerprint.add(Array(embedded.text.utf8))
    }
    for name in RecordKind.allCases.map(\.rawValue) + ["ledger"] {
      let path = "\(RecordSchemas.folder)/\(name).schema.json"
      fingerprint.add(Array(path.utf8))
      fingerprint.add(try state.bytes(path) ?? [])
    }
    let file = directory.appendingPathComponent("checked-\(String(fingerprint.value, radix: 16)).ids")
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
    var data = Data("adminledger-checked 1 \(body.count) \(String(Fingerprint.of(body), radix: 16))\n".utf8)
    data.append(contentsOf: body)
    let directory = file.deletingLastPathComponent()
    try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    guard (try? data.write(to: file, options: .atomic)) != nil else { return }
    let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
    for name in names where name.hasPrefix("checked-") && name != file.lastPathComponent {
      try? FileManager.default.removeItem(at: directory.appendingPathComponent(name))
    }
  }

  private static func read(_ file: URL) -> Set<ObjectID> {
    guard let data = FileManager.default.contents(atPath: file.path), let newline = data.firstIndex(of: 0x0A) else {
      return []
    }
    let header = String(decoding: data[..<newline], as: UTF8.self).split(separator: " ")
    let body = [UInt8](data[(newline + 1)...])
    guard header.count == 4, header[0] == "adminledger-checked", header[1] == "1", Int(header[2]) == body.count,
      body.count % 20 == 0, header[3] == String(Fingerprint.of(body), radix: 16)
    else { return [] }
    var ids = Set<ObjectID>()
    ids.reserveCapacity(body.count / 20)
    body.withUnsafeBytes { buffer in
      guard let base = buffer.baseAddress else { return }
      for offset in stride(from: 0, to: buffer.count, by: 20) { ids.insert(ObjectID(pointer: base + offset)) }
    }
    return ids
  }

  /// FNV-1a, 64 bits.
  private struct Fingerprint {
    var value: UInt64 = 0xcbf2_9ce4_8422_2325

    mutating func add(_ bytes: [UInt8]) {
      for byte in bytes { value = (value ^ UInt64(byte)) &* 0x100_0000_01b3 }
      // A separator, so "ab"+"c" and "a"+"bc" differ.
      value = (value ^ 0xFF) &* 0x100_0000_01b3
    }

    static func of(_ bytes: [UInt8]) -> UInt64 {
      var fingerprint = Fingerprint()
      fingerprint.add(bytes)
      return fingerprint.value
    }
  }
}
