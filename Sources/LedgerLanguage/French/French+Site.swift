extension French {
  static let site: [String: String] = [:]
}
