import Foundation
import LedgerGit
import LedgerJSON
import LedgerSchema

/// The ledger inside one commit's tree of a git repository.
final class GitSnapshot: LedgerSnapshot, SnapshotIndexes {
  let repository: Repository
  /// The commit shown, or nil on an unborn branch (an empty ledger).
  let commitID: ObjectID?
  let tree: ObjectID?
  /// The ledger's folder inside the repository, `""` at the root.
  let prefix: String
  /// Whether folder reads go through the index cache. History walks, which read many old
  /// commits once each, leave it alone rather than fill it with trees nobody reads again.
  let usesCache: Bool
  /// Blobs and records already read by a walk through history (the audit's), shared by the
  /// snapshots of the commits it visits.
  let memo: HistoryMemo?

  init(
    repository: Repository, commit: ObjectID?, prefix: String, usesCache: Bool = true, memo: HistoryMemo? = nil
  ) throws(StoreError) {
    self.repository = repository
    self.commitID = commit
    self.prefix = prefix
    self.usesCache = usesCache
    self.memo = memo
    if let commit {
      do {
        tree = try repository.commit(commit).tree
      } catch {
        throw .git(.readCommit(commit.description), error)
      }
    } else {
      tree = nil
    }
  }

  var revision: String? { commitID?.description }

  var indexes: (any SnapshotIndexes)? { self }

  /// Where derived indexes are kept; none for a snapshot of a history walk, which leaves them alone.
  var indexDirectory: URL? {
    usesCache ? repository.gitDirectory.appendingPathComponent("adminledger/index", isDirectory: true) : nil
  }

  func fileBytes(_ path: String) throws(StoreError) -> [UInt8]? {
    guard let tree else { return nil }
    if let memo, let (kind, name) = recordFile(path) {
      do {
        guard let blob = try memoizedBlob(kind, name, memo) else { return nil }
        return try memo.bytes(blob) { (blob) throws(GitError) in try repository.blob(blob) }
      } catch {
        throw .git(.readFile(path), error)
      }
    }
    do {
      guard let entry = try repository.entry(in: tree, at: repositoryPath(path)), entry.isRecordFile
      else { return nil }
      return try repository.blob(entry.id)
    } catch {
      throw .git(.readFile(path), error)
    }
  }

  func fileExists(_ path: String) throws(StoreError) -> Bool {
    guard let tree else { return false }
    if let memo, let (kind, name) = recordFile(path) {
      do {
        return try memoizedBlob(kind, name, memo) != nil
      } catch {
        throw .git(.readFile(path), error)
      }
    }
    do {
      return try repository.entry(in: tree, at: repositoryPath(path))?.isRecordFile == true
    } catch {
      throw .git(.readFile(path), error)
    }
  }

  func fileNames(in folder: String) throws(StoreError) -> [String] {
    guard let tree else { return [] }
    do {
      let entries = try repository.treeEntries(in: tree, at: repositoryPath(folder)) ?? []
      return entries.filter(\.isRecordFile).map(\.name).sorted()
    } catch {
      throw .git(.readFolder(folder), error)
    }
  }

  func files(in folder: String) throws(StoreError) -> [(name: String, bytes: [UInt8])] {
    guard let tree else { return [] }
    do {
      guard let folderEntry = try repository.entry(in: tree, at: repositoryPath(folder)),
        folderEntry.kind == .tree, let entries = try repository.treeEntries(in: folderEntry.id, at: "")
      else { return [] }
      let files: [(name: String, bytes: [UInt8])]
      if usesCache {
        let cache = FolderCache(gitDirectory: repository.gitDirectory)
        files = try cache.files(folder: repositoryPath(folder), tree: folderEntry.id, entries: entries) {
          (blob) throws(GitError) in try repository.blob(blob)
        }
      } else {
        var read: [(name: String, bytes: [UInt8])] = []
        for entry in entries where entry.isRecordFile {
          let bytes: [UInt8]
          if let memo {
            bytes = try memo.bytes(entry.id) { (blob) throws(GitError) in try repository.blob(blob) }
          } else {
            bytes = try repository.blob(entry.id)
          }
          read.append((entry.name, bytes))
        }
        files = read
      }
      return files.sorted { $0.name < $1.name }
    } catch {
      throw .git(.readFolder(folder), error)
    }
  }

