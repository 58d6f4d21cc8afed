import Foundation

/// A history kept in memory, built from plain values: the same contract as the git history,
/// so log, blame, the audit and merge planning are tested without a repository.
///
/// Each commit holds its whole ledger (paths relative to the ledger's root); its id is the
/// SHA-256 of what it holds, cut to 40 hex digits like git's. Contents are kept once each.
public final class MemoryHistory: LedgerHistory {
  /// One commit as a script writes it.
  public struct Commit: Sendable {
    public let parents: [String]
    public let authorName: String
    public let authorEmail: String
    public let date: Date
    public let message: String
    public let files: [String: ContentID]
    /// An armored SSH signature and the bytes it signs, when signed.
    public let signature: (armored: String, signedData: [UInt8])?
  }

  private var commits: [String: Commit] = [:]
  private var contents: [ContentID: [UInt8]] = [:]
  /// The commit the branch points at; nil while the history is empty.
  public private(set) var head: String?

  public init() {}

  /// Makes a commit on `parents` (the head when nil) whose ledger is its first parent's with
  /// `changes` applied (nil removes a file), and moves the head to it. `sign`, when given,
  /// returns the armored SSH signature of the bytes the commit signs (all it holds but the
  /// signature), as `git commit -S` asks `ssh-keygen` for one.
  @discardableResult
  public func commit(
    _ changes: [String: [UInt8]?], parents: [String]? = nil, author: Author, at date: Date, message: String,
    sign: (([UInt8]) -> String?)? = nil
  ) -> String {
    let parents = parents ?? head.map { [$0] } ?? []
    var files = parents.first.flatMap { commits[$0]?.files } ?? [:]
    for (path, bytes) in changes {
      guard let bytes else {
        files[path] = nil
        continue
      }
      let content = ContentID(hashing: bytes)
      contents[content] = bytes
      files[path] = content
    }
    var commit = Commit(
      parents: parents, authorName: author.name, authorEmail: author.email, date: date, message: message,
      files: files, signature: nil)
    let payload = MemoryHistory.payload(of: commit)
    if let armored = sign?(payload) {
      commit = Commit(
        parents: parents, authorName: author.name, authorEmail: author.email, date: date, message: message,
        files: files, signature: (armored, payload))
    }
    let id = String(ContentID(hashing: payload + Array((commit.signature?.armored ?? "").utf8)).description.prefix(40))
    commits[id] = commit
    head = id
    return id
  }

  /// Points the branch at `commit`: a rewrite, when it does not descend from the old head.
  public func reset(to commit: String) { head = commit }

  /// What a commit's signature covers: everything it holds but the signature.
  private static func payload(of commit: Commit) -> [UInt8] {
    var text = "parents \(commit.parents.joined(separator: " "))\nauthor \(commit.authorName) <\(commit.authorEmail)>\n"
    text += "date \(commit.date.timeIntervalSince1970)\n"
    for path in commit.files.keys.sorted() { text += "file \(path) \(commit.files[path]?.description ?? "")\n" }
    return Array((text + "\n" + commit.message).utf8)
  }

  // MARK: - LedgerHistory

  /// Reads revisions as git does for one branch: `HEAD`, a commit id or a unique prefix of one
  /// (at least 4 hex digits), followed by any of `~N` (N first parents back; `~` alone is
  /// `~1`) and `^N` (the Nth parent; `^` alone is `^1`, `^0` the commit itself); or a day.
  public func commit(_ revision: String?) throws(StoreError) -> String? {
    guard let revision, revision != "HEAD" else { return head }
    if LedgerDate.isDay(revision) { return try lastCommit(onOrBefore: revision) }
    let start = revision.firstIndex { $0 == "~" || $0 == "^" } ?? revision.endIndex
    guard var current = try named(String(revision[..<start]), in: revision) else {
      throw .revisionNotFound(revision)
    }
    var rest = revision[start...]
    while let step = rest.first {
      rest = rest.dropFirst()
      let digits = rest.prefix { ("0"..."9").contains($0) }
      rest = rest.dropFirst(digits.count)
      guard step == "~" || step == "^", let count = digits.isEmpty ? 1 : Int(digits) else {
        throw .revisionNotFound(revision)
      }
      let parents = try stored(current).parents
      if step == "^" {
        guard count <= parents.count else { throw .revisionNotFound(revision) }
        if count > 0 { current = parents[count - 1] }
        continue
      }
      for _ in 0..<count {
        guard let parent = try stored(current).parents.first else { throw .revisionNotFound(revision) }
        current = parent
      }
    }
    return current
  }

  /// The commit `name` names (`HEAD`, an id, a unique id prefix); nil for HEAD on an empty
  /// history. Throws naming the whole `revision`.
  private func named(_ name: String, in revision: String) throws(StoreError) -> String? {
    if name == "HEAD" { return head }
    let lowered = name.lowercased()
    if commits[lowered] != nil { return lowered }
    if (4..<40).contains(lowered.count), lowered.allSatisfy(\.isHexDigit) {
      let found = commits.keys.filter { $0.hasPrefix(lowered) }
      if found.count == 1, let only = found.first { return only }
    }
    throw .revisionNotFound(revision)
  }

  /// The last commit of `day` on the head's first-parent line, in the ledger's time zone.
  private func lastCommit(onOrBefore day: String) throws(StoreError) -> String {
    let timeZone = (try? snapshot(nil).settings().timeZone) ?? .gmt
    guard let end = LedgerDate.start(ofDayAfter: day, in: timeZone) else { throw .revisionNotFound(day) }
    var next = head
    while let id = next, let commit = commits[id] {
      if commit.date < end { return id }
      next = commit.parents.first
    }
    throw .revisionNotFound(day)
  }

