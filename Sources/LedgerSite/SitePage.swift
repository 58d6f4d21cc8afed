import Foundation
import LedgerCore
import LedgerJSON

/// One page of the site: where it is, and the frame every page shares (the header naming the
/// ledger and the commit shown, the navigation, the scope's notice, the footer). Links are
/// relative, so the folder opens from `file://`, moved or copied anywhere.
struct SitePage {
  /// The page's path in the site, such as `people/tblanc.html`.
  let path: String
  let title: String
  let content: SiteContent
  /// The navigation entry this page belongs to.
  let section: String

  /// How to reach the site's root from this page.
  var root: String { String(repeating: "../", count: path.split(separator: "/").count - 1) }

  func href(_ target: String) -> String { root + target }

  /// The link to a record's page, or nil when the site does not show it.
  func href(_ key: RecordKey) -> String? {
    content.scope.isVisible(key) && content.record(key) != nil ? href(Self.path(of: key)) : nil
  }

  static func path(of key: RecordKey) -> String { "\(key.kind.rawValue)/\(key.id.value).html" }
  static func path(of kind: RecordKind) -> String { "\(kind.rawValue).html" }

  /// The whole page, `body` writing what is inside `<main>`.
  func render(hasScript: Bool = false, _ body: (inout HTMLWriter) -> Void) -> String {
    var page = HTMLWriter(redact: content.scope.redact.callAsFunction)
    page.raw("<!DOCTYPE html>\n")
    page.open("html", [("lang", content.settings.language)])
    page.element("head") { head in
      head.void("meta", [("charset", "utf-8")])
      head.void("meta", [("name", "viewport"), ("content", "width=device-width, initial-scale=1")])
      head.element("title", text: title == content.settings.name ? title : "\(title) – \(content.settings.name)")
      head.void("link", [("rel", "stylesheet"), ("href", href(SiteAssets.stylesheetName))])
    }
    page.open("body")
    header(&page)
    navigation(&page)
    page.open("main")
    notice(&page)
    page.element("h1", text: title)
    body(&page)
    page.close("main")
    footer(&page)
    if hasScript { page.element("script") { $0.raw(SiteAssets.tableScript) } }
    page.close("body")
    page.close("html")
    page.raw("\n")
    return page.html
  }

  private func header(_ page: inout HTMLWriter) {
    page.element("header", [("class", "site")]) { header in
      header.element("a", [("class", "ledger"), ("href", href("index.html"))], text: content.settings.name)
      header.element("span", [("class", "shown")], text: "as of commit \(content.tip.commit.prefix(7)), \(day(content.tip.date))")
    }
  }

  private func navigation(_ page: inout HTMLWriter) {
    var entries: [(String, String)] = [("Home", "index.html")]
    for kind in RecordKind.allCases where !(content.records[kind] ?? []).isEmpty {
      entries.append((kind.title, Self.path(of: kind)))
    }
    entries.append(("Reports", "reports.html"))
    if content.audit != nil { entries.append(("Audit", "audit.html")) }
    entries.append(("Search", "search.html"))
    page.element("nav", [("class", "site"), ("aria-label", "Site")]) { nav in
      for (label, target) in entries {
        nav.element("a", [("href", href(target))] + (label == section ? [("aria-current", "page")] : []), text: label)
      }
    }
  }

  /// What the scope leaves out, said on every page.
  private func notice(_ page: inout HTMLWriter) {
    var sentences: [String] = []
    if let organization = content.scope.organization {
      let name = organization.fields["name"]?.stringValue ?? organization.key.id.value
      sentences.append(
        "This site shows only what concerns \(name): its people, their accounts and rights, the rights it validated, its trainings and requests. Nothing about anyone else is included."
      )
    }
    if content.scope.isPublic {
      sentences.append("Public edition: personal data (email addresses, phone numbers, notes on people) is left out.")
    }
    guard !sentences.isEmpty else { return }
    page.element("p", [("class", "notice"), ("role", "note")], text: sentences.joined(separator: " "))
  }

  private func footer(_ page: inout HTMLWriter) {
    page.element("footer", [("class", "site")]) { footer in
      footer.text(
        "\(content.settings.name), as recorded in commit \(content.tip.commit) of \(day(content.tip.date)). Written by adminledger site; every figure is computed from the ledger's records and history."
      )
    }
  }

  func day(_ date: Date) -> String { LedgerDate.day(of: date, in: content.timeZone) }
}

extension RecordKind {
  /// The kind's name as a page title.
  var title: String { rawValue.prefix(1).uppercased() + rawValue.dropFirst() }
}
