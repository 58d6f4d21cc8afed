import Foundation
import LedgerCore
import LedgerJSON
import LedgerLanguage

/// `report person ID` as tables (text and CSV): the person's record and the values it had,
/// their accounts and the rights on them, the tickets, trainings, approvals and organisations
/// that name them, every record that names them (`Named in`), the commits they authored, and
/// their duties (as responsible, deputy, or an actor's role such as `validate`).
///
/// Everything comes from a `PersonExport`, so the tables and `--format json` (the export
/// itself) always say the same.
public enum PersonReport {
  /// The report of `export`.
  ///
  /// - Parameters:
  ///   - export: What the ledger holds about the person.
  ///   - timeZone: The ledger's time zone: commits are shown on their day there.
  /// - Returns: The report, titled with the person's name and record.
  public static func make(_ export: PersonExport, timeZone: TimeZone) -> Report {
    let person = export.person
    let details = Report.Section(
      title: Phrase("Person"), columns: [Phrase("field"), Phrase("value")],
      rows: person.fields.sortedMembers.map { [.string($0.key), $0.value] })
    return Report(
      title: tr("Everything about \(person.fields["name"]?.stringValue ?? export.id) (\(person.key))"),
      sections: [details, past(export, timeZone)] + holdings(export) + activity(export)
        + [namedIn(export), commits(export, timeZone), duties(export)])
  }

  private static func field(_ record: Record, _ name: String) -> JSONValue { record.fields[name] ?? .null }

  /// The values the person's record had, oldest first.
  private static func past(_ export: PersonExport, _ zone: TimeZone) -> Report.Section {
    Report.Section(
      title: Phrase("Values over time"),
      columns: [Phrase("field"), Phrase("value"), Phrase("change"), Phrase("date"), Phrase("commit"), Phrase("author")],
      rows: export.history.map { value in
        [
          .string(value.field), value.value ?? .null, .string(value.value == nil ? tr("removed") : tr("set")),
          .string(LedgerDate.day(of: value.entry.date, in: zone)), .string(String(value.entry.commit.prefix(7))),
          .string(value.entry.authorName),
        ]
      })
  }

  /// What the person holds: accounts and the rights on them.
  private static func holdings(_ export: PersonExport) -> [Report.Section] {
    let accounts = export.mentions(in: .accounts).map(\.record)
    let systemOf = Dictionary(accounts.map { ($0.key.id.value, $0.fields["system"]?.stringValue) }) { first, _ in first }
    return [
      Report.Section(
        title: Phrase("Accounts"),
        columns: [Phrase("account"), Phrase("system"), Phrase("login"), Phrase("status"), Phrase("opened"), Phrase("closed")],
        rows: accounts.map { a in
          [
            .string(a.key.id.value), field(a, "system"), field(a, "login"), field(a, "status"), field(a, "opened"),
            field(a, "closed"),
          ]
        }),
      Report.Section(
        title: Phrase("Rights"),
        columns: [Phrase("right"), Phrase("system"), Phrase("role"), Phrase("status"), Phrase("until"), Phrase("validated_by")],
        rows: export.rightsHeld.map { r in
          [
            .string(r.key.id.value), .text(systemOf[r.fields["account"]?.stringValue ?? ""] ?? nil), field(r, "role"),
            field(r, "status"), field(r, "end"), field(r, "validated_by"),
          ]
        }
          // A role held through a group, as `report access` shows it: the group gives it, no right.
          + export.rolesThroughGroups.map { grant in
            [
              .string(tr("through group \(grant.group)")), .text(grant.system), .string(grant.role), .string("active"), .null,
              .null,
            ]
          }),
    ]
  }

  /// What the person takes part in: tickets, trainings, approvals, organisations.
  private static func activity(_ export: PersonExport) -> [Report.Section] {
    let id = JSONValue.string(export.id)
    return [
      Report.Section(
        title: Phrase("Tickets"), columns: [Phrase("ticket"), Phrase("type"), Phrase("title"), Phrase("status"), Phrase("as")],
        rows: export.mentions(in: .tickets).map { m in
          let t = m.record
          return [.string(t.key.id.value), field(t, "type"), field(t, "title"), field(t, "status"), .string(fieldNames(m))]
        }),
      Report.Section(
        title: Phrase("Trainings"), columns: [Phrase("training"), Phrase("date"), Phrase("topic"), Phrase("as")],
        rows: export.mentions(in: .trainings).map(\.record).map { t in
          [
            .string(t.key.id.value), field(t, "date"), field(t, "topic"),
            .string(t.fields["trainers"]?.arrayValue?.contains(id) == true ? tr("trainer") : tr("attendee")),
          ]
        }),
      Report.Section(
        title: Phrase("Payments approved"),
        columns: [Phrase("payment"), Phrase("provider"), Phrase("amount"), Phrase("status"), Phrase("approved_on")],
        rows: export.mentions(in: .payments).map(\.record).filter { $0.fields["approved_by"] == id }.map { p in
          [.string(p.key.id.value), field(p, "provider"), field(p, "amount"), field(p, "status"), field(p, "approved_on")]
        }),
      Report.Section(
        title: Phrase("Contact of"), columns: [Phrase("organization"), Phrase("name")],
        rows: export.mentions(in: .organizations).map(\.record).filter { $0.fields["contacts"]?.arrayValue?.contains(id) == true }
          .map { o in [.string(o.key.id.value), field(o, "name")] }),
    ]
  }

  /// Every record naming the person, and where: what the sections above leave out too (the
  /// rights they validated or requested, an approval, a system they are responsible for).
  private static func namedIn(_ export: PersonExport) -> Report.Section {
    Report.Section(
      title: Phrase("Named in"), columns: [Phrase("record"), Phrase("field"), Phrase("about")],
      rows: export.mentions.map { m in
        [.string(m.record.key.description), .string(fieldNames(m)), .string(RecordLabel.label(m.record))]
      })
  }

  /// The commits the person authored, newest first.
  private static func commits(_ export: PersonExport, _ zone: TimeZone) -> Report.Section {
    Report.Section(
      title: Phrase("Commits authored"), columns: [Phrase("commit"), Phrase("date"), Phrase("subject")],
      rows: export.commits.map { entry in
        [.string(String(entry.commit.prefix(7))), .string(LedgerDate.day(of: entry.date, in: zone)), .string(entry.subject)]
      })
  }

  private static func duties(_ export: PersonExport) -> Report.Section {
    let duties = export.mentions(in: .duties).map(\.record).map { ($0, DutiesReport.parts(of: export.id, in: $0)) }
      .filter { !$0.1.isEmpty }
    return Report.Section(
      title: Phrase("Duties"), columns: [Phrase("duty"), Phrase("mission"), Phrase("as")],
      rows: duties.map { d, parts in [.string(d.key.id.value), field(d, "mission"), .string(parts.joined(separator: ", "))] })
  }

  /// The fields naming the person, dotted and without array positions: `reporter`,
  /// `approval.by`, `actors.person`.
  private static func fieldNames(_ mention: PersonExport.Mention) -> String {
    var names: [String] = []
    for pointer in mention.fields {
      let name = pointer.tokens.filter { JSONPointer.arrayIndex($0) == nil }.joined(separator: ".")
      if !names.contains(name) { names.append(name) }
    }
    return names.joined(separator: ", ")
  }
}