  /// The entries of `folder` that are no regular file: symbolic links, submodules and
  /// folders, which the ledger never reads as records (a link is never followed).
  func irregularEntries(in folder: String) throws(StoreError) -> [IrregularEntry] {
    guard let tree else { return [] }
    do {
      guard let folderEntry = try repository.entry(in: tree, at: repositoryPath(folder)) else { return [] }
      guard folderEntry.kind == .tree else {
        // The kind's folder itself is a link, a submodule or a file.
        let kind: IrregularEntry.Kind =
          folderEntry.kind == .other ? .submodule : folderEntry.fileKind == .symlink ? .symbolicLink : .file
        return [IrregularEntry(path: folder, kind: kind)]
      }
      let entries = try repository.treeEntries(in: folderEntry.id, at: "") ?? []
      return entries.compactMap { entry -> IrregularEntry? in
        let path = folder + "/" + entry.name
        switch entry.kind {
        case .tree: return IrregularEntry(path: path, kind: .folder)
        case .other: return IrregularEntry(path: path, kind: .submodule)
        case .blob: return entry.fileKind == .symlink ? IrregularEntry(path: path, kind: .symbolicLink) : nil
        }
      }
    } catch {
      throw .git(.readFolder(folder), error)
    }
  }

  /// A path of a record file: its kind and file name.
  private func recordFile(_ path: String) -> (RecordKind, String)? {
    guard let slash = path.firstIndex(of: "/"), let kind = RecordKind(rawValue: String(path[..<slash])) else { return nil }
    let name = String(path[path.index(after: slash)...])
    return name.contains("/") ? nil : (kind, name)
  }

  /// A record file's blob through the history memo's folder listings.
  private func memoizedBlob(_ kind: RecordKind, _ name: String, _ memo: HistoryMemo) throws(GitError) -> ObjectID? {
    guard let folder = try folderID(kind) else { return nil }
    return try memo.blob(kind, name, folder: folder, in: repository)
  }

  /// The records of `kind`, through the history memo when the snapshot has one (each version
  /// of a record parsed once in a whole walk), else nil: read them the usual way.
  func memoizedRecords(of kind: RecordKind) throws(StoreError) -> [RecordID: Record]? {
    guard let memo, tree != nil else { return nil }
    do {
      guard let folder = try folderID(kind), let entries = try repository.treeEntries(in: folder, at: "") else { return [:] }
      var records: [RecordID: Record] = [:]
      for entry in entries where entry.isRecordFile {
        guard let key = memo.key(kind, entry.name) else { continue }
        let bytes = try memo.bytes(entry.id) { (blob) throws(GitError) in try repository.blob(blob) }
        if let record = memo.record(entry.id, key: key, bytes: bytes) { records[key.id] = record }
      }
      return records
    } catch {
      throw .git(.readFolder(kind.folder), error)
    }
  }

  /// Which records of `kind` hold a value at `path`: from the history memo's index in a walk,
  /// else from the value index kept on disk for the kind's folder tree; nil on a snapshot that
  /// keeps no index (read the kind instead).
  func valueOwners(_ kind: RecordKind, _ path: KeywordPath) throws(StoreError) -> ((JSONValue) -> Set<RecordKey>)? {
    guard tree != nil, memo != nil || usesCache else { return nil }
    guard let folder = try folderTree(kind) else { return { _ in [] } }
    if let memo {
      do {
        let owners = try memo.valueOwners(kind, path, folder: folder, in: repository) { () throws(GitError) in
          // The walk's first look at this path starts from the index kept on disk.
          do {
            return try valueIndex(kind, path, folder: folder)
          } catch {
            return nil
          }
        }
        return { owners[$0] ?? [] }
      } catch {
        throw .git(.readFolder(kind.folder), error)
      }
    }
    guard let index = try valueIndex(kind, path, folder: folder) else { return nil }
    return { value in Set(index.owners(of: value).map { RecordKey(kind: kind, id: $0.id) }) }
  }

  /// The records of `kind` holding any value at `path` (people with a ledger role), from the
  /// value index kept on disk; nil on a snapshot that keeps none.
  func holders(_ kind: RecordKind, _ path: KeywordPath) throws(StoreError) -> [RecordKey]? {
    guard tree != nil else { return nil }
    guard let folder = try folderTree(kind) else { return [] }
    return try valueIndex(kind, path, folder: folder)?.holders.sorted().map { RecordKey(kind: kind, id: $0) }
  }

