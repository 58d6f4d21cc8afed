import Foundation

extension GitRecordStore {
  /// Brings the ledger in line with a system's export, in one commit or none
  /// (`report drift --update`): the accounts and rights `DriftCorrection` describes,
  /// validated with the whole ledger first. Afterwards `LedgerView.drift` on the same file
  /// finds nothing.
  ///
  /// - Parameters:
  ///   - input: the export, read (a CSV table or JSON documents).
  ///   - options: the system, the file's name and profile, and `--role` mappings.
  ///   - dryRun: check and plan without committing.
  /// - Returns: the records added and changed, those that agree, and the accounts closed.
  /// - Throws: `.recordNotFound` for an unknown system; `.importRefused` with every problem
  ///   (a row whose person the ledger lacks, a record that would not validate), each at its
  ///   line; nothing is written.
  public func correctDrift(
    _ input: DriftInput, options: DriftOptions, dryRun: Bool, by author: Author, at date: Date
  ) throws(StoreError) -> ReconcileOutcome {
    let subject = { (reconciliation: Reconciliation) -> String in
      let added = reconciliation.changes.filter { $0.action == .add }.count
      let changed = reconciliation.changes.count - added
      let parts = [added > 0 ? "\(added) added" : nil, changed > 0 ? "\(changed) changed" : nil]
        .compactMap { $0 }
      return "Bring \(options.system.value)'s accounts in line with \(options.fileName): "
        + parts.joined(separator: ", ")
    }
    return try reconcile(file: options.file, subject: subject, dryRun: dryRun, by: author, at: date) {
      (view) throws(StoreError) in
      let comparison = try DriftComparison.compare(input, in: view, options: options)
      var correction = try DriftCorrection(view, options: options, now: date)
      return correction.reconcile(comparison)
    }
  }
}
