/// A strict recogniser for the generic URI syntax of RFC 3986, following appendix A's ABNF.
///
/// The grammar splits without backtracking, the way appendix B's regular expression does:
/// the fragment follows the first `#`, the query the first `?` before it, and an authority
/// (after a leading `//`) runs to the next `/`. Each part is then checked against its own rule:
///
///     URI           = scheme ":" hier-part [ "?" query ] [ "#" fragment ]
///     relative-ref  = relative-part [ "?" query ] [ "#" fragment ]
///     authority     = [ userinfo "@" ] host [ ":" port ]
///     userinfo      = *( unreserved / pct-encoded / sub-delims / ":" )
///     host          = IP-literal / IPv4address / reg-name
///     IP-literal    = "[" ( IPv6address / IPvFuture ) "]"
///     port          = *DIGIT
///     pchar         = unreserved / pct-encoded / sub-delims / ":" / "@"
///     query         = *( pchar / "/" / "?" )    fragment = same as query
///
/// Every `IPv4address` is also a `reg-name` (digits and dots are unreserved), so a host that
/// is not bracketed is checked as a reg-name; `01.2.3.4` is a valid reg-name. Only inside an
/// IPv6 literal does `dec-octet` (no leading zeros, at most 255) decide anything.
/// The check works on UTF-8 bytes, so any non-ASCII character is refused, as the RFC says.
enum RFC3986 {
  typealias Bytes = ArraySlice<UInt8>

  /// Whether `text` is a `URI`: a scheme, `:`, a hier-part, an optional query and fragment.
  static func isURI(_ text: String) -> Bool {
    isURI(Array(text.utf8)[...])
  }

  /// Whether `text` is a `URI-reference`: a `URI` or a `relative-ref`.
  static func isURIReference(_ text: String) -> Bool {
    let bytes = Array(text.utf8)[...]
    return isURI(bytes) || isReference(bytes, relative: true)
  }

  private static func isURI(_ bytes: Bytes) -> Bool {
    guard let colon = bytes.firstIndex(of: UInt8(ascii: ":")), isScheme(bytes[..<colon]) else { return false }
    return isReference(bytes[(colon + 1)...], relative: false)
  }

  // MARK: - Parts

