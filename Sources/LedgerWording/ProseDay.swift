import LedgerLanguage

/// A day (`2026-12-06`) as the command line's and the audit's sentences write it.
///
/// French reads `6 décembre 2026` (`LocalFormat.day`). English keeps the ISO form its output
/// has always printed, which scripts, the tests and the README quote; switching English to
/// `6 December 2026` is this one function.
public enum ProseDay {
  public static func text(_ day: String, in language: Language = .current) -> String {
    language == .english ? day : LocalFormat.day(day, in: language)
  }
}
