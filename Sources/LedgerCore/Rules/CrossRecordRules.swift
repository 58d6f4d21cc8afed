import LedgerJSON
import LedgerLanguage

/// The rules a schema cannot say, each with a name, a message and a hint. Each takes one
/// record as its subject and reads the others through the context.
enum CrossRecordRules {
  typealias Rule = @Sendable (Record, RuleContext) throws(StoreError) -> [Diagnostic]

  /// Every rule, in the order findings are reported.
  static let all: [(name: String, check: Rule)] = [
    ("ref-exists", referencesExist),
    ("right-role-offered", rightRoleIsOffered),
    ("temporary-right-end", temporaryRightHasEnd),
    ("active-right-on-closed-account", noActiveRightOnClosedAccount),
    ("payment-approver", paymentApproverHoldsRole),
    ("evolution-approval", evolutionIsApprovedBeforeWork),
    ("ticket-closed-date", closedTicketHasClosingDate),
    ("signing-key", signingKeyIsAKey),
    ("group-role-offered", GroupRules.groupRolesAreOffered),
    ("account-group-system", GroupRules.accountGroupsAreOnItsSystem),
    ("ticket-contract", TicketRules.contractCoversTicket),
    ("ticket-test", TicketRules.testIsRecordedAfterWork),
    (CostApprovalRule.name, CostApprovalRule.check),
  ]

  static func check(_ record: Record, _ context: RuleContext) throws(StoreError) -> [Diagnostic] {
    var findings: [Diagnostic] = []
    for rule in all { findings += try rule.check(record, context) }
    return findings
  }

  private static func finding(_ record: Record, _ field: String, _ rule: String, _ message: String, hint: String) -> Diagnostic {
    finding(record, JSONPointer(tokens: [field]), rule, message, hint: hint)
  }

  private static func finding(_ record: Record, _ pointer: JSONPointer, _ rule: String, _ message: String, hint: String)
    -> Diagnostic
  {
    Diagnostic(file: record.key.path, instancePath: pointer, rule: rule, message: message, hint: hint)
  }

  private static func text(_ record: Record?, _ field: String) -> String? {
    record?.fields[field]?.stringValue
  }

  // MARK: - Rules

  /// A person's signing key is an SSH public key whose content names the type it starts with:
  /// one that is not would never verify a commit, silently.
  static func signingKeyIsAKey(_ record: Record, _ context: RuleContext) throws(StoreError) -> [Diagnostic] {
    guard record.key.kind == .people, let keys = record.fields["signing_keys"]?.arrayValue else { return [] }
    return keys.enumerated().compactMap { index, entry in
      guard let text = entry.objectValue?["key"]?.stringValue, SSHPublicKey(text: text) == nil else { return nil }
      return finding(
        record, JSONPointer(tokens: ["signing_keys", String(index), "key"]), "signing-key",
        tr("signing_keys/\(index) is not an SSH public key: its base64 does not hold a key of the type it names"),
        hint: tr("copy the whole first two words of the key's .pub file (ssh-keygen -y -f KEY prints them)"))
    }
  }

  /// Every `x-ref` names an existing record of the right kind. References to records the
  /// change removes are one finding for the referring record, saying so (a removal refused
  /// because others still refer to it is not a record that "does not exist").
  static func referencesExist(_ record: Record, _ context: RuleContext) throws(StoreError) -> [Diagnostic] {
    var findings: [Diagnostic] = []
    var removed: [(pointer: JSONPointer, target: String)] = []
    for (pointer, kind, id, declared) in context.references(of: record) {
      guard let kind else {
        let kinds = RecordKind.allCases.map(\.rawValue).joined(separator: ", ")
        findings.append(
          finding(
            record, pointer, "ref-exists", tr("the schema's x-ref \(declared.compactText) names no kind of record"),
            hint: tr("x-ref takes a kind: \(kinds)")))
        continue
      }
      if try !context.exists(kind, id) {
        let field = pointer.description.dropFirst()
        if let recordID = RecordID(id), context.state.removes(RecordKey(kind: kind, id: recordID)) {
          removed.append((pointer, "\(kind)/\(id)"))
          continue
        }
        findings.append(
          finding(
            record, pointer, "ref-exists", tr("\"\(field)\" names \(kind)/\(id), which does not exist"),
            hint: tr("add it first, or fix the id ('adminledger list \(kind)' shows them)")))
      }
    }
    if let first = removed.first {
      let fields = removed.map { "\"\($0.pointer.description.dropFirst())\"" }.joined(separator: ", ")
      let targets = Array(Set(removed.map(\.target))).sorted().joined(separator: ", ")
      let key = record.key
      let message = tr("still refers to \(targets) (in \(fields)), which this change removes")
      let hint =
        removed.contains { $0.target.hasPrefix("people/") }
        ? tr(
          "change or remove \(key) first ('adminledger set \(key) --set FIELD=VALUE' or 'adminledger rm \(key)'), then remove \(targets); 'adminledger offboard' ends what a person holds in one commit"
        )
        : tr(
          "change or remove \(key) first ('adminledger set \(key) --set FIELD=VALUE' or 'adminledger rm \(key)'), then remove \(targets)"
        )
      findings.append(finding(record, first.pointer, "ref-exists", message, hint: hint))
    }
    return findings
  }

