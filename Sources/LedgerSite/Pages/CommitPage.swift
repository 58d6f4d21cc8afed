import LedgerCore
import LedgerJSON
import LedgerLanguage

/// `commits/ID.html`: one commit: its author and day, the roles the author held and what the
/// audit found (on a whole site), every record it changed field by field as the scope shows
/// them, and links to its parents and children.
enum CommitPage {
  static func path(of commit: String) -> String { "commits/\(commit).html" }

  /// A page for every commit of the site's history, so that every commit id links somewhere.
  static func render(_ changes: SiteChanges, _ content: SiteContent) -> [PendingPage] {
    var children: [String: [String]] = [:]
    for entry in content.chronicle.entries {
      for parent in entry.parents { children[parent, default: []].append(entry.commit) }
    }
    let trail = Dictionary((content.audit?.trail ?? []).map { ($0.entry.commit, $0) }) { first, _ in first }
    let findings = Dictionary(grouping: content.audit?.findings ?? [], by: \.entry.commit)
    return content.chronicle.entries.map { entry in
      let page = Page(
        entry: entry, changes: changes.byCommit[entry.commit] ?? [], children: children[entry.commit] ?? [],
        audited: trail[entry.commit], findings: findings[entry.commit] ?? [])
      return PendingPage(path(of: entry.commit), .commit(entry.commit)) { page.render(content) }
    }
  }

  private struct Page {
    let entry: HistoryEntry
    let changes: [SiteChanges.Change]
    let children: [String]
    let audited: SiteAudit.Commit?
    let findings: [SiteAudit.Finding]

    func render(_ content: SiteContent) -> String {
      let page = SitePage(
        path: CommitPage.path(of: entry.commit), title: tr("Commit \(entry.commit.prefix(7))"), content: content,
        section: "home", shown: entry, namesRecordsByID: true)
      return page.render(hasScript: changes.count > 10) { main in
        main.element("p") { $0.element("code", text: entry.commit) }
        main.element("blockquote", text: entry.subject)
        main.element("dl") { list in
          list.element("dt", text: tr("Author"))
          list.element("dd") { author(&$0, page, content) }
          list.element("dt", text: tr("Date"))
          list.element("dd", text: page.prose(entry.date))
          if let said = signature {
            list.element("dt", text: tr("Signature"))
            list.element("dd", [("class", "finding")], text: said)
          }
          if let audited {
            list.element("dt", text: tr("Roles held"))
            list.element("dd", text: audited.roles.isEmpty ? tr("none") : audited.roles.joined(separator: ", "))
          }
          list.element("dt", text: entry.parents.count == 1 ? tr("Parent") : tr("Parents"))
          list.element("dd") { commits(&$0, page, entry.parents, none: tr("none: the ledger's first commit")) }
          list.element("dt", text: children.count == 1 ? tr("Child") : tr("Children"))
          list.element("dd") { commits(&$0, page, children, none: tr("none in the history shown")) }
        }
        if content.audit != nil { self.findings(&main) }
        records(&main, page, content)
      }
    }

    private func author(_ cell: inout HTMLWriter, _ page: SitePage, _ content: SiteContent) {
      let person = audited?.person.flatMap(RecordID.init).map { RecordKey(kind: .people, id: $0) }
      if let person, content.record(person) != nil {
        cell.link(content.scope.author(entry), to: page.href(person))
      } else {
        cell.text(content.scope.author(entry))
      }
    }

    /// What the audit said of the commit's signature, when it said something.
    private var signature: String? {
      if findings.contains(where: { $0.rule == "bad-signature" }) { return tr("does not verify") }
      if findings.contains(where: { $0.rule == "unsigned" }) { return tr("not signed") }
      return nil
    }

    private func commits(_ cell: inout HTMLWriter, _ page: SitePage, _ ids: [String], none: String) {
      guard !ids.isEmpty else { return cell.text(none) }
      for (index, id) in ids.enumerated() {
        if index > 0 { cell.text(", ") }
        page.commit(&cell, id)
      }
    }

    private func findings(_ main: inout HTMLWriter) {
      main.element("h2", text: tr("Findings"))
      guard !findings.isEmpty else { return main.element("p", [("class", "empty")], text: tr("The audit found nothing.")) }
      main.element("ul") { list in
        for finding in findings {
          list.element("li", [("class", "finding")]) { item in
            item.element("span", [("class", "finding-rule")], text: finding.rule)
            item.text(": " + finding.message)
          }
        }
      }
    }

    private func records(_ main: inout HTMLWriter, _ page: SitePage, _ content: SiteContent) {
      main.element("h2", text: tr("Records changed"))
      guard !changes.isEmpty else {
        return main.element("p", [("class", "empty")], text: tr("No change to the records this site shows."))
      }
      page.table(
        &main, id: "records", columns: [tr("record"), tr("fields")], rows: changes.count, interactive: changes.count > 10
      ) { cell, row, column in
        let change = changes[row]
        if column == 0 { return page.changedRecord(&cell, change.key) }
        ChangesPages.fields(&cell, page, change)
      }
    }
  }
}
