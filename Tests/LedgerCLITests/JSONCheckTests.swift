import Foundation
import LedgerTestSupport
import Testing

@Suite struct JSONCheckTests {
  @Test func validFilesExitZeroQuietly() throws {
    let sandbox = try TemporaryDirectory()
    try sandbox.write("a.json", #"{"a": [1, 2.5, "x", null, true]}"#)
    try sandbox.write("b.json", "[]")
    let result = CLIRunner(directory: sandbox.url).run("json", "check", "a.json", "b.json")
    #expect(result.status == 0)
    #expect(result.output.isEmpty)
  }

  @Test func eachInvalidFileGetsItsFirstError() throws {
    let sandbox = try TemporaryDirectory()
    try sandbox.write("good.json", "{}")
    try sandbox.write("comma.json", "{\n  \"a\": 1,\n}\n")
    try sandbox.write("dup.json", #"{"a": 1, "a": 2}"#)
    let result = CLIRunner(directory: sandbox.url).run("json", "check", "good.json", "comma.json", "dup.json")
    #expect(result.status == 1)
    #expect(
      result.output == """
        comma.json:3:1: error: expected a string key but found '}'
        dup.json:1:10: error: duplicate key "a" in object

        """)
  }

  @Test func jsonFormatReportsEveryFile() throws {
    let sandbox = try TemporaryDirectory()
    try sandbox.write("good.json", "{}")
    try sandbox.write("bad.json", "[1,]")
    let result = CLIRunner(directory: sandbox.url).run("json", "check", "good.json", "bad.json", "--format", "json")
    #expect(result.status == 1)
    #expect(result.output.contains(#""file": "bad.json""#))
    #expect(result.output.contains(#""valid": true"#))
    #expect(result.output.contains(#""line": 1"#))
  }

  @Test func aMissingFileIsUsage() throws {
    let sandbox = try TemporaryDirectory()
    let result = CLIRunner(directory: sandbox.url).run("json", "check", "missing.json")
    #expect(result.status == 2)
    #expect(result.error.contains("cannot read missing.json"))
  }

  @Test func helpAndVersionGoToStandardOutput() throws {
    let sandbox = try TemporaryDirectory()
    let cli = CLIRunner(directory: sandbox.url)
    let version = cli.run("--version")
    #expect(version.status == 0)
    #expect(version.output.hasPrefix("adminledger "))
    let overview = cli.run("--help")
    #expect(overview.status == 0)
    for command in ["init", "add", "set", "rm", "show", "list", "status", "commit", "json check"] {
      #expect(overview.output.contains("\n  \(command) "), "overview lacks \(command)")
      let help = cli.run(command.split(separator: " ").map(String.init) + ["--help"])
      #expect(help.status == 0)
      #expect(help.output.hasPrefix("usage: adminledger \(command)"))
    }
  }
}
