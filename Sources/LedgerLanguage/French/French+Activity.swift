extension French {
  static let activity: [String: String] = [:]
}
