import LedgerCore
import LedgerJSON
import LedgerLanguage

/// Reading kinds, ids, record keys and `FIELD=VALUE` assignments from the command line.
enum RecordArguments {
  static func kind(_ text: String) throws(CLIError) -> RecordKind {
    guard let kind = RecordKind(name: text) else {
      let names = RecordKind.allCases.map(\.rawValue)
      let suggestion = Suggestion.closest(to: text, among: names)
      throw .usage(
        tr("unknown kind '\(text)'"),
        hint: suggestion.map { tr("did you mean '\($0)'? kinds: \(names.joined(separator: ", "))") }
          ?? tr("kinds: \(names.joined(separator: ", "))"))
    }
    return kind
  }

  static func id(_ text: String) throws(CLIError) -> RecordID {
    if let problem = RecordID.check(text) {
      throw .usage(
        tr("invalid id '\(text)': \(problem.rule)"),
        hint: tr("ids look like hlefevre, cen-paca or 2026-11-27-k3f9q"))
    }
    guard let id = RecordID(text) else { throw .usage(tr("invalid id '\(text)'")) }
    return id
  }

  /// `KIND/ID`, such as `people/hlefevre`.
  static func key(_ text: String) throws(CLIError) -> RecordKey {
    let parts = text.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
    guard parts.count == 2 else {
      throw .usage(tr("expected KIND/ID, such as people/hlefevre, got '\(text)'"))
    }
    return RecordKey(kind: try kind(String(parts[0])), id: try id(String(parts[1])))
  }

  static func field(_ text: String) throws(CLIError) -> FieldPath {
    guard let path = FieldPath(text) else {
      throw .usage(tr("invalid field '\(text)': use a name or a dotted path such as credentials.channel"))
    }
    return path
  }

  /// `FIELD=VALUE`; the value stays text until the field's schema types it.
  static func assignment(_ text: String) throws(CLIError) -> (FieldPath, FieldInput) {
    guard let equals = text.firstIndex(of: "=") else {
      throw .usage(tr("expected FIELD=VALUE, got '\(text)'"), hint: tr("for example --set status=active"))
    }
    let path = try field(String(text[..<equals]))
    return (path, .text(String(text[text.index(after: equals)...])))
  }
}
