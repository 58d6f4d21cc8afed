extension French {
  static let presentation: [String: String] = [:]
}
