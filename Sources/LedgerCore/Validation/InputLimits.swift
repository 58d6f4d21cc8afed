import Foundation
import LedgerLanguage

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// How large the files the tool reads may be, and a reader that keeps to it.
///
/// Everything the tool reads can be hostile: a record committed by someone else, a file
/// given to `--file` or `import`, a schema in the ledger's `schemas/`. Without a limit, a
/// 200 MB file (or `/dev/zero`) is read whole, then parsed into a tree several times its
/// size. The limits are far above any real file and far below what hurts a laptop:
///
/// - a ledger file (a record, `ledger.json`, a schema): 10 MiB. A record is a few hundred
///   bytes; the largest real ones (a training with a few hundred attendees) are a few KiB.
/// - a file given on the command line (CSV to import, JSON to check, an export to compare):
///   64 MiB. A back office's export of 100,000 members is about 30 MB. Reading it costs
///   about ten times its size at most (text, cells, records), which stays under 1 GB.
public enum InputLimits {
  /// The largest ledger file (record, `ledger.json`, schema), in bytes.
  public static let ledgerFileBytes = 10 << 20
  /// The largest file given on the command line, in bytes.
  public static let inputFileBytes = 64 << 20
  /// The most one fetch or clone receives, in bytes (`ADMINLEDGER_MAX_FETCH_MIB` changes it).
  ///
  /// A ledger's history is JSON text, which git packs tightly: years of a large ledger are
  /// tens of MiB. A pack of hundreds of MiB holds something else (a file committed by
  /// mistake, or a hostile remote), and libgit2 needs about three times a large blob's size
  /// in memory to index and check it out (a 300 MB blob took 950 MB). So a fetch stops at
  /// 256 MiB with a message that says how to raise the limit when the history really is
  /// that large.
  public static let fetchBytes = 256 << 20

  /// A size in words: `10 MiB`, `2.5 MiB`, `300 KiB`, `12 bytes`.
  public static func describe(_ bytes: Int) -> String {
    if bytes >= 1 << 20 {
      let tenths = (bytes * 10) >> 20
      return tenths % 10 == 0 ? "\(tenths / 10) MiB" : "\(tenths / 10).\(tenths % 10) MiB"
    }
    return bytes >= 1 << 10 ? "\(bytes >> 10) KiB" : tr("\(bytes) bytes")
  }

  /// The finding for a ledger file larger than `ledgerFileBytes`.
  public static func tooLarge(_ file: String, size: Int) -> Diagnostic {
    Diagnostic(
      file: file, rule: "file-size",
      message: tr("the file is \(describe(size)); a ledger file holds at most \(describe(ledgerFileBytes))"),
      hint: tr("a record is a few fields; keep documents outside the ledger and record where they are"))
  }

  /// What a bounded read found.
  public enum Read: Equatable, Sendable {
    case bytes([UInt8])
    /// The file holds more than the limit (`size` is how much was seen: at least limit + 1).
    case tooLarge(size: Int)
    /// Why it cannot be read: `no such file`, `it is a folder`, `permission denied`.
    case unreadable(reason: String)
  }

  /// Reads a file, but never more than `limit` bytes: a larger file (or an endless one,
  /// `/dev/zero`, a pipe) is refused after `limit + 1` bytes. A symbolic link is followed:
  /// the files given on the command line are the person's own choice.
  public static func read(_ url: URL, limit: Int) -> Read {
    var status = stat()
    guard stat(url.path, &status) == 0 else { return .unreadable(reason: String(cString: strerror(errno)).lowercased()) }
    if status.st_mode & S_IFMT == S_IFDIR { return .unreadable(reason: tr("it is a folder")) }
    guard let handle = try? FileHandle(forReadingFrom: url) else {
      return .unreadable(reason: access(url.path, R_OK) == 0 ? tr("it cannot be opened") : tr("permission denied"))
    }
    defer { try? handle.close() }
    if let size = (try? FileManager.default.attributesOfItem(atPath: url.path))?[.size] as? Int, size > limit {
      return .tooLarge(size: size)
    }
    var bytes: [UInt8] = []
    while bytes.count <= limit {
      let chunk: Data?
      do {
        chunk = try handle.read(upToCount: min(1 << 20, limit + 1 - bytes.count))
      } catch {
        return .unreadable(reason: error.localizedDescription)
      }
      guard let chunk, !chunk.isEmpty else { return .bytes(bytes) }
      bytes.append(contentsOf: chunk)
    }
    return .tooLarge(size: bytes.count)
  }
}
