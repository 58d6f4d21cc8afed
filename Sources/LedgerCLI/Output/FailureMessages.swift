import Foundation
import LedgerCore
import LedgerQuery

/// The words for every failure a person can see: message, hint, and exit status.
struct FailureMessage {
  let message: String
  let hint: String?
  let status: ExitStatus

  init(_ message: String, hint: String? = nil, status: ExitStatus) {
    self.message = message
    self.hint = hint
    self.status = status
  }

  static let pushRefusedHint =
    "the shared repository's hook judges every push with the ledger's policy; mend what it names (see 'adminledger audit'), then run 'adminledger sync' again"

  // One switch over every case, so each wording sits here and nowhere else.
  // swiftlint:disable:next function_body_length
  init(_ error: StoreError) {
    switch error {
    case .notALedger(let searched):
      self.init(
        "not a ledger: \(searched) has no ledger.json in it or above it",
        hint: "run 'adminledger init' there, or pass --ledger <path>", status: .usage)
    case .notARepository(let path):
      self.init(
        "not a ledger: \(path) is not inside a git repository",
        hint: "run 'adminledger init' there, or pass --ledger <path>", status: .usage)
    case .alreadyALedger(let path):
      self.init(
        "\(path) already holds a ledger (ledger.json)",
        hint: "use it as it is, or choose another folder", status: .usage)
    case .recordExists(let key):
      self.init(
        "\(key) already exists", hint: "change it with 'adminledger set \(key) --set FIELD=VALUE'",
        status: .usage)
    case .idRequired(let kind):
      self.init(
        "adding to \(kind) needs an id: a \(kind.singular)'s id is a name people choose",
        hint: "run 'adminledger add \(kind) ID ...', for example 'adminledger add \(kind) \(FailureMessage.exampleID(kind))'",
        status: .usage)
    case .recordNotFound(let key):
      self.init(
        "no record \(key)", hint: "run 'adminledger list \(key.kind)' to see the ids",
        status: .usage)
    case .fieldNotFound(let key, let field):
      self.init(
        "\(key) has no field \"\(field)\"", hint: "run 'adminledger show \(key)' to see its fields",
        status: .usage)
    case .fieldNotAnObject(let key, let field, let found):
      self.init(
        "cannot set inside \"\(field)\" of \(key): it holds a \(found), not an object",
        hint: "set \"\(field)\" itself, or remove it first with --unset \(field)", status: .usage)
    case .fieldInput(.unknownField(let kind, let field, let known)):
      let suggestion = Suggestion.closest(to: field, among: known).map { "did you mean '\($0)'? " } ?? ""
      self.init(
        "\(kind) records have no field \"\(field)\"",
        hint: suggestion + "fields: " + known.joined(separator: ", "), status: .usage)
    case .fieldInput(.wrongType(let kind, let field, let expected, let text)):
      self.init(
        "field \"\(field)\" of \(kind) takes \(FailureMessage.describe(expected)), not \"\(text)\"",
        hint: FailureMessage.example(expected), status: .usage)
    case .revisionNotFound(let revision) where LedgerDate.isDay(revision):
      self.init(
        "no commit on or before \(revision): the ledger did not exist yet", hint: "give a later day",
        status: .usage)
    case .revisionNotFound(let revision):
      self.init(
        "no commit '\(revision)'", hint: "name a commit, branch or tag ('git log' lists them)",
        status: .usage)
    case .detachedHead:
      self.init(
        "HEAD is not on a branch, so there is no branch to write to",
        hint: "switch to the ledger's branch first (git switch main)", status: .failure)
    case .uncommittedEdits(let paths):
      self.init(
        "uncommitted hand edits in \(paths.joined(separator: ", ")); nothing was written",
        hint: "commit them first with 'adminledger commit -m MESSAGE', or discard them with 'git checkout -- FILE'",
        status: .findings)
    case .invalid(let list):
      self.init(DiagnosticRenderer.summary(list.diagnostics), status: .findings)
    case .contention(let attempts):
      self.init(
        "the branch kept moving under \(attempts) attempts to write; nothing was written",
        hint: "try again", status: .failure)
    case .importRefused(let file, let problems):
      self.init("\(DiagnosticRenderer.plural(problems.count, "problem")) in \(file); nothing was imported", status: .findings)
    case .nothingChanged:
      self.init("internal error: the write changed nothing", status: .failure)
    case .unrelatedHistories:
      self.init(
        "the incoming branch shares no history with this ledger: it is another repository's",
        hint: "check the remote's URL with 'git remote -v'", status: .usage)
    case .mergeInProgress:
      self.init(
        "a merge is in progress: the ledger's files are being merged",
        hint:
          "see it with 'adminledger conflicts', settle it with 'adminledger resolve', then 'adminledger sync --continue' (or 'adminledger sync --abort')",
        status: .usage)
    case .noMergeInProgress:
      self.init("no merge is in progress", hint: "'adminledger sync' starts one when the remote has changes", status: .usage)
    case .notInConflict(let key, let field, let conflicts):
      let what = field.map { "\(key) \($0)" } ?? key.description
      let open =
        conflicts.isEmpty
        ? "no field is in conflict" : "in conflict: \(conflicts.joined(separator: ", "))"
      self.init(
        "\(what) is not in conflict in this merge; nothing was changed (\(open))",
        hint:
          "'adminledger conflicts' shows what is left to settle; a record the merge took cleanly is changed after the merge, with 'adminledger set'",
        status: .usage)
    case .editsInTheWay(let paths):
      self.init(
        "the merge would overwrite uncommitted hand edits in \(paths.joined(separator: ", ")); nothing was merged",
        hint: "commit them first with 'adminledger commit -m MESSAGE', or discard them with 'git checkout -- FILE'",
        status: .usage)
    case .unresolvedConflicts(let paths):
      self.init(
        "conflicts are still open in \(paths.joined(separator: ", ")); nothing was committed",
        hint:
          "see them with 'adminledger conflicts' and settle each with 'adminledger resolve KIND/ID [FIELD] --ours|--theirs|--set VALUE'",
        status: .findings)
    case .noRemote(let known) where known.isEmpty:
      self.init(
        "this ledger has no remote to sync with",
        hint: "add the shared repository with 'git remote add origin URL', or start from 'adminledger clone URL'",
        status: .usage)
    case .noRemote(let known):
      self.init(
        "several remotes and none is 'origin' or this branch's upstream: \(known.joined(separator: ", "))",
        hint: "name one: 'adminledger sync \(known[0])'", status: .usage)
    case .unknownRemote(let name, let known):
      let suggestion = Suggestion.closest(to: name, among: known).map { "did you mean '\($0)'? " } ?? ""
      self.init(
        "no remote '\(name)'",
        hint: suggestion
          + (known.isEmpty ? "add one with 'git remote add \(name) URL'" : "remotes: " + known.joined(separator: ", ")),
        status: .usage)
    case .remoteNotBare(let url):
      self.init(
        "\(url) is not a bare repository: pushing into a repository with a work tree would leave its files out of step with its branch",
        hint: "share through a bare repository ('git init --bare PATH'), or sync with --no-push", status: .usage)
    case .notTheLedgersBranch(let name):
      self.init(
        "\(name) does not hold this ledger (no ledger.json where this ledger keeps it)",
        hint: "check the remote's URL with 'git remote -v' and the branch with 'git branch -vv'", status: .usage)
    case .stagedChanges(let paths):
      self.init(
        "staged changes (git add) in \(paths.prefix(5).joined(separator: ", ")) would be swept into the merge; nothing was synced",
        hint: "commit them, or unstage them with 'git restore --staged FILE'", status: .usage)
    case .remoteKeptMoving(let attempts):
      self.init(
        "the remote kept moving: \(attempts) pushes in a row were refused because others pushed first; your commits are safe here",
        hint: "run 'adminledger sync' again", status: .failure)
    case .pushRefused(let remote, let url, let branch, let reason, let lines):
      // The text form prints `lines` first, as `remote:` lines (FailureRenderer).
      self.init(
        "\(remote) (\(url)) refused the push to \(branch) (\(reason))\(lines.isEmpty ? "" : ": " + lines.joined(separator: " / ")); your commits stay in this clone, and \(branch) there did not move",
        hint: FailureMessage.pushRefusedHint, status: .findings)
    case .interruptedUpdate:
      self.init(
        "an adminledger command was interrupted before its files were all written; nothing was committed",
        hint: "run 'adminledger status', which finishes it, then commit again", status: .failure)
    case .lockedByGit(let path):
      self.init(
        "another git program is working in this clone (\(path) exists); nothing was changed",
        hint: "try again in a moment; if no git program is running, remove \(path)", status: .failure)
    case .noLedgerIn(let url):
      self.init(
        "\(url) holds no ledger (no ledger.json at its root); nothing was cloned",
        hint: "check the URL; to share a new ledger, push it there with 'git remote add origin URL' and 'adminledger sync'",
        status: .usage)
    case .remote(let operation, let url, let gitError):
      let (cause, hint) = FailureMessage.remoteProblem(gitError.message, url: url, cloning: operation == .clone)
      // Our sentence first, libgit2's own text after it in parentheses.
      let said = cause.map { "\($0) (\(gitError.message))" } ?? gitError.message
      self.init("cannot \(FailureMessage.phrase(operation)) (\(url)): \(said)", hint: hint, status: .failure)
    case .remoteMissing(let operation, let url, let path):
      let said = "there is no repository at \(path)"
      let (_, hint) = FailureMessage.remoteProblem(said, url: url, cloning: operation == .clone)
      self.init("cannot \(FailureMessage.phrase(operation)) (\(url)): \(said)", hint: hint, status: .failure)
    case .hookNotRun(let path, let reason):
      self.init("cannot write \(path): cannot run the shared repository's pre-receive hook: \(reason)", status: .failure)
    case .signing(let problem):
      self.init(problem)
    case .io(let path, let reason):
      self.init("cannot write \(path): \(reason)", status: .failure)
    case .fileSystem(let operation, let reason):
      self.init("cannot \(FailureMessage.phrase(operation)) (file system: \(reason))", status: .failure)
    case .objectMissing(let detail):
      self.init(
        "the repository lacks an object its history names (\(detail))",
        hint: "the clone is shallow or damaged: clone the ledger again", status: .failure)
    case .git(let operation, let gitError):
      self.init("cannot \(FailureMessage.phrase(operation)) (\(gitError))", status: .failure)
    case .erasure(let problem):
      let (message, hint) = ForgetRenderer.failure(problem)
      self.init(message, hint: hint, status: problem == .reasonMissing ? .usage : .failure)
    }
  }

