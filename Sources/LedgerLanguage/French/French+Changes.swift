extension French {
  static let changes: [String: String] = [:]
}
