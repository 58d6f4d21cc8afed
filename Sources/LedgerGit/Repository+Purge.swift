internal import CLibGit2
import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// What `dropUnreachableObjects` found and left: objects as stored in the repository's own
/// `objects` folder (a loose file or a pack's entry each; an object stored twice counts twice),
/// bytes as the files there take.
public struct ObjectPurge: Equatable, Sendable {
  public let objectsBefore: Int
  public let objectsAfter: Int
  public let bytesBefore: Int
  public let bytesAfter: Int
  /// How many reflogs were emptied (`logs/HEAD`, `logs/refs/heads/main`, ...).
  public let reflogsEmptied: Int
}

// Garbage collection, which libgit2 lacks: after a rewritten history (`forget`), the old
// commits and every object only they reached are dropped, reflogs and all, as
// `git reflog expire --expire=now --all && git repack -a -d && git prune --expire=now` would.
//
// The order keeps the repository valid if the process dies at any point: the new pack, holding
// every object reachable from a reference, HEAD or an index, is written and flushed to disk
// first; only then do reflogs, `ORIG_HEAD` and `FETCH_HEAD` and the old object files go, and
// removing any subset of those loses nothing reachable.
extension Repository {
  /// Keeps exactly the objects reachable from the references (every `refs/*`: branches, tags,
  /// remote branches, notes, stash), HEAD, and the blobs an index stages, in one new pack, and
  /// removes every other object of the repository's own `objects` folder, with the reflogs and
  /// the files naming old commits (`ORIG_HEAD`, `FETCH_HEAD`, `AUTO_MERGE`).
  ///
  /// Removed: every other pack, whatever goes with it (`.idx`, `.rev`, `.bitmap`, `.mtimes`,
  /// `.promisor`, and `.keep`: a kept pack could hold exactly what must go, and the new pack
  /// holds everything reachable from it), every loose object, the commit-graph, the
  /// multi-pack-index and `objects/info/packs`. Reflogs are emptied, not deleted, so a ref that
  /// was logged stays logged (as `git reflog expire` leaves them); older stash entries, which
  /// only the stash's reflog names, go with it.
  ///
  /// Alternates (`objects/info/alternates`) stay as they are and none of their objects is
  /// removed; a reachable object read from one is copied into the new pack, so the repository
  /// no longer needs the alternate for it. An object that only an alternate holds is out of
  /// reach here: drop it in that repository.
  ///
  /// A file created after the call began is left (a push that another process is receiving),
  /// and so are quarantine folders (`objects/incoming-*`). Linked work trees (`worktrees/*`)
  /// keep their detached HEAD and their index's blobs.
  ///
  /// Cost: every reachable object is read once (folder trees through the pack reader, which
  /// keeps the delta bases it rebuilt) and each tree stored as a delta against the one stored
  /// last at its path (see `writeReachablePack(tips:staged:into:)`).
  ///
  /// - Throws: `GitError` when a merge, rebase, cherry-pick or bisect is in progress (finish
  ///   or abort it first: its files name commits that would go), when a reachable object is
  ///   missing (a damaged or shallow repository: then nothing was changed), or when a file
  ///   cannot be written or removed (the new pack is complete: running again finishes).
  public func dropUnreachableObjects() throws(GitError) -> ObjectPurge {
    let state = git_repository_state(handle)
    guard state == Int32(GIT_REPOSITORY_STATE_NONE.rawValue) else {
      throw GitError(
        code: .locked, operation: "drop unreachable objects",
        message: "a git operation (merge, rebase, cherry-pick, revert or bisect) is in progress: finish or abort it first")
    }
    let started = ObjectFiles.now()
    let objects = gitDirectory.appendingPathComponent("objects", isDirectory: true)
    let before = ObjectFiles(objects)
    let pack = try writeReachablePack(into: objects.appendingPathComponent("pack", isDirectory: true))
    let reflogs = try emptyReflogs()
    for name in ["ORIG_HEAD", "FETCH_HEAD", "AUTO_MERGE"] {
      try ObjectFiles.remove(gitDirectory.appendingPathComponent(name))
    }
    try ObjectFiles.removeAll(in: objects, keepingPack: pack, changedSince: started)
    try forgetOpenedObjects()
    let after = ObjectFiles(objects)
    return ObjectPurge(
      objectsBefore: before.objects, objectsAfter: after.objects, bytesBefore: before.bytes, bytesAfter: after.bytes,
      reflogsEmptied: reflogs)
  }

  // MARK: - The new pack

