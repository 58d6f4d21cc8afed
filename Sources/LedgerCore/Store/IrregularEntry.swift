import LedgerLanguage

/// An entry of a kind's folder that is no regular file: the ledger never reads it as a
/// record, and validation reports it.
///
/// A symbolic link committed as `people/evil.json -> /etc/passwd` must not make the tool read
/// (or a checkout write) through it; a submodule has no content in this repository; a folder
/// inside a kind's folder holds nothing the ledger reads. Each is a finding, never skipped
/// silently.
public struct IrregularEntry: Equatable, Sendable {
  public enum Kind: String, Sendable {
    case symbolicLink = "a symbolic link", submodule = "a submodule", folder = "a folder", file = "a file"
  }

  /// The entry's path relative to the ledger root: `people/evil.json`, or a kind's folder
  /// itself when it is a link (`systems -> /etc`).
  public let path: String
  public let kind: Kind

  /// The irregular kind a git file mode stands for, or nil for a regular or executable file.
  static func kind(mode: UInt32) -> Kind? {
    switch mode & 0o170000 {
    case 0o120000: .symbolicLink
    case 0o160000: .submodule
    case 0o040000: .folder
    default: nil
    }
  }

  /// The finding for this entry.
  public func diagnostic() -> Diagnostic {
    let what =
      switch kind {
      case .symbolicLink: tr("a symbolic link")
      case .submodule: tr("a submodule")
      case .folder: tr("a folder")
      case .file: tr("a file")
      }
    let rule =
      path.hasPrefix("schemas/")
      ? tr("the ledger's schemas are regular files")
      : path.contains("/")
        ? tr("a kind's folder holds only regular ID.json files")
        : kind == .file ? tr("a kind's records live in a folder of that name") : tr("a kind's folder is a plain folder")
    return Diagnostic(
      file: path, rule: "record-file",
      message: kind == .symbolicLink
        ? tr("\(path) is \(what); \(rule), and the ledger never follows a link") : tr("\(path) is \(what); \(rule)"),
      hint: tr("remove it with 'git rm \(kind == .folder ? "-r " : "")\(path)' and commit"))
  }
}
