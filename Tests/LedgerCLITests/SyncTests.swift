import Foundation
import LedgerTestSupport
import Testing

/// Sync between administrators, end to end: real clones of one bare repository, each driven
/// through the command line under its administrator's name. Every case checks the records'
/// exact bytes in both clones and the shape of the history the sync leaves.
@Suite struct SyncTests {
  // MARK: Merging without conflict

  @Test func aFastForwardStaysAFastForwardAndNothingToPushIsFine() throws {
    let shared = try SharedLedger()
    try SharedLedger.succeed(shared.claire, ["set", "trainings/intro", "--set", "location=Marseille"])
    let published = shared.claire.run("sync")
    #expect(published.status == 0)
    #expect(published.output == "Already up to date with origin/main.\nPushed main to origin/main (\(shared.bare.path))\n")
    let claireHead = try shared.head(shared.claire)
    #expect(try shared.bareMain() == claireHead)

    let pulled = shared.marc.run("sync")
    #expect(pulled.status == 0)
    #expect(pulled.output == "Fast-forwarded main to origin/main (commit \(claireHead.prefix(7)))\nNothing to push.\n")
    #expect(pulled.error.isEmpty)
    #expect(try shared.head(shared.marc) == claireHead)
    #expect(try shared.merges(shared.marc).isEmpty)
    #expect(try shared.merges(shared.claire).isEmpty)
    #expect(
      shared.read(shared.marc, "trainings/intro.json") == """
        {
          "attendees": [
            "hugo",
            "anne"
          ],
          "date": "2026-11-02",
          "duration_hours": 3,
          "location": "Marseille",
          "topic": "GeoNature basics"
        }

        """)
    #expect(try SharedLedger.files(in: shared.marc.directory) == SharedLedger.files(in: shared.claire.directory))
    #expect(try shared.git(shared.marc, "status", "--porcelain") == "")