  /// Writes one pack of every reachable object into `folder`, flushed to disk, and returns
  /// its name (`pack-HEX`); nil when nothing is reachable (an empty repository). Reachable:
  /// what every reference and a detached HEAD name (a linked work tree's too), and the blobs
  /// the indexes stage.
  private func writeReachablePack(into folder: URL) throws(GitError) -> String? {
    var tips = try referenceTargets()
    if git_repository_head_detached(handle) == 1, let head = try referenceTarget("HEAD") { tips.append(head) }
    tips += linkedWorkTrees().compactMap { Self.detachedHead(in: $0) }
    let indexes = [gitDirectory.appendingPathComponent("index")] + linkedWorkTrees().map { $0.appendingPathComponent("index") }
    var staged: [ObjectID] = []
    for file in indexes where FileManager.default.fileExists(atPath: file.path) { staged += try stagedBlobs(of: file) }
    guard let name = try writeReachablePack(tips: tips, staged: staged, into: folder) else { return nil }
    // Nothing may be removed before the pack holding what stays is on the disk.
    for file in [name + ".pack", name + ".idx"] {
      try ObjectFiles.flush(folder.appendingPathComponent(file).path)
    }
    try ObjectFiles.flush(folder.path)
    return name
  }

  /// What every reference resolves to; a symbolic reference to nothing is skipped.
  private func referenceTargets() throws(GitError) -> [ObjectID] {
    var iterator: OpaquePointer?
    try git("git_reference_iterator_new") { git_reference_iterator_new(&iterator, handle) }
    guard let iterator else { throw .nilHandle("git_reference_iterator_new") }
    defer { git_reference_iterator_free(iterator) }
    var targets: [ObjectID] = []
    var reference: OpaquePointer?
    while true {
      let status = git_reference_next(&reference, iterator)
      if status == GIT_ITEROVER.rawValue { break }
      try git("git_reference_next") { status }
      guard let current = reference else { continue }
      defer { git_reference_free(current) }
      var resolved: OpaquePointer?
      guard git_reference_resolve(&resolved, current) == 0, let resolved else { continue }
      defer { git_reference_free(resolved) }
      if let target = git_reference_target(resolved) { targets.append(ObjectID(target.pointee)) }
    }
    return targets
  }

  /// Every blob the index file stages, in any stage (a merge's conflicts too), so `status`
  /// and `commit` still find them; a submodule's commit, or a blob the repository already lacks
  /// (an intent-to-add entry), is not ours to keep.
  private func stagedBlobs(of file: URL) throws(GitError) -> [ObjectID] {
    var index: OpaquePointer?
    try git("git_index_open") { git_index_open(&index, file.path) }
    guard let index else { throw .nilHandle("git_index_open") }
    defer { git_index_free(index) }
    var odb: OpaquePointer?
    try git("git_repository_odb") { git_repository_odb(&odb, handle) }
    guard let odb else { throw .nilHandle("git_repository_odb") }
    defer { git_odb_free(odb) }
    var blobs: [ObjectID] = []
    for position in 0..<git_index_entrycount(index) {
      guard let entry = git_index_get_byindex(index, position), entry.pointee.mode != 0o160000 else { continue }
      var id = entry.pointee.id
      guard git_odb_exists(odb, &id) == 1 else { continue }
      blobs.append(ObjectID(id))
    }
    return blobs
  }

  /// The folders of the linked work trees (`git worktree add`), each with its own HEAD and index.
  private func linkedWorkTrees() -> [URL] {
    let folder = gitDirectory.appendingPathComponent("worktrees", isDirectory: true)
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    return names.sorted().map { folder.appendingPathComponent($0, isDirectory: true) }
  }

  /// The commit a linked work tree's HEAD holds when it is detached (on a branch, the branch
  /// is a reference already).
  private static func detachedHead(in workTree: URL) -> ObjectID? {
    guard let data = FileManager.default.contents(atPath: workTree.appendingPathComponent("HEAD").path) else { return nil }
    return ObjectID(hex: String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
  }

  // MARK: - Afterwards

  /// Empties every reflog under `logs/` (the repository's and each linked work tree's HEAD
  /// log); returns how many held entries.
  private func emptyReflogs() throws(GitError) -> Int {
    let folders = [gitDirectory] + linkedWorkTrees()
    var emptied = 0
    for folder in folders {
      let logs = folder.appendingPathComponent("logs", isDirectory: true)
      guard let files = FileManager.default.enumerator(atPath: logs.path) else { continue }
      for case let name as String in files {
        let path = logs.appendingPathComponent(name).path
        var info = stat()
        guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG, info.st_size > 0 else { continue }
        guard truncate(path, 0) == 0 else {
          throw GitError(code: .other(-1), operation: "empty reflog", message: "\(path): \(String(cString: strerror(errno)))")
        }
        emptied += 1
      }
    }
    return emptied
  }

  /// Drops everything this handle read or opened from the old object files (libgit2's object
  /// cache and open packs, this wrapper's pack reader and trees), so it reads the new pack and
  /// holds no removed object in memory; the rest of the handle reopens as needed.
  private func forgetOpenedObjects() throws(GitError) {
    try git("git_repository__cleanup") { git_repository__cleanup(handle) }
    packs = PackReader(objectsDirectory: gitDirectory.appendingPathComponent("objects"))
    recentTrees = RecentObjects<RawTree>(capacity: 16)
    nameTables = NameTables()
  }
}

/// The object files of a repository's `objects` folder: counted, measured and removed.
private struct ObjectFiles {
  /// Objects stored: loose files, and the entries of each pack's index.
  private(set) var objects = 0
  /// The bytes of every file under `objects/`.
  private(set) var bytes = 0

