/// A parsed JSON text that remembers where each value starts, for diagnostics.
public struct JSONDocument: Sendable {
  public let value: JSONValue
  let bytes: [UInt8]
  let offsets: [JSONPointer: Int]

  /// Line and column where the value at `pointer` starts, or of its nearest existing
  /// ancestor when the pointer names something absent (a missing required field).
  public func location(of pointer: JSONPointer) -> SourceLocation {
    var current: JSONPointer? = pointer
    while let candidate = current {
      if let offset = offsets[candidate] { return SourceLocation(offset: offset, in: bytes) }
      current = candidate.parent
    }
    return SourceLocation(line: 1, column: 1)
  }
}
