// The history's changes: each one record added or changed by one administrator, within what
// the policy lets them do, leaving the ledger valid.
extension LedgerState {
  /// The person whose record changes in about one commit in forty: `log` and `blame` of a
  /// record with a long history.
  var longHistoryPerson: String { ids["people"]?.first ?? "cdurand" }

  /// One commit's change by `admin`, or nil when the pick found nothing to change.
  func change(by admin: Admin) -> Change? {
    let ops: [(weight: Int, kind: String, run: (Admin) -> Change?)] = [
      (30, "people", changePerson), (4, "people", addPerson), (8, "accounts", addAccount),
      (8, "accounts", changeAccount), (10, "rights", addRight), (12, "rights", changeRight),
      (8, "tickets", addTicket), (12, "tickets", changeTicket), (2, "payments", addPayment),
      (4, "payments", changePayment), (3, "trainings", addTraining), (3, "trainings", changeTraining),
      (1, "organizations", changeOrganization),
    ]
    let allowed = ops.filter { admin.may($0.kind) }
    let total = allowed.reduce(0) { $0 + $1.weight }
    for _ in 0..<20 {
      if admin.may("people"), rng.chance(0.025), claim("people/" + longHistoryPerson) {
        if let change = changePerson(admin, id: longHistoryPerson) { return change }
      }
      var roll = rng.int(0..<total)
      for op in allowed {
        if roll < op.weight {
          if let change = op.run(admin) { return change }
          break
        }
        roll -= op.weight
      }
    }
    return nil
  }

  /// Records the change in the state and returns it.
  private func commit(_ kind: String, _ id: String, _ new: [String: J]) -> Change? {
    let key = kind + "/" + id
    let old = records[key]
    guard old != new else { return nil }
    if old == nil { add(kind, id, new) } else { records[key] = new }
    touched[key, default: 0] += 1
    return Change(kind: kind, id: id, old: old, new: new)
  }

  // MARK: - People

  func addPerson(_ admin: Admin) -> Change? {
    let (id, fields) = makePerson(day: day)
    _ = claim("people/" + id)
    return commit("people", id, fields)
  }

  func changePerson(_ admin: Admin) -> Change? {
    guard let id = pick("people") else { return nil }
    return changePerson(admin, id: id)
  }

  /// One to eight fields of a person, most often one or two.
  func changePerson(_ admin: Admin, id: String, count: Int? = nil) -> Change? {
    guard var f = records["people/" + id] else { return nil }
    let wanted = count ?? [1, 1, 1, 1, 2, 2, 2, 3, 3, 4, 5, 6, 7, 8][rng.int(0..<14)]
    var fields = ["name", "phone", "department", "membership", "notes", "organization", "functions", "emails"]
    for i in stride(from: fields.count - 1, to: 0, by: -1) { fields.swapAt(i, rng.int(0...i)) }
    for field in fields.prefix(wanted) {
      switch field {
      case "name":
        let parts = (f.text("name") ?? "A B").split(separator: " ")
        let last = rng.chance(0.5) ? rng.pick(Names.last) : String(parts.last ?? "") + "-" + rng.pick(Names.last)
        f["name"] = .s(String(parts.first ?? "A") + " " + last)
      case "phone": f["phone"] = rng.chance(0.1) ? nil : phone()
      case "department": f["department"] = .s(rng.pick(Names.departments))
      case "membership": setMembership(&f, day: day)
      case "notes": f["notes"] = .s(rng.pick(Names.notes) + " (\(Day.text(day)))")
      case "organization":
        let org = organization()
        if let old = f.text("organization") { peopleOf[old, default: 1] -= 1 }
        peopleOf[org, default: 0] += 1
        f["organization"] = .s(org)
      case "functions":
        var functions = f.strings("functions")
        let function = rng.pick(Names.functions)
        if let at = functions.firstIndex(of: function), functions.count > 1 { functions.remove(at: at) } else if !functions.contains(function) { functions.append(function) }
        f["functions"] = .a(functions.map { .s($0) })
      default:
        var emails = f.strings("emails")
        if emails.count > 2 { emails.remove(at: 1) }
        emails.append(newEmail(for: id))
        f["emails"] = .a(emails.map { .s($0) })
      }
    }
    return commit("people", id, f)
  }

  // MARK: - Accounts and rights

  func addAccount(_ admin: Admin) -> Change? {
    guard let person = pick("people"), let (id, fields) = makeAccount(person: person, day: day, initial: false) else { return nil }
    _ = claim("accounts/" + id)
    return commit("accounts", id, fields)
  }

  func changeAccount(_ admin: Admin) -> Change? {
    guard let id = pick("accounts") else { return nil }
    var f = records["accounts/" + id] ?? [:]
    let today = Day.text(day)
    switch f.text("status") {
    case "requested":
      f["status"] = .s("active")
      f["opened"] = .s(today)
      f["handovers"] = .a([handover(day: day)])
    case "active":
      let free = (activeRights[id] ?? 0) == 0
      let roll = rng.int(0..<10)
      if free && roll < 3 {
        f["status"] = .s(roll == 0 ? "suspended" : "closed")
        if roll != 0 { f["closed"] = .s(today) }
      } else if roll < 8 {
        guard case .a(var list) = f["handovers"] ?? .a([]) else { return nil }
        list.append(handover(day: day))
        f["handovers"] = .a(list)
      } else {
        f["notes"] = .s(rng.pick(Names.notes) + " (\(today))")
      }
    case "suspended":
      f["status"] = .s("active")
    default:
      f["notes"] = .s(rng.pick(Names.notes) + " (\(today))")
    }
    return commit("accounts", id, f)
  }

