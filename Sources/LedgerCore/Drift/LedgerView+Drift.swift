extension LedgerView {
  /// What a system's own export says against what the ledger records about the accounts on
  /// that system and their active rights: accounts the system has and the ledger lacks,
  /// accounts the ledger says active and the system no longer has, and roles that differ.
  ///
  /// - Parameters:
  ///   - input: the export, read (a CSV table or JSON documents).
  ///   - options: the system, the file's name and profile, and `--role` mappings.
  /// - Returns: the findings, sorted by kind then login, and how many accounts agree.
  /// - Throws: `.recordNotFound` for an unknown system; `.importRefused` when a row cannot be
  ///   read (a role nothing maps, a file of another shape), each problem at its line.
  public func drift(_ input: DriftInput, options: DriftOptions) throws(StoreError) -> DriftResult {
    try DriftComparison.compare(input, in: self, options: options).result
  }
}
