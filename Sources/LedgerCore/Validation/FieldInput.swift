import LedgerJSON
import LedgerSchema

/// A value for a field as a person gave it: JSON already, or text from `--set FIELD=TEXT`
/// that the field's schema will type.
public enum FieldInput: Equatable, Sendable {
  case json(JSONValue)
  case text(String)
}

/// Why a `--set` value does not fit its field.
public enum FieldInputProblem: Error, Equatable, Sendable {
  /// The schema has no such field; `known` lists the fields it has.
  case unknownField(RecordKind, field: String, known: [String])
  /// The text cannot become any type the field accepts.
  case wrongType(RecordKind, field: String, expected: [String], text: String)
}

/// Types `--set` text by the schema: `amount=12.50` stays the string a money field asks for,
/// `count=3` becomes a number, `temporary=yes` is refused because a boolean is expected.
///
/// Text for a field of a known form (`x-form`: amounts, phone numbers, days) is first read in
/// the forms people write it in (`1 234,50 €`, `06 12 34 56 78`, `06/12/2026` where dates are
/// read day first) and stored in the ledger's; the conversion is returned so the write can say
/// what it stored.
enum FieldTyping {
  /// Why text cannot be stored in a field.
  enum Refusal: Error, Equatable {
    /// The field or the type does not fit.
    case field(FieldInputProblem)
    /// The text is not in any form its field reads.
    case form(InputFormProblem)

    /// The error a write throws: a form problem is a finding at the field (rule `input`).
    func storeError(file: String, field: FieldPath) -> StoreError {
      switch self {
      case .field(let problem): return .fieldInput(problem)
      case .form(let problem):
        return .invalid(
          DiagnosticList([
            Diagnostic(file: file, instancePath: field.pointer, rule: "input", message: problem.message, hint: problem.hint)
          ]))
      }
    }

    /// The rule a person reads: `input` for text in no form its field reads (as `set` says it),
    /// `type` for a field or type that does not fit.
    var rule: String {
      switch self {
      case .field: "type"
      case .form: "input"
      }
    }

    /// The message and hint of an import's problem.
    func describe(_ cell: String) -> (message: String, hint: String?) {
      switch self {
      case .field(let problem): (GenericImport.describe(problem, cell), nil)
      case .form(let problem): (problem.message, problem.hint)
      }
    }
  }

  /// The value `input` stores in the field at `path`, and the conversion made from the form the
  /// person typed, if any.
  static func read(
    _ input: FieldInput, for path: FieldPath, kind: RecordKind, schema: Schema?, conventions: InputConventions
  ) throws(Refusal) -> (value: JSONValue, conversion: InputConversion?) {
    if case .text(let text) = input, let form = schema?.fieldShape(at: path.components)?.form, !text.hasPrefix("\"") {
      let stored: String?
      do throws(InputFormProblem) {
        stored = try InputForms.read(text, form: form, field: path.description, conventions: conventions)
      } catch {
        throw .form(error)
      }
      if let stored {
        return (.string(stored), InputConversion(field: path.description, given: text, stored: stored))
      }
    }
    do throws(FieldInputProblem) {
      return (try value(input, for: path, kind: kind, schema: schema), nil)
    } catch {
      throw .field(error)
    }
  }

  static func value(
    _ input: FieldInput, for path: FieldPath, kind: RecordKind, schema: Schema?
  ) throws(FieldInputProblem) -> JSONValue {
    guard case .text(let text) = input else {
      if case .json(let value) = input { return value }
      return .null
    }
    let parsed = try? JSONParser.parse(text)
    guard let schema else { return parsed ?? .string(text) }
    guard let shape = schema.fieldShape(at: path.components) else {
      let parent = Array(path.components.dropLast())
      throw .unknownField(kind, field: path.description, known: schema.fieldNames(at: parent))
    }
    let types = shape.types
    if types.isEmpty { return parsed ?? .string(text) }
    if let parsed, types.contains(where: { matches(parsed, $0) }) {
      // A quoted JSON string is the string itself; otherwise JSON wins when it fits.
      if case .string = parsed { return parsed }
      if !types.contains("string") || !isPlainText(text) { return parsed }
    }
    if types.contains("string") { return .string(text) }
    throw .wrongType(kind, field: path.description, expected: types.sorted(), text: text)
  }

  private static func matches(_ value: JSONValue, _ type: String) -> Bool {
    switch (type, value) {
    case ("integer", .number(let number)): number.isInteger
    default: value.typeName == type
    }
  }

  /// Text that a person would mean as a string even though it parses as JSON: `12.50`,
  /// `true` for a string field. Arrays and objects are always meant as JSON.
  private static func isPlainText(_ text: String) -> Bool {
    !(text.hasPrefix("[") || text.hasPrefix("{"))
  }
}

extension FieldInput: ExpressibleByStringLiteral {
  /// A string literal is text, as if typed after `--set FIELD=`.
  public init(stringLiteral value: String) { self = .text(value) }
}
