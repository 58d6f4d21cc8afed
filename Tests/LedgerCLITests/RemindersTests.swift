import Foundation
import LedgerTestSupport
import Testing

@testable import LedgerCLI

/// `report expiring --format mail`: one message per responsible person, read back by Python's
/// `email` package (the real parser, not ours), in English and in French.
@Suite struct RemindersTests {
  @Test func writesOneMessagePerResponsiblePersonThatPythonReads() throws {
    let ledger = try DeadlinesTests.association()
    let folder = try TemporaryDirectory()
    let result = ledger.run("report", "expiring", "--within", "31d", "--format", "mail", "--output", folder.url.path)
    try #require(result.status == 0, "\(result)")
    let mails = try ParsedMail.read(folder: folder.url)
    // One line per file written: its path, its recipient, its count of items.
    #expect(result.output.split(separator: "\n").count == mails.count)
    #expect(result.output.contains("/mdupont.eml\tmdupont@example.org\t"))

    for mail in mails {
      #expect(mail.headers["From"] == "Registre de l’association <registre@naturalistes.example.org>")
      #expect(mail.headers["MIME-Version"] == "1.0")
      #expect(mail.headers["Content-Type"] == "text/plain; charset=\"utf-8\"")
      #expect(["8bit", "quoted-printable"].contains(mail.headers["Content-Transfer-Encoding"]))
      #expect(mail.headers["Date"] == "Sun, 06 Dec 2026 09:00:00 +0000")
      #expect(mail.headers["Message-ID"] == "<20261206090000.\(mail.person)@association-nationale-de.adminledger>")
      #expect(mail.headers["Subject"]?.hasPrefix("Association nationale des naturalistes: ") == true)
      #expect(mail.onlyCRLF, "\(mail.person): a line ends without CRLF")
      #expect(mail.longestLine <= 78, "\(mail.person): a line of \(mail.longestLine) octets")
      #expect(mail.defects.isEmpty, "\(mail.person): \(mail.defects)")
      #expect(mail.body.hasPrefix("Hello "))
    }
    let byPerson = Dictionary(uniqueKeysWithValues: mails.map { ($0.person, $0) })
    // The maintenance contract's manager is told of its notice day; the duty's two
    // responsible people of its next due day.
    let mdupont = try #require(byPerson["mdupont"])
    #expect(mdupont.to == ["mdupont@example.org"])
    #expect(mdupont.headers["To"] == "Mathieu Dupont <mdupont@example.org>")
    #expect(mdupont.body.contains("- 1 January 2027 (in 26 days): contract notice: Maintenance of WordPress and"))
    #expect(mdupont.body.contains("  contracts/2024-04-01-jfhha (notice_days)"))
    #expect(mdupont.body.contains("- 6 December 2026 (today): duty: Consistency between the site, the back"))
    #expect(mdupont.body.contains("Once a duty is done, record it: adminledger done DUTY"))
    #expect(try #require(byPerson["jrobert"]).body.contains("duties/consistency (last_done)"))
    // Payments: the approver, else who may approve payments (the treasurer and the president).
    let slefort = try #require(byPerson["slefort"])
    #expect(slefort.body.contains("- 18 December 2026 (in 12 days): payment due: CF2D-F-2026-112 (cf2d,"))
    #expect(slefort.body.contains("payments/2026-11-26-gpzmz (due)"))
    #expect(try #require(byPerson["pgarcia"]).body.contains("payments/2026-11-26-gpzmz (due)"))
    #expect(slefort.headers["Subject"] == "Association nationale des naturalistes: 6 deadlines by 6 January 2027")
    // A member is told of their own membership.
    let valerie = try #require(byPerson["vleroy"])
    #expect(valerie.headers["To"] == "Valérie Leroy <vleroy@example.org>")
    #expect(valerie.headers["Subject"] == "Association nationale des naturalistes: 1 deadline by 6 January 2027")
    #expect(valerie.body.contains("membership: Valérie Leroy"))
    #expect(valerie.raw.contains("To: =?utf-8?B?"))
  }

  @Test func everyDeadlineKindReachesSomeone() throws {
    let ledger = try DeadlinesTests.association()
    let folder = try TemporaryDirectory()
    let result = ledger.run("report", "expiring", "--within", "400d", "--format", "mail", "--output", folder.url.path)
    try #require(result.status == 0, "\(result)")
    let bodies = try ParsedMail.read(folder: folder.url).map(\.body).joined(separator: "\n")
    for row in try DeadlinesTests.deadlines(ledger).keys {
      let parts = row.split(separator: " ")
      #expect(bodies.contains("\(parts[0]) (\(parts[1]))"), "\(row) is in no reminder")
    }
  }

