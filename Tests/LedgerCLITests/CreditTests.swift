import Foundation
import LedgerTestSupport
import Testing

/// Credit follows the value (issue 20): `blame`, `conflicts`' "who set it" and `log` name the
/// commit that made a value, through any number of merges; a merge is named only for what it
/// decided (a resolution that changed this clone's side, or a value neither parent had).
@Suite struct CreditTests {
  static let paulGirard = "Paul Girard <paul.girard@example.org>"

  /// Blame as JSON rows: (field, value text, commit, resolution).
  private func blame(_ runner: CLIRunner, _ record: String) throws -> [(
    field: String, value: String, commit: String, resolution: String?
  )] {
    let result = runner.run("blame", record, "--format", "json")
    try #require(result.status == 0, "\(result)")
    let rows = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [[String: Any]])
    return rows.map { row in
      let value = (row["value"] as? String) ?? "\(row["value"] ?? "")"
      return (row["field"] as? String ?? "", value, row["commit"] as? String ?? "", row["resolution"] as? String)
    }
  }

  private func logCommits(_ runner: CLIRunner, _ record: String) throws -> [[String: Any]] {
    let result = runner.run("log", record, "--format", "json")
    try #require(result.status == 0, "\(result)")
    return try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [[String: Any]])
  }

  /// Claire sets the training's location and topic; Marc sets the location too; the sync stops.
  private func conflictOnLocation() throws -> (SharedLedger, claire: String) {
    let shared = try SharedLedger()
    try SharedLedger.succeed(shared.claire, ["set", "trainings/intro", "--set", "location=Marseille", "--set", "topic=Advanced"])
    let claire = try shared.head(shared.claire)
    try SharedLedger.succeed(shared.claire, ["sync"])
    try SharedLedger.succeed(shared.marc, ["set", "trainings/intro", "--set", "location=Nice", "--set", "duration_hours=4"])
    #expect(shared.marc.run("sync").status == 1)
    return (shared, claire)
  }

  @Test func conflictsNameTheCommitThatSetTheirValueNotAMergeThatBroughtIt() throws {
    let shared = try SharedLedger()
    var paul = try shared.newClone("c", author: Self.paulGirard)
    paul.author = Self.paulGirard
    // Paul sets the location and publishes; Claire, who changed another field meanwhile,
    // merges Paul's change into her line and publishes the merge.
    try SharedLedger.succeed(paul, ["set", "trainings/intro", "--set", "location=Marseille"])
    let paulsCommit = try shared.git(paul, "rev-parse", "HEAD").trimmingCharacters(in: .whitespacesAndNewlines)
    try SharedLedger.succeed(paul, ["sync"])
    try SharedLedger.succeed(shared.claire, ["set", "trainings/intro", "--set", "topic=Advanced"])
    try SharedLedger.succeed(shared.claire, ["sync"])
    let claireMerge = try shared.head(shared.claire)
    try #require(try shared.parents(shared.claire).count == 2)
    // Marc sets the location otherwise: the conflict's incoming value is Paul's.
    try SharedLedger.succeed(shared.marc, ["set", "trainings/intro", "--set", "location=Nice"])
    #expect(shared.marc.run("sync").status == 1)
    let report = shared.marc.run("conflicts", "--format", "json")
    let object = try #require(try JSONSerialization.jsonObject(with: Data(report.output.utf8)) as? [String: Any], "\(report)")
    let conflict = try #require(
      (object["conflicts"] as? [[String: Any]])?.first { $0["field"] as? String == "location" }, "\(report)")
    let theirs = try #require(conflict["theirs"] as? [String: Any])
    #expect(theirs["commit"] as? String == paulsCommit, "\(report)")
    #expect(theirs["commit"] as? String != claireMerge)
    #expect(theirs["author"] as? String == "Paul Girard", "\(report)")
  }

  @Test func blameAfterAWholeRecordTheirsCreditsOnlyTheConflictToTheMerge() throws {
    let (shared, claire) = try conflictOnLocation()
    try SharedLedger.succeed(shared.marc, ["resolve", "trainings/intro", "--theirs"])
    try SharedLedger.succeed(shared.marc, ["sync", "--continue"])
    let merge = try shared.head(shared.marc)
    let rows = try blame(shared.marc, "trainings/intro")
    func commit(_ field: String) -> String? { rows.first { $0.field == field }?.commit }
    // The conflict the merge settled is its decision; the rest follows the value.
    #expect(commit("location") == merge)
    #expect(rows.first { $0.field == "location" }?.resolution == "theirs")
    #expect(commit("topic") == claire, "\(rows)")
    #expect(commit("date") != merge, "\(rows)")
    #expect(commit("attendees") != merge, "\(rows)")
    // A field that was not in conflict is not the merge's, whichever value it kept.
    #expect(commit("duration_hours") != merge, "\(rows)")
  }

  @Test func blameAfterAWholeRecordOursCreditsTheFirstParentsCommits() throws {
    let (shared, claire) = try conflictOnLocation()
    let marcsEdit = try shared.git(shared.marc, "rev-parse", "HEAD").trimmingCharacters(in: .whitespacesAndNewlines)
    try SharedLedger.succeed(shared.marc, ["resolve", "trainings/intro", "--ours"])
    try SharedLedger.succeed(shared.marc, ["sync", "--continue"])
    let merge = try shared.head(shared.marc)
    let rows = try blame(shared.marc, "trainings/intro")
    #expect(!rows.contains { $0.commit == merge }, "\(rows)")
    #expect(rows.first { $0.field == "location" }?.commit == marcsEdit, "\(rows)")
    #expect(rows.first { $0.field == "duration_hours" }?.commit == marcsEdit, "\(rows)")
    // The record is this clone's side whole: every field is credited where that side got it.
    #expect(shared.read(shared.marc, "trainings/intro.json")?.contains("GeoNature basics") == true)
    #expect(rows.first { $0.field == "topic" }?.commit != claire, "\(rows)")
    // The log ends with the merge that dropped Claire's topic: the value the record has.
    let text = shared.marc.run("log", "trainings/intro", "--limit", "1")
    #expect(text.output.hasPrefix("commit \(merge.prefix(7))"), "\(text)")
    #expect(text.output.contains(#"topic: "Advanced" -> "GeoNature basics""#), "\(text)")
    #expect(!text.output.contains("location"), "\(text)")
  }

  @Test func logOfARecordKeptAgainstARemovalEndsWithTheMergeThatKeptIt() throws {
    let shared = try SharedLedger()
    try SharedLedger.succeed(shared.marc, ["set", "trainings/intro", "--set", "location=Nice"])
    try SharedLedger.succeed(shared.marc, ["sync"])
    try SharedLedger.succeed(shared.claire, ["rm", "trainings/intro"])
    #expect(shared.claire.run("sync").status == 1)
    try SharedLedger.succeed(shared.claire, ["resolve", "trainings/intro", "--theirs"])
    try SharedLedger.succeed(shared.claire, ["sync", "--continue"])
    let merge = try shared.head(shared.claire)
    #expect(shared.read(shared.claire, "trainings/intro.json") != nil)
    let log = try logCommits(shared.claire, "trainings/intro")
    let newest = try #require(log.first)
    #expect(newest["commit"] as? String == merge, "\(log)")
    let action = ((newest["records"] as? [[String: Any]])?.first)?["action"] as? String
    #expect(action == "add", "\(log)")
  }

  @Test func logOfAConflictResolvedTheirsEndsWithTheValueTheRecordHas() throws {
    let (shared, _) = try conflictOnLocation()
    try SharedLedger.succeed(shared.marc, ["resolve", "trainings/intro", "--theirs"])
    try SharedLedger.succeed(shared.marc, ["sync", "--continue"])
    let merge = try shared.head(shared.marc)
    let text = shared.marc.run("log", "trainings/intro", "--limit", "1")
    #expect(text.output.hasPrefix("commit \(merge.prefix(7))"), "\(text)")
    #expect(text.output.contains(#"location: "Nice" -> "Marseille""#), "\(text)")
    // The clean changes the merge took are not its own.
    #expect(!text.output.contains("topic"), "\(text)")
  }
}
