import Foundation
import LedgerLanguage

/// A line on standard error that says how far a long command has come, for a person watching
/// a terminal: `Checking rows: 1200 of 5000`, rewritten in place (`\r`) as the work goes on and
/// erased when it is done, so that nothing of it stays in the terminal's scrollback.
///
/// When standard error is not a terminal (piped, captured by a test, a cron job's mail), a
/// `Progress` writes nothing at all: what a program reads stays plain and stable.
///
/// Usage, from any command:
/// ```swift
/// let progress = Progress(context.err)
/// progress.show(SiteWords.building)       // any one-line text, already translated
/// progress.count(done, of: total, label)  // "Writing pages: 12 of 80"
/// progress.clear()                        // before printing the result
/// ```
/// Updates closer than `interval` apart are skipped, except the last of a count, so a tight
/// loop costs little. It may be called from several threads.
final class Progress: @unchecked Sendable {
  // @unchecked: `shown` and `lastWrite` are only touched under `lock`.
  private let sink: TextSink
  private let lock = NSLock()
  private let interval: TimeInterval
  /// The width of what was last written, to erase it; 0 when nothing is shown.
  private var shown = 0
  private var lastWrite = Date.distantPast
  /// The reader's language, kept: a count may come from work done in another language (the
  /// review site's pages speak the ledger's).
  private let language = Language.current

  /// A progress line on `sink`, active only when `sink` is a terminal.
  init(_ sink: TextSink, interval: TimeInterval = 0.1) {
    self.sink = sink
    self.interval = interval
  }

  /// Whether anything will be shown: standard error is a terminal.
  var isActive: Bool { sink.isTerminal }

  /// Shows `text` in place of what was shown before.
  func show(_ text: String) {
    guard isActive else { return }
    lock.withLock { draw(text) }
  }

  /// Shows `label: done of total`, at most once per `interval` (the last step always).
  func count(_ done: Int, of total: Int, _ label: String) {
    guard isActive else { return }
    lock.withLock {
      let now = Date()
      guard done >= total || now.timeIntervalSince(lastWrite) >= interval else { return }
      lastWrite = now
      draw(Phrase("\(label): \(done) of \(total)").text(in: language))
    }
  }

  /// Erases the line, leaving the cursor where it was before the first `show`.
  func clear() {
    guard isActive else { return }
    lock.withLock {
      guard shown > 0 else { return }
      sink.write("\r" + String(repeating: " ", count: shown) + "\r")
      shown = 0
    }
  }

  private func draw(_ text: String) {
    // One line only: a wrapped line could not be rewritten with \r.
    let line = String(text.prefix(max(10, Progress.width - 1)))
    let padding = max(0, shown - line.count)
    sink.write("\r" + line + String(repeating: " ", count: padding))
    shown = line.count
  }

  /// The terminal's width, read once (standard error's own is that of the same terminal).
  private static let width = TerminalSize.columns(ProcessInfo.processInfo.environment)
}
