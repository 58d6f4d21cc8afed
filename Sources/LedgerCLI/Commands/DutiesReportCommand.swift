/// Placeholder: being written.
enum DutiesReportCommand {
  static let spec = CommandSpec(
    name: "report duties", synopsis: "", summary: "(being written)",
    run: { _ throws(CLIError) in throw .usage("not built yet") })
}