  init(_ folder: URL) {
    guard let names = FileManager.default.enumerator(atPath: folder.path) else { return }
    for case let name as String in names {
      let path = folder.appendingPathComponent(name).path
      var info = stat()
      guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { continue }
      bytes += Int(info.st_size)
      let parts = name.split(separator: "/")
      if parts.count == 2, ObjectFiles.isLooseFolder(parts[0]) {
        objects += 1
      } else if parts.count == 2, parts[0] == "pack", name.hasSuffix(".idx") {
        objects += ObjectFiles.indexCount(path)
      }
    }
  }

  /// Whether `name` is a folder of loose objects (two hex digits).
  static func isLooseFolder(_ name: Substring) -> Bool {
    name.count == 2 && name.allSatisfy(\.isHexDigit)
  }

  /// How many objects a pack index lists: the last entry of its fan-out table (after the
  /// 8-byte header of a version 2 index, at the start of a version 1 one).
  private static func indexCount(_ path: String) -> Int {
    guard let handle = FileHandle(forReadingAtPath: path) else { return 0 }
    defer { try? handle.close() }
    guard let head = try? handle.read(upToCount: 8 + 256 * 4), head.count == 8 + 256 * 4 else { return 0 }
    let bytes = [UInt8](head)
    let start = bytes[0..<4] == [0xFF, 0x74, 0x4F, 0x63] ? 8 + 255 * 4 : 255 * 4
    return bytes[start..<(start + 4)].reduce(0) { $0 << 8 | Int($1) }
  }

  /// The time now, as the file system stamps a change.
  static func now() -> timespec {
    var time = timespec()
    clock_gettime(CLOCK_REALTIME, &time)
    return time
  }

  /// Removes every object file but the pack `keepingPack` and what changed after `since`:
  /// first what names objects without holding them (commit-graph, multi-pack-index, the list
  /// of packs), then each pack's companions, its index and the pack itself, then loose objects.
  static func removeAll(in folder: URL, keepingPack: String?, changedSince since: timespec) throws(GitError) {
    let info = folder.appendingPathComponent("info", isDirectory: true)
    for name in ["commit-graph", "commit-graphs", "packs"] { try remove(info.appendingPathComponent(name)) }
    let packFolder = folder.appendingPathComponent("pack", isDirectory: true)
    let packFiles = (try? FileManager.default.contentsOfDirectory(atPath: packFolder.path)) ?? []
    // A pack's index goes before the pack, so no index ever names a pack that is gone.
    func rank(_ name: String) -> Int { name.hasSuffix(".pack") ? 2 : name.hasSuffix(".idx") ? 1 : 0 }
    let stale = packFiles.filter { name in keepingPack.map { !name.hasPrefix($0 + ".") } ?? true }
    for name in stale.sorted(by: { (rank($0), $0) < (rank($1), $1) }) {
      try remove(packFolder.appendingPathComponent(name), unlessChangedSince: since)
    }
    let folders = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    for name in folders.sorted() where isLooseFolder(Substring(name)) {
      let loose = folder.appendingPathComponent(name, isDirectory: true)
      for file in (try? FileManager.default.contentsOfDirectory(atPath: loose.path)) ?? [] {
        try remove(loose.appendingPathComponent(file), unlessChangedSince: since)
      }
      rmdir(loose.path)  // left when another process wrote into it meanwhile
    }
  }

  /// Removes the file or folder at `url`, if there is one.
  static func remove(_ url: URL) throws(GitError) {
    var info = stat()
    guard lstat(url.path, &info) == 0 else { return }
    do {
      try FileManager.default.removeItem(at: url)
    } catch {
      throw GitError(code: .other(-1), operation: "remove \(url.path)", message: error.localizedDescription)
    }
  }

  /// Removes the file at `url` unless it was created, renamed or changed after `since`: then
  /// another process is writing it (a push being received), and it is not ours to judge.
  private static func remove(_ url: URL, unlessChangedSince since: timespec) throws(GitError) {
    var info = stat()
    guard lstat(url.path, &info) == 0 else { return }
    let changed = info.st_ctim
    if changed.tv_sec > since.tv_sec || (changed.tv_sec == since.tv_sec && changed.tv_nsec > since.tv_nsec) { return }
    try remove(url)
  }

  /// Writes the file or folder at `path` through to the disk.
  static func flush(_ path: String) throws(GitError) {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else {
      throw GitError(code: .other(-1), operation: "open \(path)", message: String(cString: strerror(errno)))
    }
    defer { close(descriptor) }
    guard fsync(descriptor) == 0 else {
      throw GitError(code: .other(-1), operation: "fsync \(path)", message: String(cString: strerror(errno)))
    }
  }
}
