import Foundation

/// One plain-text email as RFC 5322 and MIME (RFC 2045, 2047) want it, ready for `sendmail -t`
/// (which reads the recipients from `To:`):
///
/// ```
/// From: Ledger <ledger@naturalistes.example.org>
/// To: =?utf-8?B?VmFsw6lyaWUgTGVyb3k=?= <vleroy@naturalistes.example.org>
/// Subject: Association nationale des naturalistes: 3 deadlines by 6 January 2027
/// Date: Sun, 06 Dec 2026 09:00:00 +0000
/// Message-ID: <20261206090000.vleroy@association-nationale-des-naturalistes.adminledger>
/// MIME-Version: 1.0
/// Content-Type: text/plain; charset=utf-8
/// Content-Transfer-Encoding: 8bit
///
/// Hello Valérie Leroy, ...
/// ```
///
/// Every line ends with CRLF. Header text that is not ASCII is written as encoded-words
/// (`=?utf-8?B?...?=`, each at most 75 characters, split between characters), and long header
/// lines are folded before a space. The body is wrapped at 76 octets, between words; it goes
/// as `8bit`, or as `quoted-printable` when a line cannot be wrapped under 998 octets (a very
/// long word), the limit of 8bit.
struct MailMessage: Equatable, Sendable {
  /// A name and an address: `Valérie Leroy <vleroy@example.org>`.
  struct Mailbox: Equatable, Sendable {
    var name: String?
    var address: String

    /// Reads `Name <address>` or a bare `address`; nil for anything without one `@`.
    init?(_ text: String) {
      let trimmed = text.trimmingCharacters(in: .whitespaces)
      if let open = trimmed.lastIndex(of: "<"), trimmed.hasSuffix(">") {
        let name = trimmed[..<open].trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
        self.init(
          name: name.isEmpty ? nil : name,
          address: String(trimmed[trimmed.index(after: open)..<trimmed.index(before: trimmed.endIndex)]))
      } else {
        self.init(name: nil, address: trimmed)
      }
      guard address.filter({ $0 == "@" }).count == 1, !address.hasPrefix("@"), !address.hasSuffix("@"),
        !address.contains(where: { $0.isWhitespace || $0 == "<" || $0 == ">" || !$0.isASCII })
      else { return nil }
    }

    init(name: String?, address: String) {
      self.name = name
      self.address = address
    }

