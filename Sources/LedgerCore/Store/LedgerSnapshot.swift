import LedgerJSON

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
}

/// Records of one kind, and the files of that kind that could not be read as records.
public struct RecordLoad: Sendable {
  public var records: [Record]
  public var diagnostics: [Diagnostic]
}

extension LedgerSnapshot {
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
    for name in try fileNames(in: kind.folder) {
      let file = kind.folder + "/" + name
      guard let key = RecordKey(path: file) else {
        load.diagnostics.append(RecordFileName.diagnostic(for: file))
        continue
      }
      guard let bytes = try fileBytes(file) else { continue }
      do {
        load.records.append(try RecordDecoder.decode(bytes, key: key, file: file))
      } catch {
        load.diagnostics += error.diagnostics
      }
    }
    return load
  }
}
