/// The languages a person can read AdminLedger in.
///
/// The command line speaks the language its reader chose (`--lang`, `ADMINLEDGER_LANG`, then the
/// locale variables); what is shared (the review site, reports written to files) speaks the
/// ledger's `language`. Machine formats (JSON, CSV for import, ICS, git trailers, rule names)
/// never change with it.
public enum Language: String, Sendable, CaseIterable {
  case english = "en"
  case french = "fr"

  /// The language the current command or page speaks: bound by the command line for one run,
  /// and by the review site for its pages.
  @TaskLocal public static var current: Language = .english

  /// The language a BCP 47 tag or a locale name names (`fr`, `fr-FR`, `fr_FR.UTF-8`, `en_GB`),
  /// or nil for one AdminLedger does not speak (`C`, `POSIX`, `de_DE`).
  public init?(tag: String) {
    let primary = tag.lowercased().prefix { $0.isLetter }
    guard let language = Language.allCases.first(where: { $0.rawValue == primary }) else { return nil }
    self = language
  }

  /// The language a person at a terminal reads, from the environment: `ADMINLEDGER_LANG`, then
  /// the first of `LC_ALL`, `LC_MESSAGES`, `LANG` that is set and not empty (as POSIX orders them).
  /// A variable naming a language AdminLedger does not speak gives English.
  public static func fromEnvironment(_ variables: [String: String]) -> Language? {
    if let chosen = variables["ADMINLEDGER_LANG"], !chosen.isEmpty { return Language(tag: chosen) }
    for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
      if let value = variables[name], !value.isEmpty { return Language(tag: value) ?? .english }
    }
    return nil
  }

  /// Whether `count` takes the singular: English says "1 record", "0 records"; French says
  /// "0 fiche", "1 fiche", "2 fiches".
  public func singular(_ count: Int) -> Bool {
    switch self {
    case .english: count == 1
    case .french: count == 0 || count == 1 || count == -1
    }
  }

  /// `singular(count)` in the current language.
  public static func singular(_ count: Int) -> Bool { current.singular(count) }
}
