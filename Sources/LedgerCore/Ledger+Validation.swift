import Foundation
import LedgerSchema

// Validating a whole ledger, and what a plain `git commit` is about to commit.
extension Ledger {
  /// Every finding in the ledger at `revision` (HEAD when nil), and how many records it holds.
  public func validate(at revision: String?) throws(StoreError) -> (diagnostics: [Diagnostic], records: Int) {
    let snapshot = try store.snapshot(at: revision)
    let diagnostics = try LedgerValidator(snapshot).validateAll()
    var count = 0
    for kind in RecordKind.allCases { count += try snapshot.fileNames(in: kind.folder).count }
    return (diagnostics, count)
  }

  /// Where a person's ledger roles are: the path the index of administrators follows.
  static let ledgerRolePath = KeywordPath(steps: ["ledger_roles", "*", "role"], value: .bool(true))

  /// Whether a person's file mentions `"ledger_roles"`: a byte search, much cheaper than parsing.
  static func mentionsRoles(_ bytes: [UInt8]) -> Bool {
    let marker = Array(#""ledger_roles""#.utf8)
    guard bytes.count >= marker.count else { return false }
    var start = 0
    while start <= bytes.count - marker.count {
      if bytes[start] == marker[0], bytes[start..<(start + marker.count)].elementsEqual(marker) { return true }
      start += 1
    }
    return false
  }

  /// The findings in the ledger files staged for the next commit (the pre-commit and
  /// pre-merge-commit hooks).
  ///
  /// - Parameter indexFile: the index git is about to commit, as it names it to its hooks in
  ///   `GIT_INDEX_FILE` (nil: the repository's own index). `git commit -a`, `git commit PATH`
  ///   and `--only` commit a temporary index, not `.git/index`; git gives a relative path
  ///   relative to the top of the work tree, where it runs its hooks.
  public func validateStaged(indexFile: String? = nil) throws(StoreError) -> [Diagnostic] {
    let snapshot = try store.snapshot(at: nil)
    let (changes, irregular) = try store.stagedFiles(indexFile: indexFile)
    guard !changes.isEmpty else { return irregular }
    return irregular + (try LedgerValidator(snapshot, changes: changes).validateChanges(changes))
  }

  /// Whether `author` is a known administrator: a person whose `git_identities` hold the
  /// author's email and who holds a ledger role today. Nil when the ledger names no
  /// administrator at all yet (a new ledger), so there is nothing to compare with.
  public func isKnownAdministrator(_ author: Author, at date: Date) throws(StoreError) -> Bool? {
    let snapshot = try store.snapshot(at: nil)
    let today = LedgerDate.day(of: date, in: try snapshot.settings().timeZone)
    // Only people with ledger roles matter: found in the index of roles when the store keeps
    // one, else by skipping the files that name no role (most of them) without parsing them.
    let holders: [Record]
    if let keys = try snapshot.indexes?.holders(.people, Ledger.ledgerRolePath) {
      holders = keys.compactMap { try? snapshot.record($0) }
    } else {
      holders = try snapshot.files(in: RecordKind.people.folder).compactMap { file -> Record? in
        guard Ledger.mentionsRoles(file.bytes), let key = RecordKey(path: "people/" + file.name) else { return nil }
        return try? RecordDecoder.decode(file.bytes, key: key, file: key.path)
      }
    }
    let administrators = holders.filter { !Policy.roles(of: $0, on: today).isEmpty }
    guard !administrators.isEmpty else { return nil }
    let email = author.email.lowercased()
    return administrators.contains { person in
      (person.fields["git_identities"]?.arrayValue ?? []).contains { $0.stringValue?.lowercased() == email }
    }
  }
}
