import Foundation
import LedgerCore
import LedgerLanguage
import LedgerQuery

/// The words for every failure a person can see: message, hint, and exit status, in the
/// current language (`tr`); a `--format json` run is bound to English, so its text never changes.
struct FailureMessage {
  let message: String
  let hint: String?
  let status: ExitStatus

  init(_ message: String, hint: String? = nil, status: ExitStatus) {
    self.message = message
    self.hint = hint
    self.status = status
  }

  static var pushRefusedHint: String {
    tr(
      "the shared repository's hook judges every push with the ledger's policy; mend what it names (see 'adminledger audit'), then run 'adminledger sync' again"
    )
  }

  /// `2 problems in FILE; nothing was imported`.
  static func importRefused(_ file: String, problems: Int) -> String {
    Language.singular(problems)
      ? tr("\(problems) problem in \(file); nothing was imported")
      : tr("\(problems) problems in \(file); nothing was imported")
  }

  /// The hint after an unknown field: the closest field, if one is near, then every field.
  static func fieldsHint(_ field: String, among known: [String]) -> String {
    let list = known.joined(separator: ", ")
    guard let closest = Suggestion.closest(to: field, among: known) else { return tr("fields: \(list)") }
    return tr("did you mean '\(closest)'? fields: \(list)")
  }

  /// The hint after a write whose files have hand edits in the way.
  static var handEditsHint: String {
    tr("commit them first with 'adminledger commit -m MESSAGE', or discard them with 'git checkout -- FILE'")
  }

  static var noLedgerHint: String { tr("run 'adminledger init' there, or pass --ledger <path>") }

