import Testing

@testable import LedgerQuery

@Suite struct QueryParserTests {
  @Test(arguments: [
    ("status=active", ["status"], Condition.Operator.equals, ["active"]),
    ("status!=revoked", ["status"], .notEquals, ["revoked"]),
    ("end<2026-12-31", ["end"], .less, ["2026-12-31"]),
    ("end<=2026-12-31", ["end"], .lessOrEqual, ["2026-12-31"]),
    ("amount>100.00", ["amount"], .greater, ["100.00"]),
    ("amount>=100", ["amount"], .greaterOrEqual, ["100"]),
    ("name~Hugo Lef", ["name"], .contains, ["Hugo Lef"]),
    ("status in active,validated", ["status"], .isIn, ["active", "validated"]),
    ("account.person.organization=cen-paca", ["account", "person", "organization"], .equals, ["cen-paca"]),
    ("phone", ["phone"], .present, []),
    ("!closed", ["closed"], .absent, []),
    ("title=\"a=b\"", ["title"], .equals, ["a=b"]),
  ])
  func conditionsParse(_ text: String, _ path: [String], _ op: Condition.Operator, _ values: [String]) throws {
    let condition = try QueryParser.condition(text)
    #expect(condition.path == path)
    #expect(condition.op == op)
    #expect(condition.values == values)
  }

  @Test(arguments: [("=active", 1), ("status active", 7), ("!status=x", 8), ("a..b=1", 1)])
  func malformedConditionsNameTheColumn(_ text: String, _ column: Int) {
    #expect {
      try QueryParser.condition(text)
    } throws: { error in
      guard case .syntax(_, let found, _) = error as? QueryError else { return false }
      return found == column
    }
  }

  /// `a==b` used to be `a = "=b"` and matched nothing, silently: a run of operator signs that
  /// is no operator is an error naming the signs and the operators, at the operator's column.
  @Test(arguments: [
    ("a==b", 2, "\"==\""), ("end=>2026-01-01", 4, "\"=>\""), ("amount=<5", 7, "\"=<\""), ("a<>b", 2, "\"<>\""),
    ("status = active", 7, "no space before it"), ("stätus=x", 3, "a field name holds only"),
  ])
  func wrongOperatorsAreErrors(_ text: String, _ column: Int, _ words: String) {
    #expect {
      try QueryParser.condition(text)
    } throws: { error in
      guard case .syntax(let said, let found, let expected) = error as? QueryError else { return false }
      return said == text && found == column && expected.contains(words) && !expected.contains("^")
    }
  }

  @Test func doubleEqualsSaysThereIsNone() {
    #expect {
      try QueryParser.condition("a==b")
    } throws: { error in
      guard case .syntax(_, _, let expected) = error as? QueryError else { return false }
      return expected.contains("there is no ==") && expected.contains("FIELD=VALUE")
    }
  }

  @Test func aValueStartingWithASignIsQuoted() throws {
    #expect(try QueryParser.condition("title=\"=b\"").values == ["=b"])
    #expect(try QueryParser.condition("note~\"<p>\"").op == .contains)
  }

  @Test func sortKeysAndFieldsParse() throws {
    #expect(try QueryParser.sortKeys("end,-amount").map(\.description) == ["end", "-amount"])
    #expect(try QueryParser.fieldList("id, account.person.name") == [["id"], ["account", "person", "name"]])
    #expect(throws: QueryError.self) { try QueryParser.fieldList("id,,name") }
  }
}
