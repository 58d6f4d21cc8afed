/// The French catalogue: English template → French template, kept in parts, one per area of the
/// tool (each part is a file `French+Area.swift`). A key in two parts is a test failure.
enum French {
  static let parts: [(area: String, entries: [String: String])] = [
    ("common", common), ("help", help), ("output", output), ("reports", reports), ("site", site),
    ("validation", validation), ("core", core), ("changes", changes), ("pages", pages), ("values", values),
    ("groups", groups), ("profiles", profiles), ("deadlines", deadlines), ("activity", activity),
    ("presentation", presentation),
  ]

  static let entries: [String: String] = parts.reduce(into: [:]) { all, part in
    all.merge(part.entries) { first, _ in first }
  }
}