  // One switch over every case, so each wording sits here and nowhere else.
  // swiftlint:disable:next function_body_length cyclomatic_complexity
  init(_ error: StoreError) {
    switch error {
    case .notALedger(let searched):
      self.init(tr("not a ledger: \(searched) has no ledger.json in it or above it"), hint: Self.noLedgerHint, status: .usage)
    case .notARepository(let path):
      self.init(tr("not a ledger: \(path) is not inside a git repository"), hint: Self.noLedgerHint, status: .usage)
    case .alreadyALedger(let path):
      self.init(
        tr("\(path) already holds a ledger (ledger.json)"), hint: tr("use it as it is, or choose another folder"),
        status: .usage)
    case .recordExists(let key):
      self.init(
        tr("\(key) already exists"), hint: tr("change it with 'adminledger set \(key) --set FIELD=VALUE'"),
        status: .usage)
    case .idRequired(let kind):
      let example = FailureMessage.exampleID(kind)
      self.init(
        tr("adding to \(kind) needs an id: a \(kind.singular)'s id is a name people choose"),
        hint: tr("run 'adminledger add \(kind) ID ...', for example 'adminledger add \(kind) \(example)'"),
        status: .usage)
    case .recordNotFound(let key):
      self.init(tr("no record \(key)"), hint: tr("run 'adminledger list \(key.kind)' to see the ids"), status: .usage)
    case .fieldNotFound(let key, let field):
      self.init(
        tr("\(key) has no field \"\(field)\""), hint: tr("run 'adminledger show \(key)' to see its fields"),
        status: .usage)
    case .fieldNotAnObject(let key, let field, let found):
      self.init(
        tr("cannot set inside \"\(field)\" of \(key): it holds a \(found), not an object"),
        hint: tr("set \"\(field)\" itself, or remove it first with --unset \(field)"), status: .usage)
    case .fieldInput(.unknownField(let kind, let field, let known)):
      self.init(
        tr("\(kind) records have no field \"\(field)\""), hint: Self.fieldsHint(field, among: known), status: .usage)
    case .fieldInput(.wrongType(let kind, let field, let expected, let text)):
      self.init(
        tr("field \"\(field)\" of \(kind) takes \(FailureMessage.describe(expected)), not \"\(text)\""),
        hint: FailureMessage.example(expected), status: .usage)
    case .revisionNotFound(let revision) where LedgerDate.isDay(revision):
      self.init(
        tr("no commit on or before \(revision): the ledger did not exist yet"), hint: tr("give a later day"),
        status: .usage)
    case .revisionNotFound(let revision):
      self.init(
        tr("no commit '\(revision)'"), hint: tr("name a commit, branch or tag ('git log' lists them)"), status: .usage)
    case .detachedHead:
      self.init(
        tr("HEAD is not on a branch, so there is no branch to write to"),
        hint: tr("switch to the ledger's branch first (git switch main)"), status: .failure)
    case .uncommittedEdits(let paths):
      self.init(
        tr("uncommitted hand edits in \(paths.joined(separator: ", ")); nothing was written"), hint: Self.handEditsHint,
        status: .findings)
    case .invalid(let list):
      self.init(DiagnosticRenderer.summary(list.diagnostics), status: .findings)
    case .contention(let attempts):
      self.init(
        tr("the branch kept moving under \(attempts) attempts to write; nothing was written"), hint: tr("try again"),
        status: .failure)
    case .importRefused(let file, let problems):
      self.init(FailureMessage.importRefused(file, problems: problems.count), status: .findings)
    case .nothingChanged:
      self.init(tr("internal error: the write changed nothing"), status: .failure)
    case .unrelatedHistories:
      self.init(
        tr("the incoming branch shares no history with this ledger: it is another repository's"),
        hint: tr("check the remote's URL with 'git remote -v'"), status: .usage)
    case .mergeInProgress:
      self.init(
        tr("a merge is in progress: the ledger's files are being merged"),
        hint: tr(
          "see it with 'adminledger conflicts', settle it with 'adminledger resolve', then 'adminledger sync --continue' (or 'adminledger sync --abort')"
        ),
        status: .usage)
    case .noMergeInProgress:
      self.init(
        tr("no merge is in progress"), hint: tr("'adminledger sync' starts one when the remote has changes"),
        status: .usage)
    case .notInConflict(let key, let field, let conflicts):
      let what = field.map { "\(key) \($0)" } ?? key.description
      let message =
        conflicts.isEmpty
        ? tr("\(what) is not in conflict in this merge; nothing was changed (no field is in conflict)")
        : tr(
          "\(what) is not in conflict in this merge; nothing was changed (in conflict: \(conflicts.joined(separator: ", ")))"
        )
      self.init(
        message,
        hint: tr(
          "'adminledger conflicts' shows what is left to settle; a record the merge took cleanly is changed after the merge, with 'adminledger set'"
        ),
        status: .usage)
    case .editsInTheWay(let paths):
      self.init(
        tr(
          "the merge would overwrite uncommitted hand edits in \(paths.joined(separator: ", ")); nothing was merged"),
        hint: Self.handEditsHint, status: .usage)
    case .unresolvedConflicts(let paths):
      self.init(
        tr("conflicts are still open in \(paths.joined(separator: ", ")); nothing was committed"),
        hint: tr(
          "see them with 'adminledger conflicts' and settle each with 'adminledger resolve KIND/ID [FIELD] --ours|--theirs|--set VALUE'"
        ),
        status: .findings)
    case .noRemote(let known) where known.isEmpty:
      self.init(
        tr("this ledger has no remote to sync with"),
        hint: tr(
          "add the shared repository with 'git remote add origin URL', or start from 'adminledger clone URL'"),
        status: .usage)
    case .noRemote(let known):
      self.init(
        tr("several remotes and none is 'origin' or this branch's upstream: \(known.joined(separator: ", "))"),
        hint: tr("name one: 'adminledger sync \(known[0])'"), status: .usage)
    case .unknownRemote(let name, let known):
      self.init(tr("no remote '\(name)'"), hint: Self.remotesHint(name, among: known), status: .usage)
    case .remoteNotBare(let url):
      self.init(
        tr(
          "\(url) is not a bare repository: pushing into a repository with a work tree would leave its files out of step with its branch"
        ),
        hint: tr("share through a bare repository ('git init --bare PATH'), or sync with --no-push"), status: .usage)
    case .notTheLedgersBranch(let name):
      self.init(
        tr("\(name) does not hold this ledger (no ledger.json where this ledger keeps it)"),
        hint: tr("check the remote's URL with 'git remote -v' and the branch with 'git branch -vv'"), status: .usage)
    case .stagedChanges(let paths):
      self.init(
        tr(
          "staged changes (git add) in \(paths.prefix(5).joined(separator: ", ")) would be swept into the merge; nothing was synced"
        ),
        hint: tr("commit them, or unstage them with 'git restore --staged FILE'"), status: .usage)
    case .remoteKeptMoving(let attempts):
      self.init(
        tr(
          "the remote kept moving: \(attempts) pushes in a row were refused because others pushed first; your commits are safe here"
        ),
        hint: tr("run 'adminledger sync' again"), status: .failure)
    case .pushRefused(let remote, let url, let branch, let reason, let lines):
      // The text form prints `lines` first, as `remote:` lines (FailureRenderer).
      let message =
        lines.isEmpty
        ? tr(
          "\(remote) (\(url)) refused the push to \(branch) (\(reason)); your commits stay in this clone, and \(branch) there did not move"
        )
        : tr(
          "\(remote) (\(url)) refused the push to \(branch) (\(reason)): \(lines.joined(separator: " / ")); your commits stay in this clone, and \(branch) there did not move"
        )
      self.init(message, hint: FailureMessage.pushRefusedHint, status: .findings)
    case .interruptedUpdate:
      self.init(
        tr("an adminledger command was interrupted before its files were all written; nothing was committed"),
        hint: tr("run 'adminledger status', which finishes it, then commit again"), status: .failure)
    case .lockedByGit(let path):
      self.init(
        tr("another git program is working in this clone (\(path) exists); nothing was changed"),
        hint: tr("try again in a moment; if no git program is running, remove \(path)"), status: .failure)
    case .noLedgerIn(let url):
      self.init(
        tr("\(url) holds no ledger (no ledger.json at its root); nothing was cloned"),
        hint: tr(
          "check the URL; to share a new ledger, push it there with 'git remote add origin URL' and 'adminledger sync'"),
        status: .usage)
    case .remote(let operation, let url, let gitError):
      let (cause, hint) = FailureMessage.remoteProblem(gitError.message, url: url, cloning: operation == .clone)
      // Our sentence first, libgit2's own text after it in parentheses.
      let said = cause.map { "\($0) (\(gitError.message))" } ?? gitError.message
      self.init(FailureMessage.cannot(operation, url: url, said), hint: hint, status: .failure)
    case .remoteMissing(let operation, let url, let path):
      let said = tr("there is no repository at \(path)")
      let (_, hint) = FailureMessage.remoteProblem(said, url: url, cloning: operation == .clone)
      self.init(FailureMessage.cannot(operation, url: url, said), hint: hint, status: .failure)
    case .hookNotRun(let path, let reason):
      self.init(
        tr("cannot write \(path): cannot run the shared repository's pre-receive hook: \(reason)"), status: .failure)
    case .signing(let problem):
      self.init(problem)
    case .io(let path, let reason):
      self.init(tr("cannot write \(path): \(reason)"), status: .failure)
    case .fileSystem(let operation, let reason):
      self.init(
        FailureMessage.cannot(operation) + " " + tr("(file system: \(reason))"), status: .failure)
    case .objectMissing(let detail):
      self.init(
        tr("the repository lacks an object its history names (\(detail))"),
        hint: tr("the clone is shallow or damaged: clone the ledger again"), status: .failure)
    case .git(let operation, let gitError):
      self.init("\(FailureMessage.cannot(operation)) (\(gitError))", status: .failure)
    case .erasure(let problem):
      let (message, hint) = ForgetRenderer.failure(problem)
      self.init(message, hint: hint, status: problem == .reasonMissing ? .usage : .failure)
    }
  }

