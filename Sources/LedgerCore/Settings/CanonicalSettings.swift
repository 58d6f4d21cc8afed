import LedgerJSON

/// The canonical bytes of `ledger.json` for a settings value.
enum CanonicalSettings {
  static func bytes(_ settings: LedgerSettings) -> [UInt8] {
    var document = settings.document
    document["name"] = .string(settings.name)
    document["timezone"] = .string(settings.timeZoneIdentifier)
    document["currency"] = .string(settings.currency)
    return CanonicalWriter.bytes(.object(document))
  }
}
