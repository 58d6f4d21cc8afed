import Foundation

// Warnings a clone says once: `.git/adminledger/notices` lists, one a line, those already said
// (`unknown-author claire@example.org`), so that the next command of the same clone stays quiet.
extension Ledger {
  /// Whether `notice` is said for the first time in this clone, recording it as said.
  ///
  /// A clone without a git folder of its own (a shared repository) or whose file cannot be
  /// written answers true every time: a warning said twice is better than one never said.
  ///
  /// - Parameter notice: one line naming the warning and what it is about; a line break in it
  ///   is replaced by a space.
  public func firstTime(notice: String) -> Bool {
    let line = notice.replacingOccurrences(of: "\n", with: " ")
    let file = store.repository.gitDirectory.appendingPathComponent("adminledger/notices")
    let said = FileManager.default.contents(atPath: file.path).map { String(decoding: $0, as: UTF8.self) } ?? ""
    if said.split(separator: "\n").contains(Substring(line)) { return false }
    do {
      try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
      let text = Data((said + line + "\n").utf8)
      try text.write(to: file, options: .atomic)
    } catch {
      return true
    }
    return true
  }
}
