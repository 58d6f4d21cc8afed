import Foundation
import LedgerTestSupport
import Testing

/// `log` and `blame` through merges: who really made each change on each clone.
@Suite struct MergeHistoryTests {
  /// Claire and Marc change different fields and attendees of one training; Marc's sync merges.
  private func divergedAndMerged() throws -> (SharedLedger, claire: String, marc: String, merge: String) {
    let shared = try SharedLedger()
    try SharedLedger.succeed(
      shared.claire, ["set", "trainings/intro", "--set", "location=Marseille", "--set", #"attendees=["hugo","anne","lea"]"#])
    let claire = try shared.head(shared.claire)
    try SharedLedger.succeed(shared.claire, ["sync"])
    try SharedLedger.succeed(
      shared.marc, ["set", "trainings/intro", "--set", "topic=GeoNature advanced", "--set", #"attendees=["hugo","anne","paul"]"#])
    let marc = try shared.head(shared.marc)
    try SharedLedger.succeed(shared.marc, ["sync"])
    let merge = try shared.head(shared.marc)
    try #require(try shared.parents(shared.marc).count == 2)
    try SharedLedger.succeed(shared.claire, ["sync"])
    return (shared, claire, marc, merge)
  }

  @Test func blameCreditsEachSideNotTheMergeThatBroughtIt() throws {
    let (shared, claire, marc, merge) = try divergedAndMerged()
    let blame = shared.claire.run("blame", "trainings/intro", "--format", "json")
    #expect(blame.status == 0, "\(blame)")
    let lines = try #require(try JSONSerialization.jsonObject(with: Data(blame.output.utf8)) as? [[String: Any]])
    func commit(_ field: String, _ value: String) -> String? {
      lines.first { $0["field"] as? String == field && ($0["value"] as? String) == value }?["commit"] as? String
    }
    #expect(commit("location", "Marseille") == claire)
    #expect(commit("topic", "GeoNature advanced") == marc)
    #expect(commit("attendees", "lea") == claire)
    #expect(commit("attendees", "paul") == marc)
    #expect(commit("attendees", "hugo") != nil)
    #expect(commit("attendees", "hugo") != merge)
    #expect(!lines.contains { $0["commit"] as? String == merge })
    #expect(lines.allSatisfy { $0["resolution"] is NSNull })
  }

  @Test func blameNamesTheMergeAndItsResolutionWhenTheMergeChoseTheValue() throws {
    let shared = try SharedLedger()
    try SharedLedger.succeed(shared.claire, ["set", "trainings/intro", "--set", "location=Marseille"])
    try SharedLedger.succeed(shared.claire, ["sync"])
    try SharedLedger.succeed(shared.marc, ["set", "trainings/intro", "--set", "location=Nice"])
    #expect(shared.marc.run("sync").status == 1)
    try SharedLedger.succeed(shared.marc, ["resolve", "trainings/intro", "location", "--set", "Toulon"])
    try SharedLedger.succeed(shared.marc, ["sync", "--continue"])
    let merge = try shared.head(shared.marc)

    let blame = shared.marc.run("blame", "trainings/intro")
    #expect(blame.status == 0, "\(blame)")
    let row = try #require(blame.output.split(separator: "\n").first { $0.hasPrefix("location") })
    #expect(row.contains("Toulon"))
    #expect(row.contains(String(merge.prefix(7))))
    #expect(row.contains("[merge, set] Merge origin/main into main"), "\(row)")

    // The log shows the merge with what it decided itself: this clone's value became Toulon.
    let log = shared.marc.run("log", "trainings/intro", "--limit", "1")
    #expect(log.output.hasPrefix("commit \(merge.prefix(7))"), "\(log)")
    #expect(log.output.contains(#"location: "Nice" -> "Toulon""#), "\(log)")
  }

  @Test func logShowsEachSidesCommitAndLeavesACleanMergeOut() throws {
    let (shared, claire, marc, merge) = try divergedAndMerged()
    let log = shared.claire.run("log", "trainings/intro", "--format", "json")
    #expect(log.status == 0, "\(log)")
    let commits = try #require(try JSONSerialization.jsonObject(with: Data(log.output.utf8)) as? [[String: Any]]).compactMap {
      $0["commit"] as? String
    }
    #expect(commits.contains(claire))
    #expect(commits.contains(marc))
    #expect(!commits.contains(merge))

    // The branch's own line: the merge, with everything it brought from Claire's side.
    let firstParent = shared.marc.run("log", "trainings/intro", "--first-parent", "--limit", "1")
    #expect(firstParent.status == 0, "\(firstParent)")
    #expect(firstParent.output.hasPrefix("commit \(merge.prefix(7))"), "\(firstParent)")
    #expect(firstParent.output.contains("(merge)"))
    #expect(firstParent.output.contains(#"location: "Aix-en-Provence" -> "Marseille""#), "\(firstParent)")
  }

  @Test func logFiltersByAuthorKindAndDay() throws {
    let (shared, _, marc, _) = try divergedAndMerged()
    let byMarc = shared.claire.run("log", "--author", "marc.petit@example.org", "--format", "json")
    #expect(byMarc.status == 0, "\(byMarc)")
    let marcCommits = try #require(try JSONSerialization.jsonObject(with: Data(byMarc.output.utf8)) as? [[String: Any]])
    #expect(marcCommits.compactMap { $0["commit"] as? String }.contains(marc))
    #expect(marcCommits.allSatisfy { $0["email"] as? String == "marc.petit@example.org" })

    let byName = shared.claire.run("log", "--author", "Marc Petit", "--limit", "1", "--format", "json")
    #expect(
      try (JSONSerialization.jsonObject(with: Data(byName.output.utf8)) as? [[String: Any]])?.first?["author"] as? String
        == "Marc Petit")

    let people = shared.claire.run("log", "--kind", "people", "--format", "json")
    let peopleSteps = try #require(try JSONSerialization.jsonObject(with: Data(people.output.utf8)) as? [[String: Any]])
    #expect(peopleSteps.count == 4)  // the seed adds four people, one commit each
    for step in peopleSteps {
      let records = (step["records"] as? [[String: Any]] ?? []).compactMap { $0["record"] as? String }
      #expect(records.allSatisfy { $0.hasPrefix("people/") }, "\(records)")
    }
    // The runner's clock is 2026-11-18: every commit is of that day.
    #expect(shared.claire.run("log", "--since", "2026-11-19", "--format", "json").output == "[]\n")
    #expect(shared.claire.run("log", "--until", "2026-11-17", "--format", "json").output == "[]\n")
    #expect(
      shared.claire.run("log", "--since", "2026-11-18", "--until", "2026-11-18", "--limit", "2", "--format", "json").output
        .contains("\"commit\""))
    let bad = shared.claire.run("log", "--since", "yesterday")
    #expect(bad.status == 2)
    #expect(bad.error.contains("--since takes a day, not 'yesterday'"), "\(bad)")
    #expect(bad.error.contains("YYYY-MM-DD"), "\(bad)")
  }

  @Test func blameNamesTheMergeForAResolutionThatKeptOneSide() throws {
    let shared = try SharedLedger()
    try SharedLedger.succeed(shared.claire, ["set", "trainings/intro", "--set", "location=Marseille", "--set", "topic=Advanced"])
    try SharedLedger.succeed(shared.claire, ["sync"])
    try SharedLedger.succeed(shared.marc, ["set", "trainings/intro", "--set", "location=Nice"])
    #expect(shared.marc.run("sync").status == 1)
    try SharedLedger.succeed(shared.marc, ["resolve", "trainings/intro", "location", "--theirs"])
    try SharedLedger.succeed(shared.marc, ["sync", "--continue"])
    let merge = try shared.head(shared.marc)

    let blame = shared.marc.run("blame", "trainings/intro")
    let location = try #require(blame.output.split(separator: "\n").first { $0.hasPrefix("location") })
    #expect(location.contains("Marseille") && location.contains(String(merge.prefix(7))), "\(blame)")
    #expect(location.contains("[merge, theirs]"), "\(blame)")
    // A field the merge did not settle is still credited to the side that changed it.
    let topic = try #require(blame.output.split(separator: "\n").first { $0.hasPrefix("topic") })
    #expect(!topic.contains(String(merge.prefix(7))), "\(blame)")
    #expect(topic.contains("Claire Durand"), "\(blame)")
  }
}