  /// The hint after an unknown remote: the closest name, then the remotes (or how to add one).
  private static func remotesHint(_ name: String, among known: [String]) -> String {
    guard !known.isEmpty else { return tr("add one with 'git remote add \(name) URL'") }
    let list = known.joined(separator: ", ")
    guard let closest = Suggestion.closest(to: name, among: known) else { return tr("remotes: \(list)") }
    return tr("did you mean '\(closest)'? remotes: \(list)")
  }

  /// What the store could not do, as a sentence: `cannot read history`, `cannot move
  /// refs/heads/main`.
  // swiftlint:disable:next cyclomatic_complexity function_body_length
  static func cannot(_ operation: StoreOperation) -> String {
    switch operation {
    case .readHistory: tr("cannot read history")
    case .readHead: tr("cannot read HEAD")
    case .readCommit(let id): tr("cannot read commit \(id.prefix(7))")
    case .readSignature(let id): tr("cannot read the signature of commit \(id.prefix(7))")
    case .readFile(let path), .readFolder(let path): tr("cannot read \(path)")
    case .readBranch(let name), .readSetting(let name): tr("cannot read \(name)")
    case .listBranches: tr("cannot list the branches")
    case .readRemotes: tr("cannot read the remotes")
    case .compareCommits(let new, let old): tr("cannot compare \(new) with \(old)")
    case .readObjects(let folders): tr("cannot read the objects of \(folders.joined(separator: ", "))")
    case .findFirstCommit: tr("cannot find the ledger's first commit")
    case .readConfiguration: tr("cannot read the git configuration")
    case .readHooksPath(let repository): tr("cannot read core.hooksPath of \(repository)")
    case .registerMergeDriver: tr("cannot register the merge driver")
    case .recordLedgerBranch: tr("cannot record the ledger's branch in \(Ledger.branchConfigKey)")
    case .configureSigning: tr("cannot configure commit signing")
    case .readStatus: tr("cannot read the work tree's status")
    case .readIndex: tr("cannot read the index")
    case .readStagedChanges(let indexFile):
      indexFile.map { tr("cannot read the staged changes (\($0))") } ?? tr("cannot read the staged changes")
    case .compareWorkTree: tr("cannot compare the work tree with HEAD")
    case .updateIndex: tr("cannot update the index")
    case .createRepository(let folder): tr("cannot create a repository in \(folder)")
    case .writeCommit: tr("cannot write the commit")
    case .writeSignedCommit: tr("cannot write the signed commit")
    case .eraseHistory: tr("cannot rewrite the history without the person")
    case .moveBranch(let branch): tr("cannot move \(branch)")
    case .recordPush: tr("cannot record the push")
    case .mergeCommits(let theirs, let ours): tr("cannot merge \(theirs.prefix(7)) into \(ours.prefix(7))")
    case .merge(let source): tr("cannot merge \(source)")
    case .readMergedFiles: tr("cannot read the merged files")
    case .readMerge: tr("cannot read the merge in progress")
    case .resolve(let key): tr("cannot resolve \(key)")
    case .commitMerge: tr("cannot commit the merge")
    case .abortMerge: tr("cannot abort the merge")
    case .finishInterruptedUpdate: tr("cannot finish the interrupted update")
    case .undoInterruptedMerge: tr("cannot undo the interrupted merge")
    case .dropUnreachableObjects: tr("cannot drop the objects the history no longer reaches")
    case .removeHistoryCaches: tr("cannot remove the caches built from the old history (.git/adminledger)")
    }
  }

