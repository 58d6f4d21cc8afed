/// The properties the fuzzer checks, one per parser or engine, each a pure function of bytes.
///
/// `ledger-fuzz` runs one of them per libFuzzer process (chosen by `ADMINLEDGER_FUZZ_TARGET`),
/// and `LedgerFuzzingTests` replays the committed corpus (`Tests/FuzzCorpus/<target>/`) through
/// the same functions, so an input the fuzzer once found stays a regression test.
public enum FuzzTarget: String, CaseIterable, Sendable {
  /// `JSONRoundTripProperty`: parse, write, parse is stable.
  case json
  /// `SchemaValidationProperty`: compiling and validating never crash and repeat exactly.
  case schema
  /// `CSVRoundTripProperty`: read, write as `export` does, read is stable.
  case csv
  /// `MergeProperty`: merging with oneself is oneself, and ours/theirs are symmetric.
  case merge

  /// Checks this target's property on one input.
  ///
  /// - Parameter bytes: any bytes; each property documents how it reads them.
  /// - Throws: `PropertyViolation` when the property does not hold for `bytes`.
  public func check(_ bytes: [UInt8]) throws(PropertyViolation) {
    switch self {
    case .json: try JSONRoundTripProperty.check(bytes)
    case .schema: try SchemaValidationProperty.check(bytes)
    case .csv: try CSVRoundTripProperty.check(bytes)
    case .merge: try MergeProperty.check(bytes)
    }
  }
}

/// A property that does not hold: which one, and the values that break it.
public struct PropertyViolation: Error, Equatable, Sendable, CustomStringConvertible {
  /// The target whose property failed.
  public let target: FuzzTarget
  /// What failed, with the values involved (compact JSON or Swift's debug description).
  public let message: String

  public init(_ target: FuzzTarget, _ message: String) {
    self.target = target
    self.message = message
  }

  public var description: String { "\(target.rawValue): \(message)" }
}

extension [UInt8] {
  /// The parts between `0x00` bytes, at most `limit` of them (the last keeps any further NUL).
  ///
  /// NUL cannot appear raw in JSON text, so it separates the documents of one fuzz input.
  func nulSeparated(limit: Int) -> [ArraySlice<UInt8>] {
    split(separator: 0, maxSplits: limit - 1, omittingEmptySubsequences: false)
  }
}
