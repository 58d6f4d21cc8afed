import Foundation

/// What `offboard` did, or would do on a dry run.
public struct OffboardOutcome: Sendable {
  /// The plan, as made on the commit the write read.
  public let plan: OffboardPlan
  /// The commit made; nil on a dry run or when nothing changed.
  public let commit: String?
}

/// What `onboard` did, or would do on a dry run.
public struct OnboardOutcome: Sendable {
  /// The plan, as made on the commit the write read.
  public let plan: OnboardPlan
  /// The commit made; nil on a dry run or when nothing changed.
  public let commit: String?
}

// People arriving and leaving: each a plan made on the ledger as it stands, validated with
// the whole ledger, committed as one commit or none.
extension RecordStore {
  /// Ends what a person holds (see `Offboarding`), in one validated commit.
  ///
  /// - Parameter dryRun: plan and validate, commit nothing.
  /// - Throws: `.recordNotFound` for an unknown person or deputy; `.invalid` when the result
  ///   would not validate (nothing is written).
  public func offboard(_ request: OffboardRequest, dryRun: Bool, by author: Author, at date: Date) throws(StoreError)
    -> OffboardOutcome
  {
    var made: OffboardPlan?
    let commit = try commitPlanned(dryRun: dryRun, by: author, at: date) { (snapshot) throws(StoreError) -> ChangeSet? in
      let plan = try Offboarding.plan(request, in: try LedgerView(snapshot), now: date)
      made = plan
      guard !plan.changes.isEmpty else { return nil }
      return ChangeSet(putting: plan.changes.map(\.record), removing: [], message: Offboarding.message(plan))
    }
    guard let made else { throw .nothingChanged }
    return OffboardOutcome(plan: made, commit: commit)
  }

  /// Gives a person functions and requests the accounts and rights they call for (see
  /// `Onboarding`), in one validated commit.
  ///
  /// - Parameter dryRun: plan and validate, commit nothing.
  /// - Throws: `.recordNotFound` for an unknown person; `.invalid` when the result would not
  ///   validate, such as a function the schema does not know (nothing is written).
  public func onboard(_ request: OnboardRequest, dryRun: Bool, by author: Author, at date: Date) throws(StoreError)
    -> OnboardOutcome
  {
    var made: OnboardPlan?
    let commit = try commitPlanned(dryRun: dryRun, by: author, at: date) { (snapshot) throws(StoreError) -> ChangeSet? in
      let plan = try Onboarding.plan(request, in: try LedgerView(snapshot), now: date)
      made = plan
      guard !plan.changes.isEmpty else { return nil }
      return ChangeSet(putting: plan.changes.map(\.record), removing: [], message: Onboarding.message(plan))
    }
    guard let made else { throw .nothingChanged }
    return OnboardOutcome(plan: made, commit: commit)
  }

  /// Commits what `prepare` returns after validating it; on a dry run, validates it against
  /// the current commit and writes nothing.
  ///
  /// - Returns: the commit made; nil on a dry run or when `prepare` has nothing to do.
  private func commitPlanned(
    dryRun: Bool, by author: Author, at date: Date, _ prepare: (any LedgerSnapshot) throws(StoreError) -> ChangeSet?
  ) throws(StoreError) -> String? {
    guard dryRun else { return try validatedWrite(by: author, at: date, prepare)?.commit }
    let snapshot = try snapshot(at: nil)
    guard let changes = try prepare(snapshot) else { return nil }
    let findings = try LedgerValidator(snapshot, changes: changes.files).validateChanges(changes.files)
    let errors = findings.filter { $0.severity == .error }
    guard errors.isEmpty else { throw .invalid(DiagnosticList(errors)) }
    return nil
  }
}
