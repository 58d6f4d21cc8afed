import Foundation
import LedgerGit

// What git's configuration tells the ledger (who writes, whether the merge driver is there),
// and what the ledger records in the repository's configuration.
extension GitRecordStore {
  /// `user.name` and `user.email` from git's configuration, when both are set.
  func configuredAuthor() -> Author? {
    repository.configuredIdentity().map { Author(name: $0.name, email: $0.email) }
  }

  /// `user.name` and `user.email` from the user's global git configuration.
  static func globallyConfiguredAuthor() -> Author? {
    Repository.globalIdentity().map { Author(name: $0.name, email: $0.email) }
  }

  /// Stops this process from reading the user's and the system's git configuration.
  static func ignoreUserConfiguration() { LibGit2.ignoreUserConfiguration() }

  /// Registers the merge driver, `driver` being the script git runs (`merge.adminledger.*`).
  func registerMergeDriver(_ driver: String) throws(StoreError) {
    do {
      try repository.setConfig("merge.adminledger.name", "AdminLedger: records merged field by field")
      try repository.setConfig("merge.adminledger.driver", Ledger.shellQuoted(driver) + " %O %A %B %P")
    } catch {
      throw .git(.registerMergeDriver, error)
    }
  }

  /// Whether the clone's configuration registers the merge driver (`merge.adminledger.driver`).
  func isMergeDriverRegistered() throws(StoreError) -> Bool {
    do {
      return try repository.configValue("merge.adminledger.driver") != nil
    } catch {
      throw .git(.readConfiguration, error)
    }
  }

  /// The ledger's branch as the shared repository's configuration names it
  /// (`Ledger.branchConfigKey`), if it does.
  func configuredLedgerBranch() throws(StoreError) -> String? {
    try performing(.readSetting(Ledger.branchConfigKey)) { () throws(GitError) in
      try repository.configValue(Ledger.branchConfigKey)
    }
  }

  /// Records `name` (a short branch name) as the ledger's branch in the configuration.
  func recordLedgerBranch(_ name: String) throws(StoreError) {
    try performing(.recordLedgerBranch) { () throws(GitError) in
      try repository.setConfig(Ledger.branchConfigKey, name)
    }
  }

  /// The folder git runs this repository's hooks from (`hooks/`; git's own default).
  var hooksFolder: URL { repository.gitDirectory.appendingPathComponent("hooks") }
}
