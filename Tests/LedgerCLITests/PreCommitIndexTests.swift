import Foundation
import LedgerTestSupport
import Testing

/// The pre-commit hook checks what git is about to commit: with `git commit -a`,
/// `git commit PATH`, `--only` and `--include`, git commits an index of its own, which it
/// names to the hook in GIT_INDEX_FILE, not `.git/index`. The real `git` program commits; the
/// hooks `hook install` put in the clone run the built `adminledger`.
@Suite struct PreCommitIndexTests {
  /// One way of running `git commit` on a changed `people/hugo.json` that is not staged.
  struct Form: CustomTestStringConvertible, Sendable {
    let arguments: [String]
    var testDescription: String { "git commit " + arguments.joined(separator: " ") }
  }

  static let forms = [
    Form(arguments: ["-a"]),
    Form(arguments: ["people/hugo.json"]),
    Form(arguments: ["--only", "people/hugo.json"]),
    Form(arguments: ["--include", "people/hugo.json"]),
  ]

  /// A seeded ledger with its hooks installed.
  func ledger() throws -> LedgerSandbox {
    let sandbox = try LedgerSandbox()
    try sandbox.seed()
    let install = sandbox.run("hook", "install")
    try #require(install.status == 0, "\(install)")
    return sandbox
  }

  /// Gives Hugo a phone number in his file, by hand, without staging it.
  func setPhone(_ phone: String, in sandbox: LedgerSandbox) throws {
    let file = sandbox.directory.url.appendingPathComponent("people/hugo.json")
    let text = String(decoding: try Data(contentsOf: file), as: UTF8.self)
    try Data(text.replacingOccurrences(of: "{\n", with: "{\n  \"phone\": \"\(phone)\",\n").utf8).write(to: file)
  }

  func git(_ sandbox: LedgerSandbox, _ arguments: [String]) throws -> ExternalProgram.Outcome {
    try ExternalProgram.run(
      URL(fileURLWithPath: "/usr/bin/env"),
      ["git", "-c", "user.name=Claire Durand", "-c", "user.email=claire.durand@example.org"] + arguments,
      in: sandbox.directory.url)
  }

  /// What HEAD's commit holds at `path`.
  func committed(_ sandbox: LedgerSandbox, _ path: String) throws -> String {
    try git(sandbox, ["show", "HEAD:" + path]).output
  }

  @Test(arguments: forms) func anInvalidRecordIsRefusedAndNothingIsCommitted(_ form: Form) throws {
    let sandbox = try ledger()
    let before = try sandbox.head()
    let file = try committed(sandbox, "people/hugo.json")
    try setPhone("0612", in: sandbox)
    let outcome = try git(sandbox, ["commit", "-q", "-m", "Hugo's phone"] + form.arguments)
    #expect(outcome.status != 0, "\(outcome.output)\(outcome.error)")
    #expect(
      outcome.error.contains("adminledger: the commit is refused; the staged ledger files have problems:"), "\(outcome.error)")
    #expect(outcome.error.contains("people/hugo.json:"), "\(outcome.error)")
    #expect(outcome.error.contains("\"0612\""), "\(outcome.error)")
    #expect(try sandbox.head() == before)
    #expect(try committed(sandbox, "people/hugo.json") == file)
  }

  @Test(arguments: forms) func aValidRecordIsCommitted(_ form: Form) throws {
    let sandbox = try ledger()
    let before = try sandbox.head()
    try setPhone("+33611223344", in: sandbox)
    let outcome = try git(sandbox, ["commit", "-q", "-m", "Hugo's phone"] + form.arguments)
    #expect(outcome.status == 0, "\(outcome.output)\(outcome.error)")
    #expect(try sandbox.head() != before)
    #expect(try committed(sandbox, "people/hugo.json").contains("\"phone\": \"+33611223344\""))
  }

  @Test func onlyCommitsWhatItNamesAndChecksOnlyThat() throws {
    // An invalid change staged in .git/index is not what `git commit --only PATH` commits:
    // the hook judges the valid file it does commit.
    let sandbox = try ledger()
    try setPhone("0612", in: sandbox)
    #expect(try git(sandbox, ["add", "people/hugo.json"]).status == 0)
    let plain = try git(sandbox, ["commit", "-q", "-m", "staged"])
    #expect(plain.status != 0)
    let system = sandbox.directory.url.appendingPathComponent("systems/geonature.json")
    let text = String(decoding: try Data(contentsOf: system), as: UTF8.self)
    try Data(text.replacingOccurrences(of: "\"name\": \"GeoNature\"", with: "\"name\": \"GeoNature 2\"").utf8).write(to: system)
    let only = try git(sandbox, ["commit", "-q", "-m", "rename", "--only", "systems/geonature.json"])
    #expect(only.status == 0, "\(only.error)")
    #expect(try committed(sandbox, "systems/geonature.json").contains("GeoNature 2"))
    #expect(try !committed(sandbox, "people/hugo.json").contains("0612"))
  }

  @Test func aMergeBringingAnInvalidRecordIsRefusedByPreMergeCommit() throws {
    let sandbox = try ledger()
    #expect(try git(sandbox, ["checkout", "-q", "-b", "side"]).status == 0)
    try setPhone("0612", in: sandbox)
    #expect(try git(sandbox, ["commit", "-q", "-a", "--no-verify", "-m", "invalid, unchecked"]).status == 0)
    #expect(try git(sandbox, ["checkout", "-q", "-"]).status == 0)
    let before = try sandbox.head()
    let merge = try git(sandbox, ["merge", "-q", "--no-ff", "-m", "Merge side", "side"])
    #expect(merge.status != 0)
    #expect(merge.error.contains("adminledger: the commit is refused"), "\(merge.error)")
    #expect(try sandbox.head() == before)
  }

  @Test func aRelativeIndexFileIsReadFromTheTopOfTheWorkTree() throws {
    // As git names it to its hooks: relative to the top of the work tree.
    let sandbox = try ledger()
    try setPhone("0612", in: sandbox)
    let git = sandbox.directory.url.appendingPathComponent(".git")
    try FileManager.default.copyItem(at: git.appendingPathComponent("index"), to: git.appendingPathComponent("other-index"))
    let outcome = try ExternalProgram.run(
      URL(fileURLWithPath: "/usr/bin/env"), ["git", "add", "people/hugo.json"], in: sandbox.directory.url,
      environment: ["GIT_INDEX_FILE": ".git/other-index"])
    #expect(outcome.status == 0, "\(outcome.error)")
    var hook = sandbox.cli
    #expect(hook.run("hook", "pre-commit").status == 0)  // .git/index holds nothing invalid
    hook.variables = ["GIT_INDEX_FILE": ".git/other-index"]
    let refused = hook.run("hook", "pre-commit")
    #expect(refused.status == 1, "\(refused)")
    #expect(refused.error.contains("people/hugo.json:"))
    hook.variables = ["GIT_INDEX_FILE": ".git/no-such-index"]
    let missing = hook.run("hook", "pre-commit")
    #expect(missing.status == 3, "\(missing)")
    #expect(missing.error.contains("no index file at"), "\(missing)")
  }
}
