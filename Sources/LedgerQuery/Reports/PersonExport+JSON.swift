import Foundation
import LedgerCore
import LedgerJSON

// The export's JSON: a stable shape, the same in every language (no word in it is translated),
// documented in the README (`report person`). Version 1:
//
//     {
//       "format": "adminledger-person-export",
//       "version": 1,
//       "ledger": "Biodiversity data platform",         the ledger's name, or null
//       "revision": "9c1e…",                            the commit read (40 hex digits), or null
//       "exported_at": "2026-12-06T12:00:00Z",          RFC 3339, UTC
//       "person": {"record": "people/jmartin", "kind": "people", "id": "jmartin", "content": {…}},
//       "mentions": [                                   every other record naming the person
//         {"record": "rights/2025-09-01-mvcgr", "kind": "rights", "id": "2025-09-01-mvcgr",
//          "fields": ["/validated_by"], "content": {…}}
//       ],
//       "rights_held": [                                rights on the person's accounts
//         {"record": "rights/…", "kind": "rights", "id": "…", "account": "…", "content": {…}}
//       ],
//       "history": [                                    the person's record, oldest first
//         {"field": "emails", "value": ["…"], "removed": false,
//          "commit": "…", "date": "2026-…Z", "author": "Claire Durand", "email": "claire@…"}
//       ],
//       "commits": [                                    commits they authored, newest first
//         {"commit": "…", "parents": ["…"], "date": "…Z", "author": "…", "email": "…", "subject": "…"}
//       ]
//     }
//
// Every key is always present; lists are empty rather than absent. A removed field has
// `"removed": true` and `"value": null`. Later versions only add keys.
extension PersonExport {
  /// The name the export's `format` key holds.
  public static let formatName = "adminledger-person-export"
  /// The version of the shape; it changes only when a key changes meaning or goes away.
  public static let formatVersion = 1

  /// The export as one JSON value, in the documented shape.
  ///
  /// - Parameters:
  ///   - ledgerName: The ledger's name from its settings, when known.
  ///   - exportedAt: When the export is made.
  public func json(ledgerName: String?, exportedAt: Date) -> JSONValue {
    var object = base(ledgerName: ledgerName, exportedAt: exportedAt)
    // Only a ledger with groups says so: an export without them reads as before.
    if !rolesThroughGroups.isEmpty {
      object["roles_through_groups"] = .array(
        rolesThroughGroups.map { grant in
          .object([
            "account": .string(grant.account.description), "system": .text(grant.system), "group": .string(grant.group),
            "role": .string(grant.role),
          ])
        })
    }
    return .object(object)
  }

  private func base(ledgerName: String?, exportedAt: Date) -> JSONObject {
    [
      "format": .string(Self.formatName),
      "version": .count(Self.formatVersion),
      "ledger": .text(ledgerName),
      "revision": .text(revision),
      "exported_at": .string(LedgerDate.instant(exportedAt)),
      "person": .object(Self.describe(person)),
      "mentions": .array(
        mentions.map { mention in
          var object = Self.describe(mention.record)
          object["fields"] = .array(mention.fields.map { .string($0.description) })
          return .object(object)
        }),
      "rights_held": .array(
        rightsHeld.map { right in
          var object = Self.describe(right)
          object["account"] = right.fields["account"] ?? .null
          return .object(object)
        }),
      "history": .array(history.map(Self.json)),
      "commits": .array(
        commits.map { entry in
          var object = Self.json(entry)
          object["parents"] = .array(entry.parents.map { .string($0) })
          object["subject"] = .string(entry.subject)
          return .object(object)
        }),
    ]
  }

  private static func describe(_ record: Record) -> JSONObject {
    [
      "record": .string(record.key.description), "kind": .string(record.key.kind.rawValue),
      "id": .string(record.key.id.value), "content": .object(record.fields),
    ]
  }

  private static func json(_ value: FieldValue) -> JSONValue {
    var object = json(value.entry)
    object["field"] = .string(value.field)
    object["value"] = value.value ?? .null
    object["removed"] = .bool(value.value == nil)
    return .object(object)
  }

  private static func json(_ entry: HistoryEntry) -> JSONObject {
    [
      "commit": .string(entry.commit), "date": .string(LedgerDate.instant(entry.date)),
      "author": .string(entry.authorName), "email": .string(entry.authorEmail),
    ]
  }
}
