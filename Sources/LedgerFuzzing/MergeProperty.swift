import LedgerCore
import LedgerJSON

/// The three-way JSON merge: merging a value with itself gives it back, and swapping ours and
/// theirs swaps only what each conflict keeps.
///
/// The input is one flag byte, then base, ours and theirs separated by NUL bytes
/// (`1{"a":[1]}␀{"a":[1,2]}␀{"a":[3]}`); a missing, empty or invalid part is an absent file.
/// An odd flag byte (`1`) makes every array up to two levels deep a set (as `uniqueItems`
/// does), an even one (`0`) makes none. For `b`, `o`, `t`:
/// - `merge(b, o, o)`, `merge(o, o, o)`, `merge(b, b, o)` and `merge(b, o, b)` are `o`, clean;
/// - `merge(b, o, t)` and `merge(b, t, o)` conflict at the same places with ours and theirs
///   swapped, and their values agree once each conflict takes the other side's value (set
///   arrays compared as sets, since each side's order comes first);
/// - `FileMerger` on the same bytes reports those conflicts, and its merged bytes parse back
///   to the merged value.
public enum MergeProperty {
  /// Every array at depth 0, 1 or 2 is a set.
  static let allSets = SetArrays(paths: [[], ["*"], ["*", "*"]])

  /// - Throws: `PropertyViolation` naming the first broken property and the three values.
  public static func check(_ bytes: [UInt8]) throws(PropertyViolation) {
    guard let flags = bytes.first else { return }
    let sets = flags & 1 == 1 ? allSets : SetArrays.empty
    var parts = Array(bytes.dropFirst()).nulSeparated(limit: 3).map { try? JSONParser.parse(Array($0)) }
    while parts.count < 3 { parts.append(nil) }
    let (base, ours, theirs) = (parts[0], parts[1], parts[2])
    try checkIdentities(base, ours, sets)
    try checkIdentities(base, theirs, sets)
    try checkSymmetry(base, ours, theirs, sets)
    try checkFileMerge(bytes, base, ours, theirs, sets)
  }

  // MARK: - Properties

  private static func checkIdentities(_ base: JSONValue?, _ side: JSONValue?, _ sets: SetArrays)
    throws(PropertyViolation)
  {
    let cases = [(base, side, side), (side, side, side), (base, base, side), (base, side, base)]
    for (b, o, t) in cases {
      let outcome = ValueMerge.merge(base: b, ours: o, theirs: t, sets: sets)
      guard outcome.value == side, outcome.conflicts.isEmpty else {
        throw violation("merge(\(text(b)), \(text(o)), \(text(t))) is not \(text(side))", b, o, t)
      }
    }
  }

  private static func checkSymmetry(_ base: JSONValue?, _ ours: JSONValue?, _ theirs: JSONValue?, _ sets: SetArrays)
    throws(PropertyViolation)
  {
    let forward = ValueMerge.merge(base: base, ours: ours, theirs: theirs, sets: sets)
    let backward = ValueMerge.merge(base: base, ours: theirs, theirs: ours, sets: sets)
    guard forward.conflicts.count == backward.conflicts.count,
      zip(forward.conflicts, backward.conflicts).allSatisfy(mirrored)
    else {
      throw violation("swapping ours and theirs changes the conflicts", base, ours, theirs)
    }
    // Where the sides conflict, the merge keeps ours: give the forward value theirs instead.
    var resolved = forward.value
    for place in forward.conflicts { resolved = replacing(place.pointer, in: resolved, with: place.theirs) }
    guard equalUpToSetOrder(resolved, backward.value, steps: [], sets) else {
      throw violation(
        "merge(b, o, t) = \(text(forward.value)) but merge(b, t, o) = \(text(backward.value))", base, ours, theirs)
    }
  }

  private static func checkFileMerge(
    _ bytes: [UInt8], _ base: JSONValue?, _ ours: JSONValue?, _ theirs: JSONValue?, _ sets: SetArrays
  ) throws(PropertyViolation) {
    // Absent parts are absent files; present ones are their canonical bytes.
    let input = MergeInput(
      path: "records/fuzz.json", base: base.map(CanonicalWriter.bytes), ours: ours.map(CanonicalWriter.bytes),
      theirs: theirs.map(CanonicalWriter.bytes))
    let result = FileMerger.merge(input, sets: sets)
    let outcome = ValueMerge.merge(base: base, ours: ours, theirs: theirs, sets: sets)
    guard result.conflicts.map(\.pointer) == outcome.conflicts.map(\.pointer) else {
      throw violation("FileMerger and ValueMerge disagree on the conflicts", base, ours, theirs)
    }
    let merged = result.bytes.flatMap { try? JSONParser.parse($0) }
    guard merged == outcome.value, (result.bytes == nil) == (outcome.value == nil) else {
      throw violation("FileMerger's bytes do not hold \(text(outcome.value))", base, ours, theirs)
    }
  }

  // MARK: - Helpers

  /// The same place, with ours and theirs swapped.
  private static func mirrored(_ pair: (ValueMerge.Place, ValueMerge.Place)) -> Bool {
    pair.0.pointer == pair.1.pointer && pair.0.base == pair.1.base && pair.0.ours == pair.1.theirs
      && pair.0.theirs == pair.1.ours
  }

  /// `value` with the member at `pointer` set to `replacement` (nil removes it). Conflicts sit
  /// only inside objects: an array is one value unless it is a set, and sets never conflict.
  static func replacing(_ pointer: JSONPointer, in value: JSONValue?, with replacement: JSONValue?) -> JSONValue? {
    guard let first = pointer.tokens.first else { return replacement }
    guard case .object(var object) = value else { return value }
    let rest = JSONPointer(tokens: Array(pointer.tokens.dropFirst()))
    object[first] = replacing(rest, in: object[first], with: replacement)
    return .object(object)
  }

  /// Equal as JSON, except that arrays at set paths are compared as sets.
  static func equalUpToSetOrder(_ a: JSONValue?, _ b: JSONValue?, steps: [String], _ sets: SetArrays) -> Bool {
    switch (a, b) {
    case (.object(let x)?, .object(let y)?):
      return x.count == y.count
        && x.allSatisfy { equalUpToSetOrder($0.value, y[$0.key], steps: steps + [$0.key], sets) }
    case (.array(let x)?, .array(let y)?) where sets.isSet(steps):
      return x.count == y.count && Set(x) == Set(y)
    default:
      return a == b
    }
  }

  private static func text(_ value: JSONValue?) -> String { value?.compactText ?? "absent" }

  private static func violation(_ message: String, _ base: JSONValue?, _ ours: JSONValue?, _ theirs: JSONValue?)
    -> PropertyViolation
  {
    PropertyViolation(.merge, "\(message)\n  base: \(text(base))\n  ours: \(text(ours))\n  theirs: \(text(theirs))")
  }
}
