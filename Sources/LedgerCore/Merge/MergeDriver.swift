import Foundation
import LedgerLanguage

// The merge driver the git program calls for each ledger file both sides changed
// (`merge-driver %O %A %B %P`, registered by `installHooks`): the same engine as `sync`.
extension Ledger {
  /// Merges the files git hands over and leaves the result in `ours`, as git expects.
  ///
  /// - Parameters:
  ///   - base, ours, theirs: git's temporary files of the three versions (`%O %A %B`); an
  ///     empty base means the file was added on both sides.
  ///   - path: the file's path in the repository (`%P`).
  ///   - directory: where git runs the driver, the top of the work tree.
  /// - Returns: true when the merge is clean; false when it conflicts (the file then holds
  ///   this clone's side where the two conflict, still valid JSON).
  public static func runMergeDriver(
    base: URL, ours: URL, theirs: URL, path: String, in directory: URL
  ) throws(StoreError) -> Bool {
    func read(_ url: URL) throws(StoreError) -> [UInt8] {
      guard let data = FileManager.default.contents(atPath: url.path) else {
        throw .io(path: url.path, reason: tr("git's merge file is missing"))
      }
      return Array(data)
    }
    let baseBytes = try read(base)
    var input = MergeInput(
      path: path, base: baseBytes.isEmpty ? nil : baseBytes, ours: try read(ours), theirs: try read(theirs))
    // A JSON file merges as JSON even when its ledger cannot be read: never markers in a record.
    var sets: SetArrays? = path.hasSuffix(".json") ? .empty : nil
    if let ledger = try? Ledger.open(from: nearestFolder(of: directory.appendingPathComponent(path)), recovering: false),
      ledger.store.isInside(path)
    {
      let ledgerPath = ledger.store.ledgerPath(path)
      input = MergeInput(path: ledgerPath, base: input.base, ours: input.ours, theirs: input.theirs)
      sets = try MergeRules(try ledger.store.gitSnapshot(at: nil)).sets(forLedgerPath: ledgerPath)
    }
    let result = FileMerger.merge(input, sets: sets)
    do {
      try Data(result.bytes ?? []).write(to: ours)
    } catch {
      throw .io(path: ours.path, reason: error.localizedDescription)
    }
    return result.conflicts.isEmpty
  }

  /// The nearest existing folder holding `file` (its folder may exist only on the other side).
  private static func nearestFolder(of file: URL) -> URL {
    var folder = file.deletingLastPathComponent()
    while !FileManager.default.fileExists(atPath: folder.path), folder.path != "/" {
      folder = folder.deletingLastPathComponent()
    }
    return folder
  }
}
