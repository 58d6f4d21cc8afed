/// An RFC 6901 JSON pointer: `/emails/0` names the first email of a record.
public struct JSONPointer: Hashable, Sendable, Comparable, CustomStringConvertible {
  /// The unescaped reference tokens, outermost first.
  public private(set) var tokens: [String]

  public init(tokens: [String] = []) { self.tokens = tokens }

  /// The root pointer, `""`, naming the whole document.
  public static let root = JSONPointer()

  /// Parses pointer text (`/a/b~1c`), or returns nil when it does not start with `/` or
  /// holds an escape other than `~0` and `~1`.
  public init?(parsing text: String) {
    if text.isEmpty {
      self.init()
      return
    }
    guard text.hasPrefix("/") else { return nil }
    var tokens: [String] = []
    for raw in text.dropFirst().split(separator: "/", omittingEmptySubsequences: false) {
      guard let token = JSONPointer.unescape(String(raw)) else { return nil }
      tokens.append(token)
    }
    self.init(tokens: tokens)
  }

  /// This pointer extended by one token.
  public func appending(_ token: String) -> JSONPointer {
    JSONPointer(tokens: tokens + [token])
  }

  /// This pointer extended by an array index.
  public func appending(_ index: Int) -> JSONPointer { appending(String(index)) }

  /// The pointer one level up, or nil for the root.
  public var parent: JSONPointer? {
    tokens.isEmpty ? nil : JSONPointer(tokens: Array(tokens.dropLast()))
  }

  public var description: String {
    tokens.map { "/" + JSONPointer.escape($0) }.joined()
  }

  /// The value this pointer names inside `value`, or nil when it names nothing.
  public func resolve(in value: JSONValue) -> JSONValue? {
    var current = value
    for token in tokens {
      switch current {
      case .object(let object):
        guard let next = object[token] else { return nil }
        current = next
      case .array(let items):
        guard let index = JSONPointer.arrayIndex(token), index < items.count else { return nil }
        current = items[index]
      default:
        return nil
      }
    }
    return current
  }

  public static func < (lhs: JSONPointer, rhs: JSONPointer) -> Bool {
    lhs.tokens.lexicographicallyPrecedes(rhs.tokens)
  }

  /// The array index a token names: `0`, or digits without a leading zero.
  public static func arrayIndex(_ token: String) -> Int? {
    guard !token.isEmpty, token.utf8.allSatisfy(ASCII.isDigit),
      token == "0" || !token.hasPrefix("0")
    else { return nil }
    return Int(token)
  }

  static func escape(_ token: String) -> String {
    token.replacingOccurrences("~", with: "~0").replacingOccurrences("/", with: "~1")
  }

  static func unescape(_ token: String) -> String? {
    var result = ""
    var iterator = token.makeIterator()
    while let character = iterator.next() {
      guard character == "~" else {
        result.append(character)
        continue
      }
      switch iterator.next() {
      case "0": result.append("~")
      case "1": result.append("/")
      default: return nil
      }
    }
    return result
  }
}

extension String {
  /// Replaces every occurrence of `target`; the stdlib-only stand-in for Foundation's method.
  func replacingOccurrences(_ target: String, with replacement: String) -> String {
    guard !target.isEmpty else { return self }
    return split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
  }
}
