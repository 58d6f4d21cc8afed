import LedgerLanguage

/// Checks the names of files inside a kind's folder.
public enum RecordFileName {
  /// The diagnostic for a file in a kind folder whose name is not `ID.json`.
  public static func diagnostic(for file: String) -> Diagnostic {
    let parts = file.split(separator: "/", omittingEmptySubsequences: false)
    let name = String(parts.last ?? "")
    guard parts.count <= 2 else {
      return Diagnostic(
        file: file, rule: "record-file", message: tr("a kind's folder holds no folders, only ID.json files"),
        hint: tr("move \(file) up into \(parts[0])/, or remove it"))
    }
    guard name.hasSuffix(".json") else {
      return Diagnostic(
        file: file, rule: "record-file", message: tr("a kind's folder holds only ID.json files"),
        hint: tr("move or remove \(file)"))
    }
    let id = String(name.dropLast(5))
    let rule = RecordID.check(id)?.rule ?? "invalid id"
    return Diagnostic(
      file: file, rule: "id", message: tr("\"\(id)\" is not a valid id: \(rule)"),
      hint: tr("rename the file; ids look like hlefevre or 2026-11-27-k3f9q"))
  }
}
