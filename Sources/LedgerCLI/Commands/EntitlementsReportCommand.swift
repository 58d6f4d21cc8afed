/// Placeholder: being written.
enum EntitlementsReportCommand {
  static let spec = CommandSpec(
    name: "report entitlements", synopsis: "", summary: "(being written)",
    run: { _ throws(CLIError) in throw .usage("not built yet") })
}
