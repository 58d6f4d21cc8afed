import Foundation
import LedgerJSON

/// A commit's id before an erasure rewrote the history, and after.
public struct CommitRename: Hashable, Sendable {
  public let former: String
  public let now: String

  public init(former: String, now: String) {
    self.former = former
    self.now = now
  }
}

/// An erasure record (`erasures/ID.json`, written by `forget`): who forgot whom, when and why,
/// what was erased, and every commit the rewrite renamed. It names the person only by their
/// neutral id and a salted digest of the former one: the record itself holds nothing personal.
public struct ErasureRecord: Equatable, Sendable {
  public let key: RecordKey
  /// The person (id) who erased.
  public let by: String
  public let date: String
  public let reason: String
  /// The neutral id the person's record now has.
  public let person: String
  /// `sha256:` of `salt` followed by the former id.
  public let personDigest: String
  public let salt: String
  /// What was erased from the person's record, as JSON pointers (`/emails`).
  public let fields: [String]
  /// Whether the person's authorship of commits was kept (the default policy).
  public let authorshipKept: Bool
  /// The rewritten commits, oldest first.
  public let commits: [CommitRename]

  public init(
    key: RecordKey, by: String, date: String, reason: String, person: String, formerID: String, salt: String,
    fields: [String], authorshipKept: Bool, commits: [CommitRename]
  ) {
    self.key = key
    self.by = by
    self.date = date
    self.reason = reason
    self.person = person
    self.personDigest = ErasureRecord.digest(of: formerID, salt: salt)
    self.salt = salt
    self.fields = fields
    self.authorshipKept = authorshipKept
    self.commits = commits
  }

  /// Reads an erasure record; nil when `record` is not one or lacks what the audit needs (its
  /// schema then says what is wrong).
  public init?(_ record: Record) {
    let fields = record.fields
    guard record.key.kind == .erasures, let person = fields["person"]?.stringValue,
      let digest = fields["person_digest"]?.stringValue, let salt = fields["salt"]?.stringValue,
      let lines = fields["commits"]?.arrayValue
    else { return nil }
    var commits: [CommitRename] = []
    for line in lines {
      let parts = line.stringValue?.split(separator: " ").map(String.init) ?? []
      guard parts.count == 2 else { return nil }
      commits.append(CommitRename(former: parts[0], now: parts[1]))
    }
    self.key = record.key
    self.by = fields["by"]?.stringValue ?? ""
    self.date = fields["date"]?.stringValue ?? ""
    self.reason = fields["reason"]?.stringValue ?? ""
    self.person = person
    self.personDigest = digest
    self.salt = salt
    self.fields = (fields["fields"]?.arrayValue ?? []).compactMap(\.stringValue)
    self.authorshipKept = fields["authorship"]?.stringValue != "erased"
    self.commits = commits
  }

  /// The record as stored.
  public var record: Record {
    Record(
      key: key,
      fields: JSONObject([
        ("authorship", .string(authorshipKept ? "kept" : "erased")),
        ("by", .string(by)),
        ("commits", .array(commits.map { .string("\($0.former) \($0.now)") })),
        ("date", .string(date)),
        ("fields", .array(fields.map(JSONValue.string))),
        ("person", .string(person)),
        ("person_digest", .string(personDigest)),
        ("reason", .string(reason)),
        ("salt", .string(salt)),
      ]))
  }

  /// Whether `id` is the former id of the person this record erased.
  public func erased(_ id: String) -> Bool {
    ErasureRecord.digest(of: id, salt: salt) == personDigest
  }

  /// `sha256:` and the hex SHA-256 of `salt` followed by `id`.
  static func digest(of id: String, salt: String) -> String {
    "sha256:" + SHA256.digest(Array((salt + id).utf8)).map { String(format: "%02x", $0) }.joined()
  }

  /// A fresh salt: 16 random bytes in hex.
  static func makeSalt() -> String {
    var generator = SystemRandomNumberGenerator()
    return (0..<16).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &generator)) }.joined()
  }
}

/// What the erasure records of a history say about its commits: which former ids became which,
/// and which commits a signed erasure vouches for (a rewritten commit lost its signature).
public struct ErasureMap: Sendable {
  public private(set) var records: [ErasureRecord] = []
  private var nowOf: [String: String] = [:]
  private var vouchers: [String: RecordKey] = [:]
  private var formerOf: [String: String] = [:]

  public init(records: [ErasureRecord] = []) {
    for record in records.sorted(by: { $0.key < $1.key }) { add(record) }
  }

  /// The erasure records of the ledger at `snapshot`.
  public init(snapshot: any LedgerSnapshot) throws(StoreError) {
    self.init(records: try snapshot.records(of: .erasures).records.compactMap(ErasureRecord.init))
  }

  mutating func add(_ record: ErasureRecord) {
    records.append(record)
    for rename in record.commits {
      nowOf[rename.former] = rename.now
      formerOf[rename.now] = rename.former
      vouchers[rename.now] = record.key
    }
  }

  public var isEmpty: Bool { records.isEmpty }

  /// What `commit` became through every erasure since (itself when none rewrote it).
  public func current(_ commit: String) -> String {
    var id = commit
    var seen: Set<String> = []
    while let next = nowOf[id], seen.insert(id).inserted { id = next }
    return id
  }

  /// What `commit` was before every erasure that rewrote it (itself when none did).
  public func original(_ commit: String) -> String {
    var id = commit
    var seen: Set<String> = []
    while let previous = formerOf[id], seen.insert(id).inserted { id = previous }
    return id
  }

  /// Whether an erasure renamed `commit`.
  public func wasRewritten(_ commit: String) -> Bool { nowOf[commit] != nil }

  /// The erasure record that vouches for `commit`, written by a rewrite.
  public func voucher(of commit: String) -> RecordKey? { vouchers[commit] }
}

/// Checks an erasure record against the former history, while a repository still holds it.
public protocol ErasureVerifier {
  /// What is wrong with `record`, written by `commit`; nil when forgetting its person turns the
  /// former history into exactly the commits it lists, or when the former history is gone.
  func verify(_ record: ErasureRecord, committedIn commit: String) throws(StoreError) -> ErasureForgery?
}
