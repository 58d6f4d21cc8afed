import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The last commit an audit of the branch's history passed, kept in
/// `.git/adminledger/audit-last` as one line holding the commit's hex id, so `audit
/// --since-last` audits only what came after it.
///
/// The file is written whole: aside, then renamed over the old one, so a reader never sees
/// half an id.
struct AuditMark {
  /// Why the mark could not be written: the file, and the system's reason.
  struct Unwritten: Error {
    let path: String
    let reason: String
  }

  let file: URL

  init(gitDirectory: URL) {
    file = gitDirectory.appendingPathComponent("adminledger/audit-last")
  }

  /// The commit recorded; nil when no audit recorded one (or the file is unreadable).
  func read() -> String? {
    guard let data = FileManager.default.contents(atPath: file.path) else { return nil }
    let line = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    return Descent.isCommitID(line) ? line.lowercased() : nil
  }

  /// Records `commit` as the last one passed.
  func write(_ commit: String) throws(Unwritten) {
    let folder = file.deletingLastPathComponent()
    let aside = folder.appendingPathComponent("audit-last.\(getpid()).tmp")
    do {
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      try Data((commit + "\n").utf8).write(to: aside)
    } catch {
      throw Unwritten(path: aside.path, reason: error.localizedDescription)
    }
    guard rename(aside.path, file.path) == 0 else {
      let reason = String(cString: strerror(errno))
      try? FileManager.default.removeItem(at: aside)
      throw Unwritten(path: file.path, reason: reason)
    }
  }
}
