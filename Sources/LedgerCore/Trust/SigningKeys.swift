import LedgerJSON

/// One SSH key a person's record lists under `signing_keys`, with the days it is valid.
public struct SigningKey: Equatable, Sendable {
  public let key: SSHPublicKey
  /// First and last day the key signs for the person (`YYYY-MM-DD`); nil: no bound.
  public let from: String?
  public let until: String?

  public init(key: SSHPublicKey, from: String? = nil, until: String? = nil) {
    self.key = key
    self.from = from
    self.until = until
  }

  /// Whether the key is valid on `day`.
  public func isValid(on day: String) -> Bool {
    (from.map { $0 <= day } ?? true) && (until.map { day <= $0 } ?? true)
  }

  /// The keys `person` lists; entries that are no SSH key are left out (validation
  /// reports them).
  public static func keys(of person: Record?) -> [SigningKey] {
    (person?.fields["signing_keys"]?.arrayValue ?? []).compactMap { entry in
      guard let object = entry.objectValue, let text = object["key"]?.stringValue,
        let key = SSHPublicKey(text: text)
      else { return nil }
      return SigningKey(key: key, from: object["from"]?.stringValue, until: object["until"]?.stringValue)
    }
  }
}