  /// What the store was doing, as "cannot …" goes on: `read history`, `move refs/heads/main`.
  // swiftlint:disable:next cyclomatic_complexity
  static func phrase(_ operation: StoreOperation) -> String {
    switch operation {
    case .readHistory: "read history"
    case .readHead: "read HEAD"
    case .readCommit(let id): "read commit \(id.prefix(7))"
    case .readSignature(let id): "read the signature of commit \(id.prefix(7))"
    case .readFile(let path), .readFolder(let path): "read \(path)"
    case .readBranch(let name), .readSetting(let name): "read \(name)"
    case .listBranches: "list the branches"
    case .readRemotes: "read the remotes"
    case .compareCommits(let new, let old): "compare \(new) with \(old)"
    case .readObjects(let folders): "read the objects of \(folders.joined(separator: ", "))"
    case .findFirstCommit: "find the ledger's first commit"
    case .readConfiguration: "read the git configuration"
    case .readHooksPath(let repository): "read core.hooksPath of \(repository)"
    case .registerMergeDriver: "register the merge driver"
    case .recordLedgerBranch: "record the ledger's branch in \(Ledger.branchConfigKey)"
    case .configureSigning: "configure commit signing"
    case .readStatus: "read the work tree's status"
    case .readIndex: "read the index"
    case .readStagedChanges(let indexFile): "read the staged changes" + (indexFile.map { " (\($0))" } ?? "")
    case .compareWorkTree: "compare the work tree with HEAD"
    case .updateIndex: "update the index"
    case .createRepository(let folder): "create a repository in \(folder)"
    case .writeCommit: "write the commit"
    case .writeSignedCommit: "write the signed commit"
    case .eraseHistory: "rewrite the history without the person"
    case .moveBranch(let branch): "move \(branch)"
    case .recordPush: "record the push"
    case .mergeCommits(let theirs, let ours): "merge \(theirs.prefix(7)) into \(ours.prefix(7))"
    case .merge(let source): "merge \(source)"
    case .readMergedFiles: "read the merged files"
    case .readMerge: "read the merge in progress"
    case .resolve(let key): "resolve \(key)"
    case .commitMerge: "commit the merge"
    case .abortMerge: "abort the merge"
    case .finishInterruptedUpdate: "finish the interrupted update"
    case .undoInterruptedMerge: "undo the interrupted merge"
    case .dropUnreachableObjects: "drop the objects the history no longer reaches"
    case .removeHistoryCaches: "remove the caches built from the old history (.git/adminledger)"
    }
  }

