import Foundation
import LedgerCore
import LedgerLanguage

/// `adminledger report drift SYSTEM FILE`: a system's own export of its users against the
/// ledger's accounts and rights on it; `--update` brings the ledger in line, in one commit.
enum DriftReportCommand {
  static let spec = CommandSpec(
    name: "report drift",
    synopsis:
      "SYSTEM FILE [FILE] [--profile PROFILE] [--role NAME=ROLE]... [--update [--dry-run]] [--encoding ENC]",
    summary:
      Phrase("compare a system's export of its users and roles with the ledger; --update brings the ledger in line"),
    details: Phrase(
      """
      Reads FILE, the system's own export of its accounts, and compares it with the ledger's
      accounts on SYSTEM (matched by login) and the roles of their active rights. Findings:
      missing-in-ledger (the system has the account, the ledger has no open one),
      missing-in-system (the ledger says active, the system no longer lists it),
      role-differs, group-differs, suspended-in-system, forward-differs and last-seen; not-suspended-in-system
      is a mailbox the ledger suspended that the host still has open, fixed at the host. A note says when the
      person is not found, is a lapsed or resigned member, when the ledger's account is
      closed, or when a forwarder points to a leaver or to nobody's address. Exits 1 when
      there is drift, 0 when none.
      Profiles (guessed from the file when --profile is not given): usershub-roles, the
      user manager's users with their profile per application (only the rows of the
      application that is SYSTEM, found by its id or name; groups left out; the stock
      profiles Lecteur, Rédacteur, Validateur, Administrateur stand for reader, contributor,
      validator, admin); wordpress-users, WordPress's user export with wp_capabilities or
      roles; dolibarr-users, Dolibarr's user export with its groups and admin flag;
      cpanel-email, the JSON of 'uapi --output=json Email list_pops' and
      'list_forwarders' (two FILEs, or one holding both), mailboxes matched by address, a
      mailbox's forwarders its redirect_to, other forwarders the system's forwarders;
      matomo-users, the JSON of UsersManager.getUsersPlusRole (or getUsers), whose
      last_seen feeds the accounts' last_seen; brevo-contacts, Brevo's contact export with
      its lists, against the system record's lists (who belongs on each, by function and
      membership status): missing-from-list, former-member-on-list, not-entitled-on-list.
      A role the system's record does not name is a problem: --role 'NAME=ROLE' maps
      it ('NAME=' for a profile that gives nothing).
      With --update, one commit brings the ledger in line: a new account for each account
      the ledger lacks (its person found by email, else by where its mail is forwarded,
      else by name: add the person first when none is), active rights for the roles the
      system gives, rights revoked for the roles it no longer gives, accounts it no longer
      lists closed today with their rights revoked, suspensions, forwarders and last-seen
      days as the system has them. Everything is validated first; nothing is written when
      a row has a problem. --dry-run shows those changes, field by field, without
      committing. Brevo's lists follow the ledger, not the other way: --update is refused.
      """),
    options: [
      .single(
        "profile", "NAME",
        Phrase(
          "usershub-roles, wordpress-users, dolibarr-users, cpanel-email, matomo-users or brevo-contacts (default: guessed from the file)"
        )),
      .repeated("role", "NAME=ROLE", Phrase("the export's NAME for a role stands for the system's ROLE")),
      .single("encoding", "ENC", Phrase("auto (default), utf-8 or latin1")),
      .flag("update", Phrase("bring the ledger in line with the file, in one commit")),
      .flag("dry-run", Phrase("with --update: print what would change, without committing")),
    ],
    positionals: 2...3, formats: ReportCommands.formats,
    examples: [
      .example(
        "adminledger report drift website wordpress-users-export.csv",
        Phrase("compare the site's users with the ledger")),
      .example(
        "adminledger report drift website wordpress-users-export.csv --update --dry-run",
        Phrase("see what bringing the ledger in line would change")),
      .example(
        "adminledger report drift mail list-pops.json list-forwarders.json",
        Phrase("compare the host's mailboxes and forwarders with the ledger")),
    ],
    run: run)

