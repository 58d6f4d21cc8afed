import LedgerJSON

/// Placeholder: being written.
enum AccessReviewImport {
  static func plan(_ table: CSVTable, view: LedgerView, reader: CellReader) throws(StoreError) -> ImportPlan {
    var plan = ImportPlan()
    plan.problems.append(ImportProblem(line: 1, message: "not built yet"))
    return plan
  }
}
