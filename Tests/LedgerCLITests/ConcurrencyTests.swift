import Foundation
import LedgerTestSupport
import Testing

/// Several processes of the built binary on one clone at the same moment, as an administrator's
/// scripts, a scheduled sync and a reviewer's queries would run: writers, a syncer and readers
/// in Claire's clone while Marc writes and syncs in his. Every write lands exactly once, every
/// command succeeds, readers only ever see whole states, and the repositories stay sound.
@Suite struct ConcurrencyTests {
  static let writers = 3
  static let writesEach = 20
  static let marcWrites = 15

  @Test func writersSyncersAndReadersAtOnceLoseNothingAndSeeNoHalfState() throws {
    let shared = try SharedLedger()
    let claire = shared.claire.directory
    let marc = shared.marc.directory
    let log = Outcomes()
    var lanes: [@Sendable () -> Void] = []
    for writer in 0..<Self.writers {
      lanes.append {
        for index in 0..<Self.writesEach {
          log.record("write", try? BuiltTool.run(Self.ticket("claire-\(writer)-\(index)"), in: claire))
        }
      }
    }
    lanes.append {
      for _ in 0..<8 { log.record("sync", try? BuiltTool.run(["sync"], in: claire)) }
    }
    lanes.append {
      for index in 0..<Self.marcWrites {
        log.record("write", try? BuiltTool.run(Self.ticket("marc-\(index)"), in: marc, author: SharedLedger.marcPetit))
        if index.isMultiple(of: 3) { log.record("sync", try? BuiltTool.run(["sync"], in: marc, author: SharedLedger.marcPetit)) }
      }
    }
    lanes.append {
      var seen = 0
      for _ in 0..<25 {
        let listed = try? BuiltTool.run(["list", "tickets", "--format", "json"], in: claire)
        log.record("read", listed)
        let count = Self.ticketTitles(listed?.output ?? "")?.count ?? -1
        // HEAD only moves forward in this clone: a reader never sees fewer tickets than before.
        log.record("read order", count >= seen ? nil : "saw \(count) tickets after \(seen)")
        seen = max(seen, count)
        log.record("validate", try? BuiltTool.run(["validate"], in: claire))
      }
    }
    runAtOnce(lanes)
    #expect(log.failures.isEmpty, "\(log.failures.prefix(5))")
    #expect(log.count("write") == Self.writers * Self.writesEach + Self.marcWrites)
    #expect(log.count("read") == 25)

    // Both clones converge on one history holding each ticket exactly once.
    for (directory, author) in [(claire, BuiltTool.claire), (marc, SharedLedger.marcPetit), (claire, BuiltTool.claire)] {
      let synced = try BuiltTool.run(["sync"], in: directory, author: author)
      #expect(synced.status == 0, "\(synced.error)")
    }
    #expect(try shared.head(shared.claire) == shared.head(shared.marc))
    let titles = try #require(Self.ticketTitles(try BuiltTool.run(["list", "tickets", "--format", "json"], in: marc).output))
    var expected: [String] = (0..<Self.marcWrites).map { "marc-\($0)" }
    for writer in 0..<Self.writers { expected += (0..<Self.writesEach).map { "claire-\(writer)-\($0)" } }
    #expect(titles.sorted() == expected.sorted())
    for directory in [claire, marc, shared.bare] {
      #expect(try ExternalProgram.git("fsck", "--no-progress", in: directory).status == 0)
    }
    for directory in [claire, marc] {
      #expect(try ExternalProgram.git("status", "--porcelain", in: directory).output.isEmpty)
      #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent(".git/adminledger/pending.json").path))
    }
  }

  // MARK: - Helpers

  static func ticket(_ title: String) -> [String] {
    ["add", "tickets", "--set", "title=\(title)", "--set", "type=support", "--set", "status=open", "--set", "opened=2026-11-18"]
  }

  /// The titles in `list --format json`'s output; nil when it is not a whole JSON array.
  static func ticketTitles(_ output: String) -> [String]? {
    guard let rows = try? JSONSerialization.jsonObject(with: Data(output.utf8)) as? [[String: Any]] else { return nil }
    return rows.compactMap { $0["title"] as? String }
  }

  /// Runs each lane on its own thread and waits for all (threads, not tasks: each lane blocks
  /// on a child process, and the task pool has one thread per core).
  private func runAtOnce(_ lanes: [@Sendable () -> Void]) {
    let group = DispatchGroup()
    for lane in lanes {
      group.enter()
      Thread.detachNewThread {
        lane()
        group.leave()
      }
    }
    group.wait()
  }
}

/// What the lanes ran and what failed, shared between threads.
final class Outcomes: @unchecked Sendable {
  private let lock = NSLock()
  private var counts: [String: Int] = [:]
  private(set) var failures: [String] = []

  /// Counts a command of `kind`; a failed or missing run is a failure.
  func record(_ kind: String, _ outcome: ExternalProgram.Outcome?) {
    lock.withLock {
      counts[kind, default: 0] += 1
      guard let outcome else { return failures.append("\(kind): could not run") }
      if outcome.status != 0 { failures.append("\(kind): exit \(outcome.status): \(outcome.error)") }
    }
  }

  /// Records a failure described by `problem`, if any.
  func record(_ kind: String, _ problem: String?) {
    guard let problem else { return }
    lock.withLock { failures.append("\(kind): \(problem)") }
  }

  func count(_ kind: String) -> Int { lock.withLock { counts[kind, default: 0] } }
}
