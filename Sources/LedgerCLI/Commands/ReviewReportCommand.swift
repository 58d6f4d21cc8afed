/// Placeholder: being written.
enum ReviewReportCommand {
  static let spec = CommandSpec(
    name: "report review", synopsis: "", summary: "(being written)",
    run: { _ throws(CLIError) in throw .usage("not built yet") })
}