  func addRight(_ admin: Admin) -> Change? {
    guard let account = pick("accounts", where: { $0.text("status") == "active" }),
      let a = records["accounts/" + account]
    else { return nil }
    let (id, fields) = makeRight(account: account, a, day: day, grantedBy: admin.grants ? admin.id : nil, initial: false)
    _ = claim("rights/" + id)
    return commit("rights", id, fields)
  }

  func changeRight(_ admin: Admin) -> Change? {
    guard let id = pick("rights"), var f = records["rights/" + id], let account = f.text("account"),
      claim("accounts/" + account), let a = records["accounts/" + account]
    else { return nil }
    let today = Day.text(day)
    switch f.text("status") {
    case "active":
      let ended = f["temporary"] == .b(true) && (f.text("end") ?? today) < today
      f["status"] = .s(ended ? "expired" : "revoked")
      if !ended { f["reason"] = .s(rng.pick(["no longer needed", "left the organisation", "end of the convention"])) }
      activeRights[account, default: 1] -= 1
    case "requested", "validated":
      if admin.grants && a.text("status") == "active" {
        f["status"] = .s("active")
        f["granted_by"] = .s(admin.id)
        if f["temporary"] == .b(true) && (f.text("end") ?? today) < today {
          f["start"] = .s(today)
          f["end"] = .s(Day.text(day + 90))
        }
        activeRights[account, default: 0] += 1
      } else if f.text("status") == "requested", let validator = person() {
        f["status"] = .s("validated")
        f["validated_by"] = .s(validator)
        f["validated_on"] = .s(today)
      } else {
        return nil
      }
    default:
      f["notes"] = .s(rng.pick(Names.notes) + " (\(today))")
    }
    return commit("rights", id, f)
  }

  // MARK: - Tickets, payments, trainings, organisations

  func addTicket(_ admin: Admin) -> Change? {
    let (id, fields) = makeTicket(day: day, reporter: person(), initial: false)
    _ = claim("tickets/" + id)
    return commit("tickets", id, fields)
  }

  func changeTicket(_ admin: Admin) -> Change? {
    guard let id = pick("tickets", where: { !["closed", "rejected"].contains($0.text("status") ?? "") }),
      var f = records["tickets/" + id]
    else { return nil }
    let next: [String: [String]] = [
      "open": f.text("type") == "evolution" ? ["approved", "rejected"] : ["in-progress", "closed"],
      "approved": ["in-progress"], "in-progress": ["testing", "closed"], "testing": ["closed", "in-progress"],
    ]
    if rng.chance(0.25) {
      f["priority"] = .s(rng.pick(["low", "normal", "high", "urgent"]))
      f["assignee"] = .s(rng.pick(LedgerState.staff))
    } else {
      setTicketStatus(&f, rng.pick(next[f.text("status") ?? "open"] ?? ["closed"]), day: day)
    }
    return commit("tickets", id, f)
  }

  func addPayment(_ admin: Admin) -> Change? {
    let (id, fields) = makePayment(day: day, approver: nil, initial: false)
    _ = claim("payments/" + id)
    return commit("payments", id, fields)
  }

  /// Approvals only by an administrator who may approve payments, in their own name; paying
  /// an approved invoice by anyone who writes payments.
  func changePayment(_ admin: Admin) -> Change? {
    guard let id = pick("payments", where: { ["received", "approved"].contains($0.text("status") ?? "") }),
      var f = records["payments/" + id]
    else { return nil }
    let today = Day.text(day)
    if f.text("status") == "received" {
      if admin.approves {
        f["status"] = .s("approved")
        f["approved_by"] = .s(admin.id)
        f["approved_on"] = .s(today)
      } else if rng.chance(0.2) {
        f["status"] = .s("cancelled")
      } else {
        f["notes"] = .s(rng.pick(Names.notes) + " (\(today))")
      }
    } else {
      f["status"] = .s("paid")
      f["paid_on"] = .s(today)
    }
    return commit("payments", id, f)
  }

  func addTraining(_ admin: Admin) -> Change? {
    let (id, fields) = makeTraining(day: day, trainer: admin.id, initial: false)
    _ = claim("trainings/" + id)
    return commit("trainings", id, fields)
  }

  func changeTraining(_ admin: Admin) -> Change? {
    guard let id = pick("trainings"), var f = records["trainings/" + id] else { return nil }
    if rng.chance(0.7), let p = pick("people") {
      var attendees = f.strings("attendees")
      guard !attendees.contains(p) else { return nil }
      attendees.append(p)
      f["attendees"] = .a(attendees.map { .s($0) })
    } else {
      var materials = f.strings("materials")
      materials.append("slides-\(Day.text(day)).pdf")
      f["materials"] = .a(materials.map { .s($0) })
    }
    return commit("trainings", id, f)
  }

  func changeOrganization(_ admin: Admin) -> Change? {
    guard let id = pick("organizations"), var f = records["organizations/" + id] else { return nil }
    if rng.chance(0.6), let p = pick("people") {
      var contacts = f.strings("contacts")
      guard !contacts.contains(p) else { return nil }
      contacts.append(p)
      f["contacts"] = .a(contacts.map { .s($0) })
    } else {
      f["notes"] = .s(rng.pick(Names.notes) + " (\(Day.text(day)))")
    }
    return commit("organizations", id, f)
  }
}
