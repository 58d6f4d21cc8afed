import LedgerCore
import LedgerJSON
import LedgerLanguage

/// The words of `forget`, and of a sync that pushes or follows an erasure.
///
///     Forgot people/hlefevre, now people/forgotten-k3f9q: 412 commits rewritten (commit 3f2a1b9)
///     Erased: /emails, /name, /notes, /phone
///     Erasure record: erasures/2026-12-06-x7p2m
///     Next: 'adminledger sync' pushes the rewrite and drops the former history from this clone.
enum ForgetRenderer {
  static var reasonNeeded: String {
    tr(
      "forget needs --reason TEXT: the request and its date, kept in the erasure record (for example --reason \"erasure request of 2026-12-01\")"
    )
  }

  static func notAPerson(_ key: RecordKey) -> String {
    tr("forget takes a person (people/ID or ID), not \(key)")
  }

  static func lines(_ result: ForgetResult) -> [String] {
    let count = result.rewritten
    let fields = result.fields.joined(separator: ", ")
    let one = Language.singular(count)
    guard let commit = result.commit, let erasure = result.erasure else {
      return [
        one
          ? tr("Would forget \(result.former) as \(result.neutral): \(count) commit rewritten (dry run, nothing changed)")
          : tr("Would forget \(result.former) as \(result.neutral): \(count) commits rewritten (dry run, nothing changed)"),
        tr("Would erase: \(fields)"),
      ]
    }
    return [
      one
        ? tr("Forgot \(result.former), now \(result.neutral): \(count) commit rewritten (commit \(commit.prefix(7)))")
        : tr("Forgot \(result.former), now \(result.neutral): \(count) commits rewritten (commit \(commit.prefix(7)))"),
      tr("Erased: \(fields)"),
      tr("Erasure record: \(erasure)"),
      result.dropped
        ? tr("The former history's objects were dropped from this repository.")
        : tr(
          "Next: 'adminledger sync' pushes the rewrite and drops the former history from this clone; each other clone's next sync follows it."
        ),
    ]
  }

  static func json(_ result: ForgetResult) -> JSONValue {
    .object(
      JSONObject([
        ("person", .string(result.neutral.description)),
        ("erasure", result.erasure.map { .string($0.description) } ?? .null),
        ("commit", result.commit.map(JSONValue.string) ?? .null),
        ("rewritten", .number(JSONNumber(result.rewritten))),
        ("fields", .array(result.fields.map(JSONValue.string))),
        ("dropped", .bool(result.dropped)),
        ("dry_run", .bool(result.commit == nil)),
      ]))
  }

  // MARK: - sync

  /// What a sync did about an erasure.
  static func line(_ erasure: ErasureSync, remote report: SyncReport) -> String {
    let remote = "\(report.remote)/\(report.remoteBranch)"
    switch erasure {
    case .pushed(let record):
      return tr("Rewrote \(remote) as \(record) describes (a person forgotten); the shared repository judges it")
    case .followed(let record, let moved):
      if moved == 0 {
        return tr(
          "Followed \(record): \(remote)'s history was rewritten to forget a person; this clone had no unpublished commit")
      }
      return Language.singular(moved)
        ? tr(
          "Followed \(record): \(remote)'s history was rewritten to forget a person; \(moved) unpublished commit of this clone rewritten onto it"
        )
        : tr(
          "Followed \(record): \(remote)'s history was rewritten to forget a person; \(moved) unpublished commits of this clone rewritten onto it"
        )
    }
  }

  /// The former history dropped from this clone.
  static func line(_ dropped: DroppedObjects) -> String {
    tr(
      "Dropped the former history from this clone: \(dropped.objectsBefore) objects before, \(dropped.objectsAfter) now; reflogs and caches built from it removed"
    )
  }

  /// The former history dropped from the shared repository (its post-receive hook).
  static func serverLine(_ dropped: DroppedObjects) -> String {
    tr(
      "the branch was rewritten by an erasure; dropped the former history: \(dropped.objectsBefore) objects before, \(dropped.objectsAfter) now"
    )
  }

  static func json(_ erasure: ErasureSync?) -> JSONValue {
    switch erasure {
    case .pushed(let record)?: .object(JSONObject([("action", "pushed"), ("record", .string(record.description))]))
    case .followed(let record, let moved)?:
      .object(
        JSONObject([("action", "followed"), ("record", .string(record.description)), ("moved", .number(JSONNumber(moved)))]))
    case nil: .null
    }
  }

  static func json(_ dropped: DroppedObjects?) -> JSONValue {
    guard let dropped else { return .null }
    return .object(
      JSONObject([
        ("objects_before", .number(JSONNumber(dropped.objectsBefore))),
        ("objects_after", .number(JSONNumber(dropped.objectsAfter))),
        ("bytes_before", .number(JSONNumber(dropped.bytesBefore))), ("bytes_after", .number(JSONNumber(dropped.bytesAfter))),
      ]))
  }

  // MARK: - Failures

  static func failure(_ problem: ErasureProblem) -> (message: String, hint: String?) {
    switch problem {
    case .reasonMissing:
      return (reasonNeeded, nil)
    case .notInStep(let remote, let branch):
      return (
        tr(
          "this clone is not in step with \(remote)/\(branch): an erasure must rewrite exactly the history the shared repository holds"
        ),
        tr("run 'adminledger sync' first, then forget again")
      )
    case .authorUnknown(let email):
      return (
        tr("no person of the ledger lists \(email) in git_identities or emails: the erasure record names who erased"),
        tr("forget as an administrator the ledger knows (--author, ADMINLEDGER_AUTHOR or git's user.email)")
      )
    case .remoteMovedSinceErasure(let remote, let erasure):
      return (
        tr("\(remote) received commits after the history \(erasure) rewrote: pushing the rewrite would drop them"),
        tr("reset this clone to \(remote)'s branch (clone again), then forget the person again")
      )
    case .erasedPersonUnknown(let erasure):
      return (
        tr(
          "the remote's \(erasure) forgets a person this clone's history does not hold, so its unpublished commits cannot follow the erasure"
        ),
        tr(
          "keep a copy of this clone's work ('adminledger diff' against the remote), clone the ledger again, and redo that work there"
        )
      )
    }
  }
}
