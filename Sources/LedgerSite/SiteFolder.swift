import Foundation
import LedgerCore
import LedgerLanguage

/// Where a site is written: a new folder beside the destination, renamed over it when every
/// page is written, so a reader never finds half a site and a failure leaves the old one. A
/// destination that holds files no site wrote is refused, so nothing of the user's is lost.
struct SiteFolder {
  /// The file that marks a folder as a site adminledger wrote (and may replace).
  static let marker = ".adminledger-site"

  let destination: URL
  let staging: URL
  private let files = FileManager.default

  /// Why a site may not be written somewhere.
  enum Refusal {
    /// The destination is a file.
    case file
    /// The destination is a folder holding files no site wrote.
    case foreign
  }

  /// Why a site may not be written into `destination`, or nil when it may (new, empty, or a
  /// site written before).
  static func refusal(for destination: URL) -> Refusal? {
    var isFolder: ObjCBool = false
    guard FileManager.default.fileExists(atPath: destination.path, isDirectory: &isFolder) else { return nil }
    guard isFolder.boolValue else { return .file }
    let entries = (try? FileManager.default.contentsOfDirectory(atPath: destination.path)) ?? []
    return entries.isEmpty || entries.contains(marker) ? nil : .foreign
  }

  init(replacing destination: URL) throws(StoreError) {
    self.destination = destination
    switch Self.refusal(for: destination) {
    case nil: break
    case .file:
      throw .io(path: destination.path, reason: tr("it is a file, not a folder; choose an empty or new folder for the site"))
    case .foreign:
      throw .io(
        path: destination.path, reason: tr("it holds files that no site wrote; choose an empty or new folder for the site"))
    }
    staging = destination.deletingLastPathComponent()
      .appendingPathComponent(".\(destination.lastPathComponent).adminledger-\(getpid())-tmp")
    do {
      try? files.removeItem(at: staging)
      try files.createDirectory(at: staging, withIntermediateDirectories: true)
      try Data("adminledger review site\n".utf8).write(to: staging.appendingPathComponent(Self.marker))
    } catch {
      throw .io(path: staging.path, reason: error.localizedDescription)
    }
  }

  /// Writes one file of the site, making its folder when needed.
  func write(_ text: String, to path: String) throws(StoreError) {
    let url = staging.appendingPathComponent(path)
    do {
      do {
        try Data(text.utf8).write(to: url)
      } catch {
        try files.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
      }
    } catch {
      throw .io(path: destination.appendingPathComponent(path).path, reason: error.localizedDescription)
    }
  }

  /// Puts the new site in place of the old one.
  func finish() throws(StoreError) {
    let old = staging.deletingLastPathComponent().appendingPathComponent(
      ".\(destination.lastPathComponent).adminledger-\(getpid())-old")
    do {
      if files.fileExists(atPath: destination.path) { try files.moveItem(at: destination, to: old) }
      try files.moveItem(at: staging, to: destination)
      try? files.removeItem(at: old)
    } catch {
      throw .io(path: destination.path, reason: error.localizedDescription)
    }
  }

  /// Removes what was written, leaving the destination as it was.
  func abandon() { try? files.removeItem(at: staging) }
}
