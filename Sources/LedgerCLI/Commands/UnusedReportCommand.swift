/// Placeholder: being written.
enum UnusedReportCommand {
  static let spec = CommandSpec(
    name: "report unused", synopsis: "", summary: "(being written)",
    run: { _ throws(CLIError) in throw .usage("not built yet") })
}
