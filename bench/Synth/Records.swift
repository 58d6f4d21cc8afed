// New records of each kind, valid under the built-in schemas and the cross-record rules, made
// on `day` (the day of the commit that adds them, or a day before the history for the import).
extension LedgerState {
  func makePerson(day: Int) -> (String, [String: J]) {
    let first = rng.pick(Names.first)
    let last = rng.pick(Names.last)
    let id = personID(first: first, last: last)
    let org = organization()
    var f: [String: J] = ["name": .s(first + " " + last), "emails": .a([.s("\(id)@\(org).example.org")]),
                          "organization": .s(org)]
    if rng.chance(0.15) { f["emails"] = .a([.s("\(id)@\(org).example.org"), .s(newEmail(for: id))]) }
    var functions = [rng.chance(0.6) ? "member" : rng.pick(Names.functions)]
    if rng.chance(0.3) {
      let more = rng.pick(Names.functions)
      if !functions.contains(more) { functions.append(more) }
    }
    f["functions"] = .a(functions.map { .s($0) })
    if rng.chance(0.7) { f["department"] = .s(rng.pick(Names.departments)) }
    setMembership(&f, day: day)
    if rng.chance(0.4) { f["phone"] = phone() }
    if rng.chance(0.05) { f["notes"] = .s(rng.pick(Names.notes)) }
    peopleOf[org, default: 0] += 1
    return (id, f)
  }

  func setMembership(_ f: inout [String: J], day: Int) {
    let year = Day.civil(day).year
    switch rng.int(0..<20) {
    case 0..<10:
      f["member_status"] = .s("active")
      f["paid_until"] = .s("\(year)-12-31")
    case 10..<14:
      f["member_status"] = .s("lapsed")
      f["paid_until"] = .s("\(year - 1)-12-31")
    case 14..<18: f["member_status"] = .s("none"); f["paid_until"] = nil
    case 18: f["member_status"] = .s("resigned"); f["paid_until"] = nil
    default: f["member_status"] = .s("honorary"); f["paid_until"] = nil
    }
  }

  func makeOrganization(index: Int) -> (String, [String: J]) {
    let p = index % Names.orgPrefixes.count
    var id = Names.orgPrefixes[p] + "-" + rng.pick(Names.places)
    var n = 2
    while organizations.contains(id) || records["organizations/" + id] != nil {
      id = Names.orgPrefixes[p] + "-" + rng.pick(Names.places) + "-" + String(n)
      n += 1
    }
    let types = ["member", "member", "member", "partner", "other", "public-body"]
    var f: [String: J] = ["name": .s(Names.orgWords[p] + " " + id), "type": .s(rng.pick(types)),
                          "website": .s("https://www.\(id).example.org")]
    if rng.chance(0.7) { f["department"] = .s(rng.pick(Names.departments)) }
    return (id, f)
  }

  /// An account for `person` on a system they have none on yet (login unique per system).
  func makeAccount(person: String, day: Int, initial: Bool) -> (String, [String: J])? {
    let have = personSystems[person] ?? []
    let free = LedgerState.systems.filter { !have.contains($0) }
    guard !free.isEmpty else { return nil }
    let system = rng.pick(free)
    personSystems[person, default: []].insert(system)
    let opened = initial ? day - rng.int(0...1500) : day
    let id = generatedID("accounts", day: opened)
    var f: [String: J] = ["person": .s(person), "system": .s(system),
                          "login": .s(system == "github-tracker" ? "gh-" + person : person)]
    let roll = rng.int(0..<100)
    if !initial || roll < 85 {
      f["status"] = .s(!initial && rng.chance(0.3) ? "requested" : "active")
      if f.text("status") == "active" {
        f["opened"] = .s(Day.text(opened))
        if rng.chance(0.7) { f["handovers"] = .a([handover(day: opened)]) }
      }
    } else if roll < 93 {
      f["status"] = .s("closed")
      f["opened"] = .s(Day.text(opened))
      f["closed"] = .s(Day.text(min(day, opened + rng.int(30...900))))
    } else if roll < 97 {
      f["status"] = .s("suspended")
      f["opened"] = .s(Day.text(opened))
    } else {
      f["status"] = .s("requested")
    }
    return (id, f)
  }

  func handover(day: Int) -> J {
    var h: [String: J] = ["date": .s(Day.text(day)), "channel": .s(rng.pick(Names.channels))]
    if rng.chance(0.1) { h["note"] = .s("password reset") }
    return .o(h)
  }

