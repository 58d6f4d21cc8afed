extension French {
  static let help: [String: String] = [:]
}
