import Foundation
import LedgerFuzzing

/// The fuzzing harness, and without the fuzzer a replayer of saved inputs.
///
/// `make fuzz` builds it with `-sanitize=fuzzer -DLEDGER_FUZZER`: `main` then hands the command
/// line to libFuzzer's driver, which calls `fuzzOneInput` with each input, and
/// `ADMINLEDGER_FUZZ_TARGET` (json, schema, csv, merge) names the property to check. The
/// program keeps its own `@main` (rather than libFuzzer's `main`) because SwiftPM links every
/// executable's entry point under a renamed symbol. In a plain build,
/// `ledger-fuzz <target> <file>...` checks files one by one, to rerun a crash the fuzzer saved.
@main enum LedgerFuzz {
  static func main() {
    #if LEDGER_FUZZER
      var argc = CommandLine.argc
      var argv = Optional(CommandLine.unsafeArgv)
      exit(LLVMFuzzerRunDriver(&argc, &argv, fuzzOneInput))
    #else
      replay(Array(CommandLine.arguments.dropFirst()))
    #endif
  }

  /// Checks each file with the named target's property; exits 1 on the first violation, 2 on
  /// bad usage.
  static func replay(_ arguments: [String]) {
    guard let name = arguments.first, let target = FuzzTarget(rawValue: name), arguments.count > 1 else {
      fail("usage: ledger-fuzz json|schema|csv|merge <file>...", status: 2)
    }
    for path in arguments.dropFirst() {
      guard let data = FileManager.default.contents(atPath: path) else {
        fail("ledger-fuzz: cannot read \(path)", status: 2)
      }
      do {
        try target.check(Array(data))
      } catch {
        fail("\(path): \(error)", status: 1)
      }
    }
    print("ledger-fuzz: \(arguments.count - 1) inputs hold the \(target.rawValue) property")
  }

  private static func fail(_ message: String, status: Int32) -> Never {
    FileHandle.standardError.write(Data((message + "\n").utf8))
    exit(status)
  }

  /// The property this process fuzzes, read once from the environment.
  static let target: FuzzTarget = {
    let name = ProcessInfo.processInfo.environment["ADMINLEDGER_FUZZ_TARGET"] ?? ""
    guard let target = FuzzTarget(rawValue: name) else {
      let names = FuzzTarget.allCases.map(\.rawValue).joined(separator: ", ")
      fatalError("set ADMINLEDGER_FUZZ_TARGET to one of \(names) (found \"\(name)\")")
    }
    return target
  }()
}

/// libFuzzer's per-input callback: a violated property traps, which libFuzzer reports as a
/// crash and saves the input as `crash-<sha1>`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
  do {
    try LedgerFuzz.target.check(bytes)
  } catch {
    fatalError("property violated: \(error)")
  }
  return 0
}

#if LEDGER_FUZZER
  /// libFuzzer's driver (compiler-rt, FuzzerInterface.h), linked in by `-sanitize=fuzzer`:
  /// `int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*cb)(const uint8_t *, size_t))`.
  /// Declared by symbol name, as no C header is at hand; the arguments are three pointers.
  @_silgen_name("LLVMFuzzerRunDriver")
  func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
  ) -> CInt
#endif
