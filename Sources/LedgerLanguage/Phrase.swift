/// Words a person reads, written in English where they are said and translated when shown.
///
/// A phrase is a template and its arguments. The template is the English text with each
/// interpolation replaced by `{1}`, `{2}`, … in order: `Phrase("unknown command '\(name)'")` has
/// the template `unknown command '{1}'`, which is also its key in every other language's
/// catalogue. A catalogue's template may put the arguments in another order (`{2} … {1}`).
/// An argument may itself be a phrase, translated in the same language.
///
/// Only literals written as `Phrase("…")` or `tr("…")` are translated: the catalogue test reads
/// them from the sources and fails for any without an entry in every catalogue.
public struct Phrase: Sendable, Hashable, CustomStringConvertible {
  public enum Argument: Sendable, Hashable {
    case text(String)
    case phrase(Phrase)
  }

  /// The English text with `{1}`, `{2}`… where the arguments go.
  public let template: String
  public let arguments: [Argument]
  /// False for text that is not to be translated (a name, a value, a message from elsewhere).
  public let translated: Bool

  public init(_ template: Template) {
    self.template = template.text
    self.arguments = template.arguments
    self.translated = true
  }

  /// Text shown as it is in every language.
  public init(verbatim text: String) {
    self.template = text
    self.arguments = []
    self.translated = false
  }

  /// The phrase in `language`.
  public func text(in language: Language) -> String {
    let chosen = translated ? Catalogue.template(for: template, in: language) : template
    guard !arguments.isEmpty else { return chosen }
    return Phrase.fill(chosen) { index in
      guard arguments.indices.contains(index) else { return nil }
      switch arguments[index] {
      case .text(let text): return text
      case .phrase(let phrase): return phrase.text(in: language)
      }
    }
  }

  /// The phrase in the current language.
  public var text: String { text(in: Language.current) }

  /// The phrase in English: what JSON output and logs carry.
  public var english: String { text(in: .english) }

  public var description: String { text }

  /// `template` with each `{N}` replaced by `argument(N - 1)`; a brace that is no placeholder
  /// stays as it is.
  static func fill(_ template: String, _ argument: (Int) -> String?) -> String {
    var result = ""
    var rest = template[...]
    while let open = rest.firstIndex(of: "{") {
      result += rest[..<open]
      let after = rest[rest.index(after: open)...]
      if let close = after.firstIndex(of: "}"), let number = Int(after[..<close]), number >= 1,
        let value = argument(number - 1)
      {
        result += value
        rest = after[after.index(after: close)...]
      } else {
        result += "{"
        rest = after
      }
    }
    return result + rest
  }
}

extension Phrase {
  /// The literal of a phrase: its text segments and the values between them.
  public struct Template: ExpressibleByStringInterpolation, Sendable {
    var text = ""
    var arguments: [Phrase.Argument] = []

    public init(stringLiteral value: String) { text = value }

    public init(stringInterpolation: Interpolation) {
      text = stringInterpolation.text
      arguments = stringInterpolation.arguments
    }

    public struct Interpolation: StringInterpolationProtocol, Sendable {
      var text = ""
      var arguments: [Phrase.Argument] = []

      public init(literalCapacity: Int, interpolationCount: Int) {}

      public mutating func appendLiteral(_ literal: String) { text += literal }

      public mutating func appendInterpolation(_ phrase: Phrase) { append(.phrase(phrase)) }

      public mutating func appendInterpolation<Value>(_ value: Value) {
        append(.text(String(describing: value)))
      }

      private mutating func append(_ argument: Phrase.Argument) {
        arguments.append(argument)
        text += "{\(arguments.count)}"
      }
    }
  }
}

/// The literal translated into the current language: `tr("\(count) records checked")`.
public func tr(_ template: Phrase.Template) -> String { Phrase(template).text }
