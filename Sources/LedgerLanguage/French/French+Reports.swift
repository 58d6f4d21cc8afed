extension French {
  static let reports: [String: String] = [:]
}
