extension French {
  static let profiles: [String: String] = [:]
}
