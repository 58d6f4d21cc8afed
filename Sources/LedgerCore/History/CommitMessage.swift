/// A commit message: a subject, body lines, and the ledger's trailers.
///
///     Set rights/2026-03-02-k3f9q: status
///
///     status: "active" -> "revoked"
///
///     Ledger-Action: set
///     Ledger-Record: rights/2026-03-02-k3f9q
///
/// A merge says `Ledger-Action: merge` and adds one `Ledger-Resolved: KIND/ID FIELD ours|theirs|set`
/// per conflict a person settled.
///
/// Trailers follow git's trailer convention, so `git interpret-trailers` and the audit read them.
public struct CommitMessage: Equatable, Sendable {
  /// What a write did to its records. `offboard` and `onboard` name the command that made the
  /// commit; such a commit also says `set` (and `add`) for what it did to each record.
  public enum Action: String, Sendable, CaseIterable {
    case initialize = "init", add, set, rm, merge, offboard, onboard
    /// A person forgotten: the history rewritten without them, an erasure record on top.
    case forget
  }

  public var subject: String
  public var body: [String]
  public var actions: [Action]
  public var records: [RecordKey]
  /// How a merge's conflicts were settled: `KIND/ID FIELD ours|theirs|set`, one per field.
  public var resolutions: [String]

  public init(
    subject: String, body: [String] = [], actions: [Action], records: [RecordKey], resolutions: [String] = []
  ) {
    self.subject = subject
    self.body = body
    self.actions = actions
    self.records = records
    self.resolutions = resolutions
  }

  /// The full text, ending with a newline.
  public var text: String {
    var lines = [subject]
    if !body.isEmpty { lines += [""] + body }
    let trailers =
      actions.map { "Ledger-Action: \($0.rawValue)" }
      + records.sorted().map { "Ledger-Record: \($0)" }
      + resolutions.map { "Ledger-Resolved: \($0)" }
    if !trailers.isEmpty { lines += [""] + trailers }
    return lines.joined(separator: "\n") + "\n"
  }

  /// The ledger's trailers read back from a commit message.
  public static func trailers(in message: String) -> (actions: [Action], records: [String]) {
    var actions: [Action] = []
    var records: [String] = []
    for line in message.split(separator: "\n") {
      if line.hasPrefix("Ledger-Action: "), let action = Action(rawValue: String(line.dropFirst(15))) {
        actions.append(action)
      } else if line.hasPrefix("Ledger-Record: ") {
        records.append(String(line.dropFirst(15)))
      }
    }
    return (actions, records)
  }
}
