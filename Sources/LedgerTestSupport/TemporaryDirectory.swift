import Foundation
import LedgerCore

/// A fresh folder for one test, unique by UUID, removed when the value goes away.
///
/// Making one also stops libgit2 from reading the machine's own git configuration.
public final class TemporaryDirectory {
  public let url: URL

  public init() throws {
    // Every test that touches git makes its folder first: isolate libgit2 before any use.
    Ledger.ignoreUserGitConfiguration()
    url = FileManager.default.temporaryDirectory
      .appendingPathComponent("adminledger-test-\(UUID().uuidString)", isDirectory: true)
      .resolvingSymlinksInPath()
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  }

  deinit { try? FileManager.default.removeItem(at: url) }

  /// A path inside the folder.
  public func path(_ relative: String) -> URL { url.appendingPathComponent(relative) }

  /// Writes text to a file inside the folder, creating folders on the way.
  public func write(_ relative: String, _ text: String) throws {
    let file = path(relative)
    try FileManager.default.createDirectory(
      at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(text.utf8).write(to: file)
  }

  /// The text of a file inside the folder, or nil when absent.
  public func read(_ relative: String) -> String? {
    FileManager.default.contents(atPath: path(relative).path).map { String(decoding: $0, as: UTF8.self) }
  }
}
