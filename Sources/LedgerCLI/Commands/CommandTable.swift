/// Every command, in the order the overview lists them.
enum CommandTable {
  static let all: [CommandSpec] =
    [
      InitCommand.spec, AddCommand.spec, SetCommand.spec, RemoveCommand.spec, ShowCommand.spec,
      ListCommand.spec, StatusCommand.spec, CommitCommand.spec, ValidateCommand.spec,
      SchemaValidateCommand.spec, JSONCheckCommand.spec, HookCommand.spec, HookPreReceiveCommand.spec,
      HookPostReceiveCommand.spec, HookInstallCommand.spec,
      ImportCommand.spec, OffboardCommand.spec, OnboardCommand.spec,
      ExportCommand.spec, ExportCommand.contacts, CloneCommand.spec, SyncCommand.spec,
    ] + MergeCommands.all + HistoryCommands.all + [AuditCommand.spec] + ReportCommands.all
    + [DriftReportCommand.spec, UnusedReportCommand.spec, ReviewReportCommand.spec, DutiesReportCommand.spec]
    + [EntitlementsReportCommand.spec, SiteCommand.spec, ForgetCommand.spec]

  /// The command the first words name (one word, or two for `json check`), and the rest.
  static func lookup(_ words: [String]) -> (CommandSpec, [String])? {
    if words.count >= 2, let command = all.first(where: { $0.name == words[0] + " " + words[1] }) {
      return (command, Array(words.dropFirst(2)))
    }
    guard let first = words.first, let command = all.first(where: { $0.name == first }) else {
      return nil
    }
    return (command, Array(words.dropFirst()))
  }
}
