import Foundation
import LedgerJSON

@testable import LedgerCore

/// Every answer a history gives about a played script, as lines of text by section, with
/// commit ids replaced by step names and file contents by the step that first wrote them:
/// two implementations conform when their transcripts are equal.
///
/// The primitives are asked about every step and every pair of steps (the scripts are small);
/// the logic on top (log, diff, blame, the chronicle, the audit, conflict credit) about every
/// record and every step where it makes sense. An error is an answer too: `error: ...`.
struct HistoryTranscript {
  let played: PlayedHistory

  private var history: any LedgerHistory { played.history }
  private var script: HistoryScript { played.script }
  /// Each content by the first step that wrote it: `sideA:people/hugo.json`.
  private let contents: [[UInt8]: String]

  init(_ played: PlayedHistory) {
    self.played = played
    var contents: [[UInt8]: String] = [:]
    for step in played.script.steps {
      for (path, bytes) in step.files.sorted(by: { $0.key < $1.key }) {
        if let bytes, contents[bytes] == nil { contents[bytes] = "\(step.name):\(path)" }
      }
    }
    self.contents = contents
  }

  /// The answers by section; a section whose question throws ends with the error.
  func sections() -> [String: [String]] {
    let questions: [(String, () throws -> [String])] = [
      ("entries", entries), ("revisions", revisions), ("walks", walks), ("changes", changes),
      ("differences", differences), ("contents", fileContents), ("snapshots", snapshots),
      ("ancestry", ancestry),
      ("signatures", signatures), ("log", logs), ("diff", diffs), ("blame", blames),
      ("chronicle", chronicles),
      ("audit", audits), ("conflict credit", conflictCredits), ("merge planning", mergePlans),
    ]
    var sections: [String: [String]] = [:]
    for (section, ask) in questions {
      do {
        sections[section] = try ask()
      } catch {
        sections[section] = ["error: \(played.translate("\(error)"))"]
      }
    }
    return sections
  }

  /// One answer, or the error asking threw.
  private func answer(_ body: () throws -> String) -> String {
    do {
      return try body()
    } catch {
      return "error: \(played.translate("\(error)"))"
    }
  }

  private var ids: [(name: String, id: String)] {
    script.steps.compactMap { step in played.ids[step.name].map { (step.name, $0) } }
  }

  private func label(_ content: ContentID?) throws -> String {
    guard let content else { return "absent" }
    let bytes = try history.bytes(content)
    return contents[bytes] ?? "bytes \(ContentID(hashing: bytes).description.prefix(8))"
  }

  private func label(_ difference: FileDifference) throws -> String {
    let place = difference.isInsideLedger ? difference.path : "outside:\(difference.path)"
    return
      "\(place) \(try label(difference.old)) -> \(try label(difference.new)) (\(difference.kind))"
  }

  // MARK: - Primitives

  private func entries() throws -> [String] {
    try ids.map { name, id in
      let entry = try history.entry(id)
      let parents = try history.parents(id)
      return
        "\(name): commit \(played.name(entry.commit)) parents \(entry.parents.map(played.name)) (alone: \(parents.map(played.name))) "
        + "by \(entry.authorName) <\(entry.authorEmail)> at \(entry.date.timeIntervalSince1970) "
        + "committed \(entry.committed.timeIntervalSince1970) message \(entry.message.debugDescription)"
    }
  }

  private func revisions() throws -> [String] {
    var asked: [(label: String, revision: String?)] = [("nil", nil)]
    for revision in [
      "HEAD", "HEAD~", "HEAD~0", "HEAD~1", "HEAD~2", "HEAD^", "HEAD^^", "HEAD^1", "HEAD^2",
      "HEAD~1^2", "HEAD^0",
      "HEAD~99", "2026-11-17", "2026-11-18", "2026-11-19", "no-such-revision",
      "0000000000000000000000000000000000000000",
    ] {
      asked.append((revision, revision))
    }
    for (name, id) in ids {
      asked += [
        (name, id), ("\(name) (short)", String(id.prefix(7))), ("\(name)^", id + "^"),
        ("\(name)~1", id + "~1"),
        ("\(name)^2", id + "^2"),
      ]
    }
    return asked.map { label, revision in
      "\(label) -> " + answer { played.name(try history.commit(revision)) }
    }
  }

