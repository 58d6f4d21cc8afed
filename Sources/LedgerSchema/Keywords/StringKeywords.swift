import LedgerJSON

// `maxLength`, `minLength` (in code points), `pattern` (ECMA-262, unanchored), `format`.
extension Evaluator {
  func evaluateString(_ node: SchemaNode, _ text: String, _ path: JSONPointer, _ outcome: inout Outcome) {
    let length = text.unicodeScalars.count
    if let limit = node.active("maxLength")?.integer, length > limit {
      outcome.errors.append(error(node, "maxLength", path, Messages.length(path, "at most", limit, found: length)))
    }
    if let limit = node.active("minLength")?.integer, length < limit {
      outcome.errors.append(error(node, "minLength", path, Messages.length(path, "at least", limit, found: length)))
    }
    if case .string(let source)? = node.active("pattern"), let regex = node.patterns[source] {
      switch regex.match(text) {
      case .matched: break
      case .notMatched:
        let form = node.keywords["x-form"]?.stringValue
        let description = node.keywords["description"]?.stringValue
        outcome.errors.append(
          error(node, "pattern", path, Messages.pattern(path, form: form, description: description, found: text)))
      case .tooCostly: outcome.errors.append(error(node, "pattern", path, Messages.patternTooCostly(path, source)))
      }
    }
    if case .string(let format)? = node.active("format"), FormatChecker.check(format, text) == false {
      outcome.errors.append(error(node, "format", path, Messages.format(path, format, found: text)))
    }
  }
}

extension JSONValue {
  /// The value as an `Int` when it is an integer number (`2`, `2.0`).
  var integer: Int? {
    guard case .number(let number) = self else { return nil }
    return number.intValue
  }
}
