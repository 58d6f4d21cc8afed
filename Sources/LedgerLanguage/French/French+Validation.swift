extension French {
  static let validation: [String: String] = [:]
}