  @Test func aFrenchLedgerWritesFrenchReminders() throws {
    var ledger = try ValidationCommandTests.sample("platform")
    ledger.cli.now = try #require(ISO8601DateFormatter().date(from: "2026-11-27T09:00:00Z"))
    let settings = try String(contentsOf: ledger.directory.path("ledger.json"), encoding: .utf8)
    try ledger.directory.write("ledger.json", settings.replacingOccurrences(of: #""language": "en""#, with: #""language": "fr""#))
    try #require(ledger.run("commit", "-m", "French").status == 0)
    let folder = try TemporaryDirectory()
    // The one who runs it reads English; the people told read the ledger's language.
    let result = ledger.run("report", "expiring", "--format", "mail", "--output", folder.url.path)
    try #require(result.status == 0, "\(result)")
    let mails = try ParsedMail.read(folder: folder.url)
    let marc = try #require(mails.first { $0.person == "mpetit" })
    #expect(marc.headers["Subject"] == "Biodiv'Sud data platform : 3 échéances d'ici le 26 janvier 2027")
    #expect(marc.raw.contains("\r\nSubject: =?utf-8?B?"))
    #expect(marc.body.hasPrefix("Bonjour Marc Petit,\n\nVoici ce qui vous revient dans Biodiv'Sud data platform"))
    #expect(marc.body.contains("- 1er novembre 2026 (26 jours de retard) : préavis de contrat : GeoNature"))
    #expect(marc.body.contains("- 3 décembre 2026 (dans 6 jours) : obligation : Activity indicators"))
    #expect(marc.body.contains("Une fois une obligation accomplie, enregistrez-la : adminledger done DUTY"))
    for mail in mails {
      #expect(mail.longestLine <= 78)
      #expect(mail.onlyCRLF)
    }
  }

  @Test func withoutAFolderTheMessagesAreOneMboxOnStandardOutput() throws {
    let ledger = try DeadlinesTests.association()
    let folder = try TemporaryDirectory()
    let files = ledger.run("report", "expiring", "--within", "31d", "--format", "mail", "--output", folder.url.path)
    try #require(files.status == 0)
    let stream = ledger.run("report", "expiring", "--within", "31d", "--format", "mail")
    try #require(stream.status == 0, "\(stream)")
    try folder.write("all.mbox", stream.output)
    let boxed = try ParsedMail.read(mbox: folder.path("all.mbox"))
    let written = try ParsedMail.read(folder: folder.url)
    #expect(boxed.map(\.to) == written.map(\.to))
    #expect(boxed.map(\.body) == written.map(\.body))
    #expect(boxed.map { $0.headers["Subject"] } == written.map { $0.headers["Subject"] })
  }

  @Test func aSecondRunLeavesOnlyItsOwnMessages() throws {
    let ledger = try DeadlinesTests.association()
    let folder = try TemporaryDirectory()
    try folder.write("someone-gone.eml", "From: old\r\n\r\nold\r\n")
    try folder.write("notes.txt", "kept")
    let result = ledger.run("report", "expiring", "--within", "31d", "--format", "mail", "--output", folder.url.path)
    try #require(result.status == 0, "\(result)")
    let names = try FileManager.default.contentsOfDirectory(atPath: folder.url.path)
    #expect(!names.contains("someone-gone.eml"))
    #expect(names.contains("notes.txt"))
  }

  @Test func withoutASenderItSaysHowToSetOne() throws {
    let ledger = try DeadlinesTests.association()
    let settings = try String(contentsOf: ledger.directory.path("ledger.json"), encoding: .utf8)
    let without = settings.split(separator: "\n").filter { !$0.contains("\"mail_from\"") }.joined(separator: "\n") + "\n"
    try ledger.directory.write("ledger.json", without)
    try #require(ledger.run("commit", "-m", "No sender").status == 0)
    let result = ledger.run("report", "expiring", "--format", "mail")
    #expect(result.status == 2)
    #expect(result.error.contains("error: the reminders need a sender: ledger.json has no mail_from"))
    #expect(result.error.contains(#"hint: add "mail_from": "Ledger <ledger@example.org>" to ledger.json"#))
    #expect(result.output.isEmpty)
    let misplaced = ledger.run("report", "expiring", "--output", "somewhere")
    #expect(misplaced.status == 2)
    #expect(misplaced.error.contains("error: --output goes with --format mail"))
  }

  // MARK: - The message's pieces

  @Test func longNonASCIIHeaderTextIsSplitIntoEncodedWordsOfAtMost75Characters() {
    let words = MailMessage.encodedWords(String(repeating: "é", count: 40) + "😀 fin")
    #expect(words.count == 3)
    // 15 é (30 octets) fill the first word; the emoji's 4 octets are never cut.
    #expect(words.first == "=?utf-8?B?" + Data(String(repeating: "é", count: 15).utf8).base64EncodedString() + "?=")
    for word in words {
      #expect(word.count <= 75)
      #expect(word.hasPrefix("=?utf-8?B?") && word.hasSuffix("?="))
    }
  }

  @Test func aLineTooLongFor8bitGoesQuotedPrintable() {
    let message = MailMessage(
      from: MailMessage.Mailbox(name: nil, address: "a@example.org"),
      to: MailMessage.Mailbox(name: "Zoé", address: "z@example.org"),
      subject: "s", date: Date(timeIntervalSince1970: 0), messageID: "x@y",
      body: "é=" + String(repeating: "x", count: 1200))
    let text = message.text
    #expect(text.contains("Content-Transfer-Encoding: quoted-printable\r\n"))
    #expect(text.contains("\r\n\r\n=C3=A9=3Dxxx"))
    #expect(text.components(separatedBy: "\r\n").allSatisfy { $0.utf8.count <= 76 })
  }

  @Test(arguments: [
    ("Ledger <ledger@example.org>", "Ledger <ledger@example.org>"), ("ledger@example.org", "ledger@example.org"),
    ("\"Dupont, M.\" <m@example.org>", "\"Dupont, M.\" <m@example.org>"),
  ])
  func aSenderIsReadAndWrittenBack(_ given: String, _ header: String) throws {
    #expect(try #require(MailMessage.Mailbox(given)).header == header)
  }

  @Test(arguments: ["Ledger", "Ledger <nowhere>", "a b@example.org", "<@example.org>"])
  func aSenderWithoutAnAddressIsRefused(_ given: String) {
    #expect(MailMessage.Mailbox(given) == nil)
  }
}

/// An email as Python's `email` package reads it (policy `default`: headers decoded).
private struct ParsedMail: Decodable {
  let person: String
  let headers: [String: String]
  let to: [String]
  let body: String
  let raw: String
  let onlyCRLF: Bool
  let longestLine: Int
  let defects: [String]

  static let script = """
    import email, email.policy, json, mailbox, os, sys

    def describe(person, message, raw):
        lines = raw.split(b"\\r\\n")
        return {
            "person": person,
            "headers": {name: str(value) for name, value in message.items()},
            "to": [address.addr_spec for address in message["To"].addresses],
            "body": message.get_content().replace("\\r\\n", "\\n"),
            "raw": raw.decode("utf-8"),
            "onlyCRLF": b"\\n" not in raw.replace(b"\\r\\n", b""),
            "longestLine": max(len(line) for line in lines),
            "defects": [str(defect) for defect in message.defects],
        }

    mails = []
    if sys.argv[1] == "folder":
        for name in sorted(os.listdir(sys.argv[2])):
            if name.endswith(".eml"):
                raw = open(os.path.join(sys.argv[2], name), "rb").read()
                message = email.message_from_bytes(raw, policy=email.policy.default)
                mails.append(describe(name[:-4], message, raw))
    else:
        for message in mailbox.mbox(sys.argv[2]):
            raw = message.as_bytes().replace(b"\\n", b"\\r\\n")
            parsed = email.message_from_bytes(raw, policy=email.policy.default)
            mails.append(describe(parsed["To"].addresses[0].username, parsed, raw))
    print(json.dumps(mails))
    """

  static func read(folder: URL) throws -> [ParsedMail] { try run(["folder", folder.path]) }
  static func read(mbox: URL) throws -> [ParsedMail] { try run(["mbox", mbox.path]) }

  private static func run(_ arguments: [String]) throws -> [ParsedMail] {
    let scripts = try TemporaryDirectory()
    try scripts.write("read_mail.py", script)
    let outcome = try ExternalProgram.run(
      URL(fileURLWithPath: "/usr/bin/env"), ["python3", scripts.path("read_mail.py").path] + arguments, in: scripts.url)
    try #require(outcome.status != 127, "python3 is not installed: run 'make test-deps' (\(outcome.error))")
    try #require(outcome.status == 0, "Python's email package could not read the reminders:\n\(outcome.error)")
    let mails = try JSONDecoder().decode([ParsedMail].self, from: Data(outcome.output.utf8))
    try #require(!mails.isEmpty, "no reminder was written")
    return mails
  }
}
