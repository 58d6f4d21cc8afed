import Foundation

/// What keeps git from merging this clone's records field by field: the merge driver missing
/// from its configuration (a plain `git clone` with no `adminledger hook install`), and ledger
/// files that git merged line by line (its conflict markers are in them).
public struct LineMergeCheck: Equatable, Sendable {
  /// `.gitattributes` names `merge=adminledger` but the clone's git configuration registers no
  /// `merge.adminledger.driver`: git then merges records line by line.
  public let driverMissing: Bool
  /// Ledger files (relative to the ledger root) that hold git's conflict markers, sorted.
  public let markedFiles: [String]

  /// True when there is nothing to say.
  public var isClean: Bool { !driverMissing && markedFiles.isEmpty }
}

// git copies no configuration with a clone: a clone made by `git clone` has the committed
// `.gitattributes` but not the driver it names, and git silently falls back to its line merge,
// which writes conflict markers into a record even for a set of attendees.
extension Ledger {
  /// Whether this clone lacks the merge driver, and which ledger files git line-merged.
  public func lineMergeCheck() throws(StoreError) -> LineMergeCheck {
    let named = attributeFiles().contains { url in
      (FileManager.default.contents(atPath: url.path)).map { String(decoding: $0, as: UTF8.self) }?
        .contains("merge=adminledger") == true
    }
    let registered = try store.isMergeDriverRegistered()
    let marked = try handEdits().filter { $0.change != .deleted }.map(\.path).filter(hasConflictMarkers)
    return LineMergeCheck(driverMissing: named && !registered, markedFiles: marked.sorted())
  }

  /// Ledger files among `paths` (repository paths) whose work-tree file holds git's markers.
  func lineMergedFiles(_ paths: [String]) -> [String] {
    paths.filter { store.isInside($0) }.map { store.ledgerPath($0) }.filter(hasConflictMarkers).sorted()
  }

  /// The `.gitattributes` files that apply to the ledger: the repository's top and the
  /// ledger's own folder.
  private func attributeFiles() -> [URL] {
    guard let workdir = store.workTree else { return [] }
    var files = [workdir.appendingPathComponent(".gitattributes")]
    if !store.prefix.isEmpty { files.append(workdir.appendingPathComponent(store.prefix + "/.gitattributes")) }
    return files
  }

  /// True when the work-tree file at `path` (relative to the ledger root) has a line opening
  /// git's conflict block (`<<<<<<< `) and one closing it (`>>>>>>> `).
  private func hasConflictMarkers(_ path: String) -> Bool {
    guard let data = FileManager.default.contents(atPath: root.appendingPathComponent(path).path) else { return false }
    let lines = String(decoding: data, as: UTF8.self).split(separator: "\n")
    return lines.contains { $0.hasPrefix("<<<<<<< ") } && lines.contains { $0.hasPrefix(">>>>>>> ") }
  }
}
