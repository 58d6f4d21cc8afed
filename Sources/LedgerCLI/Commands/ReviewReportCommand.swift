import LedgerCore
import LedgerLanguage
import LedgerQuery

/// `adminledger report review ORGANIZATION`: the access review sheet a partner fills in, as
/// CSV by default, to import back with `import rights FILE --profile access-review`.
enum ReviewReportCommand {
  static let spec = CommandSpec(
    name: "report review", synopsis: "ORGANIZATION [--at REV|DATE]",
    summary: Phrase("write an organisation's access review: the active rights its people hold or validated, to keep or revoke"),
    details: Phrase(
      """
      One row per active right held by the organisation's people (their organization) or
      validated by them (validated_by): right, person, name, login, system, role, status,
      temporary, end, validated_by, validated_on, last_seen (when the account was last seen),
      then three columns for the partner: decision (keep or revoke; garder or retirer),
      reason (why a right is revoked) and reviewer (the organisation's id, written in
      advance; the id of the person who reviewed may replace it). CSV by default.
      Import the filled file with 'adminledger import rights FILE --profile access-review':
      kept rights are validated today (validated_by becomes the reviewer when it names a
      person), revoked ones get status revoked and the reason (or "revoked at
      ORGANIZATION's access review of DAY"), rows without a decision stay as they are. One
      commit, or none when the file changes nothing; any bad row refuses the whole file.
      With review_interval in ledger.json (such as "1y"), 'report expiring' lists the rights
      whose last validation runs out.
      """),
    options: [ReportCommands.at], positionals: 1...1, formats: [.csv, .text, .json],
    examples: [
      .example(
        "adminledger report review pnr-queyras --format csv > review.csv",
        Phrase("the review file to send to an organisation"))
    ],
    run: { context throws(CLIError) in
      let key = RecordKey(kind: .organizations, id: try RecordArguments.id(context.positionals[0]))
      let view = try context.read().view
      guard let organization = try context.perform({ () throws(StoreError) in try view.record(key) }) else {
        throw .store(.recordNotFound(key))
      }
      let report = try context.perform { () throws(StoreError) in try ReviewReport.make(view, organization: organization) }
      ReportPrinter.print(report, context)
      return .ok
    })
}
