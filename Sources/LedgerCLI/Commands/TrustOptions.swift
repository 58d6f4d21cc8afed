import Foundation
import LedgerCore
import LedgerLanguage

/// The options of `clone` and `hook install` that set up what a clone trusts and signs with.
enum TrustOptions {
  /// `--signed-from`: a day or a full commit id.
  static func signedFrom(_ context: CommandContext) throws(CLIError) -> String? {
    guard let value = context.arguments.value("signed-from") else { return nil }
    let isCommit = value.count == 40 && value.allSatisfy(\.isHexDigit) && value == value.lowercased()
    guard LedgerDate.isDay(value) || isCommit else {
      throw .usage(
        tr("--signed-from must be a day (YYYY-MM-DD) or a full commit id, got \"\(value)\""),
        hint: tr("for example --signed-from 2026-12-06"))
    }
    return value
  }

  /// `--signing-key`: a key file that exists, or a public key held by ssh-agent (`key::…`),
  /// kept as given (git reads `~/` itself, and so does the tool when it signs).
  static func signingKey(_ context: CommandContext) throws(CLIError) -> String? {
    guard let value = context.arguments.value("signing-key") else { return nil }
    let home = context.environment.variables["HOME"] ?? NSHomeDirectory()
    guard case .file(let path) = SigningKeyReference(setting: value, home: home) else { return value }
    guard FileManager.default.isReadableFile(atPath: context.url(for: path).path) else {
      throw .usage(
        tr("--signing-key names no readable key file: \(path)"),
        hint: tr(
          "give the private key ssh-keygen made (for example ~/.ssh/id_ed25519), or key::PUBLIC-KEY for a key ssh-agent holds"
        ))
    }
    return path.hasPrefix("/") ? path : context.url(for: path).path
  }
}
