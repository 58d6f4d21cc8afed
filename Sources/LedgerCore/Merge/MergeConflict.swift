import LedgerJSON

/// A place where the two sides of a merge changed one thing in different ways.
///
/// Inside a JSON file it is one field (`pointer`), with the value on each side (nil: absent
/// there); `pointer` is the root when the whole record conflicts (deleted on one side,
/// changed on the other). A file that is not JSON conflicts as a whole, as git's line merge
/// says, and carries no values.
public struct MergeConflict: Equatable, Sendable {
  /// The file, relative to the ledger root.
  public let path: String
  /// The conflicting field; the root for the whole record or file.
  public let pointer: JSONPointer
  /// The value in the merge base, on this clone's side and on the incoming side (nil: absent).
  public let base: JSONValue?
  public let ours: JSONValue?
  public let theirs: JSONValue?
  /// True for a file merged line by line (not JSON): the values are not known.
  public let isText: Bool

  public init(
    path: String, pointer: JSONPointer, base: JSONValue?, ours: JSONValue?, theirs: JSONValue?,
    isText: Bool = false
  ) {
    self.path = path
    self.pointer = pointer
    self.base = base
    self.ours = ours
    self.theirs = theirs
    self.isText = isText
  }

  /// The field as people write it: `duration`, `credentials.channel`, or `*` for the whole
  /// record.
  public var field: String { pointer.tokens.isEmpty ? "*" : pointer.tokens.joined(separator: ".") }

  /// The record the file holds, when it is a record.
  public var record: RecordKey? { RecordKey(path: path) }
}
