import Foundation
import LedgerTestSupport
import Testing

/// Issue 20: a clone made by a plain `git clone` has the committed `.gitattributes` but not the
/// merge driver it names, so `git pull` merges records line by line. The tool says so before
/// (`status`, `validate`), recognises git's markers after, and points to what redoes the file
/// as a field-level merge: `hook install`, then `git checkout -m FILE` (the real git program).
@Suite struct MissingDriverTests {
  /// Sophie's clone `c`, made by `git clone` with no `hook install`.
  private func plainClone(_ shared: SharedLedger) throws -> CLIRunner {
    try SharedLedger.git(["clone", "-q", shared.bare.path, "c"], in: shared.directory.url)
    var sophie = CLIRunner(directory: shared.directory.path("c"))
    sophie.author = "Sophie Bernard <sophie.bernard@example.org>"
    for (key, value) in [("user.name", "Sophie Bernard"), ("user.email", "sophie.bernard@example.org"), ("pull.rebase", "false")]
    {
      try shared.git(sophie, "config", key, value)
    }
    return sophie
  }

  static let driverMissing =
    "warning: git merges this clone's records line by line: .gitattributes names the merge driver 'adminledger' "
    + "but this clone's git configuration does not register it (a plain 'git clone')\n"
    + "hint: run 'adminledger hook install' once, before the next 'git pull' or 'git merge'\n"

  @Test func statusAndValidateSayTheDriverIsMissingBeforeAnyMerge() throws {
    let shared = try SharedLedger()
    let sophie = try plainClone(shared)
    for command in ["status", "validate"] {
      let result = sophie.run(command)
      #expect(result.status == 0, "\(result)")
      #expect(result.error.hasPrefix(MissingDriverTests.driverMissing), "\(command): \(result.error)")
    }
    // A clone made by `adminledger clone` has the driver: nothing is said.
    #expect(!shared.marc.run("status").error.contains("warning:"))
    #expect(!shared.marc.run("validate").error.contains("warning:"))
    // Once installed, nothing more is said.
    try SharedLedger.succeed(sophie, ["hook", "install"])
    #expect(!sophie.run("status").error.contains("warning:"))
  }

  @Test func aLineMergedRecordIsNamedAndRedoneFieldByFieldWithCheckoutMerge() throws {
    let shared = try SharedLedger()
    let sophie = try plainClone(shared)
    try SharedLedger.succeed(shared.claire, ["set", "trainings/intro", "--set", #"attendees=["hugo","anne","lea"]"#])
    try SharedLedger.succeed(shared.claire, ["sync"])
    let file = sophie.directory.appendingPathComponent("trainings/intro.json")
    let added = SharedLedger.introTraining.replacingOccurrences(of: "\"anne\"\n", with: "\"anne\",\n    \"paul\"\n")
    try Data(added.utf8).write(to: file)
    try shared.git(sophie, "commit", "-q", "-a", "-m", "Paul attended")

    let pull = try ExternalProgram.run(URL(fileURLWithPath: "/usr/bin/env"), ["git", "pull", "-q"], in: sophie.directory)
    #expect(pull.status != 0)
    try #require(shared.read(sophie, "trainings/intro.json")?.contains("<<<<<<< ") == true)

    let markers =
      "warning: trainings/intro.json holds git's conflict markers: git merged it line by line, not field by field\n"
      + "hint: run 'adminledger hook install', then 'git checkout -m trainings/intro.json' to merge it again field by field\n"
    let redo =
      "hint: git merged trainings/intro.json line by line (its conflict markers are in it): run 'adminledger hook install', "
      + "then 'git checkout -m trainings/intro.json' to merge it again field by field; "
      + "do not take a side with 'resolve --ours/--theirs', which drops the other side's changes\n"
    let status = sophie.run("status")
    #expect(status.error == MissingDriverTests.driverMissing + markers + redo, "\(status.error)")
    let validate = sophie.run("validate")
    #expect(validate.status == 1)
    #expect(validate.error == MissingDriverTests.driverMissing + markers + redo, "\(validate.error)")
    let conflicts = sophie.run("conflicts")
    #expect(conflicts.status == 1)
    #expect(conflicts.error.hasSuffix(redo), "\(conflicts.error)")
    #expect(!conflicts.error.contains("fix the records with"), "\(conflicts.error)")

    // What the hints say, with the real git program (2.39 and later).
    try SharedLedger.succeed(sophie, ["hook", "install"])
    try shared.git(sophie, "checkout", "-m", "trainings/intro.json")
    let merged = try #require(shared.read(sophie, "trainings/intro.json"))
    #expect(!merged.contains("<<<<<<<"))
    #expect(merged.contains("\"paul\"") && merged.contains("\"lea\"") && merged.contains("\"anne\""), "\(merged)")
    let settled = sophie.run("conflicts")
    #expect(settled.status == 0, "\(settled)")
    let continued = sophie.run("sync", "--continue")
    #expect(continued.status == 0, "\(continued)")
    #expect(try shared.parents(sophie).count == 2)
    #expect(sophie.run("audit").status == 0)
    #expect(!sophie.run("status").error.contains("warning:"))
    // A merge git started names no remote to push to: the next sync pushes it.
    try SharedLedger.succeed(sophie, ["sync"])
    try SharedLedger.succeed(shared.claire, ["sync"])
    #expect(shared.read(shared.claire, "trainings/intro.json") == shared.read(sophie, "trainings/intro.json"))
    #expect(shared.read(shared.claire, "trainings/intro.json")?.contains("\"paul\"") == true)
  }
}