    /// The header form: the name as an encoded-word or a quoted string when it needs one.
    var header: String {
      guard let name, !name.isEmpty else { return address }
      let plain = name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || " !#$%&'*+-/=?^_`{|}~".contains($0)) }
      let phrase =
        plain
        ? name : (name.allSatisfy(\.isASCII) ? MailMessage.quoted(name) : MailMessage.encodedWords(name).joined(separator: " "))
      return "\(phrase) <\(address)>"
    }
  }

  var from: Mailbox
  var to: Mailbox
  var subject: String
  var date: Date
  /// Without its angle brackets: `20261206090000.vleroy@ledger.adminledger`.
  var messageID: String
  /// Paragraphs and lines, `\n`-separated; wrapped when written.
  var body: String

  /// The longest body line written in 8bit, in octets, before its CRLF.
  static let wrapWidth = 76

  /// The whole message, CRLF line endings.
  var text: String {
    let lines = MailMessage.wrapped(body)
    let eightBit = lines.allSatisfy { $0.utf8.count <= 998 }
    let headers = [
      "From: " + from.header, "To: " + to.header, "Subject: " + MailMessage.headerText(subject),
      "Date: " + MailMessage.dateText(date), "Message-ID: <\(messageID)>", "MIME-Version: 1.0",
      "Content-Type: text/plain; charset=utf-8",
      "Content-Transfer-Encoding: " + (eightBit ? "8bit" : "quoted-printable"),
    ]
    let bodyLines = eightBit ? lines : lines.flatMap(MailMessage.quotedPrintable)
    return (headers.map(MailMessage.folded) + [""] + bodyLines).map { $0 + "\r\n" }.joined()
  }

  // MARK: - Headers

  /// A header's unstructured text: as is when ASCII, else encoded-words separated by spaces.
  static func headerText(_ text: String) -> String {
    text.allSatisfy(\.isASCII) ? text : encodedWords(text).joined(separator: " ")
  }

  /// `text` as RFC 2047 B encoded-words, cut between characters, each of at most 30 octets
  /// of UTF-8: 52 characters (40 of base64 inside the 12 of `=?utf-8?B?` and `?=`), well
  /// within RFC 2047's 75, so that `Subject: ` and the first word fit one line.
  static func encodedWords(_ text: String) -> [String] {
    var words: [String] = []
    var chunk: [UInt8] = []
    for character in text {
      let bytes = Array(String(character).utf8)
      if chunk.count + bytes.count > 30, !chunk.isEmpty {
        words.append("=?utf-8?B?" + Data(chunk).base64EncodedString() + "?=")
        chunk = []
      }
      chunk += bytes
    }
    if !chunk.isEmpty { words.append("=?utf-8?B?" + Data(chunk).base64EncodedString() + "?=") }
    return words
  }

  /// A quoted-string: `"Dupont, Mathieu"`, with `\` and `"` backslashed.
  static func quoted(_ text: String) -> String {
    "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
  }

  /// A header line folded (RFC 5322 2.2.3) before a space when it runs past 78 characters,
  /// never before the first word of the value (a reader would keep the fold's space in it).
  static func folded(_ line: String) -> String {
    var lines: [String] = []
    var current = ""
    for (index, word) in line.split(separator: " ", omittingEmptySubsequences: false).enumerated() {
      if index > 1, current.count + 1 + word.count > 78 {
        lines.append(current)
        current = " " + word
      } else {
        current += (index > 0 ? " " : "") + word
      }
    }
    lines.append(current)
    return lines.joined(separator: "\r\n")
  }

  /// `Sun, 06 Dec 2026 09:00:00 +0000` (RFC 5322 3.3), in UTC, with English names as the
  /// format requires whatever the language.
  static func dateText(_ date: Date) -> String {
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = .gmt
    formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss '+0000'"
    return formatter.string(from: date)
  }

  // MARK: - Body

  /// The body's lines wrapped at `wrapWidth` octets between words; a line that starts with
  /// spaces keeps that indent on the lines it wraps to, and a list item (`- `) indents them
  /// under its text. The signature separator `-- ` keeps its space.
  static func wrapped(_ body: String) -> [String] {
    body.split(separator: "\n", omittingEmptySubsequences: false).flatMap { line -> [String] in
      guard line.utf8.count > wrapWidth else { return [String(line)] }
      let indent = String(line.prefix { $0 == " " })
      let hanging = indent + (line.dropFirst(indent.count).hasPrefix("- ") ? "  " : "")
      var lines: [String] = []
      var current = ""
      for word in line.dropFirst(indent.count).split(separator: " ") {
        let candidate = current.isEmpty ? indent + word : current + " " + word
        if candidate.utf8.count > wrapWidth, !current.isEmpty {
          lines.append(current)
          current = hanging + word
        } else {
          current = candidate
        }
      }
      lines.append(current)
      return lines
    }
  }

  /// One line as quoted-printable (RFC 2045 6.7): `=`, non-ASCII octets and a final space
  /// written `=XX`, soft line breaks (`=` at the end) keeping each line within 76 octets.
  static func quotedPrintable(_ line: String) -> [String] {
    let bytes = Array(line.utf8)
    var lines: [String] = []
    var current = ""
    for (index, byte) in bytes.enumerated() {
      let last = index == bytes.count - 1
      let plain = (33...126).contains(byte) && byte != UInt8(ascii: "=") || (byte == UInt8(ascii: " ") && !last)
      let piece = plain ? String(UnicodeScalar(byte)) : String(format: "=%02X", byte)
      if current.count + piece.count > 75 {
        lines.append(current + "=")
        current = ""
      }
      current += piece
    }
    lines.append(current)
    return lines
  }
}
