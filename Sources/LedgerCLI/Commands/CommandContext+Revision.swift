import Foundation
import LedgerCore
import LedgerLanguage

// How a day or a revision given on the command line (`--at`, `--since`, `diff A..B`) is read.
//
// The store reads a day as YYYY-MM-DD and anything else as a commit, branch or tag, so
// `--at 06/12/2026` used to end as "no commit '06/12/2026'". Here a value shaped like a date
// (digits and separators) is a day or an error that shows the expected forms. In a ledger kept
// in French, days are written DD/MM/YYYY: that form is read too, and always day first. Elsewhere
// a slashed date is refused, as 06/12/2026 is 6 December in France and June 12 in the United
// States; the error shows the ISO day it would be read as in French, so the reader can see which
// one they meant.
extension CommandContext {
  /// The value of `option` (`--at`) as the store reads it: a day `YYYY-MM-DD`, or the revision
  /// named; nil when the option is absent.
  func revision(option: String = "at", ledger: Ledger) throws(CLIError) -> String? {
    guard let text = arguments.value(option) else { return nil }
    return try revision(text, ledger: ledger)
  }

  /// `text` as the store reads it: a day `YYYY-MM-DD`, or the revision it names.
  func revision(_ text: String, ledger: Ledger) throws(CLIError) -> String {
    switch DayInput.read(text, dayFirst: readsDayFirst(ledger)) {
    case .day(let day): return day
    case .revision: return text
    case .malformed: throw malformedDay(text, option: nil, ledger: ledger)
    }
  }

  /// The value of `option` (`--since`), which takes a day only.
  func day(_ option: String, ledger: Ledger) throws(CLIError) -> String? {
    guard let text = arguments.value(option) else { return nil }
    guard case .day(let day) = DayInput.read(text, dayFirst: readsDayFirst(ledger)) else {
      throw malformedDay(text, option: option, ledger: ledger)
    }
    return day
  }

  /// Runs a read at a revision the user named, saying what forms `--at` takes when the store
  /// finds no such commit.
  func atRevision<Result>(_ body: () throws(StoreError) -> Result) throws(CLIError) -> Result {
    do {
      return try body()
    } catch .revisionNotFound(let revision) where !LedgerDate.isDay(revision) {
      throw .usage(
        tr("no commit, branch or tag '\(revision)'"),
        hint: tr("give a day as YYYY-MM-DD, or a commit that 'adminledger log' lists"))
    } catch {
      throw .store(error)
    }
  }

  /// Whether DD/MM/YYYY is read: the ledger is kept in French (`fr`, `fr-FR`). The ledger
  /// decides, as it does for the values of `--set` and `--where`, so a `--format json` run reads
  /// the same days as a person's run.
  func readsDayFirst(_ ledger: Ledger) -> Bool {
    ((try? ledger.store.snapshot(at: nil).settings()).map { InputConventions(settings: $0).readsDayFirst }) ?? false
  }

  private func malformedDay(_ text: String, option: String?, ledger: Ledger) -> CLIError {
    let message =
      option.map { tr("--\($0) takes a day, not '\(text)'") } ?? tr("'\(text)' is not a day AdminLedger reads")
    if readsDayFirst(ledger) {
      return .usage(
        message, hint: tr("write the day as YYYY-MM-DD or DD/MM/YYYY, such as 2026-12-06 or 06/12/2026"))
    }
    if case .day(let day) = DayInput.read(text, dayFirst: true) {
      return .usage(
        message, hint: tr("write the day as YYYY-MM-DD, such as \(day) for \(LocalFormat.day(day))"))
    }
    return .usage(message, hint: tr("write the day as YYYY-MM-DD, such as 2026-12-06"))
  }
}

/// A value given where a day or a revision goes, sorted by its shape.
enum DayInput: Equatable {
  /// A day, `YYYY-MM-DD`.
  case day(String)
  /// Not shaped like a date: a commit, branch or tag for the store to find.
  case revision
  /// Shaped like a date (digits and `-`, `/` or `.`) but no day read: `06/12/2026` in English,
  /// `2026-13-01`, `2026/12/06`.
  case malformed

  static func read(_ text: String, dayFirst: Bool) -> DayInput {
    if LedgerDate.isDay(text) { return .day(text) }
    guard text.wholeMatch(of: /[0-9]{1,4}[-\/.][0-9]{1,2}[-\/.][0-9]{1,4}/) != nil else { return .revision }
    guard dayFirst, let match = text.wholeMatch(of: /([0-9]{1,2})[\/.]([0-9]{1,2})[\/.]([0-9]{4})/),
      let date = Int(match.1), let month = Int(match.2)
    else { return .malformed }
    let day = "\(match.3)-" + (month < 10 ? "0\(month)" : "\(month)") + "-" + (date < 10 ? "0\(date)" : "\(date)")
    return LedgerDate.isDay(day) ? .day(day) : .malformed
  }
}
