/// A 1-based line and column in a text, the column counted in Unicode scalars.
public struct SourceLocation: Equatable, Hashable, Sendable, CustomStringConvertible {
  public var line: Int
  public var column: Int

  public init(line: Int, column: Int) {
    self.line = line
    self.column = column
  }

  /// The location of a byte offset in UTF-8 text. Computed only when a message needs it.
  public init(offset: Int, in bytes: [UInt8]) {
    var line = 1
    var column = 1
    for byte in bytes.prefix(max(0, min(offset, bytes.count))) {
      if byte == ASCII.newline {
        line += 1
        column = 1
      } else if byte & 0xC0 != 0x80 {
        column += 1  // count lead bytes only, so a multi-byte character is one column
      }
    }
    self.init(line: line, column: column)
  }

  public var description: String { "\(line):\(column)" }
}