  public func entry(_ commit: String) throws(StoreError) -> HistoryEntry {
    let found = try stored(commit)
    return HistoryEntry(
      commit: commit, parents: found.parents, authorName: found.authorName, authorEmail: found.authorEmail,
      date: found.date, message: found.message)
  }

  public func parents(_ commit: String) throws(StoreError) -> [String] { try stored(commit).parents }

  public func changes(_ commit: String) throws(StoreError) -> CommitChanges {
    let found = try stored(commit)
    var lists: [[FileDifference]] = []
    for parent in found.parents { lists.append(MemoryHistory.differences(try stored(parent).files, found.files)) }
    return CommitChanges(parents: found.parents, differences: lists)
  }

  public func differences(from: String?, to: String) throws(StoreError) -> [FileDifference] {
    let old = try from.map { (id) throws(StoreError) in try stored(id).files } ?? [:]
    return MemoryHistory.differences(old, try stored(to).files)
  }

  private static func differences(_ old: [String: ContentID], _ new: [String: ContentID]) -> [FileDifference] {
    Set(old.keys).union(new.keys).sorted().compactMap { path in
      old[path] == new[path] ? nil : FileDifference(path: path, old: old[path], new: new[path])
    }
  }

  public func content(_ path: String, at commit: String) throws(StoreError) -> ContentID? {
    try stored(commit).files[path]
  }

  public func bytes(_ content: ContentID) throws(StoreError) -> [UInt8] {
    guard let bytes = contents[content] else { throw .revisionNotFound(content.description) }
    return bytes
  }

  public func snapshot(_ revision: String?) throws(StoreError) -> any LedgerSnapshot {
    guard let id = try commit(revision) else { return MemorySnapshot(files: [:], revision: nil) }
    var files: [String: [UInt8]] = [:]
    for (path, content) in try stored(id).files { files[path] = contents[content] }
    return MemorySnapshot(files: files, revision: id)
  }

  public func mergeBase(_ one: String, _ two: String) throws(StoreError) -> String? {
    let common = try ancestors(of: one).intersection(try ancestors(of: two))
    // The best common ancestors: those no other common ancestor descends from; the newest
    // first when there are several (a criss-cross merge).
    var best: [String] = []
    for candidate in common {
      var isBest = true
      for other in common where other != candidate {
        if try ancestors(of: other).contains(candidate) {
          isBest = false
          break
        }
      }
      if isBest { best.append(candidate) }
    }
    return best.max { (commits[$0]?.date ?? .distantPast, $0) < (commits[$1]?.date ?? .distantPast, $1) }
  }

  public func isDescendant(_ commit: String, of ancestor: String) throws(StoreError) -> Bool {
    guard commit != ancestor else { return false }
    return try ancestors(of: commit).contains(ancestor)
  }

  public func walk(from tip: String, firstParentOnly: Bool) throws(StoreError) -> [String] {
    if firstParentOnly {
      var line: [String] = []
      var next: String? = tip
      while let id = next {
        line.append(id)
        next = try stored(id).parents.first
      }
      return line
    }
    // Children before parents; among the commits ready, the newest first (git's
    // topological and time order).
    let reachable = try ancestors(of: tip)
    var children: [String: Int] = [:]
    for id in reachable {
      for parent in try stored(id).parents { children[parent, default: 0] += 1 }
    }
    var ready = [tip]
    var order: [String] = []
    while !ready.isEmpty {
      ready.sort { (commits[$0]?.date ?? .distantPast, $0) < (commits[$1]?.date ?? .distantPast, $1) }
      let id = ready.removeLast()
      order.append(id)
      for parent in try stored(id).parents {
        let count = (children[parent] ?? 1) - 1
        children[parent] = count
        if count == 0 { ready.append(parent) }
      }
    }
    return order
  }

  public func commits(from tip: String, excluding excluded: String?) throws(StoreError) -> Set<String> {
    let hidden = try excluded.map { (id) throws(StoreError) in try ancestors(of: id) } ?? []
    return try ancestors(of: tip).subtracting(hidden)
  }

  public func signatures(of commits: [String]) throws(StoreError) -> [String: CommitSignature] {
    var result: [String: CommitSignature] = [:]
    for id in commits {
      let signature = try stored(id).signature
      do {
        result[id] = try CommitSignature.verifying(signature?.armored, of: signature?.signedData ?? [])
      } catch {
        throw .signing(error)
      }
    }
    return result
  }

  public func walkReader() -> any HistoryWalkReader { MemoryWalkReader(history: self) }

  public func finishRead() {}

  private func stored(_ commit: String) throws(StoreError) -> Commit {
    guard let found = commits[commit] else { throw .revisionNotFound(commit) }
    return found
  }

  /// `commit` and every commit in its history.
  private func ancestors(of commit: String) throws(StoreError) -> Set<String> {
    var seen: Set<String> = [commit]
    var stack = [commit]
    while let id = stack.popLast() {
      for parent in try stored(id).parents where seen.insert(parent).inserted { stack.append(parent) }
    }
    return seen
  }
}

/// A walk through the memory history: every snapshot is read whole, which costs nothing here.
private final class MemoryWalkReader: HistoryWalkReader {
  private let history: MemoryHistory

  init(history: MemoryHistory) { self.history = history }

  func snapshot(_ commit: String) throws(StoreError) -> any LedgerSnapshot { try history.snapshot(commit) }

  func advance(from parent: String, to commit: String) throws(StoreError) {}
}
