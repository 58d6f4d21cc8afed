extension French {
  static let groups: [String: String] = [:]
}