  /// A right on `account` (whose fields are `a`); active only when the account is.
  func makeRight(account: String, _ a: [String: J], day: Int, grantedBy: String?, initial: Bool) -> (String, [String: J]) {
    let system = a.text("system") ?? "wiki"
    let role = rng.pick(LedgerState.systemRoles[system] ?? ["reader"])
    let accountActive = a.text("status") == "active"
    var status: String
    if initial {
      let roll = rng.int(0..<10)
      status = accountActive ? (roll < 7 ? "active" : roll < 8 ? "requested" : roll < 9 ? "revoked" : "expired")
        : (roll < 5 ? "revoked" : "expired")
    } else {
      status = accountActive && grantedBy != nil && rng.chance(0.7) ? "active" : "requested"
    }
    let start = initial ? day - rng.int(0...1200) : day
    let id = generatedID("rights", day: start)
    var f: [String: J] = ["account": .s(account), "role": .s(role), "status": .s(status)]
    if status == "active" || status == "revoked" || status == "expired" {
      f["granted_by"] = .s(grantedBy ?? rng.pick(["cdurand", "mpetit", "sroux"]))
    }
    if let requester = person() { f["requested_by"] = .s(requester) }
    f["reason"] = .s(rng.pick(Names.reasons))
    if rng.chance(0.3) {
      f["temporary"] = .b(true)
      f["start"] = .s(Day.text(start))
      f["end"] = .s(Day.text(start + rng.int(30...365)))
      if let validator = person() {
        f["validated_by"] = .s(validator)
        f["validated_on"] = .s(Day.text(start))
      }
    } else {
      f["temporary"] = .b(false)
    }
    if rng.chance(0.2) { f["scope"] = .s("department " + rng.pick(Names.departments)) }
    if status == "active" { activeRights[account, default: 0] += 1 }
    return (id, f)
  }

  func makeTicket(day: Int, reporter: String?, initial: Bool) -> (String, [String: J]) {
    let opened = initial ? day - rng.int(1...1500) : day
    let id = generatedID("tickets", day: opened)
    let types = ["evolution", "incident", "security-alarm", "support", "data-request", "data-request"]
    let type = rng.pick(types)
    let system = rng.pick(LedgerState.systems)
    var f: [String: J] = ["type": .s(type), "opened": .s(Day.text(opened)), "system": .s(system),
                          "priority": .s(rng.pick(["low", "normal", "normal", "high", "urgent"])),
                          "title": .s(rng.pick(Names.ticketTitles) + " " + system)]
    if let reporter { f["reporter"] = .s(reporter) }
    f["assignee"] = .s(rng.pick(LedgerState.staff))
    if type == "data-request" {
      f["request_type"] = .s(rng.pick(["extraction", "data-return", "exchange", "publication"]))
      f["requester_organization"] = .s(organization())
    }
    if rng.chance(0.2) { f["external_ref"] = .s("https://github.com/biodiv-sud/geonature-config/issues/\(rng.int(1...9999))") }
    var status = "open"
    if initial {
      status = rng.pick(["open", "approved", "in-progress", "testing", "closed", "closed", "closed", "rejected"])
      if type != "evolution" && status == "approved" { status = "in-progress" }
    }
    setTicketStatus(&f, status, day: initial ? min(day, opened + rng.int(1...200)) : day)
    return (id, f)
  }

  /// Moves a ticket to `status` on `day`, with what the rules require along the way.
  func setTicketStatus(_ f: inout [String: J], _ status: String, day: Int) {
    f["status"] = .s(status)
    if f.text("type") == "evolution", ["approved", "in-progress", "testing", "closed"].contains(status), f["approval"] == nil {
      f["approval"] = .o(["by": .s(rng.pick(["committee", "board"])), "date": .s(Day.text(day))])
      if rng.chance(0.3) { f["cost"] = money(200, 6000) }
    }
    if status == "closed" || status == "rejected" {
      let opened = f.text("opened") ?? Day.text(day)
      let closed = Day.text(day)
      f["closed"] = .s(closed < opened ? opened : closed)
      f["resolution"] = .s(status == "closed" ? "done" : "out of scope")
    }
  }

  func makePayment(day: Int, approver: String?, initial: Bool) -> (String, [String: J]) {
    let contract = rng.pick(LedgerState.contracts)
    let received = initial ? day - rng.int(1...1500) : day
    let id = generatedID("payments", day: received)
    let year = Day.civil(received).year
    var f: [String: J] = ["provider": .s(contract.provider), "contract": .s(contract.id),
                          "amount": .s(rng.pick(contract.amount)), "period": .s(String(year)),
                          "invoice_ref": .s("\(contract.provider.prefix(3).uppercased())-\(year)-\(rng.int(1000...9999))"),
                          "due": .s(Day.text(received + 30)), "status": .s("received")]
    if initial {
      let roll = rng.int(0..<20)
      if roll < 18, let approver {
        f["status"] = .s(roll < 16 ? "paid" : "approved")
        f["approved_by"] = .s(approver)
        f["approved_on"] = .s(Day.text(received + 2))
        if roll < 16 { f["paid_on"] = .s(Day.text(received + 10)) }
      } else if roll == 18 {
        f["status"] = .s("cancelled")
      }
    }
    return (id, f)
  }

  func makeTraining(day: Int, trainer: String, initial: Bool) -> (String, [String: J]) {
    let date = initial ? day - rng.int(1...1500) : day
    let id = generatedID("trainings", day: date)
    var attendees: [String] = []
    for _ in 0..<rng.int(3...12) {
      if let p = pick("people"), !attendees.contains(p) { attendees.append(p) }
    }
    var f: [String: J] = ["date": .s(Day.text(date)), "topic": .s(rng.pick(Names.topics)),
                          "trainers": .a([.s(trainer)]), "attendees": .a(attendees.map { .s($0) }),
                          "organization": .s(organization()), "location": .s(rng.pick(Names.locations)),
                          "duration_hours": .n(rng.pick(["2", "3", "3.5", "6", "7"]))]
    if rng.chance(0.3) { f["materials"] = .a([.s("https://wiki.biodiv-sud.example.org/training/\(id)")]) }
    return (id, f)
  }
}
