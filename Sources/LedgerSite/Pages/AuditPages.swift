import LedgerCore
import LedgerJSON
import LedgerLanguage

/// `audit.html` and `audit/YEAR.html`: what the audit found, the payment approvals with the
/// approver's role, and every commit of each year with its author, the roles they held and
/// its findings marked.
enum AuditPages {
  static func render(_ audit: SiteAudit, _ content: SiteContent) -> [PendingPage] {
    // Oldest first in the order of history (a commit after those it builds on), not by clock.
    let order = content.chronicle.positions
    let trail = audit.trail.sorted { (order[$0.entry.commit] ?? 0) > (order[$1.entry.commit] ?? 0) }
    let years = Dictionary(grouping: trail) { String(LedgerDate.day(of: $0.entry.date, in: content.timeZone).prefix(4)) }
    let findings = Dictionary(grouping: audit.findings, by: \.entry.commit)
    var pages = [PendingPage("audit.html") { summary(audit, years.keys.sorted(), content) }]
    // A past year's page is as of its last commit; the latest year's, as of the commit shown.
    let latest = years.keys.max()
    for (year, commits) in years.sorted(by: { $0.key < $1.key }) {
      let shown = year == latest ? nil : commits.last?.entry
      pages.append(
        PendingPage("audit/\(year).html", .auditYear(Int(year) ?? 0)) { yearPage(year, commits, findings, content, shown: shown) }
      )
    }
    return pages
  }

  private static func summary(_ audit: SiteAudit, _ years: [String], _ content: SiteContent) -> String {
    let page = SitePage(path: "audit.html", title: tr("Audit"), content: content, section: "audit")
    return page.render(hasScript: true) { main in
      let count = audit.findings.count
      main.element(
        "p",
        text: Language.singular(audit.commits)
          ? tr(
            "\(audit.commits) commit audited: authors against the known administrators, each change against the author's roles as the policy stood, every commit's result against the schemas and rules, every merge against the field-level merge of its parents."
          )
          : tr(
            "\(audit.commits) commits audited: authors against the known administrators, each change against the author's roles as the policy stood, every commit's result against the schemas and rules, every merge against the field-level merge of its parents."
          ))
      main.element(
        "p", count == 0 ? [] : [("class", "finding")],
        text: count == 0
          ? tr("The audit found nothing.")
          : Language.singular(count)
            ? tr("The audit found \(count) thing to look at.") : tr("The audit found \(count) things to look at."))
      if count > 0 {
        main.element("h2", text: tr("Findings"))
        let findings = audit.findings
        page.table(
          &main, id: "findings", columns: [tr("date"), tr("commit"), tr("author"), tr("rule"), tr("finding")],
          rows: findings.count,
          interactive: findings.count > 10,
          nowrap: [0, 2], rowClass: { _ in "finding" }
        ) { cell, row, column in
          let finding = findings[row]
          switch column {
          case 0: cell.text(page.day(finding.entry.date))
          case 1: page.commit(&cell, finding.entry.commit)
          case 2: cell.text(content.scope.author(finding.entry))
          case 3: cell.element("span", [("class", "finding-rule")], text: finding.rule)
          default: cell.text(finding.message)
          }
        }
      }
      approvals(&main, page, audit, content)
      main.element("h2", text: tr("Every commit, year by year"))
      main.element("ul") { list in
        for year in years.reversed() { list.element("li") { $0.link(year, to: page.href("audit/\(year).html")) } }
      }
    }
  }