  /// How the store was reaching a remote, as "cannot …" goes on: `fetch from origin`.
  static func phrase(_ operation: RemoteOperation) -> String {
    switch operation {
    case .clone: "clone"
    case .fetch(let remote): "fetch from \(remote)"
    case .push(let remote): "push to \(remote)"
    }
  }

  init(_ problem: SigningProblem) {
    switch problem {
    case .noKeyConfigured(let from):
      self.init(
        "the ledger requires signed commits (policy.signed_commits_from: \(from)) and git's configuration names no SSH signing key; nothing was written",
        hint:
          "git config gpg.format ssh && git config user.signingkey ~/.ssh/id_ed25519 (a key your record lists under signing_keys)",
        status: .usage)
    case .programMissing(let program):
      self.init(
        "cannot sign or verify commits: \(program) is not installed; nothing was written",
        hint: "install OpenSSH's client (sudo apt-get install openssh-client), or set gpg.ssh.program", status: .failure)
    case .signerFailed(let program, let reason):
      self.init(
        "\(program) could not sign or verify the commit: \(reason); nothing was written",
        hint:
          "check git's user.signingkey (a key file, or key::PUBLIC-KEY held by ssh-agent) and that the key has no passphrase or is in the agent",
        status: .failure)
    }
  }

  init(_ error: QueryError) {
    switch error {
    case .syntax(let text, let column, let expected):
      self.init(
        "cannot read the condition \"\(text)\": expected \(expected) at column \(column)",
        hint: "conditions look like status=active, end<2026-12-31, name~Hugo, status in active,validated, phone or !closed",
        status: .usage)
    case .unknownField(let text, let kind, let field, let known):
      let suggestion = Suggestion.closest(to: field, among: known).map { "did you mean '\($0)'? " } ?? ""
      self.init(
        "\(kind) records have no field \"\(field)\" (in \"\(text)\")",
        hint: suggestion + "fields: " + known.joined(separator: ", "), status: .usage)
    case .badList(let text, let reason):
      self.init("cannot read \"\(text)\": \(reason)", hint: "write fields separated by commas, such as name,-end", status: .usage)
    }
  }

