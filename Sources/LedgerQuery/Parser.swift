import LedgerLanguage

/// Reads `--where`, `--sort` and `--fields` texts into the query's AST.
///
/// Condition grammar (one per `--where`; several are joined with "and"):
///
///     condition := "!" path | path | path op value | path " in " value ("," value)*
///     op        := "=" | "!=" | "<" | "<=" | ">" | ">=" | "~"
///     path      := name ("." name)*      name := [A-Za-z0-9_-]+
///
/// The value is the rest of the text, as written (quotes around it are removed). The operator
/// is the whole run of signs after the path: `a==b` or `end=>2026` is an error naming the
/// operators, never a silent `=` against the value `=b`; a value that starts with one of the
/// signs is quoted (`title="=b"`).
public enum QueryParser {
  /// The signs operators are made of.
  static let operatorSigns: Set<Unicode.Scalar> = ["=", "!", "<", ">", "~"]

  public static func condition(_ text: String) throws(QueryError) -> Condition {
    let scalars = Array(text.unicodeScalars)
    var index = 0
    let negated = scalars.first == "!"
    if negated { index += 1 }
    let pathStart = index
    while index < scalars.count, isPathCharacter(scalars[index]) { index += 1 }
    guard index > pathStart else {
      throw .syntax(text: text, column: index + 1, expected: tr("a field name"))
    }
    let pathText = String(String.UnicodeScalarView(scalars[pathStart..<index]))
    let path = pathText.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
    guard path.allSatisfy({ !$0.isEmpty }) else {
      throw .syntax(text: text, column: pathStart + 1, expected: tr("a dotted path such as account.person"))
    }
    if index == scalars.count { return Condition(path: path, op: negated ? .absent : .present, values: []) }
    guard !negated else { throw .syntax(text: text, column: index + 1, expected: tr("the end after !FIELD")) }
    let rest = String(String.UnicodeScalarView(scalars[index...]))
    if rest.hasPrefix(" in ") {
      let list = rest.dropFirst(4).split(separator: ",").map { unquote(String($0).trimmed) }
      guard !list.isEmpty else { throw .syntax(text: text, column: index + 5, expected: tr("values after in")) }
      return Condition(path: path, op: .isIn, values: list)
    }
    let signs = String(String.UnicodeScalarView(scalars[index...].prefix { operatorSigns.contains($0) }))
    guard let op = Condition.Operator(rawValue: signs), op != .isIn, op != .present, op != .absent else {
      throw .syntax(text: text, column: index + 1, expected: expectedOperator(found: signs, next: scalars[index]))
    }
    return Condition(path: path, op: op, values: [unquote(String(rest.dropFirst(signs.count)))])
  }

  /// What a condition needs where its operator should be, given the signs found there (or the
  /// character that stopped the field name).
  private static func expectedOperator(found signs: String, next: Unicode.Scalar) -> String {
    switch signs {
    case "==": return tr("= to compare, found \"==\" (there is no ==: write FIELD=VALUE)")
    case "": break
    default:
      return tr(
        "one of the operators = != < <= > >= ~ or in, found \"\(signs)\" (a value that starts with one of these signs goes in quotes: FIELD=\"=x\")"
      )
    }
    if next == " " {
      return tr("an operator right after the field name (= != < <= > >= ~, no space before it), or \" in \" and a list of values")
    }
    return tr(
      "an operator (= != < <= > >= ~ or in) after the field name, found \"\(Character(next))\" (a field name holds only a-z, A-Z, 0-9, _ and -)"
    )
  }

  /// `end,-amount`: fields to sort by, `-` for descending.
  public static func sortKeys(_ text: String) throws(QueryError) -> [SortKey] {
    var keys: [SortKey] = []
    for part in text.split(separator: ",", omittingEmptySubsequences: false).map({ String($0).trimmed }) {
      let descending = part.hasPrefix("-")
      let path = try fieldPath(descending ? String(part.dropFirst()) : part, in: text)
      keys.append(SortKey(path: path, descending: descending))
    }
    return keys
  }

  /// `id,name,account.person.name`: the columns to show.
  public static func fieldList(_ text: String) throws(QueryError) -> [[String]] {
    var paths: [[String]] = []
    for part in text.split(separator: ",", omittingEmptySubsequences: false) {
      paths.append(try fieldPath(String(part).trimmed, in: text))
    }
    return paths
  }

  private static func fieldPath(_ text: String, in whole: String) throws(QueryError) -> [String] {
    let path = text.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
    guard !text.isEmpty, path.allSatisfy({ !$0.isEmpty && $0.unicodeScalars.allSatisfy(isPathCharacter) }) else {
      throw .badList(text: whole, reason: tr("\"\(text)\" is not a field name or dotted path"))
    }
    return path
  }

  private static func isPathCharacter(_ scalar: Unicode.Scalar) -> Bool {
    ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
      || scalar == "_" || scalar == "-" || scalar == "."
  }

  private static func unquote(_ text: String) -> String {
    for quote in ["\"", "'"] where text.count >= 2 && text.hasPrefix(quote) && text.hasSuffix(quote) {
      return String(text.dropFirst().dropLast())
    }
    return text
  }
}

extension String {
  var trimmed: String {
    String(drop(while: { $0 == " " }).reversed().drop(while: { $0 == " " }).reversed())
  }
}
