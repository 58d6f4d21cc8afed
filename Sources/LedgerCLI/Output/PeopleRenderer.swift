import LedgerCore
import LedgerJSON
import LedgerLanguage
import LedgerWording

/// The words of `offboard` and `onboard`: what was done in the ledger, what is left to decide,
/// and the checklist of what to do by hand in each outside system; and the same as JSON.
enum PeopleRenderer {
  // MARK: - offboard, text

  static func text(_ outcome: OffboardOutcome, dryRun: Bool) -> [String] {
    let plan = outcome.plan
    let who = name(plan.person, plan.name)
    let day = ProseDay.text(plan.day)
    let count = plan.changes.count
    var lines: [String]
    if plan.changes.isEmpty {
      lines = [tr("Nothing to change: \(who) holds nothing the ledger would end on \(day); no commit.")]
    } else if let commit = outcome.commit {
      lines = [
        Language.singular(count)
          ? tr("Offboarded \(who) on \(day): \(count) record changed (commit \(commit.prefix(7)))")
          : tr("Offboarded \(who) on \(day): \(count) records changed (commit \(commit.prefix(7)))")
      ]
    } else {
      lines = [
        Language.singular(count)
          ? tr("Would offboard \(who) on \(day): \(count) record to change (dry run: nothing committed)")
          : tr("Would offboard \(who) on \(day): \(count) records to change (dry run: nothing committed)")
      ]
    }
    if let deputy = plan.deputy { lines.append(tr("Deputy taking over: people/\(deputy)")) }
    if !plan.steps.isEmpty {
      lines += ["", "## " + tr("In the ledger")] + plan.steps.map { "- " + step($0) }
    }
    if dryRun && !plan.changes.isEmpty {
      lines += ["", "## " + tr("Changes")]
      for change in plan.changes {
        lines.append("  \(change.action.rawValue) \(change.record.key)")
        lines += change.fields.map { "      " + $0.summary }
      }
    }
    if !plan.flags.isEmpty {
      lines += ["", "## " + tr("To decide")] + plan.flags.map { "- " + flag($0) }
    }
    lines += ["", "## " + tr("By hand, in each system")] + checklist(plan.checklist)
    return lines
  }

  static func step(_ step: OffboardPlan.Step) -> String {
    switch step {
    case .status(let old, let new):
      old.map { "member_status: \($0) -> \(new)" } ?? tr("member_status: \(new) (was not set)")
    case .functionsEnded(let functions): tr("functions ended: \(functions.joined(separator: ", "))")
    case .ledgerRoleEnded(let role, let until): tr("ledger role \(role) held until \(ProseDay.text(until))")
    case .signingKeysEnded(let count, let until):
      count == 1
        ? tr("signing key valid until \(ProseDay.text(until))")
        : tr("\(count) signing keys valid until \(ProseDay.text(until))")
    case .accountClosed(let account, let system, let login):
      login.map { tr("accounts/\(account) on \(system) (login \($0)) closed") }
        ?? tr("accounts/\(account) on \(system) closed")
    case .mailboxRedirected(let account, let system, let address, let target):
      tr("accounts/\(account) on \(system): mailbox \(address) suspended, its mail redirected to \(target)")
    case .listsLeft(let account, let address, let lists):
      tr("accounts/\(account): \(address) taken off the lists \(lists.joined(separator: ", "))")
    case .groupsLeft(let account, let system, let groups):
      tr(
        "accounts/\(account) on \(system) taken out of the groups \(groups.joined(separator: ", ")): no role through them remains"
      )
    case .rightRevoked(let right, let account, let system, let role, let status):
      tr("rights/\(right): \(role ?? "?") on \(system ?? "?") revoked (was \(status); accounts/\(account))")
    case .dutyHandedOver(let duty, let to): tr("duties/\(duty) handed to people/\(to)")
    case .dutyLeft(let duty, let remaining):
      tr("duties/\(duty) left to \(remaining.map { "people/" + $0 }.joined(separator: ", "))")
    case .deputyLeft(let duty): tr("duties/\(duty): no longer its deputy")
    case .actorLeft(let duty): tr("duties/\(duty): no longer one of its actors")
    case .contactLeft(let organization): tr("organizations/\(organization): no longer one of its contacts")
    case .systemHandedOver(let system, let to): tr("systems/\(system): now answered for by people/\(to)")
    }
  }

