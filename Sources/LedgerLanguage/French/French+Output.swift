extension French {
  static let output: [String: String] = [:]
}
