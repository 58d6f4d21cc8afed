/// ANSI colour for a terminal; never used when `NO_COLOR` is set or output is piped.
enum Color: String {
  case red = "31", green = "32", yellow = "33", bold = "1"

  static func wrap(_ text: String, _ color: Color) -> String {
    "\u{1B}[\(color.rawValue)m\(text)\u{1B}[0m"
  }

  /// Whether text written to `sink` may be coloured.
  static func enabled(for sink: TextSink, variables: [String: String]) -> Bool {
    sink.isTerminal && variables["NO_COLOR"] == nil
  }
}
