/// The files one commit changed, sorted by where they are: files of the kinds' folders (to be
/// read as records), entries there that are no regular file, and files outside the ledger's
/// own (ledger.json, schemas/ and the kinds' folders), which only the policy role may change.
struct ChangedFiles {
  /// Regular files of a kind's folder, by ledger path, with their new content (nil: removed).
  var files: [(path: String, content: ContentID?)] = []
  /// Links, and files in folders inside a kind's folder, that the commit adds or changes.
  var irregular: [IrregularEntry] = []
  /// Paths (relative to the ledger's root, or to the repository's when outside the ledger)
  /// outside the ledger's own files: `.gitattributes`, `setup.sh`, `.github/workflows/x.yml`.
  var outside: [String] = []
}

extension CommitJudge {
  /// What this commit changed against its first parent.
  func treeChanges() throws(StoreError) -> [FileDifference] {
    try history.changes(entry.commit).differences.first ?? []
  }

  func ledgerFolderFiles(_ changes: [FileDifference]) -> (records: ChangedFiles, outside: [String]) {
    var sorted = ChangedFiles()
    let folders = Set(RecordKind.allCases.map(\.folder))
    for change in changes {
      guard change.isInsideLedger else {
        sorted.outside.append(change.path)
        continue
      }
      let path = change.path
      if path == LedgerSettings.fileName || path.hasPrefix(RecordSchemas.folder + "/") { continue }
      let parts = path.split(separator: "/", maxSplits: 2, omittingEmptySubsequences: false)
      if parts.count == 1, folders.contains(path) {
        // The kind's folder itself replaced by a link or a file.
        if change.new != nil { sorted.irregular.append(IrregularEntry(path: path, kind: change.isLink ? .symbolicLink : .file)) }
        continue
      }
      guard parts.count >= 2, folders.contains(String(parts[0])) else {
        sorted.outside.append(path)
        continue
      }
      if parts.count > 2 {
        if change.new != nil { sorted.irregular.append(IrregularEntry(path: parts[0] + "/" + parts[1], kind: .folder)) }
      } else if change.isLink {
        if change.new != nil { sorted.irregular.append(IrregularEntry(path: path, kind: .symbolicLink)) }
      } else {
        sorted.files.append((path, change.new))
      }
    }
    var seen = Set<String>()
    sorted.irregular = sorted.irregular.filter { seen.insert($0.path).inserted }
    return (sorted, Array(Set(sorted.outside)).sorted())
  }
}
