import Foundation
import LedgerCore

extension CommandContext {
  /// The bytes of a file named on the command line, read no further than `limit`.
  ///
  /// - Throws: `.unreadableFile` when it cannot be read, `.tooLarge` when it holds more than
  ///   `limit` bytes (a hostile or mistaken file, `/dev/zero`), before most of it is read.
  func readInput(_ path: String, limit: Int = InputLimits.inputFileBytes) throws(CLIError) -> [UInt8] {
    switch InputLimits.read(url(for: path), limit: limit) {
    case .bytes(let bytes): return bytes
    case .tooLarge: throw .tooLarge(path: path, limit: limit)
    case .unreadable(let reason): throw .unreadableFile(path: path, reason: reason)
    }
  }
}