  private func walks() throws -> [String] {
    var lines = ids.flatMap { name, id in
      [false, true].map { firstParent in
        "\(name)\(firstParent ? " first-parent" : ""): "
          + answer {
            try history.walk(from: id, firstParentOnly: firstParent).map(played.name).joined(
              separator: " ")
          }
      }
    }
    // The first-parent line back from HEAD, whole and since the third step's date.
    for since in [nil, script.steps.dropFirst(2).first?.date] {
      lines.append(
        "first-parent history since \(since?.timeIntervalSince1970 ?? 0): "
          + answer {
            try history.firstParentHistory(from: nil, since: since).map { played.name($0.commit) }
              .joined(separator: " ")
          })
    }
    return lines
  }

  private func changes() throws -> [String] {
    try ids.flatMap { name, id in
      let known = try history.changes(id)
      var lines = [
        "\(name): parents \(known.parents.map(played.name)), \(known.differences.count) lists"
      ]
      for (parent, list) in zip(known.parents, known.differences) {
        lines += try list.map { "\(name) against \(played.name(parent)): \(try label($0))" }
      }
      return lines
    }
  }

  private func differences() throws -> [String] {
    let sides: [(name: String, id: String?)] = [("nil", nil)] + ids.map { ($0.name, $0.id) }
    var lines: [String] = []
    for from in sides {
      for to in ids {
        lines += [
          "\(from.name) to \(to.name): "
            + answer {
              try history.differences(from: from.id, to: to.id).map(label).joined(separator: "; ")
            }
        ]
      }
    }
    return lines
  }

  private func fileContents() throws -> [String] {
    var lines: [String] = []
    for (name, id) in ids {
      for path in script.paths + ["people", "nowhere.json"] {
        lines.append("\(name) \(path): " + answer { try label(try history.content(path, at: id)) })
      }
    }
    return lines
  }

  private func snapshots() throws -> [String] {
    var lines: [String] = []
    for (name, id) in ids {
      lines += try describe(history.snapshot(id), as: "snapshot \(name)")
    }
    lines += try describe(history.snapshot(nil), as: "snapshot HEAD")
    // A walk reader follows the steps in their order, as the audit walks them.
    let reader = history.walkReader()
    for step in script.steps {
      let id = try played.id(step.name)
      if let parent = step.parents.first { try reader.advance(from: try played.id(parent), to: id) }
      lines += try describe(reader.snapshot(id), as: "walk \(step.name)")
    }
    return lines
  }

  private func describe(_ snapshot: any LedgerSnapshot, as title: String) throws -> [String] {
    var lines = [
      "\(title): revision \(played.name(snapshot.revision)), settings \(answer { try snapshot.settings().name })"
    ]
    for folder in [RecordSchemas.folder] + RecordKind.allCases.map(\.folder) {
      let names = try snapshot.fileNames(in: folder)
      if !names.isEmpty { lines.append("\(title) \(folder)/: \(names.joined(separator: " "))") }
    }
    for kind in RecordKind.allCases {
      let load = try snapshot.records(of: kind)
      for record in load.records.sorted(by: { $0.key < $1.key }) {
        lines.append("\(title) \(record.key): \(JSONValue.object(record.fields).compactText)")
      }
      lines += load.diagnostics.map { "\(title) diagnostic: \($0.file) \($0.message)" }
      lines += try snapshot.irregularEntries(in: kind.folder).map {
        "\(title) irregular: \($0.path) \($0.kind)"
      }
    }
    return lines
  }

