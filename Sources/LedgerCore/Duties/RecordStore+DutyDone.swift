import Foundation
import LedgerJSON

/// A duty done once: the day, who did it, what they note. `adminledger done` records it.
public struct DutyDone: Equatable, Sendable {
  /// The duty's id.
  public var duty: RecordID
  /// `YYYY-MM-DD`.
  public var day: String
  /// The person who did it, when known.
  public var person: String?
  /// A few words on what was done.
  public var note: String?

  /// A duty done on `day`, by `person`, with `note`.
  public init(duty: RecordID, day: String, person: String? = nil, note: String? = nil) {
    self.duty = duty
    self.day = day
    self.person = person
    self.note = note
  }
}

// A duty keeps when it was last done in two fields:
//
//     "done": [{"by": "mdupont", "note": "Brevo lists matched", "on": "2026-12-06"}],
//     "last_done": "2026-12-06",
//
// `done` is a set (uniqueItems), so two administrators recording offline merge; `last_done` is
// the latest day in it, which `report expiring` adds the frequency to. Recording an older day
// (catching up) adds it to `done` without moving `last_done` back.
extension RecordStore {
  /// Records that a duty was done, in one commit whose subject names the duty and the day.
  ///
  /// - Throws: `.recordNotFound` for an unknown duty; `.invalid` when the result breaks a rule
  ///   (a `by` naming nobody); `.nothingChanged` when that very entry is already there.
  public func recordDone(_ done: DutyDone, by author: Author, at date: Date) throws(StoreError) -> WriteResult {
    let key = RecordKey(kind: .duties, id: done.duty)
    let result = try validatedWrite(by: author, at: date) { (snapshot) throws(StoreError) -> ChangeSet? in
      guard let duty = try snapshot.record(key) else { throw .recordNotFound(key) }
      var entry = JSONObject([("on", .string(done.day))])
      if let person = done.person { entry["by"] = .string(person) }
      if let note = done.note { entry["note"] = .string(note) }
      var history = duty.fields["done"]?.arrayValue ?? []
      guard !history.contains(.object(entry)) else { return nil }
      history.append(.object(entry))
      history.sort { ($0.objectValue?["on"]?.stringValue ?? "") < ($1.objectValue?["on"]?.stringValue ?? "") }
      var fields = duty.fields
      fields["done"] = .array(history)
      let last = duty.fields["last_done"]?.stringValue
      if last.map({ $0 < done.day }) ?? true { fields["last_done"] = .string(done.day) }
      let mission = duty.fields["mission"]?.stringValue.map { ": " + $0 } ?? ""
      let message = CommitMessage(
        subject: "Done \(key) on \(done.day)\(mission)",
        body: FieldChange.between(duty.fields, fields).map(\.summary), actions: [.set], records: [key])
      return ChangeSet(putting: [Record(key: key, fields: fields)], removing: [], message: message)
    }
    guard let result else { throw .nothingChanged }
    return result
  }
}
