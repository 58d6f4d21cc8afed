/// A mailing service's lists against the rule the system record gives (`lists`: who belongs on
/// each, by function and membership status). Here the ledger decides: a difference is
/// corrected at the service, never in the ledger.
///
/// Each contact is found by email among the people; the lists it should be on are those
/// whose rule admits the person (none for a contact no person has). A list the contact lacks
/// is `missing-from-list`; a list it is on and should not be is `former-member-on-list` for a
/// person whose membership lapsed or ended, else `not-entitled-on-list`. A person the rules
/// put on lists who is no contact at all is `missing-from-list` too.
extension DriftComparison {
  mutating func runLists(in view: LedgerView) throws(StoreError) {
    let rules = ListRule.all(system)
    let finder = try PersonFinder(view)
    // A blocklisted contact is neither on the lists nor to be added back: its person is seen.
    var seen = Set(export.leftOut.compactMap { finder.person(email: $0)?.key.id.value })
    for contact in export.accounts.sorted(by: { $0.login < $1.login }) {
      let person = contact.email.flatMap { finder.person(email: $0) }
      if let person { seen.insert(person.key.id.value) }
      let expected = person.map { person in rules.filter { $0.admits(person) }.map(\.name).sorted() } ?? []
      if !compare(contact, person, expected: expected), let person { agreeing.append(person.key) }
    }
    for person in finder.people where !seen.contains(person.key.id.value) {
      let expected = rules.filter { $0.admits(person) }.map(\.name).sorted()
      guard !expected.isEmpty, let email = person.fields["emails"]?.arrayValue?.first?.stringValue
      else { continue }
      let contact = SystemAccount(
        line: 0, login: email.lowercased(), email: email, name: nil, organization: nil, roles: [],
        opened: nil)
      _ = compare(contact, person, expected: expected)
    }
    let order = DriftFinding.Kind.allCases
    cases.sort {
      let left = order.firstIndex(of: $0.finding.kind) ?? 0
      let right = order.firstIndex(of: $1.finding.kind) ?? 0
      return left != right ? left < right : $0.finding.login < $1.finding.login
    }
  }

  /// The findings of one contact; true when there is one.
  private mutating func compare(_ contact: SystemAccount, _ person: Record?, expected: [String]) -> Bool {
    let missing = expected.filter { !contact.roles.contains($0) }
    let extra = contact.roles.filter { !expected.contains($0) }
    let base = DriftFinding(
      kind: .missingFromList, login: contact.login, person: person?.key.id.value, account: nil,
      ledgerRoles: expected, systemRoles: contact.roles, notes: [],
      line: contact.line == 0 ? nil : contact.line)
    if !missing.isEmpty {
      cases.append(Case(finding: base, entry: contact, account: nil, rights: []))
    }
    if !extra.isEmpty {
      var finding = base
      let status = person?.fields["member_status"]?.stringValue ?? ""
      if ["lapsed", "resigned"].contains(status) {
        finding.kind = .formerMemberOnList
        finding.notes = [.member(status: status, paidUntil: person?.fields["paid_until"]?.stringValue)]
      } else {
        finding.kind = .notEntitledOnList
        if person == nil { finding.notes = [.noPerson] }
      }
      cases.append(Case(finding: finding, entry: contact, account: nil, rights: []))
    }
    return !missing.isEmpty || !extra.isEmpty
  }
}
