extension French {
  static let values: [String: String] = [:]
}
