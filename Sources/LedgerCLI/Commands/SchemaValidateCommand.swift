import Foundation
import LedgerCore
import LedgerJSON
import LedgerLanguage
import LedgerSchema

/// `adminledger schema validate --schema S INSTANCE...`: JSON Schema 2020-12 on any files.
enum SchemaValidateCommand {
  static let spec = CommandSpec(
    name: "schema validate", synopsis: "--schema SCHEMA.json INSTANCE.json...",
    summary: Phrase("validate JSON files against a JSON Schema (draft 2020-12)"),
    details: Phrase(
      """
      Exits 0 when every instance is valid, 1 when one is not (each finding printed), 2 on bad
      usage (a file that cannot be read), 3 when the schema itself is not JSON or not a valid
      schema (each problem printed where it lies in the schema's file). A $ref to a
      built-in schema or to the 2020-12 meta-schema by its $id resolves offline; nothing is
      ever fetched from the network.
      """),
    options: [.single("schema", "SCHEMA.json", Phrase("the schema to validate against"))],
    positionals: 1...Int.max,
    examples: [
      .example(
        "adminledger schema validate --schema schemas/people.schema.json people/tblanc.json",
        Phrase("check a file against a schema"))
    ],
    run: run)

  static func run(_ context: CommandContext) throws(CLIError) -> ExitStatus {
    guard let schemaPath = context.arguments.value("schema") else {
      throw .usage(tr("which schema? pass --schema SCHEMA.json"))
    }
    let schemaBytes = try read(schemaPath, context)
    var instances: [(String, [UInt8])] = []
    for path in context.positionals { instances.append((path, try read(path, context))) }
    // Each step throws one error type, so every way the schema can fail is named here.
    let document: JSONDocument
    do throws(JSONParseError) {
      document = try JSONParser.parseDocument(schemaBytes)
    } catch {
      var diagnostic = Diagnostic(parseError: error, file: schemaPath)
      diagnostic.hint = nil  // its hint speaks of records; the failure's own hint follows
      return FailureRenderer(context).render(.schemaNotJSON(schemaPath), after: [diagnostic])
    }
    let schema: Schema
    do throws(SchemaError) {
      schema = try SchemaRegistry.standard().register(document.value, uri: context.url(for: schemaPath).absoluteString)
    } catch {
      let diagnostics = error.problems.map { problem(of: $0, in: document, file: schemaPath) }.sorted(by: <)
      return FailureRenderer(context).render(.invalidSchema(schemaPath), after: diagnostics)
    }
    var results: [JSONValue] = []
    var invalid = 0
    for (path, bytes) in instances {
      let findings = validate(bytes, against: schema, file: path)
      if !findings.isEmpty { invalid += 1 }
      results.append([
        "file": .string(path), "valid": .bool(findings.isEmpty), "diagnostics": .array(findings.map(DiagnosticRenderer.json)),
      ])
      if context.format == .text {
        for finding in findings { context.out.line(DiagnosticRenderer.text(finding, colored: false)) }
      }
    }
    if context.format == .json { context.printJSON(.array(results)) }
    return invalid == 0 ? .ok : .findings
  }

  /// A problem of the schema, at its place in the schema's file. Only the file's own document is
  /// registered, so every problem points into it (its pointer starts at the file's root).
  private static func problem(of problem: SchemaError.Problem, in document: JSONDocument, file: String) -> Diagnostic {
    let location = document.location(of: problem.pointer)
    return Diagnostic(
      file: file, line: location.line, column: location.column, instancePath: problem.pointer, rule: "schema",
      message: problem.message)
  }

  private static func validate(_ bytes: [UInt8], against schema: Schema, file: String) -> [Diagnostic] {
    let document: JSONDocument
    do {
      document = try JSONParser.parseDocument(bytes)
    } catch {
      return [Diagnostic(parseError: error, file: file)]
    }
    return schema.validate(document.value).errors.map { error in
      let location = document.location(of: error.instancePath)
      return Diagnostic(
        file: file, line: location.line, column: location.column, instancePath: error.instancePath,
        rule: error.keyword, message: error.message)
    }
  }

  private static func read(_ path: String, _ context: CommandContext) throws(CLIError) -> [UInt8] {
    try context.readInput(path)
  }
}
