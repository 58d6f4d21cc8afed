internal import CLibGit2

/// A pack file (git's format, version 2) whose trees are stored as deltas against the tree
/// they were spliced from.
///
/// A rewrite of a long history writes, for every commit, a new version of a folder tree of tens
/// of thousands of entries that differs from the one before it in an entry or two. libgit2's
/// packbuilder searches for deltas among every pair in a window: minutes for thousands of
/// megabyte trees. Here the base is known (the tree `Repository.updatedTree` started from), and
/// the delta is found in one pass: copy the common beginning, insert the middle, copy the
/// common end. Other objects are stored whole. A base may be in the repository already
/// (REF_DELTA): libgit2's indexer completes such a thin pack with it.
///
/// Format: `PACK`, version 2, the object count; per object a header (type, size), then its
/// zlib-compressed bytes (for REF_DELTA: the base's id, then the compressed delta); then the
/// SHA-1 of all that.
struct SplicePack {
  /// One object to store: its type (1 commit, 2 tree, 3 blob, 4 tag), its bytes, and the base
  /// to store it against, when there is one.
  struct Object {
    let type: Int
    let bytes: [UInt8]
    let base: (id: ObjectID, bytes: [UInt8])?
  }

  private(set) var data: [UInt8] = []
  private var count: UInt32 = 0

  /// Adds `object`; returns whether it went in as a delta.
  @discardableResult
  mutating func add(_ object: Object) -> Bool {
    count += 1
    if let base = object.base {
      let delta = SplicePack.delta(from: base.bytes, to: object.bytes)
      if delta.count < object.bytes.count / 2 {
        data += SplicePack.header(type: 7, size: delta.count) + base.id.bytes + SplicePack.compressed(delta)
        return true
      }
    }
    data += SplicePack.header(type: object.type, size: object.bytes.count) + SplicePack.compressed(object.bytes)
    return false
  }

  /// The pack file's bytes.
  func bytes() -> [UInt8] {
    var pack: [UInt8] = Array("PACK".utf8) + [0, 0, 0, 2]
    pack += (0..<4).map { UInt8(truncatingIfNeeded: count >> UInt32(24 - $0 * 8)) }
    pack += data
    var hash = SHA1()
    hash.update(pack)
    return pack + hash.finish()
  }

  // MARK: - Pieces of the format

  /// An entry's header: the type in bits 4-6 of the first byte and the size in 4 bits there,
  /// then 7 bits per byte, the high bit saying that more follow.
  static func header(type: Int, size: Int) -> [UInt8] {
    var bytes = [UInt8(truncatingIfNeeded: type << 4 | size & 0x0F)]
    var rest = size >> 4
    while rest > 0 {
      bytes[bytes.count - 1] |= 0x80
      bytes.append(UInt8(truncatingIfNeeded: rest & 0x7F))
      rest >>= 7
    }
    return bytes
  }

  /// git's delta from `base` to `target`: both sizes (7 bits per byte, low first), then copy
  /// instructions (0x80 and flags saying which offset and size bytes follow) and insert
  /// instructions (a count of 1 to 127, then the bytes).
  static func delta(from base: [UInt8], to target: [UInt8]) -> [UInt8] {
    let shortest = min(base.count, target.count)
    var prefix = 0
    while prefix < shortest && base[prefix] == target[prefix] { prefix += 1 }
    var suffix = 0
    while suffix < shortest - prefix && base[base.count - 1 - suffix] == target[target.count - 1 - suffix] { suffix += 1 }
    var delta = varint(base.count) + varint(target.count)
    copy(&delta, offset: 0, size: prefix)
    var start = prefix
    let end = target.count - suffix
    while start < end {
      let chunk = min(127, end - start)
      delta.append(UInt8(chunk))
      delta += target[start..<(start + chunk)]
      start += chunk
    }
    copy(&delta, offset: base.count - suffix, size: suffix)
    return delta
  }

  private static func varint(_ value: Int) -> [UInt8] {
    var bytes: [UInt8] = []
    var rest = value
    repeat {
      var byte = UInt8(rest & 0x7F)
      rest >>= 7
      if rest > 0 { byte |= 0x80 }
      bytes.append(byte)
    } while rest > 0
    return bytes
  }

  /// Copy instructions for `size` bytes of the base from `offset`, at most 0xFFFFFF each (a
  /// size of zero would read as 0x10000).
  private static func copy(_ delta: inout [UInt8], offset: Int, size: Int) {
    var offset = offset
    var left = size
    while left > 0 {
      let chunk = min(left, 0xFF_FFFF)
      var command: UInt8 = 0x80
      var operands: [UInt8] = []
      for index in 0..<4 {
        let byte = UInt8(truncatingIfNeeded: offset >> (8 * index))
        if byte != 0 {
          command |= 1 << index
          operands.append(byte)
        }
      }
      for index in 0..<3 {
        let byte = UInt8(truncatingIfNeeded: chunk >> (8 * index))
        if byte != 0 {
          command |= 1 << (4 + index)
          operands.append(byte)
        }
      }
      delta.append(command)
      delta += operands
      offset += chunk
      left -= chunk
    }
  }

  /// `bytes` compressed with zlib (fast: the pack is written once and read little).
  static func compressed(_ bytes: [UInt8]) -> [UInt8] {
    var size = compressBound(uLong(bytes.count))
    var output = [UInt8](repeating: 0, count: Int(size))
    let status = bytes.withUnsafeBufferPointer { input in
      output.withUnsafeMutableBufferPointer { out in
        compress2(out.baseAddress, &size, input.baseAddress, uLong(bytes.count), 1)
      }
    }
    precondition(status == Z_OK, "zlib compress2 failed with \(status)")  // only fails on a wrong size or no memory
    return Array(output.prefix(Int(size)))
  }
}
