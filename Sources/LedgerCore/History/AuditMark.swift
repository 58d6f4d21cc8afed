import Foundation
import LedgerGit

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The last commit an audit of the branch's history passed, kept in
/// `.git/adminledger/audit-last` as one line holding the commit's hex id, so `audit
/// --since-last` audits only what came after it.
///
/// The file is written whole: aside, then renamed over the old one, so a reader never sees
/// half an id.
struct AuditMark {
  let file: URL

  init(gitDirectory: URL) {
    file = gitDirectory.appendingPathComponent("adminledger/audit-last")
  }

  /// The commit recorded; nil when no audit recorded one (or the file is unreadable).
  func read() -> ObjectID? {
    guard let data = FileManager.default.contents(atPath: file.path) else { return nil }
    let line = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    return ObjectID(hex: line)
  }

  /// Records `commit` as the last one passed.
  func write(_ commit: ObjectID) throws(StoreError) {
    let folder = file.deletingLastPathComponent()
    let aside = folder.appendingPathComponent("audit-last.\(getpid()).tmp")
    do {
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      try Data((commit.description + "\n").utf8).write(to: aside)
    } catch {
      throw .io(path: aside.path, reason: error.localizedDescription)
    }
    guard rename(aside.path, file.path) == 0 else {
      let reason = String(cString: strerror(errno))
      try? FileManager.default.removeItem(at: aside)
      throw .io(path: file.path, reason: reason)
    }
  }
}

/// A branch whose history no longer holds the commit the last audit passed
/// (`rewritten-history`): a force push, a rebase, an amended commit, filter-repo.
public struct HistoryRewrite: Sendable {
  /// The commit the last audit passed.
  public let last: String
  /// The branch audited (`main`), or `HEAD` when HEAD is on no branch.
  public let branch: String
  /// The commits reachable from `last` and not from the branch any more, newest first;
  /// empty when `isMissing`.
  public let disappeared: [HistoryEntry]
  /// True when `last`, or part of its history, is no longer in the repository (collected as
  /// garbage after the rewrite): what disappeared cannot be listed.
  public let isMissing: Bool

  /// One line for the audit's report; at most 20 commits are named in it.
  public var message: String {
    let start =
      "the history of \(branch) was rewritten: \(last.prefix(7)), the last commit audited, is no longer in it"
    if isMissing {
      return start
        + ", and its object is gone from the repository: the commits that disappeared cannot be listed"
    }
    let count = disappeared.count == 1 ? "1 commit" : "\(disappeared.count) commits"
    var named = disappeared.prefix(20).map { String($0.commit.prefix(7)) }.joined(separator: ", ")
    if disappeared.count > 20 { named += " and \(disappeared.count - 20) more" }
    return start + "; \(count) disappeared: \(named)"
  }
}

// Finding what a rewrite of the branch took away.
extension GitRecordStore {
  /// How the history changed since commit `last` was audited: nil when `tip` still holds it.
  func rewrite(since last: ObjectID, tip: ObjectID?, branch: String) throws(StoreError)
    -> HistoryRewrite?
  {
    if last == tip { return nil }
    let lastCommit: Commit
    do {
      lastCommit = try repository.commit(last)
    } catch {
      return HistoryRewrite(
        last: last.description, branch: branch, disappeared: [], isMissing: true)
    }
    do {
      if let tip, try repository.isDescendant(tip, of: last) { return nil }
      let gone = try repository.commits(from: last, excluding: tip)
      let commits = try gone.map { (id) throws(GitError) in
        id == last ? lastCommit : try repository.commit(id)
      }
      let entries = GitRecordStore.newestFirst(commits).map(HistoryEntry.init(auditedCommit:))
      return HistoryRewrite(
        last: last.description, branch: branch, disappeared: entries, isMissing: false)
    } catch let error where error.code == .notFound {
      return HistoryRewrite(
        last: last.description, branch: branch, disappeared: [], isMissing: true)
    } catch {
      throw .git(action: "compare the history with the last audit", error)
    }
  }

  /// `commits` with each one before its parents, the newest first among unrelated ones.
  static func newestFirst(_ commits: [Commit]) -> [Commit] {
    let byID = Dictionary(commits.map { ($0.id, $0) }) { first, _ in first }
    var children: [ObjectID: Int] = [:]
    for commit in commits {
      for parent in commit.parents where byID[parent] != nil { children[parent, default: 0] += 1 }
    }
    let later = { (one: Commit, two: Commit) in
      (one.author.date, one.id.description) > (two.author.date, two.id.description)
    }
    var ready = commits.filter { children[$0.id] == nil }.sorted(by: later)
    var result: [Commit] = []
    while !ready.isEmpty {
      let next = ready.removeFirst()
      result.append(next)
      for parent in next.parents {
        guard let count = children[parent], let commit = byID[parent] else { continue }
        children[parent] = count - 1
        if count == 1 {
          ready.append(commit)
          ready.sort(by: later)
        }
      }
    }
    return result
  }
}

extension HistoryEntry {
  /// The entry of a commit read from the repository.
  init(auditedCommit commit: Commit) {
    self.init(
      commit: commit.id.description, parents: commit.parents.map(\.description),
      authorName: commit.author.name,
      authorEmail: commit.author.email, date: commit.author.date, message: commit.message)
  }
}
