import Foundation

// `clone`: a full copy of a shared ledger, with the hooks and merge driver git does not copy.
extension Ledger {
  /// Clones the repository at `url` into `folder` and opens its ledger.
  ///
  /// - Parameters:
  ///   - url: a path, `file://`, `ssh://`, `user@host:path` or `https://` URL.
  ///   - tool: the `adminledger` executable the hooks and the merge driver call; nil installs none.
  /// - Throws: `.remote` when the remote cannot be cloned, `.notALedger` when it holds no
  ///   ledger; in both cases the folder is removed again.
  public static func clone(
    from url: String, into folder: URL, access: RemoteAccess, tool: String?
  ) throws(StoreError) -> (ledger: Ledger, hooks: [HookInstallation]) {
    let existed = FileManager.default.fileExists(atPath: folder.path)
    do throws(StoreError) {
      try GitRecordStore.clone(from: url, into: folder, access: access)
    } catch {
      if !existed { try? FileManager.default.removeItem(at: folder) }
      throw error
    }
    do throws(StoreError) {
      let ledger: Ledger
      do throws(StoreError) {
        ledger = try Ledger.open(from: folder)
      } catch {
        guard case .notALedger = error else { throw error }
        throw .noLedgerIn(url: url)
      }
      let hooks = try tool.map { (tool) throws(StoreError) in try ledger.installHooks(tool: tool) } ?? []
      return (ledger, hooks)
    } catch {
      if !existed { try? FileManager.default.removeItem(at: folder) }
      throw error
    }
  }
}