    // Both sides now hold everything: syncing again changes nothing, anywhere.
    let before = try shared.state(shared.marc)
    let again = shared.marc.run("sync")
    #expect(again.status == 0)
    #expect(again.output == "Already up to date with origin/main.\nNothing to push.\n")
    #expect(try shared.state(shared.marc) == before)
    #expect(shared.claire.run("sync").output == "Already up to date with origin/main.\nNothing to push.\n")
    #expect(try shared.bareMain() == claireHead)
  }

  @Test func changesToDifferentFieldsOfOneRecordMerge() throws {
    let shared = try SharedLedger()
    try SharedLedger.succeed(shared.claire, ["set", "trainings/intro", "--set", "location=Marseille"])
    try SharedLedger.succeed(shared.claire, ["sync"])
    let claireCommit = try shared.head(shared.claire)
    try SharedLedger.succeed(shared.marc, ["set", "trainings/intro", "--set", "duration_hours=4.5"])
    let marcCommit = try shared.head(shared.marc)

    let merged = shared.marc.run("sync")
    #expect(merged.status == 0, "\(merged)")
    let merge = try shared.head(shared.marc)
    #expect(
      merged.output == """
        Merged origin/main into main: 1 record (commit \(merge.prefix(7)))
        Pushed main to origin/main (\(shared.bare.path))

        """)
    #expect(try shared.parents(shared.marc) == [marcCommit, claireCommit])
    #expect(
      try shared.git(shared.marc, "log", "-1", "--format=%an <%ae>|%s")
        == "Marc Petit <marc.petit@example.org>|Merge origin/main into main: 1 record\n")
    #expect(try shared.trailers(shared.marc, "Ledger-Action") == ["merge"])
    #expect(try shared.trailers(shared.marc, "Ledger-Record") == ["trainings/intro"])
    #expect(try shared.trailers(shared.marc, "Ledger-Resolved") == [])
    #expect(try shared.bareMain() == merge)

    let forwarded = shared.claire.run("sync")
    #expect(forwarded.output == "Fast-forwarded main to origin/main (commit \(merge.prefix(7)))\nNothing to push.\n")
    let expected = """
      {
        "attendees": [
          "hugo",
          "anne"
        ],
        "date": "2026-11-02",
        "duration_hours": 4.5,
        "location": "Marseille",
        "topic": "GeoNature basics"
      }

      """
    #expect(shared.read(shared.claire, "trainings/intro.json") == expected)
    #expect(shared.read(shared.marc, "trainings/intro.json") == expected)
    #expect(try shared.head(shared.claire) == merge)
    #expect(try shared.merges(shared.claire) == [merge])
    #expect(try SharedLedger.files(in: shared.marc.directory) == SharedLedger.files(in: shared.claire.directory))
    #expect(try shared.git(shared.marc, "status", "--porcelain") == "")
    #expect(try shared.git(shared.claire, "status", "--porcelain") == "")
  }

  /// Sets merge element by element, in this side's order followed by the other side's additions.
  @Test func attendeesAddedOnBothSidesMergeAsASet() throws {
    let shared = try SharedLedger()
    try SharedLedger.succeed(shared.claire, ["set", "trainings/intro", "--set", #"attendees=["hugo","anne","lea"]"#])
    try SharedLedger.succeed(shared.claire, ["sync"])
    try SharedLedger.succeed(shared.marc, ["set", "trainings/intro", "--set", #"attendees=["hugo","anne","paul"]"#])
    let merged = shared.marc.run("sync")
    #expect(merged.status == 0, "\(merged)")
    #expect(try shared.parents(shared.marc).count == 2)
    try SharedLedger.succeed(shared.claire, ["sync"])
    let expected = """
      {
        "attendees": [
          "hugo",
          "anne",
          "paul",
          "lea"
        ],
        "date": "2026-11-02",
        "duration_hours": 3,
        "location": "Aix-en-Provence",
        "topic": "GeoNature basics"
      }

      """
    #expect(shared.read(shared.marc, "trainings/intro.json") == expected)
    #expect(shared.read(shared.claire, "trainings/intro.json") == expected)
    #expect(try shared.head(shared.claire) == shared.head(shared.marc))
  }

  @Test func anAttendeeAddedOnOneSideAndAnotherRemovedOnTheOtherBothApply() throws {
    let shared = try SharedLedger()
    try SharedLedger.succeed(shared.claire, ["set", "trainings/intro", "--set", #"attendees=["hugo","anne","lea"]"#])
    try SharedLedger.succeed(shared.claire, ["sync"])
    try SharedLedger.succeed(shared.marc, ["set", "trainings/intro", "--set", #"attendees=["hugo"]"#])
    let merged = shared.marc.run("sync")
    #expect(merged.status == 0, "\(merged)")
    try SharedLedger.succeed(shared.claire, ["sync"])
    let expected = """
      {
        "attendees": [
          "hugo",
          "lea"
        ],
        "date": "2026-11-02",
        "duration_hours": 3,
        "location": "Aix-en-Provence",
        "topic": "GeoNature basics"
      }

      """
    #expect(shared.read(shared.marc, "trainings/intro.json") == expected)
    #expect(shared.read(shared.claire, "trainings/intro.json") == expected)
    #expect(try shared.parents(shared.claire).count == 2)
  }

  @Test func bothSidesSettingOneFieldToTheSameValueIsNoConflict() throws {
    let shared = try SharedLedger()
    try SharedLedger.succeed(shared.claire, ["set", "trainings/intro", "--set", "location=Marseille"])
    try SharedLedger.succeed(shared.claire, ["sync"])
    try SharedLedger.succeed(shared.marc, ["set", "trainings/intro", "--set", "location=Marseille"])
    let merged = shared.marc.run("sync")
    #expect(merged.status == 0, "\(merged)")
    #expect(try shared.parents(shared.marc).count == 2)
    #expect(try shared.trailers(shared.marc, "Ledger-Action") == ["merge"])
    try SharedLedger.succeed(shared.claire, ["sync"])
    let expected = SharedLedger.introTraining.replacingOccurrences(of: "Aix-en-Provence", with: "Marseille")
    #expect(shared.read(shared.marc, "trainings/intro.json") == expected)
    #expect(shared.read(shared.claire, "trainings/intro.json") == expected)
    #expect(shared.marc.run("conflicts").output == "No merge in progress.\n")
  }

  @Test func theSameRecordAddedEquallyOnBothSidesMerges() throws {
    let shared = try SharedLedger()
    let add = [
      "add", "trainings", "advanced", "--set", "date=2026-12-01", "--set", "topic=GeoNature advanced", "--set",
      #"attendees=["paul","hugo"]"#,
    ]
    try SharedLedger.succeed(shared.claire, add)
    try SharedLedger.succeed(shared.claire, ["sync"])
    try SharedLedger.succeed(shared.marc, add)
    let merged = shared.marc.run("sync")
    #expect(merged.status == 0, "\(merged)")
    #expect(try shared.parents(shared.marc).count == 2)
    try SharedLedger.succeed(shared.claire, ["sync"])
    let expected = """
      {
        "attendees": [
          "paul",
          "hugo"
        ],
        "date": "2026-12-01",
        "topic": "GeoNature advanced"
      }

      """
    #expect(shared.read(shared.marc, "trainings/advanced.json") == expected)
    #expect(shared.read(shared.claire, "trainings/advanced.json") == expected)
    #expect(try SharedLedger.files(in: shared.marc.directory) == SharedLedger.files(in: shared.claire.directory))
  }

  @Test func ledgerSettingsChangedInDifferentFieldsOnBothSidesMerge() throws {
    let shared = try SharedLedger()
    let original = try #require(shared.read(shared.claire, "ledger.json"))
    #expect(original == "{\n  \"currency\": \"EUR\",\n  \"name\": \"Shared ledger\",\n  \"timezone\": \"Europe/Paris\"\n}\n")
    try Data(original.replacingOccurrences(of: "\"Shared ledger\"", with: "\"CEN PACA administration\"").utf8)
      .write(to: shared.claire.directory.appendingPathComponent("ledger.json"))
    try SharedLedger.succeed(shared.claire, ["commit", "-m", "Rename the ledger"])
    try SharedLedger.succeed(shared.claire, ["sync"])
    try Data(original.replacingOccurrences(of: "\"EUR\"", with: "\"CHF\"").utf8)
      .write(to: shared.marc.directory.appendingPathComponent("ledger.json"))
    try SharedLedger.succeed(shared.marc, ["commit", "-m", "Keep the accounts in francs"])
    let merged = shared.marc.run("sync")
    #expect(merged.status == 0, "\(merged)")
    #expect(try shared.parents(shared.marc).count == 2)
    try SharedLedger.succeed(shared.claire, ["sync"])
    let expected = "{\n  \"currency\": \"CHF\",\n  \"name\": \"CEN PACA administration\",\n  \"timezone\": \"Europe/Paris\"\n}\n"
    #expect(shared.read(shared.marc, "ledger.json") == expected)
    #expect(shared.read(shared.claire, "ledger.json") == expected)
    #expect(try shared.head(shared.claire) == shared.head(shared.marc))
  }

  // MARK: Conflicts, each resolved each way

  /// One way to settle Marc's "Nice" against Claire's "Marseille".
  struct FieldResolution: CustomTestStringConvertible, Sendable {
    let arguments: [String]
    let trailer: String
    let location: String
    var testDescription: String { arguments.joined(separator: " ") }
  }

  static let fieldResolutions = [
    FieldResolution(arguments: ["--ours"], trailer: "ours", location: "Nice"),
    FieldResolution(arguments: ["--theirs"], trailer: "theirs", location: "Marseille"),
    FieldResolution(arguments: ["--set", "Toulon"], trailer: "set", location: "Toulon"),
  ]

  @Test(arguments: fieldResolutions)
  func oneFieldSetDifferentlyOnBothSidesStopsTheSyncUntilResolved(_ resolution: FieldResolution) throws {
    let shared = try SharedLedger()
    try SharedLedger.succeed(shared.claire, ["set", "trainings/intro", "--set", "location=Marseille"])
    try SharedLedger.succeed(shared.claire, ["sync"])
    let theirs = try shared.head(shared.claire)
    try SharedLedger.succeed(shared.marc, ["set", "trainings/intro", "--set", "location=Nice"])
    let ours = try shared.head(shared.marc)

    let stopped = shared.marc.run("sync")
    #expect(stopped.status == 1)
    let report = """
      Merging origin/main (\(theirs.prefix(7))) into this clone (\(ours.prefix(7))): 1 conflict, no finding

      trainings/intro  location
        base    "Aix-en-Provence"
        ours    "Nice"             \(ours.prefix(7)) 2026-11-18 Marc Petit: Set trainings/intro: location
        theirs  "Marseille"        \(theirs.prefix(7)) 2026-11-18 Claire Durand: Set trainings/intro: location

      """
    #expect(stopped.output == report)
    #expect(
      stopped.error == """
        adminledger: the merge stopped; nothing was committed or pushed
        hint: settle each conflict, for example 'adminledger resolve trainings/intro location --ours' (or --theirs, or --set VALUE), then 'adminledger sync --continue'; 'adminledger sync --abort' goes back

        """)
    #expect(try shared.head(shared.marc) == ours)
    #expect(try shared.bareMain() == theirs)

    let listed = shared.marc.run("conflicts")
    #expect(listed.status == 1)
    #expect(listed.output == report)
    let json = shared.marc.run("conflicts", "--format", "json")
    #expect(json.status == 1)
    #expect(
      json.output == """
        {
          "conflicts": [
            {
              "base": {
                "present": true,
                "value": "Aix-en-Provence"
              },
              "field": "location",
              "file": "trainings/intro.json",
              "ours": {
                "author": "Marc Petit",
                "commit": "\(ours)",
                "date": "2026-11-18",
                "email": "marc.petit@example.org",
                "present": true,
                "subject": "Set trainings/intro: location",
                "value": "Nice"
              },
              "pointer": "/location",
              "record": "trainings/intro",
              "text": false,
              "theirs": {
                "author": "Claire Durand",
                "commit": "\(theirs)",
                "date": "2026-11-18",
                "email": "claire.durand@example.org",
                "present": true,
                "subject": "Set trainings/intro: location",
                "value": "Marseille"
              }
            }
          ],
          "findings": [],
          "merge": {
            "head": "\(ours)",
            "incoming": "\(theirs)",
            "source": "origin/main"
          },
          "resolutions": []
        }

        """)

    let resolved = shared.marc.run(["resolve", "trainings/intro", "location"] + resolution.arguments)
    #expect(resolved.status == 0, "\(resolved)")
    #expect(resolved.output == "Resolved trainings/intro location: the record is settled.\n")
    let settled = shared.marc.run("conflicts")
    #expect(settled.status == 0)
    #expect(
      settled.output == "Merging origin/main (\(theirs.prefix(7))) into this clone (\(ours.prefix(7))): no conflict, no finding\n"
    )

    let continued = shared.marc.run("sync", "--continue")
    #expect(continued.status == 0, "\(continued)")
    let merge = try shared.head(shared.marc)
    #expect(
      continued.output == """
        Committed the merge (commit \(merge.prefix(7)))
        Already up to date with origin/main.
        Pushed main to origin/main (\(shared.bare.path))

        """)
    #expect(try shared.parents(shared.marc) == [ours, theirs])
    #expect(try shared.trailers(shared.marc, "Ledger-Action") == ["merge"])
    #expect(try shared.trailers(shared.marc, "Ledger-Record") == ["trainings/intro"])
    #expect(try shared.trailers(shared.marc, "Ledger-Resolved") == ["trainings/intro location \(resolution.trailer)"])
    #expect(try shared.bareMain() == merge)
    #expect(!FileManager.default.fileExists(atPath: shared.marc.directory.appendingPathComponent(".git/MERGE_HEAD").path))
    #expect(try shared.git(shared.marc, "status", "--porcelain") == "")

    // The other clone's next sync brings the resolution as it is: a fast-forward.
    let forwarded = shared.claire.run("sync")
    #expect(forwarded.output == "Fast-forwarded main to origin/main (commit \(merge.prefix(7)))\nNothing to push.\n")
    let expected = SharedLedger.introTraining.replacingOccurrences(of: "Aix-en-Provence", with: resolution.location)
    #expect(shared.read(shared.claire, "trainings/intro.json") == expected)
    #expect(shared.read(shared.marc, "trainings/intro.json") == expected)
    #expect(try SharedLedger.files(in: shared.marc.directory) == SharedLedger.files(in: shared.claire.directory))
    #expect(try shared.head(shared.claire) == merge)
    // A third administrator who clones now gets the same ledger.
    let sophie = try shared.newClone("c", author: "Sophie Bernard <sophie.bernard@example.org>")
    #expect(try SharedLedger.files(in: sophie.directory) == SharedLedger.files(in: shared.claire.directory))
    #expect(try shared.head(sophie) == merge)
  }

  /// Marc deleted the training Claire changed: `--theirs` brings her version back, `--ours`
  /// keeps it deleted.
  @Test(arguments: ["--theirs", "--ours"])
  func aRecordDeletedOnOneSideAndChangedOnTheOtherConflictsWhole(_ choice: String) throws {
    let shared = try SharedLedger()
    try SharedLedger.succeed(shared.claire, ["set", "trainings/intro", "--set", "location=Marseille"])
    try SharedLedger.succeed(shared.claire, ["sync"])
    let theirs = try shared.head(shared.claire)
    try SharedLedger.succeed(shared.marc, ["rm", "trainings/intro"])
    let ours = try shared.head(shared.marc)

    let stopped = shared.marc.run("sync")
    #expect(stopped.status == 1)
    let base =
      #"{"attendees":["hugo","anne"],"date":"2026-11-02","duration_hours":3,"location":"Aix-en-Provence","topic":"GeoNature basics"}"#
    let changed =
      #"{"attendees":["hugo","anne"],"date":"2026-11-02","duration_hours":3,"location":"Marseille","topic":"GeoNature basics"}"#
    let width = base.count + 2
    #expect(
      stopped.output == """
        Merging origin/main (\(theirs.prefix(7))) into this clone (\(ours.prefix(7))): 1 conflict, no finding

        trainings/intro  *
          base    \(base)
          ours    \("(absent)".padding(toLength: width, withPad: " ", startingAt: 0))\(ours.prefix(7)) 2026-11-18 Marc Petit: Remove trainings/intro
          theirs  \(changed.padding(toLength: width, withPad: " ", startingAt: 0))\(theirs.prefix(7)) 2026-11-18 Claire Durand: Set trainings/intro: location

        """)
    // The work tree keeps this clone's side: the file stays deleted while the merge is stopped.
    #expect(shared.read(shared.marc, "trainings/intro.json") == nil)

    let resolved = shared.marc.run("resolve", "trainings/intro", choice)
    #expect(resolved.status == 0, "\(resolved)")
    let continued = shared.marc.run("sync", "--continue")
    #expect(continued.status == 0, "\(continued)")
    #expect(try shared.parents(shared.marc) == [ours, theirs])
    #expect(try shared.trailers(shared.marc, "Ledger-Resolved") == ["trainings/intro * \(choice.dropFirst(2))"])
    try SharedLedger.succeed(shared.claire, ["sync"])
    #expect(try shared.head(shared.claire) == shared.head(shared.marc))
    let expected =
      choice == "--theirs" ? SharedLedger.introTraining.replacingOccurrences(of: "Aix-en-Provence", with: "Marseille") : nil
    #expect(shared.read(shared.marc, "trainings/intro.json") == expected)
    #expect(shared.read(shared.claire, "trainings/intro.json") == expected)
    #expect(try SharedLedger.files(in: shared.marc.directory) == SharedLedger.files(in: shared.claire.directory))
    #expect(try shared.git(shared.marc, "status", "--porcelain") == "")
  }

  @Test func theSameRecordAddedDifferentlyOnBothSidesConflictsFieldByField() throws {
    let shared = try SharedLedger()
    try SharedLedger.succeed(
      shared.claire,
      [
        "add", "trainings", "advanced", "--set", "date=2026-12-01", "--set", "topic=GeoNature advanced", "--set",
        "location=Aix-en-Provence",
      ])
    try SharedLedger.succeed(shared.claire, ["sync"])
    let theirs = try shared.head(shared.claire)
    try SharedLedger.succeed(
      shared.marc,
      [
        "add", "trainings", "advanced", "--set", "date=2026-12-01", "--set", "topic=GeoNature for admins", "--set",
        "location=Nice",
      ])
    let ours = try shared.head(shared.marc)

    let stopped = shared.marc.run("sync")
    #expect(stopped.status == 1)
    #expect(
      stopped.output == """
        Merging origin/main (\(theirs.prefix(7))) into this clone (\(ours.prefix(7))): 2 conflicts, no finding

        trainings/advanced  location
          base    (absent)
          ours    "Nice"             \(ours.prefix(7)) 2026-11-18 Marc Petit: Add trainings/advanced
          theirs  "Aix-en-Provence"  \(theirs.prefix(7)) 2026-11-18 Claire Durand: Add trainings/advanced

        trainings/advanced  topic
          base    (absent)
          ours    "GeoNature for admins"  \(ours.prefix(7)) 2026-11-18 Marc Petit: Add trainings/advanced
          theirs  "GeoNature advanced"    \(theirs.prefix(7)) 2026-11-18 Claire Durand: Add trainings/advanced

        """)

    let first = shared.marc.run("resolve", "trainings/advanced", "topic", "--theirs")
    #expect(first.output == "Resolved trainings/advanced topic; still open in trainings/advanced: location\n")
    #expect(shared.marc.run("sync", "--continue").status == 1)
    let second = shared.marc.run("resolve", "trainings/advanced", "location", "--ours")
    #expect(second.output == "Resolved trainings/advanced location: the record is settled.\n")
    let continued = shared.marc.run("sync", "--continue")
    #expect(continued.status == 0, "\(continued)")
    #expect(
      try shared.trailers(shared.marc, "Ledger-Resolved") == [
        "trainings/advanced topic theirs", "trainings/advanced location ours",
      ])
    try SharedLedger.succeed(shared.claire, ["sync"])
    let expected = """
      {
        "date": "2026-12-01",
        "location": "Nice",
        "topic": "GeoNature advanced"
      }

      """
    #expect(shared.read(shared.marc, "trainings/advanced.json") == expected)
    #expect(shared.read(shared.claire, "trainings/advanced.json") == expected)
    #expect(try SharedLedger.files(in: shared.marc.directory) == SharedLedger.files(in: shared.claire.directory))
  }

  // MARK: Findings of the combination

  @Test func theSameEmailOnTwoNewPeopleStopsTheMergeUntilOneIsChanged() throws {
    let shared = try SharedLedger()
    try SharedLedger.succeed(
      shared.claire,
      [
        "add", "people", "hdupont", "--set", "name=Hélène Dupont", "--set", "organization=cen-paca", "--set",
        #"emails=["h.d@example.org"]"#,
      ])
    try SharedLedger.succeed(shared.claire, ["sync"])
    try SharedLedger.succeed(
      shared.marc,
      [
        "add", "people", "hdurand", "--set", "name=Henri Durand", "--set", "organization=cen-paca", "--set",
        #"emails=["h.d@example.org"]"#,
      ])
    let ours = try shared.head(shared.marc)

    let theirs = try shared.bareMain()
    let stopped = shared.marc.run("sync")
    #expect(stopped.status == 1, "\(stopped)")
    #expect(
      stopped.output == """
        Merging origin/main (\(theirs.prefix(7))) into this clone (\(ours.prefix(7))): no conflict, 1 finding

        Findings of the merged ledger (rules the combination breaks):
        people/hdupont.json:3:5: error[unique]: "h.d@example.org" is already used by people/hdurand (at /emails/0)
        hint: each record of people needs its own; change this one or people/hdurand

        """)
    let json = shared.marc.run("conflicts", "--format", "json")
    #expect(json.status == 1)
    #expect(
      json.output == """
        {
          "conflicts": [],
          "findings": [
            {
              "column": 5,
              "file": "people/hdupont.json",
              "hint": "each record of people needs its own; change this one or people/hdurand",
              "line": 3,
              "message": "\\"h.d@example.org\\" is already used by people/hdurand",
              "pointer": "/emails/0",
              "rule": "unique",
              "severity": "error"
            }
          ],
          "merge": {
            "head": "\(ours)",
            "incoming": "\(theirs)",
            "source": "origin/main"
          },
          "resolutions": []
        }

        """)
    // Continuing before the finding is fixed commits nothing.
    let early = shared.marc.run("sync", "--continue")
    #expect(early.status == 1)
    #expect(try shared.head(shared.marc) == ours)

    // Either record may change: Marc changes his own.
    let fixed = shared.marc.run("resolve", "people/hdurand", "emails", "--set", #"["henri.durand@example.org"]"#)
    #expect(fixed.status == 0, "\(fixed)")
    let continued = shared.marc.run("sync", "--continue")
    #expect(continued.status == 0, "\(continued)")
    #expect(try shared.trailers(shared.marc, "Ledger-Resolved") == ["people/hdurand emails set"])
    try SharedLedger.succeed(shared.claire, ["sync"])
    let expected = """
      {
        "emails": [
          "henri.durand@example.org"
        ],
        "name": "Henri Durand",
        "organization": "cen-paca"
      }

      """
    #expect(shared.read(shared.marc, "people/hdurand.json") == expected)
    #expect(shared.read(shared.claire, "people/hdurand.json") == expected)
    #expect(shared.claire.run("validate").status == 0)
    #expect(try SharedLedger.files(in: shared.marc.directory) == SharedLedger.files(in: shared.claire.directory))
  }

  /// Claire grants a right on Hugo's account while Marc removes the account. Settled either by
  /// bringing the account back (`accounts/... --theirs`) or by dropping the right
  /// (`rights/... --ours`, this clone never had it).
  @Test(arguments: [["accounts/hugo-geonature", "--theirs"], ["rights/hugo-reader", "--ours"]])
  func aRightLeftPointingAtADeletedAccountStopsTheMerge(_ resolution: [String]) throws {
    let shared = try SharedLedger()
    try SharedLedger.succeed(
      shared.claire,
      ["add", "rights", "hugo-reader", "--set", "account=hugo-geonature", "--set", "role=reader", "--set", "status=active"])
    try SharedLedger.succeed(shared.claire, ["sync"])
    let theirs = try shared.head(shared.claire)
    try SharedLedger.succeed(shared.marc, ["rm", "accounts/hugo-geonature"])
    let ours = try shared.head(shared.marc)

    let stopped = shared.marc.run("sync")
    #expect(stopped.status == 1, "\(stopped)")
    #expect(
      stopped.output == """
        Merging origin/main (\(theirs.prefix(7))) into this clone (\(ours.prefix(7))): no conflict, 1 finding

        Findings of the merged ledger (rules the combination breaks):
        rights/hugo-reader.json:2:14: error[ref-exists]: "account" names accounts/hugo-geonature, which does not exist (at /account)
        hint: add it first, or fix the id ('adminledger list accounts' shows them)

        """)

    let resolved = shared.marc.run(["resolve"] + resolution)
    #expect(resolved.status == 0, "\(resolved)")
    let continued = shared.marc.run("sync", "--continue")
    #expect(continued.status == 0, "\(continued)")
    #expect(try shared.parents(shared.marc) == [ours, theirs])
    #expect(try shared.trailers(shared.marc, "Ledger-Resolved") == ["\(resolution[0]) * \(resolution[1].dropFirst(2))"])
    try SharedLedger.succeed(shared.claire, ["sync"])
    let keptAccount = resolution[0].hasPrefix("accounts")
    for runner in [shared.claire, shared.marc] {
      #expect((shared.read(runner, "accounts/hugo-geonature.json") != nil) == keptAccount)
      #expect((shared.read(runner, "rights/hugo-reader.json") != nil) == keptAccount)
      #expect(runner.run("validate").status == 0)
    }
    #expect(try SharedLedger.files(in: shared.marc.directory) == SharedLedger.files(in: shared.claire.directory))
  }

  // MARK: A stopped merge

  /// Marc's sync stops on the location; Claire also added a person, which merged cleanly.
  private func stoppedMerge() throws -> SharedLedger {
    let shared = try SharedLedger()
    try SharedLedger.succeed(shared.claire, ["set", "trainings/intro", "--set", "location=Marseille"])
    try SharedLedger.succeed(
      shared.claire, ["add", "people", "zoe", "--set", "name=Zoé Blanc", "--set", "organization=cen-paca"])
    try SharedLedger.succeed(shared.claire, ["sync"])
    try SharedLedger.succeed(shared.marc, ["set", "trainings/intro", "--set", "location=Nice"])
    let stopped = shared.marc.run("sync")
    try #require(stopped.status == 1, "\(stopped)")
    return shared
  }

  @Test func whileAMergeIsStoppedWritesAreRefusedAndEveryFileIsValidJSON() throws {
    let shared = try stoppedMerge()
    let marc = shared.marc
    let theirs = try shared.bareMain()
    let ours = try shared.head(marc)

    let status = marc.run("status")
    #expect(status.status == 0)
    #expect(
      status.output == """
        A merge is in progress: origin/main (\(theirs.prefix(7))) into this clone, 1 open conflict, 0 findings.
        Files the merge changes, not committed yet:
        added      people/zoe.json
        conflicted trainings/intro.json

        """)
    let before = try shared.state(marc)
    let writes: [[String]] = [
      ["set", "people/hugo", "--set", "phone=+33612345678"],
      ["add", "people", "yann", "--set", "name=Yann Morel"],
      ["rm", "people/paul"],
      ["commit", "-m", "Commit in the middle of a merge"],
      ["sync"],
    ]
    for write in writes {
      let refused = marc.run(write)
      #expect(refused.status == 2, "\(write): \(refused)")
      #expect(refused.output.isEmpty, "\(write)")
      #expect(refused.error.contains("a merge is in progress"), "\(write): \(refused.error)")
      #expect(refused.error.contains("'adminledger sync --continue'"), "\(write): \(refused.error)")
    }
    #expect(try shared.state(marc) == before)

    let gitStatus = try ExternalProgram.git("status", in: marc.directory)
    #expect(gitStatus.output.contains("You have unmerged paths."))
    #expect(gitStatus.output.contains("both modified:   trainings/intro.json"))
    let files = try SharedLedger.files(in: marc.directory)
    #expect(files["people/zoe.json"] != nil)
    for (path, data) in files {
      #expect(!String(decoding: data, as: UTF8.self).contains("<<<<<<<"), "\(path)")
      if path.hasSuffix(".json") {
        #expect((try? JSONSerialization.jsonObject(with: data)) != nil, "\(path) is not JSON")
      }
    }
    // This clone's side where the two conflict.
    #expect(
      shared.read(marc, "trainings/intro.json")
        == SharedLedger.introTraining.replacingOccurrences(of: "Aix-en-Provence", with: "Nice"))
    #expect(try shared.head(marc) == ours)
  }

  @Test func abortRestoresTheBranchTheFilesAndTheIndexByteForByte() throws {
    let shared = try SharedLedger()
    try SharedLedger.succeed(shared.claire, ["set", "trainings/intro", "--set", "location=Marseille"])
    try SharedLedger.succeed(
      shared.claire, ["add", "people", "zoe", "--set", "name=Zoé Blanc", "--set", "organization=cen-paca"])
    try SharedLedger.succeed(shared.claire, ["rm", "people/paul"])
    try SharedLedger.succeed(shared.claire, ["sync"])
    try SharedLedger.succeed(shared.marc, ["set", "trainings/intro", "--set", "location=Nice"])
    let before = try shared.state(shared.marc)
    try #require(before.index != nil)

    #expect(shared.marc.run("sync").status == 1)
    let mergeHead = shared.marc.directory.appendingPathComponent(".git/MERGE_HEAD")
    #expect(FileManager.default.fileExists(atPath: mergeHead.path))
    #expect(try shared.state(shared.marc) != before)
    // A resolution made before changing one's mind is undone too.
    #expect(shared.marc.run("resolve", "trainings/intro", "location", "--theirs").status == 0)

    let aborted = shared.marc.run("sync", "--abort")
    #expect(aborted.status == 0, "\(aborted)")
    #expect(aborted.output == "Merge aborted: the branch, the files and the index are as before the sync.\n")
    let after = try shared.state(shared.marc)
    #expect(after.head == before.head)
    #expect(after.files == before.files)
    #expect(after.index == before.index)
    #expect(!FileManager.default.fileExists(atPath: mergeHead.path))
    #expect(!FileManager.default.fileExists(atPath: shared.marc.directory.appendingPathComponent(".git/adminledger/merge").path))
    #expect(try shared.git(shared.marc, "status", "--porcelain") == "")
    #expect(shared.marc.run("conflicts").output == "No merge in progress.\n")
    // Nothing was lost: the next sync stops on the same conflict again.
    let again = shared.marc.run("sync")
    #expect(again.status == 1)
    #expect(again.output.contains(": 1 conflict, no finding\n"))
  }

  @Test func abortKeepsAHandEditOfARecordTheMergeDoesNotTouch() throws {
    let shared = try SharedLedger()
    try SharedLedger.succeed(shared.claire, ["set", "trainings/intro", "--set", "location=Marseille"])
    try SharedLedger.succeed(shared.claire, ["sync"])
    try SharedLedger.succeed(shared.marc, ["set", "trainings/intro", "--set", "location=Nice"])
    let anne = "people/anne.json"
    let edited = try #require(shared.read(shared.marc, anne)).replacingOccurrences(of: "Anne Martin", with: "Anne Martin-Roux")
    try Data(edited.utf8).write(to: shared.marc.directory.appendingPathComponent(anne))
    let before = try shared.state(shared.marc)

    #expect(shared.marc.run("sync").status == 1)
    #expect(shared.read(shared.marc, anne) == edited)
    #expect(shared.marc.run("sync", "--abort").status == 0)
    #expect(try shared.state(shared.marc) == before)
    #expect(try shared.git(shared.marc, "status", "--porcelain") == " M people/anne.json\n")
  }

  /// Claire pushes again while Marc settles his conflict: `--continue` commits the merge, then
  /// fetches and merges her new commit before pushing.
  @Test func continuingAfterTheRemoteMovedMergesAgainBeforePushing() throws {
    let shared = try SharedLedger()
    try SharedLedger.succeed(shared.claire, ["set", "trainings/intro", "--set", "location=Marseille"])
    try SharedLedger.succeed(shared.claire, ["sync"])
    try SharedLedger.succeed(shared.marc, ["set", "trainings/intro", "--set", "location=Nice"])
    let ours = try shared.head(shared.marc)
    #expect(shared.marc.run("sync").status == 1)
    let firstTheirs = try shared.bareMain()
    try SharedLedger.succeed(shared.claire, ["set", "people/hugo", "--set", "phone=+33612345678"])
    try SharedLedger.succeed(shared.claire, ["sync"])
    let secondTheirs = try shared.bareMain()

    #expect(shared.marc.run("resolve", "trainings/intro", "location", "--ours").status == 0)
    let continued = shared.marc.run("sync", "--continue")
    #expect(continued.status == 0, "\(continued)")
    let head = try shared.head(shared.marc)
    let resolvedMerge = try #require(try shared.parents(shared.marc).first)
    #expect(try shared.parents(shared.marc) == [resolvedMerge, secondTheirs])
    #expect(try shared.parents(shared.marc, of: resolvedMerge) == [ours, firstTheirs])
    #expect(
      continued.output == """
        Committed the merge (commit \(resolvedMerge.prefix(7)))
        Merged origin/main into main: 1 record (commit \(head.prefix(7)))
        Pushed main to origin/main (\(shared.bare.path))

        """)
    #expect(try shared.bareMain() == head)
    try SharedLedger.succeed(shared.claire, ["sync"])
    #expect(
      shared.read(shared.claire, "trainings/intro.json")
        == SharedLedger.introTraining.replacingOccurrences(of: "Aix-en-Provence", with: "Nice"))
    #expect(shared.read(shared.claire, "people/hugo.json")?.contains(#""phone": "+33612345678""#) == true)
    #expect(try SharedLedger.files(in: shared.marc.directory) == SharedLedger.files(in: shared.claire.directory))
  }

  @Test func aStoppedSyncWithoutPushIsNotPushedWhenContinued() throws {
    let shared = try SharedLedger()
    try SharedLedger.succeed(shared.claire, ["set", "trainings/intro", "--set", "location=Marseille"])
    try SharedLedger.succeed(shared.claire, ["sync"])
    let theirs = try shared.bareMain()
    try SharedLedger.succeed(shared.marc, ["set", "trainings/intro", "--set", "location=Nice"])
    #expect(shared.marc.run("sync", "--no-push").status == 1)
    #expect(shared.marc.run("resolve", "trainings/intro", "location", "--set", "Toulon").status == 0)
    let continued = shared.marc.run("sync", "--continue")
    #expect(continued.status == 0, "\(continued)")
    #expect(continued.output == "Committed the merge (commit \(try shared.head(shared.marc).prefix(7)))\n")
    #expect(try shared.bareMain() == theirs)
  }

  @Test func syncWithoutPushMergesButLeavesTheSharedBranchAlone() throws {
    let shared = try SharedLedger()
    try SharedLedger.succeed(shared.claire, ["set", "trainings/intro", "--set", "location=Marseille"])
    try SharedLedger.succeed(shared.claire, ["sync"])
    let theirs = try shared.head(shared.claire)
    try SharedLedger.succeed(shared.marc, ["set", "trainings/intro", "--set", "duration_hours=4"])
    let ours = try shared.head(shared.marc)

    let merged = shared.marc.run("sync", "--no-push")
    #expect(merged.status == 0, "\(merged)")
    let merge = try shared.head(shared.marc)
    #expect(merged.output == "Merged origin/main into main: 1 record (commit \(merge.prefix(7)))\nNot pushed (--no-push).\n")
    #expect(try shared.parents(shared.marc) == [ours, theirs])
    #expect(try shared.bareMain() == theirs)
    #expect(
      shared.read(shared.marc, "trainings/intro.json")
        == SharedLedger.introTraining.replacingOccurrences(of: "\"Aix-en-Provence\"", with: "\"Marseille\"")
        .replacingOccurrences(of: "\"duration_hours\": 3", with: "\"duration_hours\": 4"))

    // A later sync pushes the merge as it is.
    let pushed = shared.marc.run("sync")
    #expect(pushed.output == "Already up to date with origin/main.\nPushed main to origin/main (\(shared.bare.path))\n")
    #expect(try shared.bareMain() == merge)
  }

  // MARK: Racing

  /// Both administrators commit, then sync at the same moment, as two processes. The loser of
  /// the race fetches, merges and pushes again; the shared history keeps both commits.
  @Test func twoClonesSyncingAtOnceBothLandTheirCommits() async throws {
    let shared = try SharedLedger()
    let tool = try ExternalProgram.builtTool()
    let clones = [(shared.claire, "Claire Durand <claire.durand@example.org>"), (shared.marc, SharedLedger.marcPetit)]
    var landed: [String] = []
    for round in 1...5 {
      var commits: [String] = []
      for (index, (runner, _)) in clones.enumerated() {
        try SharedLedger.succeed(
          runner,
          ["add", "people", "p\(round)-\(index)", "--set", "name=Person \(round) \(index)", "--set", "organization=cen-paca"])
        commits.append(try shared.head(runner))
      }
      let outcomes = try await withThrowingTaskGroup(of: ExternalProgram.Outcome.self) { group in
        for (runner, author) in clones {
          let directory = runner.directory
          group.addTask {
            try ExternalProgram.run(tool, ["sync"], in: directory, environment: ["ADMINLEDGER_AUTHOR": author])
          }
        }
        return try await group.reduce(into: []) { $0.append($1) }
      }
      for outcome in outcomes { #expect(outcome.status == 0, "round \(round): \(outcome.error)") }
      landed += commits
      let history = Set(try shared.gitInBare("rev-list", "main").split(separator: "\n").map(String.init))
      for commit in landed { #expect(history.contains(commit), "round \(round): \(commit) was lost") }
    }
    for (runner, _) in clones { try SharedLedger.succeed(runner, ["sync"]) }
    try SharedLedger.succeed(shared.claire, ["sync"])
    #expect(try shared.head(shared.claire) == shared.head(shared.marc))
    #expect(try shared.head(shared.claire) == shared.bareMain())
    let people = try shared.git(shared.claire, "ls-tree", "--name-only", "HEAD", "people/")
    #expect(people.split(separator: "\n").filter { $0.hasPrefix("people/p") && $0.contains("-") }.count == 10)
    #expect(try SharedLedger.files(in: shared.marc.directory) == SharedLedger.files(in: shared.claire.directory))
    #expect(try ExternalProgram.git("fsck", in: shared.bare).status == 0)
  }

  // MARK: Delete against modify while stopped

  /// A stopped merge whose conflicted record is deleted on this side: `commit` is refused
  /// like every other write, with the same hint.
  @Test func commitIsRefusedDuringAMergeWhoseConflictedRecordIsDeletedHere() throws {
    let shared = try SharedLedger()
    try SharedLedger.succeed(shared.claire, ["set", "trainings/intro", "--set", "location=Marseille"])
    try SharedLedger.succeed(shared.claire, ["sync"])
    try SharedLedger.succeed(shared.marc, ["rm", "trainings/intro"])
    #expect(shared.marc.run("sync").status == 1)
    let before = try shared.state(shared.marc)
    let refused = shared.marc.run("commit", "-m", "Commit in the middle of a merge")
    #expect(refused.status == 2, "\(refused)")
    #expect(refused.error.contains("a merge is in progress"), "\(refused.error)")
    #expect(try shared.state(shared.marc) == before)
  }
}
