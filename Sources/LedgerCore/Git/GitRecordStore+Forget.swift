import Foundation
import LedgerGit
import LedgerJSON

// `forget`: the branch's whole history rewritten without one person, and a signed erasure
// record on top that says what was done.
extension GitRecordStore {
  /// Forgets the person `person` (see `Ledger.forget`).
  func forget(
    _ person: RecordKey, reason: String, by author: Author, at date: Date, dryRun: Bool
  ) throws(StoreError) -> ForgetResult {
    guard !reason.allSatisfy(\.isWhitespace) else { throw .erasure(.reasonMissing) }
    let lock = try lockForWriting()
    defer { withExtendedLifetime(lock) {} }
    if isMerging { throw .mergeInProgress }
    let (branch, head) = try currentBranch()
    guard let head else { throw .recordNotFound(person) }
    try requireInStep(branch, head: head)
    let snapshot = try gitSnapshot(of: head)
    guard try snapshot.record(person) != nil else { throw .recordNotFound(person) }
    let settings = try? snapshot.settings()
    let policy = Policy(settings)
    let view = try LedgerView(snapshot)
    let timeZone = settings?.timeZone ?? .gmt
    guard let eraser = try snapshot.records(of: .people).records.first(where: { Ledger.lists(author.email, $0) }) else {
      throw .erasure(.authorUnknown(email: author.email))
    }
    let neutral = try neutralID(in: snapshot)
    let commits = try performing(.eraseHistory) { () throws(GitError) in try historyIndex.topologicalOrder(from: head).reversed()
    }
    let scrub = PersonalScrub(
      formerID: person.id.value, neutralID: neutral.id.value,
      versions: try versions(of: person, in: Array(commits)),
      fields: Set(view.personalFields(of: .people).compactMap(\.first)).sorted(),
      keptFields: policy.erasesAuthorship ? [] : ["git_identities"], prefix: prefix,
      erasesAuthorship: policy.erasesAuthorship)
    let rewriter = try HistoryEraser(store: self, scrub: scrub)
    if dryRun {
      try rewriter.rewrite(Array(commits), .count)
      return ForgetResult(
        former: person, neutral: neutral, erasure: nil, commit: nil, rewritten: rewriter.renames.count, fields: scrub.pointers,
        dropped: false)
    }
    try rewriter.rewrite(Array(commits))
    let record = ErasureRecord(
      key: RecordKey(kind: .erasures, id: IDGenerator(timeZone: timeZone).makeID(at: date)),
      by: scrub.text(eraser.key.id.value), date: LedgerDate.day(of: date, in: timeZone), reason: scrub.text(reason),
      person: neutral.id.value, formerID: person.id.value, salt: ErasureRecord.makeSalt(), fields: scrub.pointers,
      authorshipKept: !policy.erasesAuthorship,
      commits: rewriter.renames.map { CommitRename(former: $0.former.description, now: $0.now.description) })
    let commit = try commitErasure(record, on: rewriter.current(head), by: author, at: date)
    try requireValid(commit)
    try moveToRewritten(branch, from: head, to: commit)
    // With no remote, nothing is left to push: the former history goes now. Otherwise the
    // remote-tracking branch holds it until sync has pushed the rewrite.
    let alone = (try? upstream(of: branch, remote: nil)) == nil
    if alone { _ = try dropUnreachableObjects(holding: lock) }
    return ForgetResult(
      former: person, neutral: neutral, erasure: record.key, commit: commit.description, rewritten: rewriter.renames.count,
      fields: scrub.pointers, dropped: alone)
  }

  /// Refuses when the branch's upstream, as last fetched, is not where the branch is: the
  /// rewrite must cover exactly the history the shared repository holds.
  private func requireInStep(_ branch: String, head: ObjectID) throws(StoreError) {
    guard let upstream = try? upstream(of: branch, remote: nil) else { return }
    let tip = try fetchedTip(of: upstream)
    guard tip == nil || tip == head else {
      throw .erasure(.notInStep(remote: upstream.remote, branch: upstream.branch))
    }
  }

  /// A neutral id no person has: `forgotten-` and five random characters.
  private func neutralID(in snapshot: GitSnapshot) throws(StoreError) -> RecordKey {
    while true {
      let key = RecordKey(kind: .people, id: RecordID(generated: "forgotten-" + IDGenerator.suffix()))
      if try snapshot.fileBytes(key.path) == nil { return key }
    }
  }

  /// Every version of the person's record in `commits` (read from the history index's changes).
  func versions(of person: RecordKey, in commits: [ObjectID]) throws(StoreError) -> [JSONObject] {
    let path = repositoryPath(person.path)
    var seen: Set<ObjectID> = []
    var versions: [JSONObject] = []
    try performing(.eraseHistory) { () throws(GitError) in
      for commit in commits {
        let entry = try historyIndex.entry(commit)
        let blobs =
          entry.parents.isEmpty
          ? [try repository.entry(in: entry.tree, at: path)?.id]
          : entry.changes.flatMap { $0.filter { $0.path == path }.map(\.new) }
        for case let blob? in blobs where seen.insert(blob).inserted {
          if case .object(let object)? = try? JSONParser.parse(try repository.blob(blob)) { versions.append(object) }
        }
      }
    }
    return versions
  }

  /// Writes the erasure record's commit on top of the rewritten tip, signed as any commit.
  private func commitErasure(_ record: ErasureRecord, on tip: ObjectID, by author: Author, at date: Date) throws(StoreError)
    -> ObjectID
  {
    let tree = try performing(.eraseHistory) { () throws(GitError) -> ObjectID in
      let blob = try repository.writeBlob(record.record.canonicalBytes)
      let base = try repository.commit(tip).tree
      return try repository.updatedTree(base, applying: [.upsert(path: repositoryPath(record.key.path), blob: blob)])
    }
    let neutral = RecordKey(kind: .people, id: RecordID(generated: record.person))
    let count = record.commits.count == 1 ? "1 commit" : "\(record.commits.count) commits"
    let message = CommitMessage(
      subject: "Forget a person, now \(neutral): \(count) rewritten without their personal values",
      body: ["Reason: \(record.reason)", "Erased: \(record.fields.joined(separator: ", "))"],
      actions: [.forget], records: [record.key, neutral])
    return try createCommit(tree: tree, parents: [tip], by: author, at: date, message: message.text)
  }

  /// Refuses a rewritten ledger that does not validate (nothing has moved yet).
  private func requireValid(_ commit: ObjectID) throws(StoreError) {
    let diagnostics = try LedgerValidator(try gitSnapshot(of: commit)).validateAll()
    let errors = diagnostics.filter { $0.severity == .error }
    guard errors.isEmpty else { throw .invalid(DiagnosticList(errors)) }
  }

  /// Moves the branch from the former history to the rewritten one, and the files with it.
  func moveToRewritten(_ branch: String, from head: ObjectID, to commit: ObjectID) throws(StoreError) {
    try StoreError.wrapping(.eraseHistory) {
      let changes = try changedFiles(from: head, to: commit)
      try refuseEditsInTheWay(Dictionary(changes.map { ($0.path, $0.old) }) { first, _ in first })
      try moveBranchAndFiles(branch, from: head, to: commit, changes: changes)
    }
  }
}

extension Ledger {
  /// Whether `person` lists `email` in their git identities or emails.
  static func lists(_ email: String, _ person: Record) -> Bool {
    let listed = (person.fields["git_identities"]?.arrayValue ?? []) + (person.fields["emails"]?.arrayValue ?? [])
    return listed.contains { $0.stringValue?.lowercased() == email.lowercased() }
  }
}
