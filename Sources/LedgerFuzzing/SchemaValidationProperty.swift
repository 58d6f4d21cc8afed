import LedgerCore
import LedgerJSON
import LedgerSchema

/// Compiling a schema and validating an instance never crash, end, and repeat exactly.
///
/// The input is a schema document, a NUL byte, and an instance (`{"type":"string"}␀"x"`); with
/// no NUL the document is validated against itself. When the document compiles in a fresh
/// standard registry (meta-schema check on), validating the instance twice gives the same
/// errors and annotations, and a valid instance has no errors while an invalid one has some.
/// Reading the set arrays the merge engine takes from a schema must not crash either. When
/// the document does not compile, the error names at least one problem.
/// "Ends" is the fuzzer's `-timeout`: references that loop must stop at the depth limit.
public enum SchemaValidationProperty {
  /// - Throws: `PropertyViolation` naming the first step that broke.
  public static func check(_ bytes: [UInt8]) throws(PropertyViolation) {
    let parts = bytes.nulSeparated(limit: 2)
    guard let document = try? JSONParser.parse(Array(parts[0])) else { return }
    let instance = parts.count > 1 ? try? JSONParser.parse(Array(parts[1])) : document
    let schema: Schema
    do {
      schema = try SchemaRegistry.standard().register(document, uri: "urn:adminledger:fuzz")
    } catch {
      guard !error.problems.isEmpty, !error.description.isEmpty else {
        throw PropertyViolation(.schema, "\(document.compactText) is refused with no problem named")
      }
      return
    }
    _ = SetArrays(schema: schema).isSet(["*"])
    guard let instance else { return }
    let first = schema.validate(instance)
    let second = schema.validate(instance)
    guard first.errors == second.errors, first.annotations == second.annotations else {
      throw PropertyViolation(
        .schema, "validating \(instance.compactText) against \(document.compactText) twice differs")
    }
    guard first.isValid == first.errors.isEmpty else {
      throw PropertyViolation(.schema, "isValid disagrees with the errors")
    }
  }
}
