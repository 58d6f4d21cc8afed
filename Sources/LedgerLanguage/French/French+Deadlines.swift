extension French {
  static let deadlines: [String: String] = [:]
}
