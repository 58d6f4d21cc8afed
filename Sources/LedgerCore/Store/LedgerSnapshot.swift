import Foundation
import LedgerJSON
import LedgerSchema

/// The ledger as it stood at one commit, read-only.
///
/// A store implements the two file primitives; records and settings are read through them
/// by the extension below, so every store decodes records the same way.
public protocol LedgerSnapshot: AnyObject {
  /// The commit id this snapshot shows, or nil when there is none yet.
  var revision: String? { get }
  /// The bytes of a file relative to the ledger root, or nil when absent.
  func fileBytes(_ path: String) throws(StoreError) -> [UInt8]?
  /// The names of the files directly in `folder` (relative to the ledger root), sorted.
  func fileNames(in folder: String) throws(StoreError) -> [String]
  /// The files directly in `folder` with their bytes, sorted by name; a store overrides the
  /// default (names, then each file by path) when it can read a folder in one pass.
  func files(in folder: String) throws(StoreError) -> [(name: String, bytes: [UInt8])]
  /// Whether a file exists; a store overrides the default (reading it) when it can tell
  /// without reading.
  func fileExists(_ path: String) throws(StoreError) -> Bool
  /// The entries of `folder` that are no regular file (links, folders, submodules); none by
  /// default, for a store that keeps only files.
  func irregularEntries(in folder: String) throws(StoreError) -> [IrregularEntry]
  /// The indexes this snapshot keeps, when its store keeps any (the git store's value indexes
  /// and history walks); nil by default: readers then read the records themselves.
  var indexes: (any SnapshotIndexes)? { get }
}

/// Indexes a snapshot may offer, each answer nil when it keeps no index for the question.
public protocol SnapshotIndexes: AnyObject {
  /// Where derived indexes of the ledger are kept (checked files, value indexes).
  var indexDirectory: URL? { get }
  /// Which records of `kind` hold each value at `path` (unique values, references).
  func valueOwners(_ kind: RecordKind, _ path: KeywordPath) throws(StoreError) -> ((JSONValue) -> Set<RecordKey>)?
  /// The records of `kind` holding any value at `path` (people with a ledger role).
  func holders(_ kind: RecordKind, _ path: KeywordPath) throws(StoreError) -> [RecordKey]?
  /// The records of `kind` whose values at `path` (as `values` reads them) include `value`.
  func records(
    of kind: RecordKind, indexedBy path: KeywordPath, values: @escaping (Record) -> [JSONValue], holding value: JSONValue
  ) throws(StoreError) -> [Record]?
  /// Every record of `kind`, when a walk through history has parsed them already.
  func memoizedRecords(of kind: RecordKind) throws(StoreError) -> [RecordID: Record]?
}

/// Records of one kind, and the files of that kind that could not be read as records.
public struct RecordLoad: Sendable {
  public var records: [Record]
  public var diagnostics: [Diagnostic]
}

extension LedgerSnapshot {
  public func irregularEntries(in folder: String) throws(StoreError) -> [IrregularEntry] { [] }

  public var indexes: (any SnapshotIndexes)? { nil }

  public func fileExists(_ path: String) throws(StoreError) -> Bool { try fileBytes(path) != nil }

  public func files(in folder: String) throws(StoreError) -> [(name: String, bytes: [UInt8])] {
    var result: [(name: String, bytes: [UInt8])] = []
    for name in try fileNames(in: folder) {
      if let bytes = try fileBytes(folder + "/" + name) { result.append((name, bytes)) }
    }
    return result
  }

  /// The ledger's settings.
  ///
  /// - Throws: `.notALedger` when there is no `ledger.json`, `.invalid` when it is broken.
  public func settings() throws(StoreError) -> LedgerSettings {
    guard let bytes = try fileBytes(LedgerSettings.fileName) else {
      throw .notALedger(searched: revision ?? "")
    }
    do {
      return try LedgerSettings.read(bytes)
    } catch {
      throw .invalid(error)
    }
  }

  /// The record named `key`, or nil when absent.
  ///
  /// - Throws: `.invalid` when its file is not a valid record.
  public func record(_ key: RecordKey) throws(StoreError) -> Record? {
    guard let bytes = try fileBytes(key.path) else { return nil }
    do {
      return try RecordDecoder.decode(bytes, key: key, file: key.path)
    } catch {
      throw .invalid(error)
    }
  }

  /// Every record of `kind`, sorted by id, with diagnostics for files that are not records.
  public func records(of kind: RecordKind) throws(StoreError) -> RecordLoad {
    var load = RecordLoad(records: [], diagnostics: [])
    for (name, bytes) in try files(in: kind.folder) {
      let file = kind.folder + "/" + name
      guard let key = RecordKey(path: file) else {
        load.diagnostics.append(RecordFileName.diagnostic(for: file))
        continue
      }
      do {
        load.records.append(try RecordDecoder.decode(bytes, key: key, file: file))
      } catch {
        load.diagnostics += error.diagnostics
      }
    }
    return load
  }
}
