import Foundation
import LedgerTestSupport
import Testing

/// One `schema validate` run: the schema it is given, what it must exit with, and all it prints.
struct SchemaValidateCase: CustomTestStringConvertible, Sendable {
  let name: String
  /// The schema file's text; nil leaves `schema.json` absent.
  let schema: String?
  var arguments = ["schema", "validate", "--schema", "schema.json", "good.json"]
  let status: Int32
  var output = ""
  let error: String
  var testDescription: String { name }
}

/// `schema validate` says why it failed, through the CLI's renderers, with the exit code of
/// DESIGN.md: 1 for findings, 2 for bad usage, 3 for a schema that cannot be used.
@Suite struct SchemaValidateFailureTests {
  static let cases: [SchemaValidateCase] = [
    SchemaValidateCase(
      name: "an instance that breaks the schema", schema: #"{"type": "object", "required": ["name"]}"#,
      status: 1, output: "good.json:1:1: error[required]: missing required field \"name\"\n", error: ""),
    SchemaValidateCase(
      name: "no --schema", schema: "{}", arguments: ["schema", "validate", "good.json"], status: 2,
      error: """
        adminledger: error: which schema? pass --schema SCHEMA.json
        usage: adminledger schema validate --schema SCHEMA.json INSTANCE.json...
        run 'adminledger schema validate --help' for details

        """),
    SchemaValidateCase(
      name: "a schema file that does not exist", schema: nil, status: 2,
      error: "adminledger: error: cannot read schema.json: no such file or directory\nhint: check the path\n"),
    SchemaValidateCase(
      name: "an instance file that does not exist", schema: "{}",
      arguments: ["schema", "validate", "--schema", "schema.json", "good.json", "nope.json"], status: 2,
      error: "adminledger: error: cannot read nope.json: no such file or directory\nhint: check the path\n"),
    SchemaValidateCase(
      name: "a schema that is not JSON", schema: "{\n  \"type\": \"object\",\n  \"required\": [\"name\"\n}\n", status: 3,
      error: """
        schema.json:4:1: error[json]: expected ',' or ']' but found '}'
        adminledger: error: the schema schema.json is not valid JSON; no file was validated
        hint: fix the JSON at that spot

        """),
    SchemaValidateCase(
      name: "a schema with bad keyword values",
      schema: "{\n  \"type\": \"object\",\n  \"minProperties\": \"two\",\n  \"maximum\": \"x\"\n}\n",
      status: 3,
      error: """
        schema.json:3:20: error[schema]: "minProperties" must be an integer, found string "two" (at /minProperties)
        schema.json:4:14: error[schema]: "maximum" must be a number, found string "x" (at /maximum)
        adminledger: error: schema.json is not a valid JSON Schema 2020-12; no file was validated
        hint: fix the schema at each spot named above

        """),
    SchemaValidateCase(
      name: "a schema whose $ref would need the network", schema: #"{"$ref": "https://example.com/elsewhere.json"}"#,
      status: 3,
      error: """
        schema.json:1:10: error[schema]: cannot resolve "https://example.com/elsewhere.json" (https://example.com/elsewhere.json): only the built-in schemas, the 2020-12 meta-schema and schemas given to the tool resolve; nothing is fetched from the network (at /$ref)
        adminledger: error: schema.json is not a valid JSON Schema 2020-12; no file was validated
        hint: fix the schema at each spot named above

        """),
    SchemaValidateCase(
      name: "an invalid schema, as JSON", schema: #"{"minProperties": "two"}"#,
      arguments: ["schema", "validate", "--schema", "schema.json", "good.json", "--format", "json"], status: 3,
      error: """
        {
          "diagnostics": [
            {
              "column": 19,
              "file": "schema.json",
              "line": 1,
              "message": "\\"minProperties\\" must be an integer, found string \\"two\\"",
              "pointer": "/minProperties",
              "rule": "schema",
              "severity": "error"
            }
          ],
          "error": "schema.json is not a valid JSON Schema 2020-12; no file was validated",
          "exit": 3,
          "hint": "fix the schema at each spot named above"
        }

        """),
  ]

  @Test(arguments: cases)
  func aRunThatFailsSaysWhyWithItsExitCode(_ run: SchemaValidateCase) throws {
    let sandbox = try TemporaryDirectory()
    if let schema = run.schema { try sandbox.write("schema.json", schema) }
    try sandbox.write("good.json", #"{"amount": "12.50"}"#)
    let result = CLIRunner(directory: sandbox.url).run(run.arguments)
    #expect(result.status == run.status, "\(result)")
    #expect(result.output == run.output)
    #expect(result.error == run.error)
  }
}
