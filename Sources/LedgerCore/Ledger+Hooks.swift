import Foundation

/// What `installHooks` did.
public enum HookInstallation: Equatable, Sendable {
  case installed(path: String)
  /// A hook of someone else's was there; it was left alone.
  case keptExisting(path: String)
}

// Git hooks that make plain `git commit` follow the ledger's rules.
extension Ledger {
  /// Installs the pre-commit and pre-merge-commit hooks, which run `adminledger hook
  /// pre-commit` on this ledger, so a plain `git commit` or `git merge` that would commit an
  /// invalid record is refused with the same findings.
  ///
  /// - Parameter tool: the path of the `adminledger` executable the hooks call (they fall
  ///   back to the one on `PATH` if that file moves).
  /// - Returns: what happened to each hook.
  public func installHooks(tool: String) throws(StoreError) -> [HookInstallation] {
    var results: [HookInstallation] = []
    for name in ["pre-commit", "pre-merge-commit"] { results.append(try installHook(name, tool: tool)) }
    return results
  }

  private func installHook(_ name: String, tool: String) throws(StoreError) -> HookInstallation {
    let hooks = repository.gitDirectory.appendingPathComponent("hooks")
    let hook = hooks.appendingPathComponent(name)
    let marker = "# Installed by adminledger"
    if let existing = FileManager.default.contents(atPath: hook.path),
      !String(decoding: existing, as: UTF8.self).contains(marker)
    {
      return .keptExisting(path: hook.path)
    }
    let ledgerFolder = store.prefix.isEmpty ? "." : store.prefix
    let script = """
      #!/bin/sh
      \(marker): validates the ledger files staged for this commit.
      tool=\(Ledger.shellQuoted(tool))
      [ -x "$tool" ] || tool=$(command -v adminledger) || {
        echo "adminledger is not installed: cannot validate the ledger before committing" >&2
        exit 1
      }
      exec "$tool" hook pre-commit --ledger \(Ledger.shellQuoted(ledgerFolder))

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