  /// What the store could not do reaching a remote, and why: `cannot fetch from origin (URL): WHY`.
  static func cannot(_ operation: RemoteOperation, url: String, _ said: String) -> String {
    switch operation {
    case .clone: tr("cannot clone (\(url)): \(said)")
    case .fetch(let remote): tr("cannot fetch from \(remote) (\(url)): \(said)")
    case .push(let remote): tr("cannot push to \(remote) (\(url)): \(said)")
    }
  }

  init(_ problem: SigningProblem) {
    switch problem {
    case .noKeyConfigured(let from):
      self.init(
        tr(
          "the ledger requires signed commits (policy.signed_commits_from: \(from)) and git's configuration names no SSH signing key; nothing was written"
        ),
        hint: tr(
          "git config gpg.format ssh && git config user.signingkey ~/.ssh/id_ed25519 (a key your record lists under signing_keys)"
        ),
        status: .usage)
    case .programMissing(let program):
      self.init(
        tr("cannot sign or verify commits: \(program) is not installed; nothing was written"),
        hint: tr("install OpenSSH's client (sudo apt-get install openssh-client), or set gpg.ssh.program"),
        status: .failure)
    case .signerFailed(let program, let reason):
      self.init(
        tr("\(program) could not sign or verify the commit: \(reason); nothing was written"),
        hint: tr(
          "check git's user.signingkey (a key file, or key::PUBLIC-KEY held by ssh-agent) and that the key has no passphrase or is in the agent"
        ),
        status: .failure)
    }
  }

