internal import CLibGit2
import Foundation

/// Blobs, trees and commits written in memory, then stored together as one pack file by `flush`
/// (a handful of them as loose files), each tree as a delta against the tree it was spliced
/// from (`SplicePack`).
///
/// A merge writes a blob for every record both sides changed. Written one by one, each is a
/// loose file (a folder, a temporary file, a link), and libgit2 rescans the pack folder before
/// each; a thousand of them cost far more than the merge itself. The batch writes through a
/// second handle on the repository whose object database has an in-memory backend in front,
/// and remembers what it wrote (libgit2's own dump of that backend only packs commits and
/// everything they reach, which would copy the whole ledger). Objects are readable through
/// `repository` at once, and through every other handle once `flush` has run.
public final class ObjectBatch {
  /// The handle the batch writes through; read through it too until `flush`.
  public let repository: Repository
  /// The in-memory backend; the object database owns it and frees it with the handle.
  private let backend: UnsafeMutablePointer<git_odb_backend>
  /// What was written, in order: the pack holds exactly these.
  private var written: [ObjectID] = []
  /// The tree each written tree was spliced from, and how long a chain of deltas leads to each
  /// tree stored as one: a pack stores a tree as a delta against its base, up to 50 deep (as git
  /// does), so that reading one never unfolds thousands.
  private var bases: [ObjectID: ObjectID] = [:]
  private var depths: [ObjectID: Int] = [:]
  private static let maximumDepth = 50

  /// Up to how many objects a flush stores loose rather than packed.
  private let looseLimit: Int
  /// The repository as stored on disk (no in-memory backend): what it holds already is not
  /// stored again.
  private let stored: Repository

  /// Opens `repository` again with an in-memory object backend in front of its own; a flush of
  /// at most `looseLimit` objects stores them loose.
  public init(for repository: Repository, looseLimit: Int = 64) throws(GitError) {
    self.looseLimit = looseLimit
    let handle = try Repository.open(at: repository.gitDirectory)
    var odb: OpaquePointer?
    try git("git_repository_odb") { git_repository_odb(&odb, handle.handle) }
    guard let odb else { throw .nilHandle("git_repository_odb") }
    defer { git_odb_free(odb) }
    var memory: UnsafeMutablePointer<git_odb_backend>?
    try git("git_mempack_new") { git_mempack_new(&memory) }
    guard let memory else { throw .nilHandle("git_mempack_new") }
    // Above the loose (1) and packed (2) backends, so new objects are written here.
    try git("git_odb_add_backend") { git_odb_add_backend(odb, memory, 1000) }
    self.repository = handle
    self.backend = memory
    self.stored = repository
  }

  /// Stores `bytes` as a blob, in memory until `flush`.
  public func writeBlob(_ bytes: [UInt8]) throws(GitError) -> ObjectID {
    let blob = try repository.writeBlob(bytes)
    written.append(blob)
    return blob
  }

  /// Writes a commit object, in memory until `flush`.
  public func writeCommit(
    tree: ObjectID, parents: [ObjectID], author: Signature, committer: Signature, message: String
  ) throws(GitError) -> ObjectID {
    let commit = try repository.createCommit(tree: tree, parents: parents, author: author, committer: committer, message: message)
    written.append(commit)
    return commit
  }

  /// Forgets what was written without storing it: a rewrite made only to compare its ids with
  /// commits already stored.
  public func discard() throws(GitError) {
    try git("git_mempack_reset") { git_mempack_reset(backend) }
    written = []
  }

  /// How many objects wait in memory for `flush`.
  public var pending: Int { written.count }

  /// The tree `base` becomes after `updates`, written in memory until `flush` with every
  /// folder tree on the way that changed.
  public func updatedTree(_ base: ObjectID?, applying updates: [TreeUpdate]) throws(GitError) -> ObjectID {
    let tree = try repository.updatedTree(base, applying: updates)
    var folders = Set([""])
    for update in updates {
      var parts = update.path.split(separator: "/").dropLast()
      while !parts.isEmpty {
        folders.insert(parts.joined(separator: "/"))
        parts = parts.dropLast()
      }
    }
    for folder in folders.sorted() {
      let id = folder.isEmpty ? tree : try repository.entry(in: tree, at: folder).map(\.id)
      let old = try base.flatMap { (base) throws(GitError) -> ObjectID? in
        folder.isEmpty ? base : try repository.entry(in: base, at: folder).map(\.id)
      }
      if let id, id != old {
        written.append(id)
        if let old { bases[id] = old }
      }
    }
    return tree
  }

