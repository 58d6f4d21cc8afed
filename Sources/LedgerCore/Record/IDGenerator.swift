import Foundation

/// Makes ids for event-like records: the day in the ledger's time zone and a random suffix,
/// `2026-11-27-k3f9q`. Never a counter: two administrators adding offline never collide
/// (36^5 ≈ 60 million suffixes a day), and the caller still checks against existing ids.
public struct IDGenerator: Sendable {
  private static let alphabet = Array("abcdefghijklmnopqrstuvwxyz0123456789")
  public let timeZone: TimeZone

  public init(timeZone: TimeZone) { self.timeZone = timeZone }

  /// A fresh id for something created at `date`.
  public func makeID(at date: Date) -> RecordID {
    var generator = SystemRandomNumberGenerator()
    return makeID(at: date, using: &generator)
  }

  /// Five random characters, the part of a generated id after the day.
  static func suffix() -> String {
    String((0..<5).map { _ in alphabet.randomElement() ?? "x" })
  }

  /// A fresh id drawn from `generator`, so tests can fix the suffix.
  public func makeID<Generator: RandomNumberGenerator>(at date: Date, using generator: inout Generator)
    -> RecordID
  {
    let suffix = String((0..<5).map { _ in IDGenerator.alphabet.randomElement(using: &generator) ?? "x" })
    let text = LedgerDate.day(of: date, in: timeZone) + "-" + suffix
    return RecordID(generated: text)
  }
}
