import Foundation
import LedgerCore
import LedgerJSON
import LedgerLanguage

/// One page of the site: where it is, and the frame every page shares (the header naming the
/// ledger and the commit shown, the navigation, the scope's notice, the footer). Links are
/// relative, so the folder opens from `file://`, moved or copied anywhere.
struct SitePage {
  /// The page's path in the site, such as `people/tblanc.html`.
  let path: String
  let title: String
  let content: SiteContent
  /// The navigation entry this page belongs to: `home`, `reports`, `audit`, `search`, or a
  /// kind's name (`people`).
  let section: String
  /// The commit a page about a fixed part of the history is as of (a commit's page, a past
  /// month's changes, a past year's report or audit), named instead of the commit shown: so
  /// the page stays the same when later commits leave that part alone, and a second `site`
  /// keeps it. Nil: the commit shown, or on a record's page the record's last change.
  var shown: HistoryEntry? = nil
  /// Whether the page names records by their id rather than their label: a page about past
  /// commits does, so that it stays the same while later commits rename what it mentions.
  var namesRecordsByID = false

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
    page.open("html", [("lang", content.languageTag)])
    page.element("head") { head in
      head.void("meta", [("charset", "utf-8")])
      head.void("meta", [("name", "viewport"), ("content", "width=device-width, initial-scale=1")])
      head.element("title", text: title == content.settings.name ? title : tr("\(title) – \(content.settings.name)"))
      head.void("link", [("rel", "stylesheet"), ("href", href(SiteAssets.stylesheetName))])
    }
    page.open("body")
    page.element("a", [("class", "skip"), ("href", "#content")], text: tr("Skip to content"))
    header(&page)
    navigation(&page)
    page.open("main", [("id", "content")])
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
      if let change = recordChange {
        header.element(
          "span", [("class", "shown")],
          text: tr("record last changed in commit \(change.commit.prefix(7)), \(prose(change.date))"))
      } else {
        let shown = shown ?? content.tip
        header.element("span", [("class", "shown")], text: tr("as of commit \(shown.commit.prefix(7)), \(prose(shown.date))"))
      }
    }
  }

  private func navigation(_ page: inout HTMLWriter) {
    var entries: [(section: String, label: String, target: String)] = [("home", tr("Home"), "index.html")]
    for kind in RecordKind.allCases where !(content.records[kind] ?? []).isEmpty {
      entries.append((kind.rawValue, kind.title, Self.path(of: kind)))
    }
    entries.append(("reports", tr("Reports"), "reports.html"))
    if content.audit != nil { entries.append(("audit", tr("Audit"), "audit.html")) }
    entries.append(("search", tr("Search"), "search.html"))
    page.element("nav", [("class", "site"), ("aria-label", tr("Site"))]) { nav in
      for entry in entries {
        nav.element(
          "a", [("href", href(entry.target))] + (entry.section == section ? [("aria-current", "page")] : []),
          text: entry.label)
      }
    }
  }

  /// What the scope leaves out, said on every page.
  private func notice(_ page: inout HTMLWriter) {
    var sentences: [String] = []
    if let organization = content.scope.organization {
      let name = organization.fields["name"]?.stringValue ?? organization.key.id.value
      sentences.append(
        tr(
          "This site shows only what concerns \(name): its people, their accounts and rights, the rights it validated, its trainings and requests. Nothing about anyone else is included."
        ))
    }
    if content.scope.isPublic {
      sentences.append(tr("Public edition: personal data (email addresses, phone numbers, notes on people) is left out."))
    }
    guard !sentences.isEmpty else { return }
    page.element("p", [("class", "notice"), ("role", "note")], text: sentences.joined(separator: " "))
  }

  private func footer(_ page: inout HTMLWriter) {
    page.element("footer", [("class", "site")]) { footer in
      if let change = recordChange {
        return footer.text(
          tr(
            "\(content.settings.name): this record as last changed in commit \(change.commit) of \(prose(change.date)). Written by adminledger site; every figure is computed from the ledger's records and history."
          ))
      }
      let shown = shown ?? content.tip
      footer.text(
        tr(
          "\(content.settings.name), as recorded in commit \(shown.commit) of \(prose(shown.date)). Written by adminledger site; every figure is computed from the ledger's records and history."
        ))
    }
  }

  /// On a record's page, the last commit that changed the record, which the page names instead
  /// of the commit shown: so a record page that a later commit leaves alone stays byte for byte
  /// the same, and a second `site` into the same folder keeps it rather than rewriting it.
  private var recordChange: HistoryEntry? {
    guard path.hasSuffix(".html"), let key = RecordKey(path: String(path.dropLast(5)) + ".json") else { return nil }
    return content.chronicle.steps[key]?.first?.entry
  }

  /// The day of `date` in the ledger's time zone, as a table cell holds it: `2026-12-06`. Tables
  /// keep days in this form, in every language, so they sort and read alike.
  func day(_ date: Date) -> String { LedgerDate.day(of: date, in: content.timeZone) }

  /// The day of `date` as a sentence says it: `6 December 2026`, `6 décembre 2026`.
  func prose(_ date: Date) -> String { LocalFormat.day(day(date)) }

  /// An amount (`1234.5`, in JSON's form) in the ledger's currency as a person reads it:
  /// `€1,234.50`, `1 234,50 €`.
  func amount(_ decimal: String) -> String { LocalFormat.amount(decimal, currency: content.settings.currency) }
}

extension RecordKind {
  /// The kind's name as a page title: `People`, `Personnes`.
  var title: String { Self.titles[self]?.text ?? rawValue }

  /// The kind's name in a count: `people`, `personnes`.
  var plural: String { Self.plurals[self]?.text ?? rawValue }

  private static let titles: [RecordKind: Phrase] = [
    .people: Phrase("People"), .organizations: Phrase("Organizations"), .systems: Phrase("Systems"),
    .accounts: Phrase("Accounts"), .rights: Phrase("Rights"), .tickets: Phrase("Tickets"), .payments: Phrase("Payments"),
    .contracts: Phrase("Contracts"), .trainings: Phrase("Trainings"), .duties: Phrase("Duties"),
    .erasures: Phrase("Erasures"), .groups: Phrase("Groups"),
  ]

  private static let plurals: [RecordKind: Phrase] = [
    .people: Phrase("people"), .organizations: Phrase("organizations"), .systems: Phrase("systems"),
    .accounts: Phrase("accounts"), .rights: Phrase("rights"), .tickets: Phrase("tickets"), .payments: Phrase("payments"),
    .contracts: Phrase("contracts"), .trainings: Phrase("trainings"), .duties: Phrase("duties"),
    .erasures: Phrase("erasures"), .groups: Phrase("groups"),
  ]
}
