import Foundation
import LedgerCore
import LedgerJSON

// What history says about a person: the values their record had, and the commits they made.
extension PersonExport {
  /// The values of `key`'s fields from its creation to `revision`, oldest first: one for each
  /// field a commit set or removed, as `log KIND/ID` shows them (through merges: a change made
  /// on another clone is credited to the commit that made it).
  static func values(of key: RecordKey, in history: any LedgerHistory, from revision: String?) throws(StoreError)
    -> [FieldValue]
  {
    guard let revision else { return [] }
    var filter = LogFilter()
    filter.record = key
    let steps = try history.log(from: revision, filter: filter)
    // `log` is newest first; a field's values read oldest first.
    return steps.reversed().flatMap { step in
      step.changes.filter { $0.key == key }.flatMap { change in
        change.fields.map { FieldValue(field: $0.path, value: $0.new, entry: step.entry) }
      }
    }
  }

  /// The commits reachable from `revision` whose author is the person: an author email among
  /// their `emails` and `git_identities` (without case), or an author name equal to their
  /// `name` (without case), as `log --author ID` matches; the values these fields had before
  /// count too (a commit made under an address since replaced is still theirs). Newest first.
  ///
  /// Reads each commit's header once (no tree, no record), so the cost grows with the number
  /// of commits: 200 more commits added about 40 ms to the whole report in a debug build, this
  /// walk and the record's `log` together.
  static func authored(by identity: AuthorIdentity, in history: any LedgerHistory, from revision: String?)
    throws(StoreError) -> [HistoryEntry]
  {
    guard let revision, !identity.isEmpty else { return [] }
    var found: [HistoryEntry] = []
    for commit in try history.walk(from: revision, firstParentOnly: false) {
      let entry = try history.entry(commit)
      if identity.matches(entry) { found.append(entry) }
    }
    history.finishRead()
    return found
  }
}

/// Who a person is as a commit author: the emails and the names their commits may carry,
/// lowercased.
struct AuthorIdentity {
  private(set) var emails: Set<String> = []
  private(set) var names: Set<String> = []

  /// The identity of `person` now and, from `history`, as their record said before.
  init(_ person: Record, history: [PersonExport.FieldValue]) {
    add(field: "emails", person.fields["emails"])
    add(field: "git_identities", person.fields["git_identities"])
    add(field: "name", person.fields["name"])
    for value in history { add(field: value.field, value.value) }
  }

  var isEmpty: Bool { emails.isEmpty && names.isEmpty }

  func matches(_ entry: HistoryEntry) -> Bool {
    emails.contains(entry.authorEmail.lowercased()) || names.contains(entry.authorName.lowercased())
  }

  private mutating func add(field: String, _ value: JSONValue?) {
    switch (field, value) {
    case ("emails", .array(let items)?), ("git_identities", .array(let items)?):
      emails.formUnion(items.compactMap { $0.stringValue?.lowercased() })
    case ("name", .string(let name)?):
      names.insert(name.lowercased())
    default:
      break
    }
  }
}
