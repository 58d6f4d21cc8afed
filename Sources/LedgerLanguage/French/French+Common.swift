extension French {
  static let common: [String: String] = [:]
}
