#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A git tree object as stored: entries of `MODE SP NAME NUL ID`, sorted in git's order.
///
/// Read in place rather than through libgit2's parsed trees: a history walk looks up one name
/// in folders of tens of thousands of entries, thousands of times, and needs neither a copy
/// of every name nor an array of entries for that.
struct RawTree {
  let bytes: [UInt8]

  /// git's empty tree, which no repository needs to store.
  static let emptyTreeID = ObjectID(hex: "4b825dc642cb6eb9a060e54bf8d69288fbee4904") ?? ObjectID([UInt8](repeating: 0, count: 20))

  /// One entry, as offsets into the tree's bytes.
  struct Entry {
    /// Where the entry starts (its mode).
    let start: Int
    let mode: UInt32
    let name: Range<Int>
    let id: Int

    var isTree: Bool { mode & 0o170000 == 0o040000 }
  }

  /// Calls `body` with each entry in order until it returns false; false when the tree is
  /// damaged.
  @discardableResult
  func forEach(_ body: (Entry) -> Bool) -> Bool {
    var position = 0
    let count = bytes.count
    while position < count {
      let entryStart = position
      var mode: UInt32 = 0
      while position < count, bytes[position] != 0x20 {
        let digit = bytes[position] &- 0x30
        guard digit < 8 else { return false }
        mode = mode << 3 | UInt32(digit)
        position += 1
      }
      let nameStart = position + 1
      var end = nameStart
      while end < count, bytes[end] != 0 { end += 1 }
      guard end + 21 <= count else { return false }
      guard body(Entry(start: entryStart, mode: mode, name: nameStart..<end, id: end + 1)) else { return true }
      position = end + 21
    }
    return true
  }

  /// The entry named `name`, or nil. Entries are sorted, so the scan stops at the first name
  /// past it; names are compared in place, without building a string per entry.
  func entry(named name: [UInt8]) -> Entry? {
    bytes.withUnsafeBufferPointer { tree in
      name.withUnsafeBufferPointer { wanted in
        guard let treeBase = tree.baseAddress, let wantedBase = wanted.baseAddress else { return nil }
        let count = tree.count
        var position = 0
        while position < count {
          let entryStart = position
          var mode: UInt32 = 0
          while position < count, tree[position] != 0x20 {
            mode = mode << 3 | UInt32(tree[position] &- 0x30)
            position += 1
          }
          let start = position + 1
          var end = start
          while end < count, tree[end] != 0 { end += 1 }
          guard end + 21 <= count else { return nil }
          let length = end - start
          if length == wanted.count, memcmp(treeBase + start, wantedBase, length) == 0 {
            return Entry(start: entryStart, mode: mode, name: start..<end, id: end + 1)
          }
          // Entries sort by name, a folder's read as ending with "/": once an entry sorts after
          // the name read as a folder ("NAME/"), neither the file nor the folder can follow.
          let isTree = mode & 0o170000 == 0o040000
          var index = 0
          var order = 0
          while order == 0 {
            let key: Int = index < length ? Int(tree[start + index]) : (index == length && isTree ? 0x2F : -1)
            let bound: Int = index < wanted.count ? Int(wanted[index]) : (index == wanted.count ? 0x2F : -1)
            if key == -1 && bound == -1 { break }
            order = key == bound ? 0 : (key < bound ? -1 : 1)
            index += 1
          }
          if order > 0 { return nil }
          position = end + 21
        }
        return nil
      }
    }
  }

  /// Every entry, in git's order.
  var entries: [Entry] {
    var result: [Entry] = []
    forEach {
      result.append($0)
      return true
    }
    return result
  }

  func id(of entry: Entry) -> ObjectID {
    bytes.withUnsafeBytes { buffer in
      guard let base = buffer.baseAddress else { return ObjectID(bytes[...]) }  // never: an entry lies in the bytes
      return ObjectID(pointer: base + entry.id)
    }
  }

  /// The entry that starts at byte `offset`, or nil at the end or in a damaged tree.
  func entry(at offset: Int) -> Entry? {
    var position = offset
    var mode: UInt32 = 0
    while position < bytes.count, bytes[position] != 0x20 {
      let digit = bytes[position] &- 0x30
      guard digit < 8 else { return nil }
      mode = mode << 3 | UInt32(digit)
      position += 1
    }
    let start = position + 1
    guard start < bytes.count else { return nil }
    let end = bytes.withUnsafeBytes { buffer -> Int in
      guard let base = buffer.baseAddress, let found = memchr(base + start, 0, buffer.count - start) else {
        return buffer.count
      }
      return base.distance(to: UnsafeRawPointer(found))
    }
    guard end + 21 <= bytes.count else { return nil }
    return Entry(start: offset, mode: mode, name: start..<end, id: end + 1)
  }

  /// How many bytes from `offset` in `self` and `otherOffset` in `other` are the same.
  func commonLength(from offset: Int, _ other: RawTree, _ otherOffset: Int) -> Int {
    let length = min(bytes.count - offset, other.bytes.count - otherOffset)
    guard length > 0 else { return 0 }
    return bytes.withUnsafeBytes { left in
      other.bytes.withUnsafeBytes { right in
        guard let a = left.baseAddress, let b = right.baseAddress else { return 0 }
        // Whole blocks first (memcmp is vectorised), then the bytes of the block that differs.
        var same = 0
        let block = 256
        while same + block <= length, memcmp(a + offset + same, b + otherOffset + same, block) == 0 { same += block }
        while same < length, left[offset + same] == right[otherOffset + same] { same += 1 }
        return same
      }
    }
  }

  func name(of entry: Entry) -> String { String(decoding: bytes[entry.name], as: UTF8.self) }

  /// Whether an entry is a submodule (a gitlink: a commit of another repository, no file).
  /// `changedFiles` lists files, so it leaves submodules out; a ledger reports them instead.
  static func isSubmodule(_ entry: Entry) -> Bool { entry.mode & 0o170000 == 0o160000 }

  func treeEntry(_ entry: Entry) -> TreeEntry {
    // As libgit2 reads modes: a folder, a submodule (a commit), anything else a file.
    let kind: TreeEntry.Kind =
      switch entry.mode & 0o170000 {
      case 0o040000: .tree
      case 0o160000: .other
      default: .blob
      }
    return TreeEntry(name: name(of: entry), id: id(of: entry), kind: kind, fileKind: FileKind(mode: entry.mode))
  }

  /// git's order of two entries: by name, a tree's name read as if it ended with `/`.
  static func order(_ left: RawTree, _ a: Entry, _ right: RawTree, _ b: Entry) -> Int {
    let common = min(a.name.count, b.name.count)
    var index = 0
    while index < common {
      let x = left.bytes[a.name.lowerBound + index]
      let y = right.bytes[b.name.lowerBound + index]
      if x != y { return x < y ? -1 : 1 }
      index += 1
    }
    let x: UInt8 = a.name.count > common ? left.bytes[a.name.lowerBound + common] : (a.isTree ? 0x2F : 0)
    let y: UInt8 = b.name.count > common ? right.bytes[b.name.lowerBound + common] : (b.isTree ? 0x2F : 0)
    return x == y ? 0 : (x < y ? -1 : 1)
  }
}