  private func ancestry() throws -> [String] {
    var lines: [String] = []
    for one in ids {
      lines.append(
        "\(one.name) all: " + answer { try names(history.commits(from: one.id, excluding: nil)) })
      for two in ids {
        let pair = "\(one.name), \(two.name)"
        lines.append(
          "base \(pair): " + answer { played.name(try history.mergeBase(one.id, two.id)) })
        lines.append(
          "descends \(pair): " + answer { "\(try history.isDescendant(one.id, of: two.id))" })
        lines.append(
          "\(one.name) ^\(two.name): "
            + answer { try names(history.commits(from: one.id, excluding: two.id)) })
      }
    }
    return lines
  }

  private func names(_ commits: Set<String>) -> String {
    commits.map(played.name).sorted().joined(separator: " ")
  }

  private func signatures() throws -> [String] {
    let found = try history.signatures(of: ids.map(\.id))
    return ids.map { name, id in
      switch found[id] {
      case nil: return "\(name): missing"
      case .unsigned?: return "\(name): unsigned"
      case .unreadable?: return "\(name): unreadable"
      case .ssh(let signature, let verifies)?:
        return
          "\(name): ssh \(signature.key.fingerprint) namespace \(signature.namespace) verifies \(verifies)"
      }
    }
  }

  // MARK: - The logic on top

  /// Every record some step held, by key.
  private var keys: [RecordKey] { script.paths.compactMap { RecordKey(path: $0) } }

  private func logs() throws -> [String] {
    var filters: [(String, LogFilter)] = [("all", LogFilter())]
    var filter = LogFilter()
    filter.firstParent = true
    filters.append(("first-parent", filter))
    for key in keys {
      filter = LogFilter()
      filter.record = key
      filters.append(("record \(key)", filter))
      filter.firstParent = true
      filters.append(("record \(key) first-parent", filter))
    }
    for kind in Set(keys.map(\.kind)).sorted() {
      filter = LogFilter()
      filter.kind = kind
      filters.append(("kind \(kind)", filter))
    }
    filter = LogFilter()
    filter.limit = 2
    filters.append(("limit 2", filter))
    filter = LogFilter()
    filter.authorEmails = [marc.email]
    filter.since = script.steps.dropFirst(2).first?.date
    filters.append(("Marc's since the third step", filter))
    var lines: [String] = []
    for (title, filter) in filters {
      lines += try describe(history.log(from: nil, filter: filter), as: title)
    }
    for step in script.steps where step.parents.count > 1 {
      lines += try describe(
        history.log(from: try played.id(step.name), filter: LogFilter()), as: "from \(step.name)")
    }
    return lines
  }

  private func describe(_ steps: [HistoryStep], as title: String) -> [String] {
    var lines = ["\(title): \(steps.count) steps"]
    for step in steps {
      let name = played.name(step.entry.commit)
      lines.append("\(title) \(name): \(step.changes.count) records")
      for change in step.changes {
        lines.append(
          "\(title) \(name) \(change.action) \(change.key): \(change.fields.map(\.summary).joined(separator: "; "))"
        )
      }
    }
    return lines
  }

  private func diffs() throws -> [String] {
    var pairs: [(String, String)] = []
    for step in script.steps {
      for parent in step.parents { pairs.append((parent, step.name)) }
    }
    if let first = script.steps.first?.name, let head = script.head {
      pairs += [(first, head), (head, first)]
    }
    return pairs.map { from, to in
      "\(from)..\(to): "
        + answer {
          try history.diff(from: try played.id(from), to: try played.id(to)).map { change in
            "\(change.action) \(change.key) [\(change.fields.map(\.summary).joined(separator: "; "))]"
          }.joined(separator: " | ")
        }
    }
  }

  private func blames() throws -> [String] {
    var lines: [String] = []
    let revisions = [nil] + script.steps.filter { $0.parents.count > 1 }.map(\.name)
    for revision in revisions {
      let id = try revision.map(played.id)
      let snapshot = try history.snapshot(id)
      for key in keys {
        guard try snapshot.record(key) != nil else { continue }
        lines += describe(try history.blame(key, at: id), as: "\(key) at \(revision ?? "HEAD")")
      }
    }
    return lines
  }

