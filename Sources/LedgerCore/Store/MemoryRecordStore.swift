import Foundation

/// A ledger kept in memory: the same contract as `GitRecordStore`, for fast tests of
/// everything above the store.
public final class MemoryRecordStore: RecordStore {
  /// Each commit's files, oldest first; revisions are their positions as text.
  private var commits: [[String: [UInt8]]] = []

  /// A store whose first commit holds `files` (ledger-relative paths).
  public init(files: [String: [UInt8]] = [:]) {
    if !files.isEmpty { commits.append(files) }
  }

  public func snapshot(at revision: String?) throws(StoreError) -> any LedgerSnapshot {
    guard let revision else { return MemorySnapshot(files: commits.last ?? [:], revision: head) }
    guard let index = Int(revision), commits.indices.contains(index) else {
      throw .revisionNotFound(revision)
    }
    return MemorySnapshot(files: commits[index], revision: revision)
  }

  public func write(
    by author: Author, at date: Date,
    _ plan: (any LedgerSnapshot) throws(StoreError) -> ChangeSet?
  ) throws(StoreError) -> WriteResult? {
    let current = commits.last ?? [:]
    guard let changes = try plan(MemorySnapshot(files: current, revision: head)) else { return nil }
    var next = current
    for file in changes.files { next[file.path] = file.content }
    guard next != current else { return nil }
    commits.append(next)
    return WriteResult(commit: String(commits.count - 1), changes: changes)
  }

  private var head: String? { commits.isEmpty ? nil : String(commits.count - 1) }
}

/// The ledger at one commit of the memory store or the memory history. Like a git tree, it
/// tells the folders it holds inside a folder (`people/old/x.json` makes
/// `people/old` a folder of `people`), and a file where a folder is looked for; it holds no
/// links or submodules.
final class MemorySnapshot: LedgerSnapshot {
  let files: [String: [UInt8]]
  let revision: String?

  init(files: [String: [UInt8]], revision: String?) {
    self.files = files
    self.revision = revision
  }

  func fileBytes(_ path: String) throws(StoreError) -> [UInt8]? { files[path] }

  func fileNames(in folder: String) throws(StoreError) -> [String] {
    let prefix = folder + "/"
    return files.keys.filter { $0.hasPrefix(prefix) && !$0.dropFirst(prefix.count).contains("/") }
      .map { String($0.dropFirst(prefix.count)) }.sorted()
  }

  func irregularEntries(in folder: String) throws(StoreError) -> [IrregularEntry] {
    if files[folder] != nil { return [IrregularEntry(path: folder, kind: .file)] }
    let prefix = folder + "/"
    var folders: Set<String> = []
    for path in files.keys where path.hasPrefix(prefix) {
      let rest = path.dropFirst(prefix.count)
      if let slash = rest.firstIndex(of: "/") { folders.insert(prefix + rest[..<slash]) }
    }
    // In git's order of tree entries, which sorts a folder as its name and a slash.
    return folders.sorted { ($0 + "/") < ($1 + "/") }.map { IrregularEntry(path: $0, kind: .folder) }
  }
}