  init(_ error: QueryError) {
    switch error {
    case .syntax(let text, let column, let expected):
      self.init(
        tr("cannot read the condition \"\(text)\": expected \(expected) at column \(column)"),
        hint: tr(
          "conditions look like status=active, end<2026-12-31, name~Hugo, status in active,validated, phone or !closed"),
        status: .usage)
    case .unknownField(let text, let kind, let field, let known):
      self.init(
        tr("\(kind) records have no field \"\(field)\" (in \"\(text)\")"), hint: Self.fieldsHint(field, among: known),
        status: .usage)
    case .badList(let text, let reason):
      self.init(
        tr("cannot read \"\(text)\": \(reason)"), hint: tr("write fields separated by commas, such as name,-end"),
        status: .usage)
    }
  }

  /// What went wrong reaching a remote, in our words (nil when libgit2's text is all there is
  /// to say), and what to check, by libgit2's message.
  private static func remoteProblem(_ message: String, url: String, cloning: Bool) -> (cause: String?, hint: String) {
    let https = url.lowercased().hasPrefix("https://")
    let lower = message.lowercased()
    if lower.contains("hostkey") {
      return (
        tr(
          "the ssh server's host key is not one this machine knows (it is not in ~/.ssh/known_hosts, or another key is recorded there for that host)"
        ),
        tr(
          "if the server's administrator confirms the key's fingerprint, add it: 'ssh-keyscan \(keyscanTarget(url)) >> ~/.ssh/known_hosts' (or connect once with ssh); a host key that changed may also mean someone is in the way"
        )
      )
    }
    if lower.contains("certificate") {
      return certificateProblem(lower, cloning: cloning)
    }
    if lower.contains("authentication") || lower.contains("credentials") {
      guard https else {
        return (
          tr("the ssh server accepted none of the keys offered"),
          tr(
            "load your key into the ssh agent (ssh-add), or keep it in ~/.ssh/id_ed25519 or ~/.ssh/id_rsa; ADMINLEDGER_SSH_PASSPHRASE unlocks it"
          )
        )
      }
      return (
        lower.contains("no token")
          ? tr("the https server asks for credentials and no token was given") : tr("the https server refused the token"),
        tr(
          "set ADMINLEDGER_GIT_TOKEN to a valid access token of the git host (and ADMINLEDGER_GIT_USERNAME if it needs one)")
      )
    }
    if message.contains("(a size limit)") {
      return (
        nil,
        tr(
          "a ledger's history is small; a pack this large holds files that are no ledger's (ask who pushed them). If the history really is that large, raise the limit: ADMINLEDGER_MAX_FETCH_MIB=1024 (0: no limit)"
        )
      )
    }
    return (nil, tr("check the URL and that the repository exists and is reachable (git remote -v lists the remotes)"))
  }

