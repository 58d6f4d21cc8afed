import LedgerCore
import LedgerJSON
import LedgerLanguage
import LedgerQuery

/// Prints a command's failure on standard error, as text or JSON, and gives its exit status.
struct FailureRenderer {
  let sink: TextSink
  let format: OutputFormat
  let colored: Bool

  func render(_ error: CLIError, command: CommandSpec?) -> ExitStatus {
    switch error {
    case .usage(let message, let hint):
      let usage = command.map { "\($0.usageLine)\n" + tr("run 'adminledger \($0.name) --help' for details") }
      emit(FailureMessage(message, hint: hint, status: .usage), diagnostics: [], footer: usage)
      return .usage
    case .store(.importRefused(let file, let problems)):
      if format == .json {
        sink.write(
          CanonicalWriter.write([
            "error": .string("the import is refused; nothing was imported"), "exit": 1,
            "problems": .array(problems.map(ImportReport.json)),
          ]))
      } else {
        for problem in problems { sink.line(ImportReport.text(problem, file: file)) }
        sink.line(tr("adminledger: \(FailureMessage.importRefused(file, problems: problems.count))"))
      }
      return .findings
    case .store(.pushRefused(let remote, let url, let branch, let reason, let lines)) where format != .json && format != .ndjson:
      // What the shared repository's hook said, as git shows it to a pusher, then our sentence.
      for line in lines { sink.line("remote: " + line) }
      let message = tr(
        "\(remote) (\(url)) refused the push to \(branch) (\(reason)); your commits stay in this clone, and \(branch) there did not move"
      )
      emit(FailureMessage(message, hint: FailureMessage.pushRefusedHint, status: .findings), diagnostics: [], footer: nil)
      return .findings
    case .store(.invalid(let list)):
      emit(FailureMessage(.invalid(list)), diagnostics: list.diagnostics, footer: nil)
      return .findings
    case .store(let storeError):
      let message = FailureMessage(storeError)
      emit(message, diagnostics: [], footer: nil)
      return message.status
    case .findings(let diagnostics):
      emit(FailureMessage(DiagnosticRenderer.summary(diagnostics), status: .findings), diagnostics: diagnostics, footer: nil)
      return .findings
    case .query(let queryError):
      emit(FailureMessage(queryError), diagnostics: [], footer: command.map(\.usageLine))
      return .usage
    case .unreadableFile(let path, let reason):
      emit(
        FailureMessage(tr("cannot read \(path): \(reason)"), hint: tr("check the path"), status: .usage), diagnostics: [],
        footer: nil)
      return .usage
    case .tooLarge(let path, let limit):
      let message = tr(
        "cannot read \(path): it is larger than \(InputLimits.describe(limit)), the most adminledger reads from one file")
      emit(
        FailureMessage(
          message, hint: tr("check that it is the file you meant; split a large import into several files"), status: .usage),
        diagnostics: [], footer: nil)
      return .usage
    }
  }

  /// Prints a failure a command found itself and returns (rather than throws), after the
  /// diagnostics that show where it lies, and gives its exit status.
  func render(_ failure: FailureMessage, after diagnostics: [Diagnostic]) -> ExitStatus {
    emit(failure, diagnostics: diagnostics, footer: nil, labelled: true)
    return failure.status
  }

  /// `labelled`: the message is printed as `adminledger: error: MESSAGE`; by default only when
  /// no diagnostics come before it, as a message after them counts them (`adminledger: 2 errors
  /// in 1 file`).
  private func emit(_ failure: FailureMessage, diagnostics: [Diagnostic], footer: String?, labelled: Bool? = nil) {
    if format == .json || format == .ndjson {
      var object: JSONObject = [
        "error": .string(failure.message), "exit": .number(JSONNumber(Int(failure.status.rawValue))),
      ]
      if let hint = failure.hint { object["hint"] = .string(hint) }
      if !diagnostics.isEmpty { object["diagnostics"] = .array(diagnostics.map(DiagnosticRenderer.json)) }
      sink.write(CanonicalWriter.write(.object(object)))
      return
    }
    for diagnostic in diagnostics { sink.line(DiagnosticRenderer.text(diagnostic, colored: colored)) }
    let label = colored ? Color.wrap(tr("error:"), .red) : tr("error:")
    if labelled ?? diagnostics.isEmpty {
      sink.line(DiagnosticRenderer.errorLine(failure.message, label: label))
    } else {
      sink.line(failure.message)
    }
    if let hint = failure.hint { sink.line(DiagnosticRenderer.hintLine(hint)) }
    if let footer { sink.line(footer) }
  }
}

extension FailureRenderer {
  /// The renderer of a command's own failures: standard error, in the command's format, in
  /// colour when that is a terminal.
  init(_ context: CommandContext) {
    self.init(
      sink: context.err, format: context.format,
      colored: Color.enabled(for: context.err, variables: context.environment.variables))
  }
}
