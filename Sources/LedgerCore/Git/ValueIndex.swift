import Foundation
import LedgerGit
import LedgerJSON
import LedgerSchema

/// Which records of a kind hold each value at one path (a unique email, a reference to a
/// person, an organization a query filters on), for one folder tree, kept on disk under
/// `.git/adminledger/index/` so a write or a query looks a value up instead of reading the kind.
///
/// The file of a folder tree holds sorted lines `VALUE TAB ID TAB BLOB`, VALUE the value's
/// compact JSON text (which holds no raw tab or newline) and BLOB the record file's blob in
/// that tree (so the records found are read without the folder's listing), and is searched in
/// place. Its name holds the
/// tree id, so it can never answer for another content. An index for a new tree is made from
/// the last one of the same path by reading only the records that changed between the two
/// trees; the first one reads the kind. A damaged file is rebuilt, a deleted one costs a
/// rebuild, and one that cannot be written only means reading again next time.
struct ValueIndex {
  private let text: [UInt8]
  /// Where each line starts, in order.
  private let lines: [Int]

  init(text: [UInt8]) {
    self.text = text
    var starts: [Int] = []
    var position = 0
    while position < text.count {
      starts.append(position)
      while position < text.count, text[position] != 0x0A { position += 1 }
      position += 1
    }
    lines = starts
  }

  /// The records holding `value`: each id with the blob of its file in the folder tree.
  func owners(of value: JSONValue) -> [(id: RecordID, blob: ObjectID?)] {
    let prefix = Array(value.compactText.utf8) + [0x09]
    var low = 0
    var high = lines.count
    while low < high {
      let middle = (low + high) / 2
      if compare(line: middle, with: prefix) < 0 { low = middle + 1 } else { high = middle }
    }
    var result: [(id: RecordID, blob: ObjectID?)] = []
    while low < lines.count, compare(line: low, with: prefix) == 0 {
      if let owner = owner(from: lines[low] + prefix.count) { result.append(owner) }
      low += 1
    }
    return result
  }

  /// The `ID TAB BLOB` that ends a line, read from `start`.
  private func owner(from start: Int) -> (id: RecordID, blob: ObjectID?)? {
    var tab = start
    while tab < text.count, text[tab] != 0x09, text[tab] != 0x0A { tab += 1 }
    var end = tab
    while end < text.count, text[end] != 0x0A { end += 1 }
    guard let id = RecordID(String(decoding: text[start..<tab], as: UTF8.self)) else { return nil }
    let blob = tab < end ? ObjectID(hex: String(decoding: text[(tab + 1)..<end], as: UTF8.self)) : nil
    return (id, blob)
  }

  /// Every value with the id of a record holding it.
  var pairs: [(JSONValue, RecordID)] {
    var result: [(JSONValue, RecordID)] = []
    for start in lines {
      var tab = start
      while tab < text.count, text[tab] != 0x09, text[tab] != 0x0A { tab += 1 }
      guard tab < text.count, text[tab] == 0x09, let value = try? JSONParser.parse(Array(text[start..<tab])),
        let owner = owner(from: tab + 1)
      else { continue }
      result.append((value, owner.id))
    }
    return result
  }

  /// The ids of every record holding some value at the path.
  var holders: Set<RecordID> {
    var result = Set<RecordID>()
    for start in lines {
      var tab = start
      while tab < text.count, text[tab] != 0x09, text[tab] != 0x0A { tab += 1 }
      if tab < text.count, text[tab] == 0x09, let owner = owner(from: tab + 1) { result.insert(owner.id) }
    }
    return result
  }

  /// Compares the start of a line with `prefix`: 0 when the line begins with it.
  private func compare(line: Int, with prefix: [UInt8]) -> Int {
    var position = lines[line]
    for byte in prefix {
      guard position < text.count, text[position] != 0x0A else { return -1 }
      if text[position] != byte { return text[position] < byte ? -1 : 1 }
      position += 1
    }
    return 0
  }

  /// The lines of an index, each `VALUE TAB ID`.
  /// Kept as bytes, not strings: strings would compare canonically equivalent texts as equal.
  static func line(_ value: JSONValue, _ id: RecordID, _ blob: ObjectID) -> [UInt8] {
    Array(value.compactText.utf8) + [0x09] + Array(id.value.utf8) + [0x09] + blob.hexDigits
  }

  /// The file's text for a set of lines.
  static func text(_ lines: Set<[UInt8]>) -> [UInt8] {
    var text: [UInt8] = []
    for line in lines.sorted(by: { $0.lexicographicallyPrecedes($1) }) {
      text.append(contentsOf: line)
      text.append(0x0A)
    }
    return text
  }

  /// A sorted text with some lines removed and others added, in order.
  static func merge(_ text: [UInt8], removing removed: Set<[UInt8]>, adding added: Set<[UInt8]>) -> [UInt8] {
    let additions = added.sorted { $0.lexicographicallyPrecedes($1) }
    var result: [UInt8] = []
    result.reserveCapacity(text.count + additions.reduce(0) { $0 + $1.count + 1 })
    var next = 0
    var start = 0
    while start < text.count {
      var end = start
      while end < text.count, text[end] != 0x0A { end += 1 }
      let line = text[start..<end]
      while next < additions.count, additions[next].lexicographicallyPrecedes(line) {
        result.append(contentsOf: additions[next])
        result.append(0x0A)
        next += 1
      }
      let isRemoved =
        removed.count < 16
        ? removed.contains { $0.count == line.count && $0.elementsEqual(line) } : removed.contains(Array(line))
      if !isRemoved {
        result.append(contentsOf: line)
        result.append(0x0A)
      }
      start = end + 1
    }
    for line in additions[next...] {
      result.append(contentsOf: line)
      result.append(0x0A)
    }
    return result
  }

