/// One version of a file's content, named by the content: equal ids, equal bytes. Git's
/// blob ids; the memory history names contents by their SHA-256.
///
/// The 20 bytes are kept inline as three integers: ids are hashed and compared by the
/// million in history walks.
public struct ContentID: Hashable, Sendable, Comparable, CustomStringConvertible {
  public let high: UInt64
  public let middle: UInt64
  public let low: UInt32

  public init(high: UInt64, middle: UInt64, low: UInt32) {
    self.high = high
    self.middle = middle
    self.low = low
  }

  /// The id of `bytes` as the memory history names it: the first 20 bytes of their SHA-256.
  public init(hashing bytes: [UInt8]) {
    let digest = SHA256.digest(bytes)
    func word(_ range: Range<Int>) -> UInt64 { digest[range].reduce(0) { $0 << 8 | UInt64($1) } }
    self.init(high: word(0..<8), middle: word(8..<16), low: UInt32(word(16..<20)))
  }

  public var description: String {
    func hex(_ value: UInt64, digits: Int) -> String {
      let text = String(value, radix: 16)
      return String(repeating: "0", count: digits - text.count) + text
    }
    return hex(high, digits: 16) + hex(middle, digits: 16) + hex(UInt64(low), digits: 8)
  }

  public static func < (one: ContentID, two: ContentID) -> Bool {
    (one.high, one.middle, one.low) < (two.high, two.middle, two.low)
  }
}

/// A file that differs between two commits.
public struct FileDifference: Equatable, Sendable {
  /// What the file is: its mode, which a merge keeps.
  public enum Kind: Equatable, Sendable { case file, executable, link }

  /// Relative to the ledger's root; for a file outside the ledger's folder (a ledger kept in
  /// a subfolder of its repository), relative to the repository's root.
  public let path: String
  /// False for a file outside the ledger's folder.
  public let isInsideLedger: Bool
  public let old: ContentID?
  public let new: ContentID?
  /// What the file is on the new side (on the old one when removed).
  public let kind: Kind

  public init(path: String, old: ContentID?, new: ContentID?, kind: Kind = .file, isInsideLedger: Bool = true) {
    self.path = path
    self.isInsideLedger = isInsideLedger
    self.old = old
    self.new = new
    self.kind = kind
  }

  /// A symbolic link, which the ledger never follows.
  public var isLink: Bool { kind == .link }
}

/// What one commit changed: against each of its parents in order, the files that differ.
/// A root commit has no parent and no list: its files are its tree's.
public struct CommitChanges: Sendable {
  public let parents: [String]
  public let differences: [[FileDifference]]

  public init(parents: [String], differences: [[FileDifference]]) {
    self.parents = parents
    self.differences = differences
  }
}
