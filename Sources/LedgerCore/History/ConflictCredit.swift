import LedgerJSON

/// A field of a ledger file, whose last change a conflict report names.
struct FieldPlace: Hashable {
  /// Relative to the ledger's root.
  let path: String
  let pointer: JSONPointer
}

// Who made each side of a conflict: the commit since the merge base that gave the field the
// value that side holds.
extension LedgerHistory {
  /// For each place, the commit since `base` that made the value it has at `tip`, following
  /// the value through merges as `blame` does (an intermediate merge that only brought it is
  /// never named); a removal, which has no value to follow, is found on the first-parent line.
  func lastChanges(of places: [FieldPlace], from tip: String, since base: String) throws(StoreError)
    -> [FieldPlace: HistoryEntry]
  {
    guard !places.isEmpty else { return [:] }
    let side = try commits(from: tip, excluding: base)
    let rules = try? MergeRules(snapshot(tip))
    var found: [FieldPlace: HistoryEntry] = [:]
    var rest: [FieldPlace] = []
    for (path, group) in Dictionary(grouping: places, by: \.path) {
      guard let key = RecordKey(path: path), let bytes = try fileBytes(path, at: tip),
        let parsed = try? JSONParser.parse(bytes)
      else {
        rest += group
        continue
      }
      var leaves: [(FieldPlace, BlameLeaf)] = []
      for place in group {
        guard let value = place.pointer.resolve(in: parsed) else {
          rest.append(place)
          continue
        }
        leaves.append((place, BlameLeaf(field: place.pointer.tokens.joined(separator: "."), value: value, isElement: false)))
      }
      let sets = rules?.sets(forLedgerPath: key.path) ?? .empty
      let credits = try credit(leaves.map(\.1), of: key, from: tip, sets: sets)
      for (place, leaf) in leaves {
        guard let credit = credits.first(where: { $0.field == leaf.field }), side.contains(credit.entry.commit)
        else { continue }
        found[place] = credit.entry
      }
    }
    return found.merging(try firstParentChanges(of: rest, from: tip, since: side)) { mine, _ in mine }
  }

  /// For each place, the newest commit on the first-parent line from `tip` through `side` that
  /// gave it the value it has at `tip`: one walk of that side for every place at once.
  private func firstParentChanges(of places: [FieldPlace], from tip: String, since side: Set<String>)
    throws(StoreError) -> [FieldPlace: HistoryEntry]
  {
    func value(_ commit: String, _ place: FieldPlace) throws(StoreError) -> (ContentID?, JSONValue?) {
      guard let content = try content(place.path, at: commit) else { return (nil, nil) }
      let parsed = try? JSONParser.parse(try bytes(content))
      return (content, parsed.flatMap(place.pointer.resolve))
    }
    guard !places.isEmpty else { return [:] }
    var current = try entry(tip)
    var wanted: [FieldPlace: JSONValue?] = [:]
    for place in places { wanted[place] = try value(current.commit, place).1 }
    var found: [FieldPlace: HistoryEntry] = [:]
    while found.count < wanted.count, side.contains(current.commit), let parent = current.parents.first {
      for (place, target) in wanted where found[place] == nil {
        let (mine, held) = try value(current.commit, place)
        let (before, previous) = try value(parent, place)
        if mine != before, held == target, previous != target { found[place] = current }
      }
      current = try entry(parent)
    }
    return found
  }
}