  /// Writes every object written so far into one pack of the repository (a few objects as
  /// loose files), then forgets them.
  public func flush() throws(GitError) {
    // A rewrite gives back many trees the repository holds already (a folder left as it was):
    // packing them again would only cost time.
    var new: [ObjectID] = []
    for id in written where try !stored.holdsObject(id) { new.append(id) }
    written = new
    guard !written.isEmpty else {
      try git("git_mempack_reset") { git_mempack_reset(backend) }
      return
    }
    // A handful of objects (a merge that took whole records from either side writes only its
    // folder trees) is stored loose: a pack file each would pile up pack files.
    if Set(written).count <= looseLimit {
      try writeLoose(Set(written))
      try git("git_mempack_reset") { git_mempack_reset(backend) }
      written = []
      return
    }
    // What is read back here was hashed when it was written, a moment ago: libgit2's check of
    // every read (hashing each megabyte tree again) is left out while the pack is made.
    _ = ledger_git_enable_strict_hash_verification(0)
    defer { _ = ledger_git_enable_strict_hash_verification(1) }
    var splice = SplicePack()
    var seen: Set<ObjectID> = []
    // Only against a base of the same pack: one whose base lies elsewhere would be completed
    // with a copy of it (a thin pack fixed), a megabyte tree stored twice.
    let packed = Set(written)
    for id in written where seen.insert(id).inserted {
      let object = try repository.rawObject(id)
      var base: (id: ObjectID, bytes: [UInt8])?
      if let baseID = bases[id], packed.contains(baseID), (depths[baseID] ?? 0) < ObjectBatch.maximumDepth {
        base = try (baseID, repository.rawObject(baseID).bytes)
      }
      let isDelta = splice.add(SplicePack.Object(type: object.type, bytes: object.bytes, base: base))
      depths[id] = isDelta ? (base.flatMap { depths[$0.id] } ?? 0) + 1 : 0
    }
    let data = splice.bytes()
    var odb: OpaquePointer?
    try git("git_repository_odb") { git_repository_odb(&odb, repository.handle) }
    guard let odb else { throw .nilHandle("git_repository_odb") }
    defer { git_odb_free(odb) }
    var writer: UnsafeMutablePointer<git_odb_writepack>?
    try git("git_odb_write_pack") { git_odb_write_pack(&writer, odb, nil, nil) }
    guard let writer, let append = writer.pointee.append, let commit = writer.pointee.commit else {
      throw .nilHandle("git_odb_write_pack")
    }
    defer { writer.pointee.free?(writer) }
    var progress = git_indexer_progress()
    try git("git_odb_writepack.append") { append(writer, data, data.count, &progress) }
    try git("git_odb_writepack.commit") { commit(writer, &progress) }
    try git("git_mempack_reset") { git_mempack_reset(backend) }
    written = []
  }

  /// Copies objects from the in-memory backend into loose files, compressed fast: folder
  /// trees of a megabyte would take longer at zlib's default level than the merge itself.
  private func writeLoose(_ ids: Set<ObjectID>) throws(GitError) {
    var odb: OpaquePointer?
    try git("git_repository_odb") { git_repository_odb(&odb, repository.handle) }
    guard let odb else { throw .nilHandle("git_repository_odb") }
    defer { git_odb_free(odb) }
    var loose: UnsafeMutablePointer<git_odb_backend>?
    let objects = repository.gitDirectory.appendingPathComponent("objects").path
    try git("git_odb_backend_loose") { git_odb_backend_loose(&loose, objects, 1, 0, 0, 0) }
    guard let loose, let write = loose.pointee.write else { throw .nilHandle("git_odb_backend_loose") }
    defer { loose.pointee.free?(loose) }
    for id in ids.sorted() {
      var raw = id.raw
      var object: OpaquePointer?
      try git("git_odb_read") { git_odb_read(&object, odb, &raw) }
      guard let object else { throw .nilHandle("git_odb_read") }
      defer { git_odb_object_free(object) }
      try git("git_odb_backend.write") {
        write(loose, &raw, git_odb_object_data(object), git_odb_object_size(object), git_odb_object_type(object))
      }
    }
  }
}
