import LedgerJSON

/// The three-way merge of JSON values: the merge base and two sides that each changed it.
///
/// The rules, applied from the top of a record down:
/// - a side that left a value as it was in the base takes the other side's value;
/// - both sides giving one value agree;
/// - objects (or an object added on both sides) merge member by member;
/// - arrays that are sets merge element by element: each side's additions and removals apply,
///   in this side's order followed by the other side's additions;
/// - anything else both sides changed differently is a conflict at that place, and the merged
///   value keeps this side's ("ours") value there, so the result is always valid JSON.
///
/// Absent values are nil: a record or field deleted on one side and changed on the other is a
/// conflict; deleted on both is a deletion.
public enum ValueMerge {
  /// The merged value (nil: absent) and the places where the sides conflict.
  public struct Outcome: Equatable, Sendable {
    /// The merged value, holding ours wherever the sides conflict.
    public let value: JSONValue?
    /// Conflict places, sorted by pointer; empty when the merge is clean.
    public let conflicts: [Place]
  }

  /// One conflicting place and the value each version has there.
  public struct Place: Equatable, Sendable {
    /// Where the sides conflict.
    public let pointer: JSONPointer
    /// The value there in the base, ours and theirs (nil: absent).
    public let base: JSONValue?
    public let ours: JSONValue?
    public let theirs: JSONValue?
  }

  /// Merges `ours` and `theirs`, each derived from `base`.
  public static func merge(base: JSONValue?, ours: JSONValue?, theirs: JSONValue?, sets: SetArrays) -> Outcome {
    var conflicts: [Place] = []
    let value = merge(base, ours, theirs, steps: [], pointer: .root, sets: sets, conflicts: &conflicts)
    return Outcome(value: value, conflicts: conflicts.sorted { $0.pointer < $1.pointer })
  }

  private static func merge(
    _ base: JSONValue?, _ ours: JSONValue?, _ theirs: JSONValue?, steps: [String], pointer: JSONPointer,
    sets: SetArrays, conflicts: inout [Place]
  ) -> JSONValue? {
    if ours == theirs || base == theirs { return ours }
    if base == ours { return theirs }
    switch (base, ours, theirs) {
    case (nil, .object(let mine), .object(let other)), (.object?, .object(let mine), .object(let other)):
      return .object(mergeMembers(base?.objectValue ?? JSONObject(), mine, other, steps, pointer, sets, &conflicts))
    case (nil, .array(let mine), .array(let other)) where sets.isSet(steps),
      (.array?, .array(let mine), .array(let other)) where sets.isSet(steps):
      return .array(mergeSet(base?.arrayValue ?? [], mine, other))
    default:
      conflicts.append(Place(pointer: pointer, base: base, ours: ours, theirs: theirs))
      return ours
    }
  }

  private static func mergeMembers(
    _ base: JSONObject, _ ours: JSONObject, _ theirs: JSONObject, _ steps: [String], _ pointer: JSONPointer,
    _ sets: SetArrays, _ conflicts: inout [Place]
  ) -> JSONObject {
    var result = JSONObject()
    var keys = ours.keys
    for key in theirs.keys where ours[key] == nil { keys.append(key) }
    for key in base.keys where ours[key] == nil && theirs[key] == nil { keys.append(key) }
    for key in keys {
      let merged = merge(
        base[key], ours[key], theirs[key], steps: steps + [key], pointer: pointer.appending(key), sets: sets,
        conflicts: &conflicts)
      if let merged { result[key] = merged }
    }
    return result
  }

  /// This side's elements less those the other side removed, then the other side's additions.
  private static func mergeSet(_ base: [JSONValue], _ ours: [JSONValue], _ theirs: [JSONValue]) -> [JSONValue] {
    let before = Set(base)
    let mine = Set(ours)
    let other = Set(theirs)
    var seen = Set<JSONValue>()
    var result: [JSONValue] = []
    for element in ours where !(before.contains(element) && !other.contains(element)) {
      if seen.insert(element).inserted { result.append(element) }
    }
    for element in theirs where !before.contains(element) && !mine.contains(element) {
      if seen.insert(element).inserted { result.append(element) }
    }
    return result
  }
}
