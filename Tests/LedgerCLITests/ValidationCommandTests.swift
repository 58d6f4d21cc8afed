import Foundation
import LedgerTestSupport
import Testing

@Suite struct ValidationCommandTests {
  static let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("ledger")

  /// A sandbox holding a copy of a sample ledger, committed by hand.
  static func sample(_ name: String) throws -> LedgerSandbox {
    let ledger = try LedgerSandbox(name: name)
    let source = samples.appendingPathComponent(name)
    for item in try FileManager.default.contentsOfDirectory(atPath: source.path) {
      let target = ledger.directory.path(item)
      try? FileManager.default.removeItem(at: target)
      try FileManager.default.copyItem(at: source.appendingPathComponent(item), to: target)
    }
    let committed = ledger.run("commit", "-m", "Import the sample")
    try #require(committed.status == 0, "\(committed)")
    return ledger
  }

  @Test(arguments: ["platform", "association"])
  func sampleLedgersValidateClean(_ name: String) throws {
    let ledger = try ValidationCommandTests.sample(name)
    let result = ledger.run("validate")
    #expect(result.status == 0, "\(result)")
    #expect(result.output.hasPrefix("The ledger is valid: "))
  }

  @Test func validateReportsEveryFindingWithItsPlace() throws {
    let ledger = try LedgerSandbox()
    try ledger.directory.write("people/ok.json", #"{"name": "Ok"}"#)
    #expect(ledger.run("commit", "-m", "one person").status == 0)
    // Break the ledger behind the tool's back, with the real git program.
    try ledger.directory.write(
      "people/bad.json", "{\n  \"name\": \"Bad\",\n  \"organization\": \"nowhere\",\n  \"member_status\": \"maybe\"\n}\n")
    try ledger.directory.write("people/Worse.json", "{}")
    _ = try ExternalProgram.git("add", "-A", in: ledger.directory.url)
    _ = try ExternalProgram.git(
      "-c", "core.hooksPath=/dev/null", "-c", "user.name=X", "-c", "user.email=x@example.org", "commit", "-q", "-m", "by hand",
      in: ledger.directory.url)
    let result = ledger.run("validate")
    #expect(result.status == 1)
    #expect(
      result.output == """
        people/Worse.json:1:1: error[id]: "Worse" is not a valid id: an id starts with a lowercase letter or digit, not 'W'
        hint: rename the file; ids look like hlefevre or 2026-11-27-k3f9q
        people/bad.json:3:19: error[ref-exists]: "organization" names organizations/nowhere, which does not exist (at /organization)
        hint: add it first, or fix the id ('adminledger list organizations' shows them)
        people/bad.json:4:20: error[schema/enum]: "member_status" must be one of "active", "lapsed", "resigned", "honorary", "none", found string "maybe" (at /member_status)
        hint: use one of the listed values
        adminledger: 3 errors in 2 files

        """)
    let json = ledger.run("validate", "--format", "json")
    #expect(json.status == 1)
    #expect(json.output.contains(#""rule": "schema/enum""#))
    #expect(json.output.contains(#""valid": false"#))
    // The state before the bad commit was valid.
    #expect(ledger.run("validate", "--at", "HEAD~1").status == 0)
  }

  @Test func plainGitCommitOfAnInvalidRecordIsRefusedByTheHook() throws {
    let ledger = try LedgerSandbox()
    let root = ledger.directory.url
    let identity = ["-c", "user.name=Claire", "-c", "user.email=claire@example.org"]
    try ledger.directory.write("people/eve.json", #"{"name": "Eve", "password": "hunter2"}"#)
    _ = try ExternalProgram.git("add", "people/eve.json", in: root)
    let refused = try ExternalProgram.run(
      URL(fileURLWithPath: "/usr/bin/env"), ["git"] + identity + ["commit", "-m", "eve"], in: root)
    #expect(refused.status != 0)
    #expect(
      refused.error.contains("people/eve.json:1:29: error[no-secret]: field \"password\" would store a secret"),
      "\(refused.error)")
    #expect(try ExternalProgram.git("rev-list", "--count", "HEAD", in: root).output == "1\n")
    try ledger.directory.write("people/eve.json", #"{"name": "Eve"}"#)
    _ = try ExternalProgram.git("add", "people/eve.json", in: root)
    let accepted = try ExternalProgram.run(
      URL(fileURLWithPath: "/usr/bin/env"), ["git"] + identity + ["commit", "-m", "eve"], in: root)
    #expect(accepted.status == 0, "\(accepted.error)")
  }

  @Test func aCloneGetsTheHookWithHookInstall() throws {
    let ledger = try LedgerSandbox()
    let sandbox = try TemporaryDirectory()
    _ = try ExternalProgram.git("clone", "-q", ledger.directory.url.path, sandbox.path("clone").path, in: sandbox.url)
    #expect(!FileManager.default.fileExists(atPath: sandbox.path("clone/.git/hooks/pre-commit").path))
    var cli = CLIRunner(directory: sandbox.path("clone"))
    cli.author = "Claire Durand <claire.durand@example.org>"
    let result = cli.run("hook", "install")
    #expect(result.status == 0, "\(result)")
    #expect(sandbox.read("clone/.git/hooks/pre-commit")?.contains("hook pre-commit --ledger '.'") == true)
    // Installing again replaces adminledger's own hook; someone else's is left alone.
    #expect(cli.run("hook", "install").status == 0)
    try sandbox.write("clone/.git/hooks/pre-commit", "#!/bin/sh\nexit 0\n")
    #expect(cli.run("hook", "install").status == 3)
  }

  @Test func aRefusedWriteChangesNothing() throws {
    let ledger = try ValidationCommandTests.sample("association")
    let head = try ledger.head()
    let files = try ledger.snapshotOfFiles()
    let result = ledger.run(
      "add", "payments", "--set", "provider=cf2d", "--set", "amount=99.00", "--set", "status=approved", "--set",
      "approved_by=hlefevre", "--set", "approved_on=2026-11-27")
    #expect(result.status == 1)
    #expect(
      result.error.contains(
        "error[payment-approver]: people/hlefevre held no role that may approve payments (president, treasurer) on 2026-11-27"))
    #expect(try ledger.head() == head)
    #expect(try ledger.snapshotOfFiles() == files)
  }
}