  /// A right's role is one its account's system offers.
  static func rightRoleIsOffered(_ record: Record, _ context: RuleContext) throws(StoreError) -> [Diagnostic] {
    guard record.key.kind == .rights, let role = text(record, "role"), let accountID = text(record, "account"),
      let account = try context.record(.accounts, accountID), let systemID = text(account, "system"),
      let system = try context.record(.systems, systemID), let offered = system.fields["roles"]?.arrayValue
    else { return [] }
    guard !offered.contains(.string(role)) else { return [] }
    let names = offered.compactMap(\.stringValue).joined(separator: ", ")
    return [
      finding(
        record, "role", "right-role-offered", tr("role \"\(role)\" is not one that systems/\(systemID) offers (\(names))"),
        hint: tr("use one of its roles, or add the role to systems/\(systemID)"))
    ]
  }

  /// A temporary right has an end, not before its start.
  static func temporaryRightHasEnd(_ record: Record, _ context: RuleContext) throws(StoreError) -> [Diagnostic] {
    guard record.key.kind == .rights, record.fields["temporary"] == .bool(true) else { return [] }
    guard let end = text(record, "end") else {
      return [
        finding(
          record, "temporary", "temporary-right-end", tr("a temporary right needs an end date"),
          hint: tr("add --set end=YYYY-MM-DD"))
      ]
    }
    if let start = text(record, "start"), end < start {
      return [
        finding(
          record, "end", "temporary-right-end", tr("the right ends (\(end)) before it starts (\(start))"),
          hint: tr("fix start or end"))
      ]
    }
    return []
  }

  /// No active right on a closed or suspended account.
  static func noActiveRightOnClosedAccount(_ record: Record, _ context: RuleContext) throws(StoreError) -> [Diagnostic] {
    guard record.key.kind == .rights, text(record, "status") == "active", let accountID = text(record, "account"),
      let account = try context.record(.accounts, accountID), let status = text(account, "status"),
      status == "closed" || status == "suspended"
    else { return [] }
    return [
      finding(
        record, "status", "active-right-on-closed-account",
        tr("the right is active on accounts/\(accountID), which is \(status)"),
        hint: tr("revoke the right (--set status=revoked) when the account closes"))
    ]
  }

  /// An approved or paid payment names an approver holding a role that may approve payments
  /// on the day of approval.
  static func paymentApproverHoldsRole(_ record: Record, _ context: RuleContext) throws(StoreError) -> [Diagnostic] {
    guard record.key.kind == .payments, let status = text(record, "status"), status == "approved" || status == "paid",
      let approverID = text(record, "approved_by")
    else { return [] }
    let allowed = context.policy.paymentApprovers
    let day = text(record, "approved_on")
    let held = Policy.roles(of: try context.record(.people, approverID), on: day)
    guard !held.contains(where: allowed.contains) else { return [] }
    let roles = allowed.joined(separator: ", ")
    return [
      finding(
        record, "approved_by", "payment-approver",
        day.map { tr("people/\(approverID) held no role that may approve payments (\(roles)) on \($0)") }
          ?? tr("people/\(approverID) held no role that may approve payments (\(roles))"),
        hint: tr("the approval must come from someone holding one of those roles in ledger_roles"))
    ]
  }

  /// An evolution is approved before it is in progress, tested or closed.
  static func evolutionIsApprovedBeforeWork(_ record: Record, _ context: RuleContext) throws(StoreError) -> [Diagnostic] {
    guard record.key.kind == .tickets, text(record, "type") == "evolution", let status = text(record, "status"),
      ["in-progress", "testing", "closed"].contains(status), record.fields["approval"] == nil
    else { return [] }
    return [
      finding(
        record, "status", "evolution-approval", tr("an evolution cannot be \(status) before it is approved"),
        hint: tr("record the approval first: --set approval.by=committee --set approval.date=YYYY-MM-DD"))
    ]
  }

  /// A closed ticket has a closing date, not before its opening.
  static func closedTicketHasClosingDate(_ record: Record, _ context: RuleContext) throws(StoreError) -> [Diagnostic] {
    guard record.key.kind == .tickets, text(record, "status") == "closed" else { return [] }
    guard let closed = text(record, "closed") else {
      return [
        finding(
          record, "status", "ticket-closed-date", tr("a closed ticket needs its closing date"),
          hint: tr("add --set closed=YYYY-MM-DD"))
      ]
    }
    if let opened = text(record, "opened"), closed < opened {
      return [
        finding(
          record, "closed", "ticket-closed-date", tr("the ticket closes (\(closed)) before it opens (\(opened))"),
          hint: tr("fix opened or closed"))
      ]
    }
    return []
  }
}
