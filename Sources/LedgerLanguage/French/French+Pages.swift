extension French {
  static let pages: [String: String] = [:]
}