  private func describe(_ blame: [FieldBlame], as title: String) -> [String] {
    blame.map { field in
      "\(title) \(field.field) = \(field.value.compactText): \(played.name(field.entry.commit))"
        + (field.resolution.map { " (\($0))" } ?? "")
    }
  }

  private func chronicles() throws -> [String] {
    let chronicle = try history.chronicle(at: nil)
    var lines = [
      "entries: \(chronicle.entries.map { played.name($0.commit) }.joined(separator: " "))"
    ]
    lines += chronicle.positions.sorted { $0.value < $1.value }.map {
      "position \(played.name($0.key)): \($0.value)"
    }
    for key in chronicle.steps.keys.sorted() {
      for step in chronicle.steps[key] ?? [] {
        lines.append(
          "\(key) \(played.name(step.entry.commit)) \(step.action): \(step.fields.map(\.summary).joined(separator: "; "))"
        )
      }
    }
    let snapshot = try history.snapshot(nil)
    for key in keys {
      guard let record = try snapshot.record(key) else { continue }
      lines += describe(chronicle.blame(record), as: "\(key)")
    }
    return lines
  }

  private func audits() throws -> [String] {
    var asked: [(title: String, range: String?, context: AuditContext)] = [
      ("branch", nil, AuditContext()), ("range HEAD~2..HEAD", "HEAD~2..HEAD", AuditContext()),
    ]
    if let (name, id) = ids.first { asked.append(("range \(name)..", id + "..", AuditContext())) }
    for step in script.steps where step.parents.count > 1 {
      asked.append(("range \(step.name)", try played.id(step.name), AuditContext()))
    }
    // Since a step: one the branch still holds (the first, the head's parent, the head) audits
    // what came after; any other the branch does not hold was rewritten away.
    let head = try played.id(script.head ?? "")
    let kept = Set([ids.first?.id, try history.commit("HEAD~1"), head].compactMap { $0 })
    for (name, id) in ids where try kept.contains(id) || !history.isDescendant(head, of: id) {
      asked.append(("since \(name)", nil, AuditContext(lastPassed: id, branch: "main")))
    }
    asked.append(
      (
        "since a commit never made", nil,
        AuditContext(lastPassed: String(repeating: "ab", count: 20))
      ))
    var lines: [String] = []
    for (title, range, context) in asked {
      do {
        lines += describe(try history.audit(range: range, context: context), as: title)
      } catch {
        lines.append("\(title): error: \(played.translate("\(error)"))")
      }
    }
    return lines
  }

  private func describe(_ result: AuditResult, as title: String) -> [String] {
    var lines = [
      "\(title): \(result.commits) commits, since \(played.name(result.since)), passed \(played.name(result.passed)), "
        + "unrecorded \(result.unrecorded.map { "\($0.path): \($0.reason)" } ?? "-")"
    ]
    for finding in result.findings {
      // The problem as a value (the wording lives with the renderers), ids named by step.
      lines.append(
        "\(title) [\(finding.rule)] \(played.name(finding.entry.commit)): "
          + played.translate(String(describing: finding.problem)))
      if let deviation = finding.deviation {
        lines.append(
          "\(title)   deviation \(deviation.path) \(deviation.record?.description ?? "-") \(deviation.field) "
            + "\(deviation.change.rawValue) expected \(deviation.expected?.compactText ?? "absent") "
            + "committed \(deviation.committed?.compactText ?? "absent") ours \(deviation.ours?.compactText ?? "absent") "
            + "theirs \(deviation.theirs?.compactText ?? "absent") resolution \(deviation.resolution ?? "-") text \(deviation.isText)"
        )
      }
      if let rewrite = finding.rewrite {
        lines.append(
          "\(title)   rewrite of \(rewrite.branch) last \(played.name(rewrite.last)) missing \(rewrite.isMissing) "
            + "disappeared \(rewrite.disappeared.map { played.name($0.commit) }.joined(separator: " "))"
        )
      }
    }
    lines += result.trail.map {
      "\(title) trail \(played.name($0.entry.commit)): \($0.person ?? "-") \($0.roles)"
    }
    lines += result.approvals.map {
      "\(title) approval \(played.name($0.entry.commit)): \($0.payment) by \($0.approver) \($0.roles)"
    }
    return lines
  }

