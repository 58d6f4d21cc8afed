import Foundation
import LedgerTestSupport
import Testing

/// The built `adminledger` binary, run as separate processes, as people and scripts run it.
@Suite struct ProcessTests {
  let environment = ["ADMINLEDGER_AUTHOR": "Claire Durand <claire.durand@example.org>"]

  @Test func concurrentProcessesAllLandTheirWrites() async throws {
    let tool = try ExternalProgram.builtTool()
    let sandbox = try TemporaryDirectory()
    let root = sandbox.url
    let environment = self.environment
    #expect(try ExternalProgram.run(tool, ["init"], in: root, environment: environment).status == 0)
    let writers = 12
    let statuses = try await withThrowingTaskGroup(of: Int32.self) { group in
      for index in 0..<writers {
        group.addTask {
          let arguments =
            index.isMultiple(of: 2)
            ? [
              "add", "tickets", "--set", "title=Ticket \(index)", "--set", "type=support", "--set", "status=open", "--set",
              "opened=2026-11-18",
            ]
            : ["add", "people", "p\(index)", "--set", "name=Person \(index)"]
          return try ExternalProgram.run(tool, arguments, in: root, environment: environment).status
        }
      }
      return try await group.reduce(into: []) { $0.append($1) }
    }
    #expect(statuses == Array(repeating: 0, count: writers))
    let count = try ExternalProgram.git("rev-list", "--count", "HEAD", in: root).output
    #expect(count == "\(writers + 1)\n")
    let people = try ExternalProgram.git("ls-tree", "--name-only", "HEAD", "people/", in: root).output
    #expect(people.split(separator: "\n").count == writers / 2)
    let tickets = try ExternalProgram.git("ls-tree", "--name-only", "HEAD", "tickets/", in: root).output
    #expect(tickets.split(separator: "\n").count == writers / 2)
    #expect(try ExternalProgram.git("status", "--porcelain", in: root).output.isEmpty)
    #expect(try ExternalProgram.git("fsck", in: root).status == 0)
  }

  @Test func binaryExitCodesAndStreams() throws {
    let tool = try ExternalProgram.builtTool()
    let sandbox = try TemporaryDirectory()
    let root = sandbox.url
    let missing = try ExternalProgram.run(tool, ["list", "people"], in: root, environment: environment)
    #expect(missing.status == 2)
    #expect(missing.output.isEmpty)
    #expect(missing.error.contains("not a ledger"))
    #expect(try ExternalProgram.run(tool, ["init", "--name", "Demo"], in: root, environment: environment).status == 0)
    let added = try ExternalProgram.run(
      tool, ["add", "people", "-", "--file", "-"], in: root, environment: environment, input: "{}")
    #expect(added.status == 2)
    let piped = try ExternalProgram.run(
      tool, ["add", "people", "hugo", "--file", "-"], in: root, environment: environment,
      input: #"{"name": "Hugo"}"#)
    #expect(piped.status == 0, "\(piped.error)")
    let shown = try ExternalProgram.run(tool, ["show", "people/hugo", "--format", "json"], in: root, environment: environment)
    #expect(shown.output == "{\n  \"id\": \"hugo\",\n  \"name\": \"Hugo\"\n}\n")
  }
}