  /// An https certificate libgit2 refused: expired, for another host, or from an unknown
  /// authority (libgit2's mbedTLS text names which).
  private static func certificateProblem(_ lower: String, cloning: Bool) -> (cause: String, hint: String) {
    if lower.contains("cannot be read") || lower.contains("failed to load ca") {
      return (
        tr("the certificate authorities file named for https cannot be used"),
        tr(
          "check the file that git's http.sslCAInfo (or GIT_SSL_CAINFO) names: it must be readable and hold PEM certificates"
        )
      )
    }
    if lower.contains("expired") {
      return (
        tr("the https server's certificate has expired"),
        tr(
          "the server's administrator must renew it (or this machine's clock is wrong); nothing was sent to the server")
      )
    }
    if lower.contains("cn") && lower.contains("match") {
      return (
        tr("the https server's certificate is for another host name"),
        tr("use the host name the certificate names in the URL (git remote set-url origin URL)")
      )
    }
    let trust =
      cloning
      ? "'git config --global http.sslCAInfo /path/to/ca.pem'"
      : tr("'git config http.sslCAInfo /path/to/ca.pem' in the clone (or --global)")
    return (
      tr("the https server's certificate is not signed by an authority this machine trusts"),
      tr(
        "for a server with a self-signed or private certificate, trust its authority: \(trust), or GIT_SSL_CAINFO=/path/to/ca.pem"
      )
    )
  }

  /// `-p PORT HOST` (or `HOST`) for ssh-keyscan, from an ssh URL.
  private static func keyscanTarget(_ url: String) -> String {
    if url.contains("://"), let components = URLComponents(string: url), let host = components.host {
      return components.port.map { "-p \($0) \(host)" } ?? host
    }
    let beforeColon = url.split(separator: ":", maxSplits: 1).first.map(String.init) ?? url
    return beforeColon.split(separator: "@").last.map(String.init) ?? beforeColon
  }

  /// The JSON types a field takes, in words: `a number or null`.
  private static func describe(_ types: [String]) -> String {
    let words = types.map { type in
      switch type {
      case "boolean": tr("a boolean (true or false)")
      case "integer": tr("an integer")
      case "number": tr("a number")
      case "string": tr("a string")
      case "array": tr("a list (JSON array)")
      case "object": tr("an object (JSON object)")
      case "null": "null"
      default: tr("a \(type)")
      }
    }
    guard var text = words.first else { return "" }
    for word in words.dropFirst() { text = tr("\(text) or \(word)") }
    return text
  }

  private static func example(_ types: [String]) -> String {
    if types.contains("boolean") { return tr("write true or false") }
    if types.contains("array") { return tr("write a JSON array, such as '[\"a\",\"b\"]'") }
    if types.contains("object") { return tr("write a JSON object, or set its fields one by one (field.sub=value)") }
    return tr("write a number, such as 3 or 3.5")
  }

  private static func exampleID(_ kind: RecordKind) -> String {
    switch kind {
    case .people: "cdurand"
    case .organizations: "cen-paca"
    case .duties: "user-rights"
    default: "geonature"
    }
  }
}

// MARK: - schema validate

extension FailureMessage {
  /// The schema given to `schema validate` is not JSON; its parse error is printed above.
  static func schemaNotJSON(_ path: String) -> FailureMessage {
    FailureMessage(
      tr("the schema \(path) is not valid JSON; no file was validated"), hint: tr("fix the JSON at that spot"),
      status: .failure)
  }

  /// The schema given to `schema validate` is JSON but no valid schema; its problems are
  /// printed above.
  static func invalidSchema(_ path: String) -> FailureMessage {
    FailureMessage(
      tr("\(path) is not a valid JSON Schema 2020-12; no file was validated"),
      hint: tr("fix the schema at each spot named above"), status: .failure)
  }
}
