import LedgerCore

/// A page of the site, made only when it is written, with what it depends on besides the
/// pages that sum up everything: so a second site keeps the pages no new commit can have
/// changed without making them (`SiteDelta`).
struct PendingPage {
  enum Dependency {
    /// Made every time: it sums up the whole ledger.
    case everything
    case record(RecordKey)
    case commit(String)
    /// A change view's month, `2026-11`.
    case month(String)
    case auditYear(Int)
    case annualYear(Int)
  }

  let path: String
  let dependency: Dependency
  let make: () throws(StoreError) -> String

  init(_ path: String, _ dependency: Dependency = .everything, make: @escaping () throws(StoreError) -> String) {
    self.path = path
    self.dependency = dependency
    self.make = make
  }
}

extension SiteDelta {
  /// Whether the commits since the previous site can have changed the page.
  func remakes(_ page: PendingPage) -> Bool {
    switch page.dependency {
    case .everything: true
    case .record(let key): records.contains(key)
    case .commit(let commit): commits?.contains(commit) ?? true
    case .month(let month): months?.contains(month) ?? true
    case .auditYear(let year): auditYears?.contains(year) ?? true
    case .annualYear(let year): annualYears?.contains(year) ?? true
    }
  }
}
