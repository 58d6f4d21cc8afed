/// ANSI colour for a terminal; never used when `NO_COLOR` is set or output is piped.
enum Color: String {
  case red = "31", green = "32", yellow = "33", bold = "1"

  static func wrap(_ text: String, _ color: Color) -> String {
    "\u{1B}[\(color.rawValue)m\(text)\u{1B}[0m"
  }

  /// Whether text written to `sink` may be coloured: only on a terminal, and not when
  /// `NO_COLOR` holds a value. As no-color.org says, an empty `NO_COLOR` (`NO_COLOR=`) is the
  /// same as none: colour stays on.
  static func enabled(for sink: TextSink, variables: [String: String]) -> Bool {
    sink.isTerminal && (variables["NO_COLOR"] ?? "").isEmpty
  }
}
