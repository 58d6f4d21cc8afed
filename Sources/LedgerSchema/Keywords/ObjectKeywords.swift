import LedgerJSON

// `properties`, `patternProperties`, `additionalProperties`, `propertyNames`, `required`,
// `dependentRequired`, `dependentSchemas`, `maxProperties`, `minProperties`.
extension Evaluator {
  mutating func evaluateObject(_ node: SchemaNode, _ object: JSONObject, _ path: JSONPointer, _ outcome: inout Outcome) {
    if node.vocabularies.contains(.applicator) {
      evaluateProperties(node, object, path, &outcome)
      if let schema = node.subschemas["propertyNames"] {
        for key in object.keys where !evaluate(schema, .string(key), at: path).isValid {
          outcome.errors.append(error(node, "propertyNames", path, Messages.propertyName(path, key)))
        }
      }
      for member in object {
        guard let schema = node.dependentSchemas[CodePointKey(member.key)] else { continue }
        outcome.absorb(evaluate(schema, .object(object), at: path))
      }
    }
    if case .array(let names)? = node.active("required") {
      for case .string(let name) in names where object[name] == nil {
        outcome.errors.append(error(node, "required", path, Messages.required(path, missing: name)))
      }
    }
    if case .object(let dependencies)? = node.active("dependentRequired") {
      for dependency in dependencies where object[dependency.key] != nil {
        for case .string(let name) in dependency.value.arrayValue ?? [] where object[name] == nil {
          outcome.errors.append(
            error(node, "dependentRequired", path, Messages.dependentRequired(path, missing: name, because: dependency.key)))
        }
      }
    }
    if let limit = node.active("maxProperties")?.integer, object.count > limit {
      outcome.errors.append(
        error(node, "maxProperties", path, Messages.count(path, "at most", limit, "field", found: object.count)))
    }
    if let limit = node.active("minProperties")?.integer, object.count < limit {
      outcome.errors.append(
        error(node, "minProperties", path, Messages.count(path, "at least", limit, "field", found: object.count)))
    }
  }

  private mutating func evaluateProperties(
    _ node: SchemaNode, _ object: JSONObject, _ path: JSONPointer, _ outcome: inout Outcome
  ) {
    let patterns = (node.keywords["patternProperties"]?.objectValue?.keys ?? []).compactMap { source in
      node.patterns[source].map { (source, $0) }
    }
    let additional = node.subschemas["additionalProperties"]
    for member in object {
      let childPath = path.appending(member.key)
      var matched = false
      if let schema = node.properties[CodePointKey(member.key)] {
        matched = true
        outcome.absorbChild(evaluate(schema, member.value, at: childPath))
      }
      for (source, regex) in patterns where regex.matches(member.key) {
        matched = true
        if let schema = node.subschemas["patternProperties/" + source] {
          outcome.absorbChild(evaluate(schema, member.value, at: childPath))
        }
      }
      if !matched, let additional {
        let result = evaluate(additional, member.value, at: childPath)
        if case .always(false) = additional.body {
          outcome.errors.append(error(node, "additionalProperties", childPath, Messages.additionalProperty(path, member.key)))
          continue
        }
        outcome.absorbChild(result)
        matched = true
      }
      if matched { outcome.evaluatedProperties.insert(CodePointKey(member.key)) }
    }
  }
}
