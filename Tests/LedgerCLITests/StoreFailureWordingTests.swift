import LedgerCore
import LedgerGit
import Testing

@testable import LedgerCLI

/// The words for failures Core reports as values (what it was doing, and libgit2's or the
/// system's reason): each operation worded as the sentence a person has always read.
struct StoreFailureWording: CustomTestStringConvertible, Sendable {
  let error: StoreError
  let message: String
  var testDescription: String { message }
}

private let failure = GitError(code: .notFound, operation: "git_commit_lookup", message: "object not found")
private let id = "4f1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c"
private let other = "77a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8"
private let cause = " (git_commit_lookup: object not found)"

@Suite struct StoreFailureWordingTests {
  static let cases: [StoreFailureWording] = [
    .init(error: .git(.readHistory, failure), message: "cannot read history" + cause),
    .init(error: .git(.readHead, failure), message: "cannot read HEAD" + cause),
    .init(error: .git(.readCommit(id), failure), message: "cannot read commit 4f1c2d3" + cause),
    .init(error: .git(.readSignature(id), failure), message: "cannot read the signature of commit 4f1c2d3" + cause),
    .init(error: .git(.readFile("people/hugo.json"), failure), message: "cannot read people/hugo.json" + cause),
    .init(error: .git(.readFolder("people"), failure), message: "cannot read people" + cause),
    .init(error: .git(.readBranch("refs/remotes/origin/main"), failure), message: "cannot read refs/remotes/origin/main" + cause),
    .init(error: .git(.readSetting("adminledger.branch"), failure), message: "cannot read adminledger.branch" + cause),
    .init(error: .git(.listBranches, failure), message: "cannot list the branches" + cause),
    .init(error: .git(.readRemotes, failure), message: "cannot read the remotes" + cause),
    .init(error: .git(.compareCommits(new: other, old: id), failure), message: "cannot compare \(other) with \(id)" + cause),
    .init(
      error: .git(.readObjects(["/q/objects", "/srv/x.git/objects"]), failure),
      message: "cannot read the objects of /q/objects, /srv/x.git/objects" + cause),
    .init(error: .git(.findFirstCommit, failure), message: "cannot find the ledger's first commit" + cause),
    .init(error: .git(.readConfiguration, failure), message: "cannot read the git configuration" + cause),
    .init(error: .git(.readHooksPath("/srv/x.git"), failure), message: "cannot read core.hooksPath of /srv/x.git" + cause),
    .init(error: .git(.registerMergeDriver, failure), message: "cannot register the merge driver" + cause),
    .init(error: .git(.recordLedgerBranch, failure), message: "cannot record the ledger's branch in adminledger.branch" + cause),
    .init(error: .git(.configureSigning, failure), message: "cannot configure commit signing" + cause),
    .init(error: .git(.readStatus, failure), message: "cannot read the work tree's status" + cause),
    .init(error: .git(.readIndex, failure), message: "cannot read the index" + cause),
    .init(error: .git(.readStagedChanges(indexFile: nil), failure), message: "cannot read the staged changes" + cause),
    .init(
      error: .git(.readStagedChanges(indexFile: "/r/.git/next-index"), failure),
      message: "cannot read the staged changes (/r/.git/next-index)" + cause),
    .init(error: .git(.compareWorkTree, failure), message: "cannot compare the work tree with HEAD" + cause),
    .init(error: .git(.updateIndex, failure), message: "cannot update the index" + cause),
    .init(
      error: .git(.createRepository("/home/a/ledger"), failure), message: "cannot create a repository in /home/a/ledger" + cause),
    .init(error: .git(.writeCommit, failure), message: "cannot write the commit" + cause),
    .init(error: .git(.writeSignedCommit, failure), message: "cannot write the signed commit" + cause),
    .init(error: .git(.moveBranch("refs/heads/main"), failure), message: "cannot move refs/heads/main" + cause),
    .init(error: .git(.recordPush, failure), message: "cannot record the push" + cause),
    .init(error: .git(.mergeCommits(other, into: id), failure), message: "cannot merge 77a0b1c into 4f1c2d3" + cause),
    .init(error: .git(.merge("origin/main"), failure), message: "cannot merge origin/main" + cause),
    .init(error: .git(.readMergedFiles, failure), message: "cannot read the merged files" + cause),
    .init(error: .git(.readMerge, failure), message: "cannot read the merge in progress" + cause),
    .init(error: .git(.commitMerge, failure), message: "cannot commit the merge" + cause),
    .init(error: .git(.abortMerge, failure), message: "cannot abort the merge" + cause),
    .init(error: .git(.finishInterruptedUpdate, failure), message: "cannot finish the interrupted update" + cause),
    .init(error: .git(.undoInterruptedMerge, failure), message: "cannot undo the interrupted merge" + cause),
    .init(
      error: .fileSystem(.abortMerge, reason: "no such file"), message: "cannot abort the merge (file system: no such file)"),
    .init(
      error: .remote(.fetch(remote: "origin"), url: "/srv/x.git", failure),
      message: "cannot fetch from origin (/srv/x.git): object not found"),
    .init(
      error: .remote(.push(remote: "origin"), url: "/srv/x.git", failure),
      message: "cannot push to origin (/srv/x.git): object not found"),
    .init(error: .remote(.clone, url: "/srv/x.git", failure), message: "cannot clone (/srv/x.git): object not found"),
    .init(
      error: .remoteMissing(.fetch(remote: "origin"), url: "../x.git", path: "/srv/x.git"),
      message: "cannot fetch from origin (../x.git): there is no repository at /srv/x.git"),
    .init(
      error: .hookNotRun(path: "/srv/x.git/hooks/pre-receive", reason: "permission denied"),
      message: "cannot write /srv/x.git/hooks/pre-receive: cannot run the shared repository's pre-receive hook: permission denied"
    ),
  ]

  @Test(arguments: cases) func failureIsWorded(_ wording: StoreFailureWording) {
    let rendered = FailureMessage(wording.error)
    #expect(rendered.message == wording.message)
    #expect(rendered.status == .failure)
  }

  @Test func resolveNamesTheRecord() throws {
    let key = try #require(RecordKey(path: "people/hugo.json"))
    #expect(FailureMessage(.git(.resolve(key), failure)).message == "cannot resolve people/hugo" + cause)
  }

  @Test func missingRemoteHasTheHintOfAnUnreachableRemote() {
    let missing = FailureMessage(.remoteMissing(.fetch(remote: "origin"), url: "/srv/x.git", path: "/srv/x.git"))
    let unreachable = FailureMessage(.remote(.fetch(remote: "origin"), url: "/srv/x.git", failure))
    #expect(missing.hint == unreachable.hint)
    #expect(missing.hint == "check the URL and that the repository exists and is reachable (git remote -v lists the remotes)")
  }
}
