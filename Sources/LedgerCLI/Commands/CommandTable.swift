/// Every command, in the order the overview lists them.
enum CommandTable {
  static let all: [CommandSpec] =
    [
      InitCommand.spec, AddCommand.spec, SetCommand.spec, RemoveCommand.spec, ShowCommand.spec,
      ListCommand.spec, StatusCommand.spec, CommitCommand.spec, ValidateCommand.spec,
      SchemaValidateCommand.spec, JSONCheckCommand.spec, HookCommand.spec, HookPreReceiveCommand.spec,
      HookPostReceiveCommand.spec, HookInstallCommand.spec,
      ImportCommand.spec, OffboardCommand.spec, OnboardCommand.spec, DoneCommand.spec,
      ExportCommand.spec, ExportCommand.contacts, CloneCommand.spec, SyncCommand.spec,
    ] + MergeCommands.all + HistoryCommands.all + [AuditCommand.spec] + ReportCommands.all
    + [DriftReportCommand.spec, UnusedReportCommand.spec, ReviewReportCommand.spec, DutiesReportCommand.spec]
    + [ActivityReportCommand.spec]
    + [EntitlementsReportCommand.spec, SiteCommand.spec, ForgetCommand.spec]
    + [CompletionCommand.spec, ManualCommand.spec]

  /// The first words of the two-word commands (`report`, `hook`, `export`...), in the overview's
  /// order: typed alone, each lists its commands.
  static let groups: [String] = all.compactMap(\.group).reduce(into: []) { groups, group in
    if !groups.contains(group) { groups.append(group) }
  }

  /// The commands whose first word is `group`, in the overview's order.
  static func members(of group: String) -> [CommandSpec] {
    all.filter { $0.group == group }
  }

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
