import Foundation
import LedgerGit

/// What `installHooks` did.
public enum HookInstallation: Equatable, Sendable {
  case installed(path: String)
  /// A hook of someone else's was there; it was left alone.
  case keptExisting(path: String)
}

// Git hooks and the merge driver, so that plain `git commit`, `git merge` and `git pull`
// follow the ledger's rules. Git copies none of them with a clone: `clone` and
// `hook install` put them in each clone.
extension Ledger {
  /// The `.gitattributes` committed at the ledger's root: which files the merge driver merges.
  public static let mergeAttributesFile = ".gitattributes"
  static let mergeAttributes = """
    # Ledger files merge field by field through adminledger's merge driver
    # (registered in each clone by 'adminledger clone' or 'adminledger hook install').
    *.json merge=adminledger

    """

  /// Installs the pre-commit and pre-merge-commit hooks, which run `adminledger hook
  /// pre-commit` on this ledger, and registers the merge driver in the repository's git
  /// configuration, so a plain `git pull` merges records field by field.
  ///
  /// - Parameter tool: the path of the `adminledger` executable the hooks call (they fall
  ///   back to the one on `PATH` if that file moves).
  /// - Returns: what happened to each hook.
  public func installHooks(tool: String) throws(StoreError) -> [HookInstallation] {
    let ledgerFolder = Ledger.shellQuoted(store.prefix.isEmpty ? "." : store.prefix)
    var results: [HookInstallation] = []
    for name in ["pre-commit", "pre-merge-commit"] {
      results.append(try installScript(
        name, tool: tool, purpose: "validates the ledger files staged for this commit",
        command: "hook pre-commit --ledger \(ledgerFolder)"))
    }
    let driver = try installScript(
      "adminledger-merge-driver", tool: tool, purpose: "git's merge driver for the ledger's JSON files",
      command: "merge-driver \"$@\"")
    results.append(driver)
    if case .installed(let path) = driver {
      do {
        try repository.setConfig("merge.adminledger.name", "AdminLedger: records merged field by field")
        try repository.setConfig("merge.adminledger.driver", Ledger.shellQuoted(path) + " %O %A %B %P")
      } catch {
        throw .git(action: "register the merge driver", error)
      }
    }
    return results
  }

  /// Commits `.gitattributes` when the ledger does not have it yet (a ledger made before the
  /// merge driver existed).
  ///
  /// - Returns: the commit, or nil when the file was already there.
  public func commitMergeAttributes(by author: Author, at date: Date) throws(StoreError) -> WriteResult? {
    try store.write(by: author, at: date) { (snapshot) throws(StoreError) -> ChangeSet? in
      guard try snapshot.fileBytes(Ledger.mergeAttributesFile) == nil else { return nil }
      let message = CommitMessage(subject: "Merge ledger files field by field (.gitattributes)", actions: [], records: [])
      return ChangeSet(
        files: [.init(path: Ledger.mergeAttributesFile, content: Array(Ledger.mergeAttributes.utf8))],
        message: message, records: [])
    }
  }

  private func installScript(_ name: String, tool: String, purpose: String, command: String) throws(StoreError)
    -> HookInstallation
  {
    let hooks = repository.gitDirectory.appendingPathComponent("hooks")
    let hook = hooks.appendingPathComponent(name)
    let marker = "# Installed by adminledger"
    if let existing = FileManager.default.contents(atPath: hook.path),
      !String(decoding: existing, as: UTF8.self).contains(marker)
    {
      return .keptExisting(path: hook.path)
    }
    let script = """
      #!/bin/sh
      \(marker): \(purpose).
      tool=\(Ledger.shellQuoted(tool))
      [ -x "$tool" ] || tool=$(command -v adminledger) || {
        echo "adminledger is not installed: cannot check the ledger's files" >&2
        exit 1
      }
      exec "$tool" \(command)

      """
    do {
      try FileManager.default.createDirectory(at: hooks, withIntermediateDirectories: true)
      try Data(script.utf8).write(to: hook, options: .atomic)
      try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: hook.path)
    } catch {
      throw .io(path: hook.path, reason: error.localizedDescription)
    }
    return .installed(path: hook.path)
  }

  static func shellQuoted(_ text: String) -> String {
    "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
  }
}