  /// `scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." )`
  static func isScheme(_ bytes: Bytes) -> Bool {
    guard let first = bytes.first, isAlpha(first) else { return false }
    return bytes.allSatisfy {
      isAlpha($0) || isDigit($0) || $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: ".")
    }
  }

  /// A hier-part (after a scheme) or a relative-part, each followed by `[ "?" query ] [ "#" fragment ]`.
  ///
  /// In a relative reference whose path does not start with `/`, the first segment must hold
  /// no `:` (`path-noscheme`), or it would read as a scheme.
  private static func isReference(_ bytes: Bytes, relative: Bool) -> Bool {
    var rest = bytes
    if let hash = rest.firstIndex(of: UInt8(ascii: "#")) {
      guard isQuery(rest[(hash + 1)...]) else { return false }
      rest = rest[..<hash]
    }
    if let question = rest.firstIndex(of: UInt8(ascii: "?")) {
      guard isQuery(rest[(question + 1)...]) else { return false }
      rest = rest[..<question]
    }
    let slash = UInt8(ascii: "/")
    if rest.starts(with: [slash, slash]) {
      let afterSlashes = rest.dropFirst(2)
      let pathStart = afterSlashes.firstIndex(of: slash) ?? afterSlashes.endIndex
      return isAuthority(afterSlashes[..<pathStart]) && isPath(afterSlashes[pathStart...])
    }
    if relative, rest.first != slash, rest.prefix(while: { $0 != slash }).contains(UInt8(ascii: ":")) {
      return false
    }
    return isPath(rest)
  }

  /// Segments of `pchar` joined by `/`. Which path rule applies (abempty, absolute, rootless,
  /// noscheme, empty) only constrains the start, and `isReference` has settled that already.
  static func isPath(_ bytes: Bytes) -> Bool {
    isMade(of: bytes) { $0 == UInt8(ascii: ":") || $0 == UInt8(ascii: "@") || $0 == UInt8(ascii: "/") }
  }

  /// `query` and `fragment`: `*( pchar / "/" / "?" )`.
  static func isQuery(_ bytes: Bytes) -> Bool {
    isMade(of: bytes) {
      $0 == UInt8(ascii: ":") || $0 == UInt8(ascii: "@") || $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "?")
    }
  }

  /// `authority = [ userinfo "@" ] host [ ":" port ]`, with `port = *DIGIT` (possibly empty).
  static func isAuthority(_ bytes: Bytes) -> Bool {
    var hostAndPort = bytes
    if let at = bytes.firstIndex(of: UInt8(ascii: "@")) {
      guard isMade(of: bytes[..<at], allowing: { $0 == UInt8(ascii: ":") }) else { return false }
      hostAndPort = bytes[(at + 1)...]
    }
    let port: Bytes
    if hostAndPort.first == UInt8(ascii: "[") {
      guard let close = hostAndPort.firstIndex(of: UInt8(ascii: "]")),
        isIPLiteral(hostAndPort[(hostAndPort.startIndex + 1)..<close])
      else { return false }
      let after = hostAndPort[(close + 1)...]
      guard after.isEmpty || after.first == UInt8(ascii: ":") else { return false }
      port = after.dropFirst()
    } else {
      let colon = hostAndPort.firstIndex(of: UInt8(ascii: ":")) ?? hostAndPort.endIndex
      // reg-name = *( unreserved / pct-encoded / sub-delims ); it also covers IPv4address.
      guard isMade(of: hostAndPort[..<colon], allowing: { _ in false }) else { return false }
      port = hostAndPort[colon...].dropFirst()
    }
    return port.allSatisfy(isDigit)
  }

  // MARK: - IP literals

  /// The inside of `IP-literal`: `IPv6address / IPvFuture`.
  static func isIPLiteral(_ bytes: Bytes) -> Bool {
    if bytes.first == UInt8(ascii: "v") || bytes.first == UInt8(ascii: "V") {
      return isIPvFuture(bytes.dropFirst())
    }
    return isIPv6(bytes)
  }

  /// `IPvFuture = "v" 1*HEXDIG "." 1*( unreserved / sub-delims / ":" )`, after the `v`.
  private static func isIPvFuture(_ bytes: Bytes) -> Bool {
    guard let dot = bytes.firstIndex(of: UInt8(ascii: ".")) else { return false }
    let version = bytes[..<dot]
    let rest = bytes[(dot + 1)...]
    return !version.isEmpty && version.allSatisfy(isHexDigit) && !rest.isEmpty
      && rest.allSatisfy { isUnreserved($0) || isSubDelim($0) || $0 == UInt8(ascii: ":") }
  }

  /// `IPv6address`, all nine forms of the RFC.
  ///
  /// Counted in 16-bit units (an `h16` is one, a trailing `IPv4address` two): without `::`
  /// there must be exactly 8; with one `::` at most 7, and only the part after `::` may end
  /// in an IPv4 address. This is what the nine forms spell out one by one.
  static func isIPv6(_ bytes: Bytes) -> Bool {
    let colon = UInt8(ascii: ":")
    var gap: Int?
    for index in bytes.indices.dropLast() where bytes[index] == colon && bytes[index + 1] == colon {
      gap = index
      break
    }
    guard let gap else { return units(bytes, allowingIPv4: true) == 8 }
    guard let left = units(bytes[..<gap], allowingIPv4: false),
      let right = units(bytes[(gap + 2)...], allowingIPv4: true)
    else { return false }
    return left + right <= 7
  }

  /// Units in `h16 *( ":" h16 )`, optionally ending in `":" IPv4address` (or being one);
  /// 0 for nothing, nil when malformed (an empty group means a second `::`).
  private static func units(_ bytes: Bytes, allowingIPv4: Bool) -> Int? {
    guard !bytes.isEmpty else { return 0 }
    let groups = bytes.split(separator: UInt8(ascii: ":"), omittingEmptySubsequences: false)
    var count = 0
    for (offset, group) in groups.enumerated() {
      if allowingIPv4, offset == groups.count - 1, group.contains(UInt8(ascii: ".")) {
        guard isIPv4(group) else { return nil }
        count += 2
      } else {
        guard (1...4).contains(group.count), group.allSatisfy(isHexDigit) else { return nil }
        count += 1
      }
    }
    return count
  }

  /// `IPv4address = dec-octet "." dec-octet "." dec-octet "." dec-octet`, where a
  /// `dec-octet` is 0 to 255 with no leading zero.
  static func isIPv4(_ bytes: Bytes) -> Bool {
    let octets = bytes.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
    return octets.count == 4
      && octets.allSatisfy { octet in
        guard (1...3).contains(octet.count), octet.allSatisfy(isDigit) else { return false }
        guard octet.count == 1 || octet.first != UInt8(ascii: "0") else { return false }
        return octet.reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) } <= 255
      }
  }

  // MARK: - Characters

  /// Whether `bytes` are all `unreserved`, `sub-delims`, `pct-encoded` (`%` and two hex
  /// digits) or accepted by `extra`.
  private static func isMade(of bytes: Bytes, allowing extra: (UInt8) -> Bool) -> Bool {
    var index = bytes.startIndex
    while index < bytes.endIndex {
      let byte = bytes[index]
      if byte == UInt8(ascii: "%") {
        guard bytes.endIndex - index >= 3, isHexDigit(bytes[index + 1]), isHexDigit(bytes[index + 2]) else {
          return false
        }
        index += 3
      } else {
        guard isUnreserved(byte) || isSubDelim(byte) || extra(byte) else { return false }
        index += 1
      }
    }
    return true
  }

  /// `unreserved = ALPHA / DIGIT / "-" / "." / "_" / "~"`
  static func isUnreserved(_ byte: UInt8) -> Bool {
    isAlpha(byte) || isDigit(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")
      || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "~")
  }

  /// `sub-delims = "!" / "$" / "&" / "'" / "(" / ")" / "*" / "+" / "," / ";" / "="`
  static func isSubDelim(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: "!"), UInt8(ascii: "$"), UInt8(ascii: "&"), UInt8(ascii: "'"), UInt8(ascii: "("),
      UInt8(ascii: ")"), UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: ","), UInt8(ascii: ";"),
      UInt8(ascii: "="):
      true
    default: false
    }
  }

  static func isAlpha(_ byte: UInt8) -> Bool {
    (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
  }

  static func isDigit(_ byte: UInt8) -> Bool {
    (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
  }

  /// `HEXDIG`; ABNF strings are case-insensitive, so `a`–`f` count too (RFC 3986 §2.1).
  static func isHexDigit(_ byte: UInt8) -> Bool {
    isDigit(byte) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte)
      || (UInt8(ascii: "A")...UInt8(ascii: "F")).contains(byte)
  }
}
