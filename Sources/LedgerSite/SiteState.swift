import Foundation
import LedgerCore
import LedgerLanguage

/// What a site was made from, kept in its folder's marker file: the commit shown, a digest of
/// everything else its pages depend on (the program, the options, the language, the day, the
/// settings and schemas, the trust), and the audit it showed. A second `site` into the same
/// folder with the same digest, of a commit built on that one, renders only the pages the new
/// commits can have changed (`SiteDelta`) and audits only those commits.
struct SiteState: Codable {
  /// Bumped when the pages' dependencies change shape, so an older folder is made whole again.
  static let format = 1

  var format = Self.format
  let fingerprint: String
  let commit: String
  let audit: SiteAudit.Stored?

  /// The state a marker file holds, or nil (a marker of an older version, or damaged: the site
  /// is then made whole).
  init?(marker bytes: [UInt8]) {
    guard let state = try? JSONDecoder().decode(SiteState.self, from: Data(bytes)), state.format == Self.format else {
      return nil
    }
    self = state
  }

  init(fingerprint: String, commit: String, audit: SiteAudit?) {
    self.fingerprint = fingerprint
    self.commit = commit
    self.audit = audit?.stored
  }

  /// The marker file's text.
  var marker: String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    let json = (try? encoder.encode(self)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    return json + "\n"
  }

  /// The digest of what every page depends on besides the records and their history.
  static func fingerprint(_ content: SiteContent, options: SiteOptions, trust: AuditContext) throws(StoreError) -> String {
    let parts: [String] = [
      "format \(format)", "program \(programIdentity)", "language \(Language.current.rawValue)",
      "public \(options.isPublic)", "organization \(options.organization?.value ?? "")", "since \(options.since ?? "")",
      "today \(content.today)", "pin \(String(reflecting: trust.pin))",
      "kinds \(RecordKind.allCases.filter { !(content.records[$0] ?? []).isEmpty }.map(\.rawValue))",
    ]
    var bytes = Array(parts.joined(separator: "\n").utf8)
    bytes += try content.snapshot.fileBytes(LedgerSettings.fileName) ?? []
    for file in try content.snapshot.files(in: "schemas") { bytes += Array(file.name.utf8) + file.bytes }
    return SHA256.digest(bytes).map { String(format: "%02x", $0) }.joined()
  }

  /// The running program's size and modification time: a rebuilt program may write pages
  /// differently, so its sites are made whole again.
  private static let programIdentity: String = {
    let path = CommandLine.arguments.first.map { URL(fileURLWithPath: $0).path } ?? ""
    let resolved = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? path
    let attributes = try? FileManager.default.attributesOfItem(atPath: resolved)
    let size = (attributes?[.size] as? NSNumber)?.intValue ?? 0
    let modified = (attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
    return "\(resolved) \(size) \(modified)"
  }()
}