  /// The records of `kind` whose values at a path (as `values` reads them, `path` naming the
  /// index) include `value`, sorted by id: read from a value index and only those records'
  /// files. Nil on a snapshot that keeps no index.
  func records(
    of kind: RecordKind, indexedBy path: KeywordPath, values: @escaping (Record) -> [JSONValue], holding value: JSONValue
  ) throws(StoreError) -> [Record]? {
    guard tree != nil, usesCache else { return nil }
    guard let folder = try folderTree(kind) else { return [] }
    guard let index = try valueIndex(kind, path, folder: folder, values: values) else { return nil }
    do {
      var records: [Record] = []
      for (id, blob) in index.owners(of: value) {
        let key = RecordKey(kind: kind, id: id)
        let bytes: [UInt8]?
        if let blob { bytes = try repository.blob(blob) } else { bytes = try fileBytes(key.path) }
        if let bytes, let record = try? RecordDecoder.decode(bytes, key: key, file: key.path) { records.append(record) }
      }
      return records.sorted { $0.key.id < $1.key.id }
    } catch let error as GitError {
      throw .git(.readFolder(kind.folder), error)
    } catch let error as StoreError {
      throw error
    } catch {
      return nil
    }
  }

  /// The tree of a kind's folder in this commit, or nil when the folder is absent.
  private func folderTree(_ kind: RecordKind) throws(StoreError) -> ObjectID? {
    do {
      return try folderID(kind)
    } catch {
      throw .git(.readFolder(kind.folder), error)
    }
  }

  private func folderID(_ kind: RecordKind) throws(GitError) -> ObjectID? {
    guard let tree, let folder = try repository.entry(in: tree, at: repositoryPath(kind.folder)), folder.kind == .tree
    else { return nil }
    return folder.id
  }

  func valueIndex(
    _ kind: RecordKind, _ path: KeywordPath, folder: ObjectID,
    values: ((Record) -> [JSONValue])? = nil
  ) throws(StoreError) -> ValueIndex? {
    try ValueIndexFiles(gitDirectory: repository.gitDirectory).index(
      kind, path, folder: folder, values: values ?? { ValueIndex.values(of: $0, path) },
      records: { () throws(StoreError) in try recordsWithBlobs(in: folder, kind) },
      changes: { (earlier) throws(StoreError) in
        do throws(GitError) {
          return try repository.changedFiles(from: earlier, to: folder)
        } catch {
          throw .git(.readFolder(kind.folder), error)
        }
      },
      record: { (blob, key) throws(StoreError) in
        do throws(GitError) {
          let bytes = try repository.blob(blob)
          return try? RecordDecoder.decode(bytes, key: key, file: key.path)
        } catch {
          throw .git(.readFile(key.path), error)
        }
      })
  }

  /// Every record of a folder tree with its blob.
  private func recordsWithBlobs(in folder: ObjectID, _ kind: RecordKind) throws(StoreError) -> [(Record, ObjectID)] {
    do {
      let entries = try repository.treeEntries(in: folder, at: "") ?? []
      var blobs: [String: ObjectID] = [:]
      for entry in entries where entry.isRecordFile { blobs[entry.name] = entry.id }
      // Read from git, not through the folder cache: building an index is done once per
      // path, and writing the folder's cache beside it would cost as much again.
      var files: [(name: String, bytes: [UInt8])] = []
      for entry in entries where entry.isRecordFile { files.append((entry.name, try repository.blob(entry.id))) }
      return files.compactMap { file in
        guard let blob = blobs[file.name], let key = RecordKey(path: kind.folder + "/" + file.name),
          let record = try? RecordDecoder.decode(file.bytes, key: key, file: key.path)
        else { return nil }
        return (record, blob)
      }
    } catch {
      throw .git(.readFolder(kind.folder), error)
    }
  }

  /// The blob id of a ledger file in this commit, or nil when absent.
  func blobID(_ path: String) throws(GitError) -> ObjectID? {
    guard let tree, let entry = try repository.entry(in: tree, at: repositoryPath(path)) else {
      return nil
    }
    return entry.isRecordFile ? entry.id : nil
  }

  func repositoryPath(_ path: String) -> String {
    prefix.isEmpty ? path : path.isEmpty ? prefix : prefix + "/" + path
  }
}

extension TreeEntry {
  /// Whether the entry is a file the ledger reads: a blob that is no symbolic link.
  var isRecordFile: Bool { kind == .blob && fileKind != .symlink }
}
