import Foundation
import LedgerTestSupport
import Testing

/// What the tool writes is ordinary git: the real `git` program reads it, and what `git`
/// writes the tool reads.
@Suite struct InteroperabilityTests {
  @Test func gitSeesCleanOrdinaryCommits() throws {
    let ledger = try LedgerSandbox()
    ledger.run("add", "people", "hlefevre", "--set", "name=Hugo Lefèvre", "--set", #"emails=["hugo@example.org"]"#)
    ledger.run("set", "people/hlefevre", "--set", "phone=+33612345678", "--author", "Marc Petit <marc@example.org>")
    let root = ledger.directory.url
    let fsck = try ExternalProgram.git("fsck", "--strict", in: root)
    #expect(fsck.status == 0)
    #expect(fsck.output.isEmpty, "\(fsck.output)")
    #expect(fsck.error.isEmpty, "\(fsck.error)")
    let log = try ExternalProgram.git("log", "--format=%an <%ae>|%s", in: root).output
    #expect(
      log == """
        Marc Petit <marc@example.org>|Set people/hlefevre: phone
        Claire Durand <claire.durand@example.org>|Add people/hlefevre
        Claire Durand <claire.durand@example.org>|Create ledger Test ledger

        """)
    let trailers = try ExternalProgram.git(
      "log", "-1", "--format=%(trailers:key=Ledger-Action,valueonly)%(trailers:key=Ledger-Record,valueonly)", in: root)
    #expect(trailers.output == "set\npeople/hlefevre\n\n")
    let shown = try ExternalProgram.git("show", "HEAD:people/hlefevre.json", in: root).output
    #expect(
      shown == """
        {
          "emails": [
            "hugo@example.org"
          ],
          "name": "Hugo Lefèvre",
          "phone": "+33612345678"
        }

        """)
    #expect(try ExternalProgram.git("status", "--porcelain", in: root).output.isEmpty)
    #expect(try ExternalProgram.git("diff", "HEAD~1", "--stat", in: root).output.contains("people/hlefevre.json | 3 ++-"))
  }

  @Test func commitsMadeWithGitAreReadAndTheNextWriteBuildsOnThem() throws {
    let ledger = try LedgerSandbox()
    let root = ledger.directory.url
    try ledger.directory.write("people/anne.json", "{\n  \"name\": \"Anne\"\n}\n")
    _ = try ExternalProgram.git("add", "people/anne.json", in: root)
    let commit = try ExternalProgram.git(
      "-c", "user.name=Git", "-c", "user.email=git@example.org", "commit", "-q", "-m", "by git", in: root)
    #expect(commit.status == 0)
    #expect(ledger.run("show", "people/anne").output == "people/anne\n  name: Anne\n")
    #expect(ledger.run("set", "people/anne", "--set", "name=Anne D").status == 0)
    let subjects = try ExternalProgram.git("log", "--format=%s", in: root).output
    #expect(subjects.hasPrefix("Set people/anne: name\nby git\n"))
    #expect(try ExternalProgram.git("status", "--porcelain", in: root).output.isEmpty)
  }

  @Test func aPersonsStagedWorkOutsideTheLedgerStaysStaged() throws {
    let ledger = try LedgerSandbox()
    let root = ledger.directory.url
    try ledger.directory.write("README.txt", "notes\n")
    _ = try ExternalProgram.git("add", "README.txt", in: root)
    ledger.run("add", "people", "a", "--set", "name=A")
    #expect(try ExternalProgram.git("status", "--porcelain", in: root).output == "A  README.txt\n")
    #expect(try ExternalProgram.git("show", "--stat", "--format=", "HEAD", in: root).output.contains("people/a.json"))
    #expect(!(try ExternalProgram.git("show", "--stat", "--format=", "HEAD", in: root).output.contains("README")))
  }
}
