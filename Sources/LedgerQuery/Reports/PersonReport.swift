import LedgerCore
import LedgerJSON

/// `report person ID`: everything about one person: the record, accounts, rights, tickets,
/// trainings, payments approved, organisations they are a contact of, and their duties (as
/// responsible, deputy, or an actor's role such as `validate`).
public enum PersonReport {
  public static func make(_ view: LedgerView, person: Record) throws(StoreError) -> Report {
    let id = person.key.id.value
    let details = Report.Section(
      title: "Person", columns: ["field", "value"],
      rows: person.fields.sortedMembers.map { [.string($0.key), $0.value] })
    return Report(
      title: "Everything about \(person.fields["name"]?.stringValue ?? id) (\(person.key))",
      sections: [details] + (try holdings(view, id)) + (try activity(view, id)))
  }

  private static func field(_ record: Record, _ name: String) -> JSONValue { record.fields[name] ?? .null }

  /// What the person holds: accounts and the rights on them.
  private static func holdings(_ view: LedgerView, _ id: String) throws(StoreError) -> [Report.Section] {
    let accounts = try view.records(of: .accounts).filter { $0.fields["person"]?.stringValue == id }
    let accountIDs = Set(accounts.map(\.key.id.value))
    let rights = try view.records(of: .rights).filter { accountIDs.contains($0.fields["account"]?.stringValue ?? "") }
    let systemOf = Dictionary(uniqueKeysWithValues: accounts.map { ($0.key.id.value, $0.fields["system"]?.stringValue) })
    return [
      Report.Section(
        title: "Accounts", columns: ["account", "system", "login", "status", "opened", "closed"],
        rows: accounts.map { a in
          [
            .string(a.key.id.value), field(a, "system"), field(a, "login"), field(a, "status"), field(a, "opened"),
            field(a, "closed"),
          ]
        }),
      Report.Section(
        title: "Rights", columns: ["right", "system", "role", "status", "until", "validated_by"],
        rows: rights.map { r in
          [
            .string(r.key.id.value), .text(systemOf[r.fields["account"]?.stringValue ?? ""] ?? nil), field(r, "role"),
            field(r, "status"), field(r, "end"), field(r, "validated_by"),
          ]
        }),
    ]
  }

  /// What the person takes part in: tickets, trainings, approvals, organisations, duties.
  private static func activity(_ view: LedgerView, _ id: String) throws(StoreError) -> [Report.Section] {
    let tickets = try view.records(of: .tickets).filter {
      $0.fields["reporter"]?.stringValue == id || $0.fields["assignee"]?.stringValue == id
    }
    let trainings = try view.records(of: .trainings).filter { training in
      [training.fields["attendees"], training.fields["trainers"]].contains { $0?.arrayValue?.contains(.string(id)) == true }
    }
    let payments = try view.records(of: .payments).filter { $0.fields["approved_by"]?.stringValue == id }
    let contactOf = try view.records(of: .organizations).filter {
      $0.fields["contacts"]?.arrayValue?.contains(.string(id)) == true
    }
    let duties = try view.records(of: .duties).map { ($0, DutiesReport.parts(of: id, in: $0)) }.filter { !$0.1.isEmpty }
    return [
      Report.Section(
        title: "Tickets", columns: ["ticket", "type", "title", "status", "as"],
        rows: tickets.map { t in
          [
            .string(t.key.id.value), field(t, "type"), field(t, "title"), field(t, "status"),
            .string(t.fields["reporter"]?.stringValue == id ? "reporter" : "assignee"),
          ]
        }),
      Report.Section(
        title: "Trainings", columns: ["training", "date", "topic", "as"],
        rows: trainings.map { t in
          [
            .string(t.key.id.value), field(t, "date"), field(t, "topic"),
            .string(t.fields["trainers"]?.arrayValue?.contains(.string(id)) == true ? "trainer" : "attendee"),
          ]
        }),
      Report.Section(
        title: "Payments approved", columns: ["payment", "provider", "amount", "status", "approved_on"],
        rows: payments.map { p in
          [.string(p.key.id.value), field(p, "provider"), field(p, "amount"), field(p, "status"), field(p, "approved_on")]
        }),
      Report.Section(
        title: "Contact of", columns: ["organization", "name"],
        rows: contactOf.map { o in [.string(o.key.id.value), field(o, "name")] }),
      Report.Section(
        title: "Duties", columns: ["duty", "mission", "as"],
        rows: duties.map { d, parts in [.string(d.key.id.value), field(d, "mission"), .string(parts.joined(separator: ", "))] }),
    ]
  }
}