  static func flag(_ flag: OffboardPlan.Flag) -> String {
    switch flag {
    case .dutyUnattended(let duty):
      tr(
        "duties/\(duty): nobody to hand it to (no deputy); name someone with 'adminledger set duties/\(duty) --set responsible=[...]'"
      )
    case .dutyWithoutDeputy(let duty):
      tr("duties/\(duty) has no deputy now; name one with 'adminledger set duties/\(duty) --set deputy=ID'")
    case .organizationWithoutContact(let organization):
      tr(
        "organizations/\(organization) has no contact left; add one with 'adminledger set organizations/\(organization) --set contacts=[...]'"
      )
    case .systemUnattended(let system):
      tr(
        "systems/\(system) is still answered for by the leaver; name someone with 'adminledger set systems/\(system) --set responsible=ID'"
      )
    case .mailboxWithoutTarget(let account, let system):
      tr(
        "accounts/\(account): \(system) redirects a leaver's mailbox, but there is no deputy and no on_leave.redirect_to: closed instead"
      )
    case .policyChange:
      tr(
        "ending ledger roles or signing keys changes the policy: the commit's author must hold a role that may change it (change_policy in ledger.json), or the audit and the shared repository's hook refuse it"
      )
    }
  }

  /// One block per system, one box per account.
  static func checklist(_ tasks: [OffboardPlan.Task]) -> [String] {
    guard !tasks.isEmpty else { return [tr("(nothing: no open account)")] }
    var lines: [String] = []
    var current: String?
    for task in tasks {
      if task.system != current {
        current = task.system
        let about = [task.systemName, task.url].compactMap { $0 }.joined(separator: ", ")
        lines.append("systems/\(task.system)" + (about.isEmpty ? "" : " (\(about))"))
      }
      lines.append("  [ ] " + self.task(task))
    }
    lines.append(
      tr(
        "Then 'adminledger report drift SYSTEM EXPORT' on a system's export of its users confirms it: nothing left about them."
      ))
    return lines
  }

  static func task(_ task: OffboardPlan.Task) -> String {
    let what = task.address ?? task.login.map { tr("login \($0)") } ?? tr("the account")
    var parts: [String]
    switch task.action {
    case .close: parts = [tr("\(what) (accounts/\(task.account)): delete or disable it")]
    case .redirect(let target):
      parts = [tr("\(what) (accounts/\(task.account)): stop its logins, forward its mail to \(target)")]
    }
    let roles = task.roles.joined(separator: ", ")
    if !task.roles.isEmpty {
      parts.append(task.roles.count == 1 ? tr("remove its role \(roles)") : tr("remove its roles \(roles)"))
    }
    if !task.lists.isEmpty { parts.append(tr("take it off the lists \(task.lists.joined(separator: ", "))")) }
    if !task.groups.isEmpty { parts.append(tr("take it out of the groups \(task.groups.joined(separator: ", "))")) }
    // French typography puts a space before a semicolon.
    return parts.joined(separator: Language.current == .french ? " ; " : "; ")
  }

  // MARK: - onboard, text