@Suite struct SchemaValidateCommandTests {
  func sandbox() throws -> (TemporaryDirectory, CLIRunner) {
    let sandbox = try TemporaryDirectory()
    try sandbox.write(
      "schema.json",
      #"{"$schema": "https://json-schema.org/draft/2020-12/schema", "type": "object", "required": ["amount"], "properties": {"amount": {"$ref": "https://adminledger.example.org/schemas/common.schema.json#/$defs/money"}}}"#
    )
    try sandbox.write("good.json", #"{"amount": "12.50"}"#)
    try sandbox.write("bad.json", "{\n  \"amount\": 12.5\n}\n")
    return (sandbox, CLIRunner(directory: sandbox.url))
  }

  @Test func validInstancesExitZero() throws {
    let (sandbox, cli) = try sandbox()
    let result = cli.run("schema", "validate", "--schema", "schema.json", "good.json")
    #expect(result.status == 0, "\(result)")
    #expect(result.output.isEmpty)
    withExtendedLifetime(sandbox) {}
  }

  @Test func invalidInstancesExitOneWithEachFinding() throws {
    let (sandbox, cli) = try sandbox()
    let result = cli.run("schema", "validate", "--schema", "schema.json", "good.json", "bad.json")
    #expect(result.status == 1)
    #expect(result.output == "bad.json:2:13: error[type]: \"amount\" must be a string, found number 12.5 (at /amount)\n")
    withExtendedLifetime(sandbox) {}
  }

  @Test func anInvalidSchemaExitsThree() throws {
    let (sandbox, cli) = try sandbox()
    try sandbox.write("broken.json", #"{"type": "object", "minProperties": "two"}"#)
    let result = cli.run("schema", "validate", "--schema", "broken.json", "good.json")
    #expect(result.status == 3)
    #expect(result.error.contains("is not a valid JSON Schema 2020-12"))
    try sandbox.write("remote.json", #"{"$ref": "https://example.com/elsewhere.json"}"#)
    let remote = cli.run("schema", "validate", "--schema", "remote.json", "good.json")
    #expect(remote.status == 3)
    #expect(remote.error.contains("nothing is fetched from the network"))
  }

  @Test func aMissingFileIsUsage() throws {
    let (sandbox, cli) = try sandbox()
    #expect(cli.run("schema", "validate", "--schema", "schema.json", "nope.json").status == 2)
    #expect(cli.run("schema", "validate", "--schema", "nope.json", "good.json").status == 2)
    #expect(cli.run("schema", "validate", "good.json").status == 2)
    withExtendedLifetime(sandbox) {}
  }
}

/// A plain `git merge` whose result breaks a rule is stopped by the pre-merge-commit hook.
@Suite struct MergeHookTests {
  @Test func aMergeThatBreaksARuleOnlyInCombinationIsRefused() throws {
    let ledger = try LedgerSandbox()
    let root = ledger.directory.url
    try ledger.seed()
    let identity = ["-c", "user.name=Claire", "-c", "user.email=claire@example.org"]
    let git = { (arguments: [String]) throws -> ExternalProgram.Outcome in
      try ExternalProgram.run(URL(fileURLWithPath: "/usr/bin/env"), ["git"] + identity + arguments, in: root)
    }
    _ = try git(["branch", "other"])
    // Here: Hugo gets a second email. There: Ana is added with the same email.
    #expect(ledger.run("set", "people/hugo", "--set", #"emails=["hugo@example.org","shared@example.org"]"#).status == 0)
    _ = try git(["checkout", "-q", "other"])
    #expect(ledger.run("add", "people", "ana", "--set", "name=Ana", "--set", #"emails=["shared@example.org"]"#).status == 0)
    _ = try git(["checkout", "-q", "main"])
    let merge = try git(["merge", "--no-edit", "other"])
    #expect(merge.status != 0)
    #expect(merge.error.contains("error[unique]: \"shared@example.org\" is already used by people/hugo"), "\(merge.error)")
    _ = try git(["merge", "--abort"])
    #expect(try ExternalProgram.git("status", "--porcelain", in: root).output.isEmpty)
  }
}
