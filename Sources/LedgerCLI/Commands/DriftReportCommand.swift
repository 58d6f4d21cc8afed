/// Placeholder: being written.
enum DriftReportCommand {
  static let spec = CommandSpec(
    name: "report drift", synopsis: "", summary: "(being written)",
    run: { _ throws(CLIError) in throw .usage("not built yet") })
}
