import LedgerGit
import LedgerJSON

/// One file as the three versions of a merge hold it: the merge base, this clone's side
/// ("ours") and the incoming side ("theirs"); nil where the file is absent.
public struct MergeInput: Sendable {
  /// The file, relative to the ledger root.
  public let path: String
  /// The bytes in the merge base.
  public let base: [UInt8]?
  /// The bytes on this clone's side.
  public let ours: [UInt8]?
  /// The bytes on the incoming side.
  public let theirs: [UInt8]?

  public init(path: String, base: [UInt8]?, ours: [UInt8]?, theirs: [UInt8]?) {
    self.path = path
    self.base = base
    self.ours = ours
    self.theirs = theirs
  }
}

/// A merged file: its bytes (nil: the merge deletes it) and its conflicts.
///
/// Where the sides conflict the bytes hold this clone's side, so a JSON file stays valid JSON;
/// a text file holds git's conflict markers, as the git program would write.
public struct FileMergeResult: Sendable {
  /// The file, as the input named it.
  public let path: String
  /// The merged bytes; nil when the merge deletes the file.
  public let bytes: [UInt8]?
  /// The places the sides conflict; empty for a clean merge.
  public let conflicts: [MergeConflict]
}

/// Merges one file: JSON field by field through `ValueMerge`, anything else line by line
/// through git's own text merge.
public enum FileMerger {
  /// - Parameter sets: the file's set arrays when it is JSON; nil merges it as text.
  public static func merge(_ input: MergeInput, sets: SetArrays?) -> FileMergeResult {
    guard let sets else { return mergeText(input) }
    func parse(_ bytes: [UInt8]?) -> JSONValue?? {
      guard let bytes else { return .some(nil) }
      return (try? JSONParser.parse(bytes)).map { .some($0) }
    }
    guard let base = parse(input.base), let ours = parse(input.ours), let theirs = parse(input.theirs) else {
      // A side that is not JSON cannot be merged field by field; keep ours, whole.
      return FileMergeResult(path: input.path, bytes: input.ours, conflicts: [wholeFile(input.path)])
    }
    let outcome = ValueMerge.merge(base: base, ours: ours, theirs: theirs, sets: sets)
    let conflicts = outcome.conflicts.map {
      MergeConflict(path: input.path, pointer: $0.pointer, base: $0.base, ours: $0.ours, theirs: $0.theirs)
    }
    // A result equal to one side keeps that side's bytes: no needless rewrite of a file.
    let bytes: [UInt8]? =
      switch outcome.value {
      case ours: input.ours
      case theirs: input.theirs
      case let value?: CanonicalWriter.bytes(value)
      case nil: nil
      }
    return FileMergeResult(path: input.path, bytes: bytes, conflicts: conflicts)
  }

  private static func mergeText(_ input: MergeInput) -> FileMergeResult {
    if input.ours == input.theirs || input.base == input.theirs {
      return FileMergeResult(path: input.path, bytes: input.ours, conflicts: [])
    }
    if input.base == input.ours { return FileMergeResult(path: input.path, bytes: input.theirs, conflicts: []) }
    guard input.ours != nil, input.theirs != nil,
      let merged = try? Repository.mergeText(
        base: input.base, ours: input.ours, theirs: input.theirs, labels: ("ours", "theirs"))
    else {
      return FileMergeResult(path: input.path, bytes: input.ours, conflicts: [wholeFile(input.path)])
    }
    return FileMergeResult(path: input.path, bytes: merged.bytes, conflicts: merged.clean ? [] : [wholeFile(input.path)])
  }

  private static func wholeFile(_ path: String) -> MergeConflict {
    MergeConflict(path: path, pointer: .root, base: nil, ours: nil, theirs: nil, isText: true)
  }
}
