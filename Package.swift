// swift-tools-version:6.0
import PackageDescription

let package = Package(
  name: "AdminLedger",
  products: [
    .executable(name: "adminledger", targets: ["adminledger"])
  ],
  targets: [
    .systemLibrary(
      name: "CLibGit2", pkgConfig: "libgit2",
      providers: [.apt(["libgit2-dev"]), .brew(["libgit2"])]),
    // Words in two languages: phrases, the catalogues, days and amounts as people read them.
    .target(name: "LedgerLanguage"),
    .target(name: "LedgerJSON"),
    .target(name: "LedgerSchema", dependencies: ["LedgerJSON", "LedgerLanguage"]),
    .target(name: "LedgerGit", dependencies: ["CLibGit2"]),
    .target(name: "LedgerCore", dependencies: ["LedgerJSON", "LedgerSchema", "LedgerGit", "LedgerLanguage"]),
    .target(name: "LedgerQuery", dependencies: ["LedgerCore", "LedgerJSON", "LedgerLanguage"]),
    // The words a person reads of what the core returns as values (audit findings), shared by
    // the command line and the review site.
    .target(name: "LedgerWording", dependencies: ["LedgerCore", "LedgerJSON", "LedgerLanguage"]),
    // The review site: static HTML pages above queries and history; writes files, prints nothing.
    .target(name: "LedgerSite", dependencies: ["LedgerCore", "LedgerJSON", "LedgerQuery", "LedgerWording", "LedgerLanguage"]),
    .target(
      name: "LedgerCLI",
      dependencies: [
        "LedgerCore", "LedgerJSON", "LedgerSchema", "LedgerQuery", "LedgerSite", "LedgerWording", "LedgerLanguage",
      ]),
    .executableTarget(name: "adminledger", dependencies: ["LedgerCLI"]),
    // The benchmark's synthetic ledger generator and measuring harness (bench/run.sh); it reaches
    // git only to re-sign the history, as a signing administrator's commits would be.
    .executableTarget(name: "ledger-synth", dependencies: ["LedgerGit"], path: "bench/Synth"),
    .target(name: "LedgerTestSupport", dependencies: ["LedgerCore", "LedgerCLI"]),
    // Fuzzing (make fuzz): the properties as functions, and the libFuzzer harness that runs them.
    .target(name: "LedgerFuzzing", dependencies: ["LedgerJSON", "LedgerSchema", "LedgerCore", "LedgerCLI"]),
    .executableTarget(name: "ledger-fuzz", dependencies: ["LedgerFuzzing"]),
    .testTarget(name: "LedgerLanguageTests", dependencies: ["LedgerLanguage"]),
    .testTarget(name: "LedgerJSONTests", dependencies: ["LedgerJSON"]),
    .testTarget(name: "LedgerSchemaTests", dependencies: ["LedgerSchema", "LedgerTestSupport"]),
    .testTarget(name: "LedgerGitTests", dependencies: ["LedgerGit", "LedgerTestSupport"]),
    .testTarget(name: "LedgerCoreTests", dependencies: ["LedgerCore", "LedgerGit", "LedgerTestSupport"]),
    .testTarget(name: "LedgerQueryTests", dependencies: ["LedgerQuery", "LedgerTestSupport"]),
    .testTarget(name: "LedgerSiteTests", dependencies: ["LedgerSite", "LedgerTestSupport"]),
    .testTarget(
      name: "LedgerCLITests", dependencies: ["LedgerCLI", "LedgerTestSupport"]),
    // Replays Tests/FuzzCorpus through the fuzzing properties.
    .testTarget(name: "LedgerFuzzingTests", dependencies: ["LedgerFuzzing"]),
  ]
)
