import Foundation
import LedgerCore
import LedgerJSON

/// Everything the ledger holds about one person at one revision: what `report person` shows,
/// and what `report person --format json` hands over for an access or portability request
/// (GDPR articles 15 and 20).
///
/// - the person's record;
/// - every other record that names them: each field the schemas mark `x-ref` to people, at any
///   depth and in every kind (a right's `validated_by` and `requested_by`, a training's
///   `attendees`, a duty's `actors[].person`), found from the schemas, never from a list;
/// - the rights on their accounts (those name the account, not the person);
/// - the values their own record had and which commit set each (`log people/ID`);
/// - the commits they authored: an author email among their `emails` or `git_identities`, or
///   an author name equal to their `name` (as the record says now or said before).
///
/// The records come from the view's value indexes where the store keeps them, so the cost
/// follows what names the person, not the size of the ledger. The record's history costs one
/// `log KIND/ID`; the commits authored cost one read of each commit's header.
public struct PersonExport: Sendable {
  /// A record that names the person, with every place it does so.
  public struct Mention: Sendable {
    /// The record, as the view holds it.
    public let record: Record
    /// The pointers of the fields holding the person's id, sorted (`/attendees/2`).
    public let fields: [JSONPointer]
  }

  /// One value a field of the person's record had, and the commit that set it.
  public struct FieldValue: Sendable {
    /// The field, dotted for nested objects (`credentials.channel`), as `log` names it.
    public let field: String
    /// The value the commit set; nil when the commit removed the field (or the record).
    public let value: JSONValue?
    /// The commit that set the value: its id, author and date.
    public let entry: HistoryEntry
  }

  /// The person's record.
  public let person: Record
  /// The commit read, nil for an uncommitted view.
  public let revision: String?
  /// Every other record naming the person, sorted by kind and id.
  public let mentions: [Mention]
  /// The rights on the person's accounts, sorted by id.
  public let rightsHeld: [Record]
  /// A role one of the person's active accounts holds through a group of its system.
  public struct GroupRole: Sendable {
    public let account: RecordKey
    public let system: String?
    /// The group's id.
    public let group: String
    public let role: String
  }

  /// The roles the person's accounts hold through their groups (no right record gives them),
  /// sorted by account, role and group.
  public var rolesThroughGroups: [GroupRole] = []
  /// The values of the person's record over time, oldest first, field by field as commits set them.
  public let history: [FieldValue]
  /// The commits the person authored, newest first.
  public let commits: [HistoryEntry]

  /// The person's id.
  public var id: String { person.key.id.value }

  /// The mentions of one kind.
  public func mentions(in kind: RecordKind) -> [Mention] { mentions.filter { $0.record.key.kind == kind } }

  /// Gathers everything about `person` in `view`, with `history` (the history `view` was read
  /// from) for the record's past values and the commits authored.
  ///
  /// - Parameters:
  ///   - view: The ledger at the revision reported on.
  ///   - history: The ledger's history; read from `view.revision` back.
  ///   - person: The person's record, as `view` holds it.
  /// - Returns: The export, every list in a stable order.
  /// - Throws: `StoreError` when the ledger or its history cannot be read.
  public static func make(_ view: LedgerView, history: any LedgerHistory, person: Record) throws(StoreError)
    -> PersonExport
  {
    let mentions = try Self.mentions(of: person.key, in: view)
    var rights: [RecordKey: Record] = [:]
    for account in mentions where account.record.key.kind == .accounts {
      for (right, _) in try view.referrers(of: account.record.key) where right.key.kind == .rights {
        rights[right.key] = right
      }
    }
    let groups = try GroupRoles(view)
    let values = try values(of: person.key, in: history, from: view.revision)
    var export = PersonExport(
      person: person, revision: view.revision, mentions: mentions,
      rightsHeld: rights.values.sorted { $0.key < $1.key }, history: values,
      commits: try authored(by: AuthorIdentity(person, history: values), in: history, from: view.revision))
    export.rolesThroughGroups = mentions.filter { $0.record.key.kind == .accounts }.flatMap { mention in
      groups.inherited(by: mention.record).map {
        GroupRole(
          account: mention.record.key, system: mention.record.fields["system"]?.stringValue, group: $0.group, role: $0.role)
      }
    }
    return export
  }

  /// Every record other than the person's own that names them, from the schemas' `x-ref` paths.
  static func mentions(of key: RecordKey, in view: LedgerView) throws(StoreError) -> [Mention] {
    var places: [RecordKey: (record: Record, fields: Set<JSONPointer>)] = [:]
    for (record, pointer) in try view.referrers(of: key) where record.key != key {
      places[record.key, default: (record, [])].fields.insert(pointer)
    }
    return places.values.map { Mention(record: $0.record, fields: $0.fields.sorted()) }.sorted { $0.record.key < $1.record.key }
  }
}
