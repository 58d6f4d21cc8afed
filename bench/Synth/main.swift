import Foundation

// ledger-synth: the benchmark's synthetic ledger generator and its measuring harness.
//
//   ledger-synth [generate] [RECORDS [COMMITS [SEED]]] [--sides N] [--sample DIR] [--meta FILE]
//       writes a git fast-import stream of a synthetic ledger on standard output
//   ledger-synth measure [--runs N] [--timeout S] [--warmup] [--before SHELL] [--log FILE] -- CMD ARGS...
//       runs a command N times and prints its median wall time and peak memory as JSON
//   ledger-synth sign REPOSITORY KEY REFERENCE...
//       writes a copy of each reference's history with every commit signed by KEY (ssh-keygen)

func main() -> Int32 {
  var arguments = Array(CommandLine.arguments.dropFirst())
  do {
    if arguments.first == "measure" {
      try Measure(arguments: Array(arguments.dropFirst())).run()
      return 0
    }
    if arguments.first == "sign" {
      try Resign(arguments: Array(arguments.dropFirst())).run()
      return 0
    }
    if arguments.first == "generate" { arguments.removeFirst() }
    var generator = Generator()
    var positional: [String] = []
    var rest = arguments[...]
    while let argument = rest.popFirst() {
      switch argument {
      case "--sides": generator.sideCommits = Int(rest.popFirst() ?? "") ?? generator.sideCommits
      case "--sample": generator.sample = rest.popFirst() ?? generator.sample
      case "--meta": generator.meta = rest.popFirst()
      case "-h", "--help":
        print("usage: ledger-synth [generate] [RECORDS [COMMITS [SEED]]] [--sides N] [--sample DIR] [--meta FILE]")
        print("       ledger-synth measure [--runs N] [--timeout S] [--warmup] [--before SHELL] [--log FILE] -- CMD ARGS...")
        return 0
      default: positional.append(argument)
      }
    }
    if positional.count > 0 { generator.records = Int(positional[0]) ?? generator.records }
    if positional.count > 1 { generator.commits = Int(positional[1]) ?? generator.commits }
    if positional.count > 2 { generator.seed = UInt64(positional[2]) ?? generator.seed }
    guard generator.records >= 1000, generator.commits >= 10 else {
      throw SynthError.usage("give at least 1000 records and 10 commits")
    }
    try generator.run()
    return 0
  } catch {
    FileHandle.standardError.write(Data("ledger-synth: \(error)\n".utf8))
    return 2
  }
}

exit(main())
