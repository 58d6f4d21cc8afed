import Foundation
import LedgerCore
import LedgerLanguage

/// What a reading command works on: the ledger, its view at `--at`, and the ledger's clock.
struct LedgerReading {
  let ledger: Ledger
  let view: LedgerView
  let timeZone: TimeZone
  /// Today in the ledger's time zone, `YYYY-MM-DD`.
  let today: String
}

extension CommandContext {
  /// Opens the ledger and reads it as it stands now, or at `--at`.
  func read() throws(CLIError) -> LedgerReading {
    let ledger = try openLedger()
    let at = try revision(ledger: ledger)
    let view = try atRevision { () throws(StoreError) in try LedgerView(ledger.store.snapshot(at: at)) }
    viewsRead.views.append(view)
    let zone = timeZone(of: ledger)
    return LedgerReading(ledger: ledger, view: view, timeZone: zone, today: LedgerDate.day(of: environment.now(), in: zone))
  }

  /// The ledger's time zone from its current settings (UTC when they cannot be read).
  func timeZone(of ledger: Ledger) -> TimeZone {
    (try? ledger.store.snapshot(at: nil).settings().timeZone) ?? .gmt
  }
}