  /// What went wrong reaching a remote, in our words (nil when libgit2's text is all there is
  /// to say), and what to check, by libgit2's message.
  private static func remoteProblem(_ message: String, url: String, cloning: Bool) -> (cause: String?, hint: String) {
    let https = url.lowercased().hasPrefix("https://")
    let lower = message.lowercased()
    if lower.contains("hostkey") {
      return (
        "the ssh server's host key is not one this machine knows (it is not in ~/.ssh/known_hosts, or another key is recorded there for that host)",
        "if the server's administrator confirms the key's fingerprint, add it: 'ssh-keyscan \(keyscanTarget(url)) >> ~/.ssh/known_hosts'"
          + " (or connect once with ssh); a host key that changed may also mean someone is in the way"
      )
    }
    if lower.contains("certificate") {
      return certificateProblem(lower, cloning: cloning)
    }
    if lower.contains("authentication") || lower.contains("credentials") {
      return https
        ? (
          lower.contains("no token")
            ? "the https server asks for credentials and no token was given" : "the https server refused the token",
          "set ADMINLEDGER_GIT_TOKEN to a valid access token of the git host (and ADMINLEDGER_GIT_USERNAME if it needs one)"
        )
        : (
          "the ssh server accepted none of the keys offered",
          "load your key into the ssh agent (ssh-add), or keep it in ~/.ssh/id_ed25519 or ~/.ssh/id_rsa; ADMINLEDGER_SSH_PASSPHRASE unlocks it"
        )
    }
    if message.contains("(a size limit)") {
      return (
        nil,
        "a ledger's history is small; a pack this large holds files that are no ledger's (ask who pushed them)."
          + " If the history really is that large, raise the limit: ADMINLEDGER_MAX_FETCH_MIB=1024 (0: no limit)"
      )
    }
    return (nil, "check the URL and that the repository exists and is reachable (git remote -v lists the remotes)")
  }

