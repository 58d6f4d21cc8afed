/// The ways a text may name a person whose full name is known, so a partner's site hides them
/// however they are written: `Camille Morel` as `Morel Camille`, `MOREL, Camille`,
/// `C. Morel`, `Morel C.`, `Mme Morel`, `M. Morel`, `Dr Morel`. Case, accents, commas and
/// the dots after initials are the redactor's to ignore; a surname alone is not a variant (it
/// names too many people).
enum NameVariants {
  /// Titles written before a surname, in French and English, without their dot.
  static let titles = [
    "m", "mme", "mmes", "mlle", "mr", "mrs", "ms", "miss", "dr", "pr", "prof", "me", "monsieur", "madame",
    "mademoiselle", "docteur", "doctor", "professeur", "professor", "maître", "sir",
  ]

  /// Every variant of `name`, the name itself included. A name of three words or more is
  /// split at each place (`Jean de La Fontaine`: given `Jean`, surname `de La Fontaine`, or
  /// given `Jean de La`, surname `Fontaine`), since which words are the surname is not known.
  static func of(_ name: String) -> [String] {
    let words = name.split(whereSeparator: \.isWhitespace).map(String.init)
    guard words.count >= 2 else { return words.isEmpty ? [] : [name] }
    var result: Set<String> = [words.joined(separator: " ")]
    for split in 1..<words.count {
      let given = words[..<split].joined(separator: " ")
      let surname = words[split...].joined(separator: " ")
      let initials = words[..<split].map(initial)
      result.insert(surname + " " + given)
      result.insert(initials.joined(separator: " ") + " " + surname)
      result.insert(surname + " " + initials.joined(separator: " "))
      if let first = initials.first { result.insert(first + " " + surname) }
      for title in titles {
        result.insert(title + " " + surname)
        result.insert(title + " " + given + " " + surname)
      }
    }
    return result.sorted()
  }

  /// The initial a given name is written with: `C` for `Camille`, `J.-P` for `Jean-Pierre`.
  private static func initial(_ given: String) -> String {
    let parts = given.split(separator: "-")
    guard parts.count > 1 else { return given.first.map(String.init) ?? given }
    return parts.compactMap { $0.first.map(String.init) }.joined(separator: ".-")
  }
}
