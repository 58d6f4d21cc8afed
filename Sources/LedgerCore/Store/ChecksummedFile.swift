import Foundation

/// The files the tool derives under `.git/adminledger/`: a header line `KIND VERSION LENGTH
/// CHECKSUM`, then the body. A file whose header, length or checksum does not match (torn,
/// damaged, of another version) reads as absent, so it is rebuilt, never believed.
enum ChecksummedFile {
  /// The body of `file`, or nil when it is absent or does not check.
  static func read(_ file: URL, kind: String, version: Int) -> [UInt8]? {
    guard let data = FileManager.default.contents(atPath: file.path), let newline = data.firstIndex(of: 0x0A) else {
      return nil
    }
    let header = String(decoding: data[..<newline], as: UTF8.self).split(separator: " ")
    let body = [UInt8](data[(newline + 1)...])
    guard header.count == 4, header[0] == kind, header[1] == Substring(String(version)), Int(header[2]) == body.count,
      header[3] == Substring(String(fnv1a(body), radix: 16))
    else { return nil }
    return body
  }

  /// Writes `body` to `file` whole (by rename); false when it cannot be written (a read-only
  /// clone), which only means deriving it again next time.
  @discardableResult
  static func write(_ body: [UInt8], to file: URL, kind: String, version: Int) -> Bool {
    try? FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
    var data = Data("\(kind) \(version) \(body.count) \(String(fnv1a(body), radix: 16))\n".utf8)
    data.append(contentsOf: body)
    return (try? data.write(to: file, options: .atomic)) != nil
  }

  /// FNV-1a, 64 bits: enough to tell a damaged file, cheap enough to check at every read.
  static func fnv1a(_ bytes: some Sequence<UInt8>) -> UInt64 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
    return hash
  }
}