  static func run(_ context: CommandContext) throws(CLIError) -> ExitStatus {
    let system = try RecordArguments.id(context.positionals[0])
    let file = context.positionals[1]
    let files = Array(context.positionals.dropFirst())
    let update = context.arguments.flag("update")
    let dryRun = context.arguments.flag("dry-run")
    if dryRun && !update { throw .usage(tr("--dry-run shows what --update would change: pass both")) }
    if update && context.format == .csv { throw .usage(tr("--update prints text or json, not csv")) }
    let input = try read(context, files)
    let options = DriftOptions(
      system: system, file: file, profile: try profile(context, input, file),
      roles: try roles(context))
    if update && options.profile.comparesLists {
      throw .usage(
        tr("the ledger decides who is on \(system.value)'s lists: --update has nothing to change in the ledger"),
        hint: tr("add and remove the contacts the report lists in the mailing service, then run the report again"))
    }
    let name = files.map { URL(fileURLWithPath: $0).lastPathComponent }.joined(separator: ", ")
    guard update else {
      let reading = try context.read()
      let result = try context.perform { () throws(StoreError) in
        try reading.view.drift(input, options: options)
      }
      for note in result.skipped {
        context.err.line(ImportReport.note(note, file: file))
      }
      ReportPrinter.print(
        DriftRenderer.report(result, system: system.value, file: name, profile: options.profile),
        context)
      guard !result.findings.isEmpty else { return .ok }
      if context.format == .text {
        context.err.line(
          options.profile.comparesLists
            ? DriftRenderer.listsHint(system: system.value)
            : DriftRenderer.hint(system: system.value, file: files.joined(separator: " ")))
      }
      return .findings
    }
    let ledger = try context.openLedger()
    let author = try context.author(for: ledger)
    context.warnIfUnknownAuthor(author, in: ledger)
    let outcome = try context.perform { () throws(StoreError) in
      try ledger.store.correctDrift(
        input, options: options, dryRun: dryRun, by: author, at: context.environment.now())
    }
    for note in outcome.reconciliation.skipped {
      context.err.line(ImportReport.note(note, file: file))
    }
    if context.format == .json {
      context.printJSON(ReconcileRenderer.json(outcome))
    } else {
      DriftRenderer.correction(outcome, file: name, dryRun: dryRun).forEach(context.out.line)
    }
    return .ok
  }

  /// The files read: JSON documents, or one CSV file in the encoding asked.
  private static func read(_ context: CommandContext, _ files: [String]) throws(CLIError)
    -> DriftInput
  {
    let encodingName = context.arguments.value("encoding") ?? "auto"
    guard let encoding = CSVTable.Encoding(rawValue: encodingName) else {
      throw .usage(tr("unknown encoding '\(encodingName)'"), hint: tr("use auto, utf-8 or latin1"))
    }
    var contents: [(name: String, bytes: [UInt8])] = []
    for file in files { contents.append((file, try context.readInput(file))) }
    do {
      return try DriftInput.read(contents, encoding: encoding)
    } catch {
      throw .store(error)
    }
  }

  /// `--profile`, or the one the file's shape shows.
  private static func profile(_ context: CommandContext, _ input: DriftInput, _ file: String)
    throws(CLIError) -> DriftProfile
  {
    guard let name = context.arguments.value("profile") else {
      guard let guessed = DriftProfile.guess(input) else {
        throw DriftRenderer.unknownShape(file)
      }
      return guessed
    }
    guard let profile = DriftProfile(rawValue: name) else {
      let names = DriftProfile.allCases.map(\.rawValue)
      let list = names.joined(separator: ", ")
      let hint = Suggestion.closest(to: name, among: names).map { tr("did you mean '\($0)'? profiles: \(list)") }
      throw .usage(tr("unknown profile '\(name)'"), hint: hint ?? tr("profiles: \(list)"))
    }
    return profile
  }

  /// `--role NAME=ROLE`, in order.
  private static func roles(_ context: CommandContext) throws(CLIError) -> [(
    name: String, role: String
  )] {
    var roles: [(name: String, role: String)] = []
    for text in context.arguments.all("role") {
      guard let equals = text.firstIndex(of: "="), equals != text.startIndex else {
        throw .usage(
          tr("expected --role NAME=ROLE, got '\(text)'"), hint: tr("for example --role 'Référent=user-admin'"))
      }
      roles.append((String(text[..<equals]), String(text[text.index(after: equals)...])))
    }
    return roles
  }
}