  static func text(_ outcome: OnboardOutcome, dryRun: Bool) -> [String] {
    let plan = outcome.plan
    let who = name(plan.person, plan.name)
    let person = plan.functionsAdded.isEmpty ? who : tr("\(who) as \(plan.functionsAdded.joined(separator: ", "))")
    let count = plan.changes.count
    let one = Language.singular(count)
    var lines: [String]
    if plan.changes.isEmpty {
      lines = [tr("Nothing to change: \(who) already has these functions and what they call for; no commit.")]
    } else if let commit = outcome.commit {
      lines = [
        one
          ? tr("Onboarded \(person): \(count) record written (commit \(commit.prefix(7)))")
          : tr("Onboarded \(person): \(count) records written (commit \(commit.prefix(7)))")
      ]
    } else {
      lines = [
        one
          ? tr("Would onboard \(person): \(count) record to write (dry run: nothing committed)")
          : tr("Would onboard \(person): \(count) records to write (dry run: nothing committed)")
      ]
    }
    lines += ["", "## " + tr("Rights their functions call for")]
    if plan.entries.isEmpty { lines.append(tr("(none: ledger.json's entitlements name none for their functions)")) }
    for entry in plan.entries {
      let called = entry.calledForBy.joined(separator: ", ")
      switch entry.state {
      case .present(let right, let status):
        lines.append("- " + tr("\(entry.entitlement): already \(status) (rights/\(right)); called for by \(called)"))
      case .requested(let right, let account, let newAccount):
        lines.append(
          "- "
            + (newAccount
              ? tr(
                "\(entry.entitlement): requested as rights/\(right) on a new account accounts/\(account), requested; called for by \(called)"
              )
              : tr("\(entry.entitlement): requested as rights/\(right) on accounts/\(account); called for by \(called)")))
      }
    }
    if dryRun && !plan.changes.isEmpty {
      lines += ["", "## " + tr("Changes")]
      for change in plan.changes {
        lines.append("  \(change.action.rawValue) \(change.record.key)")
        lines += change.fields.map { "      " + $0.summary }
      }
    }
    if plan.entries.contains(where: { if case .requested = $0.state { true } else { false } }) {
      lines += [
        "",
        tr("Next: open each account in its system (then 'adminledger set accounts/ID --set login=... --set status=active'),"),
        tr("and have each right validated and activated ('adminledger set rights/ID --set status=active')."),
      ]
    }
    return lines
  }

  // MARK: - JSON

  static func json(_ outcome: OffboardOutcome, dryRun: Bool) -> JSONValue {
    let plan = outcome.plan
    return [
      "action": "offboard", "commit": outcome.commit.map { .string($0) } ?? .null, "dry_run": .bool(dryRun),
      "person": .string(plan.person.description), "day": .string(plan.day),
      "deputy": plan.deputy.map { .string($0) } ?? .null,
      "records": .array(plan.records.map { .string($0.description) }),
      "changes": .array(plan.changes.map { HistoryRenderer.json(($0.record.key, $0.fields, $0.action.rawValue)) }),
      "steps": .array(plan.steps.map { .object(json($0)) }),
      "flags": .array(plan.flags.map { .object(json($0)) }),
      "checklist": .array(plan.checklist.map { .object(json($0)) }),
    ]
  }

  static func json(_ outcome: OnboardOutcome, dryRun: Bool) -> JSONValue {
    let plan = outcome.plan
    return [
      "action": "onboard", "commit": outcome.commit.map { .string($0) } ?? .null, "dry_run": .bool(dryRun),
      "person": .string(plan.person.description),
      "functions_added": .array(plan.functionsAdded.map { .string($0) }),
      "records": .array(plan.records.map { .string($0.description) }),
      "changes": .array(plan.changes.map { HistoryRenderer.json(($0.record.key, $0.fields, $0.action.rawValue)) }),
      "entitlements": .array(
        plan.entries.map { entry in
          var object: JSONObject = [
            "system": .string(entry.entitlement.system), "role": .string(entry.entitlement.role),
            "called_for_by": .array(entry.calledForBy.map { .string($0) }),
          ]
          switch entry.state {
          case .present(let right, let status):
            object["state"] = "present"
            object["right"] = .string(right)
            object["status"] = .string(status)
          case .requested(let right, let account, let newAccount):
            object["state"] = "requested"
            object["right"] = .string(right)
            object["account"] = .string(account)
            object["new_account"] = .bool(newAccount)
          }
          return .object(object)
        }),
    ]
  }

