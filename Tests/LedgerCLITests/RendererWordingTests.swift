import LedgerCore
import Testing

@testable import LedgerCLI

/// One renderer call and the exact lines it must give.
struct WordingCase: CustomTestStringConvertible, Sendable {
  let name: String
  let lines: [String]
  let expected: [String]
  var testDescription: String { name }

  init(_ name: String, _ lines: [String], _ expected: [String]) {
    self.name = name
    self.lines = lines
    self.expected = expected
  }

  init(_ name: String, _ line: String, _ expected: String) {
    self.init(name, [line], [expected])
  }
}

/// The words the commands print and no command test reaches (terminal-only progress, rare
/// warnings, lines of set-ups the tests build otherwise), pinned where they are made: moving
/// them into the renderers changed no byte.
@Suite struct RendererWordingTests {
  static let cases: [WordingCase] = [
    WordingCase("audit progress", AuditRenderer.progress(sinceLast: false), "Auditing the history..."),
    WordingCase(
      "audit progress since the last audit", AuditRenderer.progress(sinceLast: true),
      "Auditing the history since the last audit..."),
    WordingCase(
      "an audit that could not record its commit", AuditRenderer.unrecorded((".git/adminledger/audit-last", "disk full")),
      "warning: the audit could not record the last commit it passed (.git/adminledger/audit-last: disk full); the next --since-last audits it again"
    ),
    WordingCase("receiving objects", SyncRenderer.receiving(1, of: 3), "\rReceiving objects: 33% (1/3)"),
    WordingCase("all objects received", SyncRenderer.receiving(3, of: 3), "\rReceiving objects: 100% (3/3)\n"),
    WordingCase(
      "a clone's kept hook", SyncRenderer.keptHook(".git/hooks/pre-commit"),
      "warning: .git/hooks/pre-commit already exists and was left alone"),
    WordingCase(
      "sync rounds", SyncRenderer.rounds(2), "The remote moved during the sync: 2 rounds of fetch, merge and push."),
    WordingCase(
      "init's kept hook", WriteRenderer.keptHook(".git/hooks/pre-commit"),
      "warning: .git/hooks/pre-commit already exists and was left alone; add 'adminledger hook pre-commit' to it so plain git commits are validated"
    ),
    WordingCase(
      "a created ledger", WriteRenderer.created(name: "cen", root: "/tmp/cen", commit: "0123456789abcdef"),
      #"Created ledger "cen" in /tmp/cen (commit 0123456)"#),
    WordingCase(
      "nothing to commit", WriteRenderer.nothingToCommit, "Nothing to commit: the ledger's files match the last commit."),
    WordingCase(
      "an unknown author", WriteRenderer.unknownAuthor(Author(name: "Claire Durand", email: "claire@example.org")),
      "warning: Claire Durand <claire@example.org> is not a known administrator (no person with a ledger role lists claire@example.org in git_identities); the audit will report this commit"
    ),
    WordingCase(
      "hand edits, one conflicted",
      WriteRenderer.handEdits([
        HandEdit(path: "people/a.json", change: .modified), HandEdit(path: "people/b.json", change: .conflicted),
      ]),
      ["modified   people/a.json", "conflicted people/b.json"]),
    WordingCase(
      "the commit hint", WriteRenderer.commitHint,
      "hint: run 'adminledger commit -m MESSAGE' to validate and commit them"),
    WordingCase(
      "a valid last commit", DiagnosticRenderer.valid(records: 1, lastCommitOnly: true),
      "The last commit is valid: 1 record checked."),
    WordingCase(
      "a valid ledger", DiagnosticRenderer.valid(records: 2, lastCommitOnly: false), "The ledger is valid: 2 records checked."
    ),
    WordingCase(
      "a system no function calls for", EntitlementWarning.unjudged(system: "dolibarr"),
      "note: no function calls for a role on systems/dolibarr: its rights are granted case by case and not judged here"),
    WordingCase(
      "no references either way", RecordRenderer.references([], referrers: []),
      ["refers to:", "  nothing", "referred to by:", "  nothing"]),
  ]

  @Test(arguments: cases) func rendererGivesTheLinesCommandsPrinted(_ wording: WordingCase) {
    #expect(wording.lines == wording.expected)
  }
}