  /// An https certificate libgit2 refused: expired, for another host, or from an unknown
  /// authority (libgit2's mbedTLS text names which).
  private static func certificateProblem(_ lower: String, cloning: Bool) -> (cause: String, hint: String) {
    if lower.contains("cannot be read") || lower.contains("failed to load ca") {
      return (
        "the certificate authorities file named for https cannot be used",
        "check the file that git's http.sslCAInfo (or GIT_SSL_CAINFO) names: it must be readable and hold PEM certificates"
      )
    }
    if lower.contains("expired") {
      return (
        "the https server's certificate has expired",
        "the server's administrator must renew it (or this machine's clock is wrong); nothing was sent to the server"
      )
    }
    if lower.contains("cn") && lower.contains("match") {
      return (
        "the https server's certificate is for another host name",
        "use the host name the certificate names in the URL (git remote set-url origin URL)"
      )
    }
    return (
      "the https server's certificate is not signed by an authority this machine trusts",
      "for a server with a self-signed or private certificate, trust its authority: "
        + (cloning
          ? "'git config --global http.sslCAInfo /path/to/ca.pem'"
          : "'git config http.sslCAInfo /path/to/ca.pem' in the clone (or --global)")
        + ", or GIT_SSL_CAINFO=/path/to/ca.pem"
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

  private static func describe(_ types: [String]) -> String {
    types.map { type in
      switch type {
      case "boolean": "a boolean (true or false)"
      case "integer": "an integer"
      case "number": "a number"
      case "array": "a list (JSON array)"
      case "object": "an object (JSON object)"
      case "null": "null"
      default: "a \(type)"
      }
    }.joined(separator: " or ")
  }

  private static func example(_ types: [String]) -> String {
    if types.contains("boolean") { return "write true or false" }
    if types.contains("array") { return "write a JSON array, such as '[\"a\",\"b\"]'" }
    if types.contains("object") { return "write a JSON object, or set its fields one by one (field.sub=value)" }
    return "write a number, such as 3 or 3.5"
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
      "the schema \(path) is not valid JSON; no file was validated", hint: "fix the JSON at that spot", status: .failure)
  }

  /// The schema given to `schema validate` is JSON but no valid schema; its problems are
  /// printed above.
  static func invalidSchema(_ path: String) -> FailureMessage {
    FailureMessage(
      "\(path) is not a valid JSON Schema 2020-12; no file was validated", hint: "fix the schema at each spot named above",
      status: .failure)
  }
}