  /// A step as an object: `{"step": "account-closed", "account": ..., ...}`.
  static func json(_ step: OffboardPlan.Step) -> JSONObject {
    let strings = { (pairs: KeyValuePairs<String, String?>) -> [(String, JSONValue)] in
      pairs.map { ($0.key, $0.value.map { .string($0) } ?? .null) }
    }
    switch step {
    case .status(let old, let new): return JSONObject([("step", "status")] + strings(["old": old, "new": new]))
    case .functionsEnded(let functions):
      return JSONObject([("step", "functions-ended"), ("functions", .array(functions.map { .string($0) }))])
    case .ledgerRoleEnded(let role, let until):
      return JSONObject([("step", "ledger-role-ended")] + strings(["role": role, "until": until]))
    case .signingKeysEnded(let count, let until):
      return JSONObject([("step", "signing-keys-ended"), ("count", .number(JSONNumber(count))), ("until", .string(until))])
    case .accountClosed(let account, let system, let login):
      return JSONObject([("step", "account-closed")] + strings(["account": account, "system": system, "login": login]))
    case .mailboxRedirected(let account, let system, let address, let target):
      return JSONObject(
        [("step", "mailbox-redirected")]
          + strings(["account": account, "system": system, "address": address, "redirect_to": target]))
    case .listsLeft(let account, let address, let lists):
      return JSONObject(
        [("step", "lists-left")] + strings(["account": account, "address": address])
          + [("lists", .array(lists.map { .string($0) }))])
    case .groupsLeft(let account, let system, let groups):
      return JSONObject(
        [("step", "groups-left")] + strings(["account": account, "system": system])
          + [("groups", .array(groups.map { .string($0) }))])
    case .rightRevoked(let right, let account, let system, let role, let status):
      return JSONObject(
        [("step", "right-revoked")]
          + strings(["right": right, "account": account, "system": system, "role": role, "was": status]))
    case .dutyHandedOver(let duty, let to): return JSONObject([("step", "duty-handed-over")] + strings(["duty": duty, "to": to]))
    case .dutyLeft(let duty, let remaining):
      return JSONObject(
        [("step", "duty-left"), ("duty", .string(duty)), ("remaining", .array(remaining.map { .string($0) }))])
    case .deputyLeft(let duty): return JSONObject([("step", "deputy-left"), ("duty", .string(duty))])
    case .actorLeft(let duty): return JSONObject([("step", "actor-left"), ("duty", .string(duty))])
    case .contactLeft(let organization):
      return JSONObject([("step", "contact-left"), ("organization", .string(organization))])
    case .systemHandedOver(let system, let to):
      return JSONObject([("step", "system-handed-over")] + strings(["system": system, "to": to]))
    }
  }

  static func json(_ flag: OffboardPlan.Flag) -> JSONObject {
    switch flag {
    case .dutyUnattended(let duty): JSONObject([("flag", "duty-unattended"), ("duty", .string(duty))])
    case .dutyWithoutDeputy(let duty): JSONObject([("flag", "duty-without-deputy"), ("duty", .string(duty))])
    case .organizationWithoutContact(let organization):
      JSONObject([("flag", "organization-without-contact"), ("organization", .string(organization))])
    case .systemUnattended(let system): JSONObject([("flag", "system-unattended"), ("system", .string(system))])
    case .mailboxWithoutTarget(let account, let system):
      JSONObject([("flag", "mailbox-without-target"), ("account", .string(account)), ("system", .string(system))])
    case .policyChange: JSONObject([("flag", "policy-change")])
    }
  }

  static func json(_ task: OffboardPlan.Task) -> JSONObject {
    let optional = { (text: String?) -> JSONValue in text.map { .string($0) } ?? .null }
    var object = JSONObject([
      ("system", .string(task.system)), ("system_name", optional(task.systemName)), ("url", optional(task.url)),
      ("account", .string(task.account)), ("login", optional(task.login)), ("address", optional(task.address)),
      ("roles", .array(task.roles.map { .string($0) })), ("lists", .array(task.lists.map { .string($0) })),
    ])
    if !task.groups.isEmpty { object["groups"] = .array(task.groups.map { .string($0) }) }
    switch task.action {
    case .close: object["action"] = "close"
    case .redirect(let target):
      object["action"] = "redirect"
      object["redirect_to"] = .string(target)
    }
    return object
  }

  // MARK: - Pieces

  private static func name(_ key: RecordKey, _ name: String?) -> String {
    name.map { "\(key) (\($0))" } ?? key.description
  }
}
