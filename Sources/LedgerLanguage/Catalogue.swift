import Foundation

/// The translations: one catalogue per language, each mapping an English template (the key, as
/// `Phrase` makes it) to that language's template.
///
/// English is the language the sources are written in, so its catalogue is the keys themselves.
/// A key missing from another catalogue is a test failure (CatalogueTests reads every phrase in
/// the sources); should one slip through at run time, the English is shown and the key is noted
/// in `missing`, which the tests that run commands in French check to be empty.
public enum Catalogue {
  /// `key`'s template in `language`.
  public static func template(for key: String, in language: Language) -> String {
    switch language {
    case .english: return key
    case .french:
      if let french = French.entries[key] { return french }
      missingKeys.insert(key)
      return key
    }
  }

  /// Every template of `language`'s catalogue, by English key.
  public static func entries(of language: Language) -> [String: String] {
    switch language {
    case .english: [:]
    case .french: French.entries
    }
  }

  /// The keys asked for and not found since the process started (or since `resetMissing`).
  public static var missing: Set<String> { missingKeys.value }

  public static func resetMissing() { missingKeys.removeAll() }

  private static let missingKeys = LockedSet()
}

/// A set several threads may add to.
private final class LockedSet: @unchecked Sendable {
  // @unchecked: `keys` is only touched under `lock`.
  private let lock = NSLock()
  private var keys: Set<String> = []

  var value: Set<String> { lock.withLock { keys } }
  func insert(_ key: String) { _ = lock.withLock { keys.insert(key) } }
  func removeAll() { lock.withLock { keys.removeAll() } }
}
