/// A command line split into positionals, flags and option values, checked against a spec.
struct ParsedArguments: Sendable {
  var positionals: [String] = []
  private(set) var values: [String: [String]] = [:]
  /// Every option in the order given, for options whose order matters (`--set`, `--unset`).
  private(set) var ordered: [(name: String, value: String)] = []

  mutating func record(_ name: String, _ value: String) {
    values[name, default: []].append(value)
    ordered.append((name, value))
  }

  func flag(_ name: String) -> Bool { values[name] != nil }
  func value(_ name: String) -> String? { values[name]?.last }
  func all(_ name: String) -> [String] { values[name] ?? [] }
}
