import LedgerLanguage

/// The form a field's value is written in, as a schema names it with `x-form` next to the
/// `pattern` (or `format`) that checks it: `"x-form": "amount"`.
///
/// A value that fails its pattern is reported with the form's words ("an amount such as
/// 1234.50"), never with the regular expression; the forms a person may type in other ways
/// (amounts, phone numbers, days) are read by the ledger's input rules before they are stored.
public enum FieldForm: String, Sendable, CaseIterable {
  /// A decimal amount in the ledger's currency: `1234.50`.
  case amount
  /// A phone number in international form: `+33612345678`.
  case phone
  /// A calendar day: `2026-12-06`.
  case day
  /// A French department code: `05`, `2A`, `974`.
  case department
  /// An ISO 4217 currency code: `EUR`.
  case currency
  /// An ISO 3166 alpha-2 country code: `FR`.
  case country
  /// A BCP 47 language tag: `fr`, `en-GB`.
  case language
  /// A duration such as `1y`, `6m`, `26w`, `180d`.
  case interval
  /// An SSH public key line: `ssh-ed25519 AAAA… comment`.
  case sshKey = "ssh-key"

  /// What a value of this form looks like, in words, for "must be …".
  public var expected: String {
    switch self {
    case .amount: tr("an amount such as 1234.50 (a point before the cents, no spaces)")
    case .phone: tr("an international phone number such as +33612345678")
    case .day: tr("a date such as 2026-12-06 (year, month, day)")
    case .department: tr("a French department code such as 05, 2A or 974")
    case .currency: tr("a three-letter currency code such as EUR")
    case .country: tr("a two-letter country code such as FR")
    case .language: tr("a language tag such as fr or en-GB")
    case .interval: tr("a duration such as 1y, 6m, 26w or 180d")
    case .sshKey: tr("an SSH public key such as \"ssh-ed25519 AAAA… name@host\"")
    }
  }
}
