import Foundation

/// A branch whose history no longer holds the commit the last audit passed
/// (`rewritten-history`): a force push, a rebase, an amended commit, filter-repo.
public struct HistoryRewrite: Equatable, Sendable {
  /// The commit the last audit passed.
  public let last: String
  /// The branch audited (`main`), or `HEAD` when HEAD is on no branch.
  public let branch: String
  /// The commits reachable from `last` and not from the branch any more, newest first;
  /// empty when `isMissing`.
  public let disappeared: [HistoryEntry]
  /// True when `last`, or part of its history, is no longer in the repository (collected as
  /// garbage after the rewrite): what disappeared cannot be listed.
  public let isMissing: Bool
}

// Finding what a rewrite of the branch took away.
extension LedgerHistory {
  /// How the history changed since commit `last` was audited: nil when `tip` still holds it.
  func rewrite(since last: String, tip: String?, branch: String) throws(StoreError) -> HistoryRewrite? {
    if last == tip { return nil }
    let missing = HistoryRewrite(last: last, branch: branch, disappeared: [], isMissing: true)
    guard let lastEntry = try? entry(last) else { return missing }
    do {
      if let tip, try isDescendant(tip, of: last) { return nil }
      var gone: [HistoryEntry] = []
      for id in try commits(from: last, excluding: tip) { gone.append(id == last ? lastEntry : try entry(id)) }
      return HistoryRewrite(last: last, branch: branch, disappeared: Self.newestFirst(gone), isMissing: false)
    } catch .objectMissing {
      return missing
    }
  }

  /// `entries` with each one before its parents, the newest first among unrelated ones.
  static func newestFirst(_ entries: [HistoryEntry]) -> [HistoryEntry] {
    let byID = Dictionary(entries.map { ($0.commit, $0) }) { first, _ in first }
    var children: [String: Int] = [:]
    for entry in entries {
      for parent in entry.parents where byID[parent] != nil { children[parent, default: 0] += 1 }
    }
    let later = { (one: HistoryEntry, two: HistoryEntry) in (one.date, one.commit) > (two.date, two.commit) }
    var ready = entries.filter { children[$0.commit] == nil }.sorted(by: later)
    var result: [HistoryEntry] = []
    while !ready.isEmpty {
      let next = ready.removeFirst()
      result.append(next)
      for parent in next.parents {
        guard let count = children[parent], let entry = byID[parent] else { continue }
        children[parent] = count - 1
        if count == 1 {
          ready.append(entry)
          ready.sort(by: later)
        }
      }
    }
    return result
  }
}