  /// For each merge of two parents, who made each side's value of every field its records
  /// hold on either side since their base: the credit a stopped merge's conflict report gives.
  private func conflictCredits() throws -> [String] {
    var lines: [String] = []
    for step in script.steps where step.parents.count == 2 {
      let (ours, theirs) = (try played.id(step.parents[0]), try played.id(step.parents[1]))
      guard let base = try history.mergeBase(ours, theirs) else {
        lines.append("\(step.name): no base")
        continue
      }
      var places: Set<FieldPlace> = []
      for side in [ours, theirs] {
        for difference in try history.differences(from: base, to: side)
        where RecordKey(path: difference.path) != nil {
          for content in [difference.old, difference.new].compactMap({ $0 }) {
            let fields =
              (try? JSONParser.parse(try history.bytes(content)))?.objectValue ?? JSONObject()
            for name in fields.keys {
              places.insert(FieldPlace(path: difference.path, pointer: JSONPointer(tokens: [name])))
            }
          }
        }
      }
      let ordered = places.sorted {
        ($0.path, $0.pointer.tokens.joined(separator: ".")) < (
          $1.path, $1.pointer.tokens.joined(separator: ".")
        )
      }
      for (side, tip) in [("ours", ours), ("theirs", theirs)] {
        let credits = try history.lastChanges(of: ordered, from: tip, since: base)
        for place in ordered {
          let field = place.pointer.tokens.joined(separator: ".")
          lines.append(
            "\(step.name) \(side) \(place.path) \(field): \(played.name(credits[place]?.commit))")
        }
      }
    }
    return lines
  }

  /// For each merge of two parents, the merge `sync` would plan of them, each way round.
  private func mergePlans() throws -> [String] {
    var lines: [String] = []
    for step in script.steps where step.parents.count == 2 {
      for (ours, theirs) in [
        (step.parents[0], step.parents[1]), (step.parents[1], step.parents[0]),
      ] {
        let title = "\(step.name) \(ours)+\(theirs)"
        do {
          let plan = try history.planMerge(ours: try played.id(ours), theirs: try played.id(theirs))
          lines += try describe(plan, as: title)
        } catch {
          lines.append("\(title): error: \(played.translate("\(error)"))")
        }
      }
    }
    return lines
  }

  private func describe(_ plan: MergeOutcome, as title: String) throws -> [String] {
    var lines = [
      "\(title): base \(played.name(plan.base)), clean \(plan.isClean), records \(plan.records.map(\.description))"
    ]
    for update in plan.updates {
      let result: String
      switch update.result {
      case .merged(let bytes):
        result =
          "merged "
          + (contents[bytes] ?? "bytes \(ContentID(hashing: bytes).description.prefix(8))")
      case .taken(let content): result = "taken " + (try label(content))
      case .removed: result = "removed"
      }
      lines.append(
        "\(title) update \(update.path) inside \(update.isInsideLedger) \(update.kind): \(result)")
    }
    for file in plan.conflicted {
      lines.append(
        "\(title) conflicted \(file.path): base \(try label(file.base)), ours \(try label(file.ours)), "
          + "theirs \(try label(file.theirs))")
    }
    for conflict in plan.conflicts {
      func text(_ value: JSONValue?) -> String { value?.compactText ?? "absent" }
      lines.append(
        "\(title) conflict \(conflict.path) \(conflict.pointer): base \(text(conflict.base)), "
          + "ours \(text(conflict.ours)), theirs \(text(conflict.theirs)), text \(conflict.isText)")
    }
    lines += plan.findings.map { "\(title) finding \($0.file): \($0.message)" }
    return lines
  }
}