  /// The payment approvals the history records, with the approver's roles on the day.
  private static func approvals(_ main: inout HTMLWriter, _ page: SitePage, _ audit: SiteAudit, _ content: SiteContent) {
    main.element("h2", text: tr("Payment approvals"))
    let approvals = audit.approvals
    if approvals.isEmpty {
      main.element("p", [("class", "empty")], text: tr("No payment approval recorded."))
    } else {
      page.table(
        &main, id: "approvals",
        columns: [tr("approved on"), tr("payment"), tr("approver"), tr("role"), tr("recorded by"), tr("commit")],
        rows: approvals.count,
        interactive: approvals.count > 10, nowrap: [0]
      ) { cell, row, column in
        let approval = approvals[row]
        switch column {
        case 0: cell.text(approvedOn(approval, content) ?? page.day(approval.entry.date))
        case 1: page.reference(&cell, approval.payment)
        case 2:
          if let id = RecordID(approval.approver) {
            page.reference(&cell, RecordKey(kind: .people, id: id))
          } else {
            cell.text(approval.approver)
          }
        case 3: cell.text(approval.roles.isEmpty ? tr("none recorded on the day") : approval.roles.joined(separator: ", "))
        case 4: cell.text(content.scope.author(approval.entry))
        default: page.commit(&cell, approval.entry.commit)
        }
      }
    }
  }

  /// The day an approval gives (`approved_on`) as the commit that recorded it left the payment,
  /// which may be days before the commit: the last value the payment's history gave the field
  /// up to that commit. Nil when no step set it (the recording day is shown instead).
  private static func approvedOn(_ approval: SiteAudit.Approval, _ content: SiteContent) -> String? {
    let steps = content.chronicle.steps[approval.payment] ?? []
    guard let recorded = steps.firstIndex(where: { $0.entry.commit == approval.entry.commit }) else { return nil }
    for step in steps[recorded...] {
      if let change = step.fields.first(where: { $0.path == "approved_on" }) { return change.new?.stringValue }
    }
    return nil
  }

  private static func yearPage(
    _ year: String, _ commits: [SiteAudit.Commit], _ findings: [String: [SiteAudit.Finding]], _ content: SiteContent,
    shown: HistoryEntry?
  ) -> String {
    let page = SitePage(
      path: "audit/\(year).html", title: tr("Audit of \(year)"), content: content, section: "audit", shown: shown)
    let found = commits.reduce(0) { $0 + (findings[$1.entry.commit]?.count ?? 0) }
    return page.render(hasScript: true) { main in
      let findingsSaid =
        found == 0
        ? tr("no finding") : Language.singular(found) ? tr("\(found) finding, marked") : tr("\(found) findings, marked")
      main.element(
        "p",
        text: Language.singular(commits.count)
          ? tr("\(commits.count) commit in \(year), oldest first; \(findingsSaid).")
          : tr("\(commits.count) commits in \(year), oldest first; \(findingsSaid)."))
      page.table(
        &main, id: "commits", columns: [tr("date"), tr("commit"), tr("author"), tr("roles held"), tr("change"), tr("findings")],
        rows: commits.count,
        interactive: true, nowrap: [0, 2], rowClass: { findings[commits[$0].entry.commit] == nil ? nil : "finding" }
      ) { cell, row, column in
        let commit = commits[row]
        switch column {
        case 0: cell.text(page.day(commit.entry.date))
        case 1: page.commit(&cell, commit.entry.commit)
        case 2:
          if let person = commit.person.flatMap(RecordID.init), content.record(RecordKey(kind: .people, id: person)) != nil {
            cell.link(content.scope.author(commit.entry), to: page.href(RecordKey(kind: .people, id: person)))
          } else {
            cell.text(content.scope.author(commit.entry))
          }
        case 3: cell.text(commit.roles.isEmpty ? tr("none") : commit.roles.joined(separator: ", "))
        case 4:
          cell.text(commit.entry.subject)
          if commit.entry.parents.count > 1 { cell.element("span", [("class", "muted")], text: " " + tr("(merge)")) }
        default:
          let list = findings[commit.entry.commit] ?? []
          guard !list.isEmpty else { return }
          cell.element("ul") { items in
            for finding in list {
              items.element("li") { item in
                item.element("span", [("class", "finding-rule")], text: finding.rule)
                item.text(": " + finding.message)
              }
            }
          }
        }
      }
    }
  }
}
