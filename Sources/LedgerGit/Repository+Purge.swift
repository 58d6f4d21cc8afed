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
  /// Cost: libgit2's pack builder computes every delta again (git's `repack` reuses them) and
  /// rebuilds each folder tree over 1 MiB from its delta chain at every read: 70 s for a
  /// ledger of 1,049 commits and 104,249 objects (`git gc --prune=now`: 9 s); on one of 20,000
  /// commits and 188,100 objects it had not finished enumerating after 20 minutes (git: 59 s).
  /// Copying the old packs' entries, deltas and all, would bring it to git's time.
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
  /// its name (`pack-HEX`); nil when nothing is reachable (an empty repository).
  private func writeReachablePack(into folder: URL) throws(GitError) -> String? {
    var builder: OpaquePointer?
    try git("git_packbuilder_new") { git_packbuilder_new(&builder, handle) }
    guard let builder else { throw .nilHandle("git_packbuilder_new") }
    defer { git_packbuilder_free(builder) }
    _ = git_packbuilder_set_threads(builder, 0)  // as many as there are cores: a rare, long job
    try insertReachable(into: builder)
    guard git_packbuilder_object_count(builder) > 0 else { return nil }
    try git("git_packbuilder_write") { git_packbuilder_write(builder, folder.path, 0, nil, nil) }
    guard let name = git_packbuilder_name(builder).map({ "pack-" + String(cString: $0) }) else {
      throw .nilHandle("git_packbuilder_name")
    }
    // Nothing may be removed before the pack holding what stays is on the disk.
    for file in [name + ".pack", name + ".idx"] {
      try ObjectFiles.flush(folder.appendingPathComponent(file).path)
    }
    try ObjectFiles.flush(folder.path)
    return name
  }

  /// Inserts the commits reachable from every reference and HEAD with their trees and blobs,
  /// annotated tags and what they name, and the blobs the indexes stage.
  private func insertReachable(into builder: OpaquePointer) throws(GitError) {
    var walk: OpaquePointer?
    try git("git_revwalk_new") { git_revwalk_new(&walk, handle) }
    guard let walk else { throw .nilHandle("git_revwalk_new") }
    defer { git_revwalk_free(walk) }
    // Newest first: the pack builder finds better deltas in recency order.
    try git("git_revwalk_sorting") { git_revwalk_sorting(walk, GIT_SORT_TIME.rawValue) }
    var tips = try referenceTargets()
    if git_repository_head_detached(handle) == 1, let head = try referenceTarget("HEAD") { tips.append(head) }
    tips += linkedWorkTrees().compactMap { Self.detachedHead(in: $0) }
    for tip in Set(tips).sorted() {
      var raw = tip.raw
      if try objectKind(tip) == GIT_OBJECT_COMMIT {
        try git("git_revwalk_push") { git_revwalk_push(walk, &raw) }
      } else {
        // A tag (inserted with what it names, down to a commit's tree), or a tree or blob a
        // reference names directly.
        try git("git_packbuilder_insert_recur") { git_packbuilder_insert_recur(builder, &raw, nil) }
        if let commit = try peeledCommit(tip) {
          var commitRaw = commit.raw
          try git("git_revwalk_push") { git_revwalk_push(walk, &commitRaw) }
        }
      }
    }
    try git("git_packbuilder_insert_walk") { git_packbuilder_insert_walk(builder, walk) }
    let indexes = [gitDirectory.appendingPathComponent("index")] + linkedWorkTrees().map { $0.appendingPathComponent("index") }
    for file in indexes where FileManager.default.fileExists(atPath: file.path) {
      try insertStagedBlobs(of: file, into: builder)
    }
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

  /// The kind of object `id` is, read from its header only.
  private func objectKind(_ id: ObjectID) throws(GitError) -> git_object_t {
    var odb: OpaquePointer?
    try git("git_repository_odb") { git_repository_odb(&odb, handle) }
    guard let odb else { throw .nilHandle("git_repository_odb") }
    defer { git_odb_free(odb) }
    var raw = id.raw
    var size = 0
    var kind = GIT_OBJECT_INVALID
    try git("git_odb_read_header") { git_odb_read_header(&size, &kind, odb, &raw) }
    return kind
  }

  /// The commit a tag finally names, or nil when it names a tree or a blob.
  private func peeledCommit(_ tag: ObjectID) throws(GitError) -> ObjectID? {
    var raw = tag.raw
    var object: OpaquePointer?
    try git("git_object_lookup") { git_object_lookup(&object, handle, &raw, GIT_OBJECT_ANY) }
    guard let object else { throw .nilHandle("git_object_lookup") }
    defer { git_object_free(object) }
    var peeled: OpaquePointer?
    guard git_object_peel(&peeled, object, GIT_OBJECT_COMMIT) == 0, let peeled else { return nil }
    defer { git_object_free(peeled) }
    return git_object_id(peeled).map { ObjectID($0.pointee) }
  }

  /// Inserts every blob the index file stages, in any stage (a merge's conflicts too), so
  /// `status` and `commit` still find them; a submodule's commit, or a blob the repository
  /// already lacks (an intent-to-add entry), is not ours to keep.
  private func insertStagedBlobs(of file: URL, into builder: OpaquePointer) throws(GitError) {
    var index: OpaquePointer?
    try git("git_index_open") { git_index_open(&index, file.path) }
    guard let index else { throw .nilHandle("git_index_open") }
    defer { git_index_free(index) }
    var odb: OpaquePointer?
    try git("git_repository_odb") { git_repository_odb(&odb, handle) }
    guard let odb else { throw .nilHandle("git_repository_odb") }
    defer { git_odb_free(odb) }
    for position in 0..<git_index_entrycount(index) {
      guard let entry = git_index_get_byindex(index, position), entry.pointee.mode != 0o160000 else { continue }
      var id = entry.pointee.id
      guard git_odb_exists(odb, &id) == 1 else { continue }
      try git("git_packbuilder_insert") { git_packbuilder_insert(builder, &id, entry.pointee.path) }
    }
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