  /// The values `path` marks in a record (see `UniquenessRule.values`).
  static func values(of record: Record, _ path: KeywordPath) -> [JSONValue] {
    UniquenessRule.values(of: record, path).map(\.1)
  }
}

/// The value index files of a repository.
struct ValueIndexFiles {
  let directory: URL

  init(gitDirectory: URL) {
    directory = gitDirectory.appendingPathComponent("adminledger/index", isDirectory: true)
  }

  /// The index of `path` among the records of `kind` whose folder tree is `folder`.
  ///
  /// - Parameters:
  ///   - extract: the values a record holds at the path (`path` itself only names the index).
  ///   - records: every record of the folder, read only when no earlier index exists.
  ///   - changes: the files that changed between an earlier folder tree and this one.
  ///   - record: the record a blob of the folder holds.
  func index(
    _ kind: RecordKind, _ path: KeywordPath, folder: ObjectID,
    values extract: (Record) -> [JSONValue],
    records: () throws(StoreError) -> [(Record, ObjectID)],
    changes: (ObjectID) throws(StoreError) -> [TreeChange],
    record: (ObjectID, RecordKey) throws(StoreError) -> Record?
  ) throws(StoreError) -> ValueIndex {
    let name = slug(kind, path)
    let file = directory.appendingPathComponent("\(name)-\(folder).values")
    if let text = Self.read(file) {
      return ValueIndex(text: text)
    }
    var text: [UInt8]
    if let (previous, tree) = latest(name), let earlier = Self.read(previous) {
      // The earlier file is sorted: drop the lines of the records that changed, merge in their new
      // lines, copying the rest as it is.
      var removed = Set<[UInt8]>()
      var added = Set<[UInt8]>()
      for change in try changes(tree) {
        guard let key = RecordKey(path: kind.folder + "/" + change.path) else { continue }
        if let old = change.old, let before = try record(old, key) {
          for value in extract(before) { removed.insert(ValueIndex.line(value, key.id, old)) }
        }
        if let new = change.new, let after = try record(new, key) {
          for value in extract(after) { added.insert(ValueIndex.line(value, key.id, new)) }
        }
      }
      let unchanged = removed.intersection(added)
      text = ValueIndex.merge(earlier, removing: removed.subtracting(unchanged), adding: added.subtracting(unchanged))
    } else {
      var lines = Set<[UInt8]>()
      for (each, blob) in try records() {
        for value in extract(each) { lines.insert(ValueIndex.line(value, each.key.id, blob)) }
      }
      text = ValueIndex.text(lines)
    }
    store(text, at: file, name: name)
    return ValueIndex(text: text)
  }

  // MARK: - Files: checksummed (see ChecksummedFile), the sorted lines as body.

  private static func read(_ file: URL) -> [UInt8]? { ChecksummedFile.read(file, kind: "adminledger-values", version: 2) }

  private func store(_ text: [UInt8], at file: URL, name: String) {
    guard ChecksummedFile.write(text, to: file, kind: "adminledger-values", version: 2) else { return }
    // Keep the newest few: the next write starts from the one just made.
    let older = files(name).filter { $0.url != file }.sorted { $0.modified > $1.modified }
    for old in older.dropFirst(3) { try? FileManager.default.removeItem(at: old.url) }
  }

  /// The most recently written index of the path, with its folder tree.
  private func latest(_ name: String) -> (URL, ObjectID)? {
    guard let newest = files(name).max(by: { $0.modified < $1.modified }) else { return nil }
    return (newest.url, newest.tree)
  }

  private func files(_ name: String) -> [(url: URL, tree: ObjectID, modified: Date)] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
    return names.compactMap { file in
      guard file.hasPrefix(name + "-"), file.hasSuffix(".values"),
        let tree = ObjectID(hex: String(file.dropFirst(name.count + 1).dropLast(7)))
      else { return nil }
      let url = directory.appendingPathComponent(file)
      let modified = (try? FileManager.default.attributesOfItem(atPath: url.path))?[.modificationDate] as? Date
      return (url, tree, modified ?? .distantPast)
    }
  }

  /// A file-name-safe name for a kind and path: readable, with a checksum of the path's full
  /// description (steps and keyword value) so two paths never share a name.
  private func slug(_ kind: RecordKind, _ path: KeywordPath) -> String {
    let hash = ChecksummedFile.fnv1a((path.steps.joined(separator: "/") + "|" + path.value.compactText).utf8)
    let readable = String(
      path.steps.map { $0 == "*" ? "all" : $0 }.joined(separator: ".")
        .filter { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "." || $0 == "_") })
    return "values-\(kind.rawValue)-\(readable)-\(String(hash, radix: 16))"
  }
}
