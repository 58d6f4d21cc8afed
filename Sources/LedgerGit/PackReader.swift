import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads objects straight from the repository's pack files, keeping the delta bases it
/// rebuilds.
///
/// A ledger's folder of thirty thousand records is a tree of more than one megabyte, and a
/// packed history stores each version as a delta against another, in chains up to fifty long.
/// libgit2 caches no delta base over one megabyte, so it rebuilds such a tree from the start of
/// its chain at every read: a history walk then spends its time inflating the same bases again.
/// This reader keeps every object it rebuilt (up to a memory budget, as git's own
/// `core.deltaBaseCacheLimit`), so reading the next version costs one small delta.
///
/// It answers nil for anything it does not find or cannot read (a loose object, an object of
/// an alternate, a pack format it does not know, a damaged pack): the caller then asks
/// libgit2, which reports errors properly.
final class PackReader {
  enum Kind: UInt8 { case commit = 1, tree = 2, blob = 3, tag = 4 }

  private let packDirectory: String
  private var packs: [Pack] = []
  private var scannedNames: Set<String> = []
  private var cache: DeltaBaseCache

  init(objectsDirectory: URL, cacheLimit: Int = 96 << 20) {
    packDirectory = objectsDirectory.appendingPathComponent("pack").path
    cache = DeltaBaseCache(limit: cacheLimit)
    rescan()
  }

  /// The object `id` as stored in a pack: its kind and bytes; nil when no pack holds it whole.
  func read(_ id: ObjectID) -> (kind: Kind, bytes: [UInt8])? {
    for (index, pack) in packs.enumerated() {
      if let offset = pack.offset(of: id) { return read(pack: index, at: offset) }
    }
    return nil
  }

  /// Maps the packs there are; one written later is read through libgit2.
  private func rescan() {
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: packDirectory) else { return }
    for name in names.sorted() where name.hasSuffix(".idx") && !scannedNames.contains(name) {
      scannedNames.insert(name)
      let base = packDirectory + "/" + String(name.dropLast(4))
      if let pack = Pack(index: base + ".idx", data: base + ".pack") { packs.append(pack) }
    }
  }

  // MARK: - Entries and delta chains

  private func read(pack index: Int, at offset: Int) -> (kind: Kind, bytes: [UInt8])? {
    // Follow the chain down to a cached object or a whole one, then apply the deltas back up.
    var deltas: [(offset: Int, data: Int, size: Int)] = []
    var current = offset
    var base: (kind: Kind, bytes: [UInt8])
    while true {
      if let cached = cache[CacheKey(pack: index, offset: current)] {
        base = cached
        break
      }
      guard let header = packs[index].header(at: current) else { return nil }
      switch header.type {
      case 1...4:
        guard let kind = Kind(rawValue: header.type),
          let bytes = packs[index].inflate(at: header.data, size: header.size)
        else { return nil }
        base = (kind, bytes)
        if !deltas.isEmpty { cache[CacheKey(pack: index, offset: current)] = base }
      case 6:
        guard let baseOffset = header.baseOffset else { return nil }
        deltas.append((current, header.data, header.size))
        current = baseOffset
        continue
      case 7:
        // A base named by id (a thin pack completed by a fetch): read it wherever it is.
        guard let baseID = header.baseID, let whole = read(baseID) else { return nil }
        deltas.append((current, header.data, header.size))
        base = whole
      default:
        return nil
      }
      break
    }
    for (position, delta) in deltas.enumerated().reversed() {
      guard let instructions = packs[index].inflate(at: delta.data, size: delta.size),
        let result = Delta.apply(instructions, to: base.bytes)
      else { return nil }
      base = (base.kind, result)
      // Every rebuilt object but the one asked for is the base of another: keep it.
      if position > 0 { cache[CacheKey(pack: index, offset: delta.offset)] = base }
    }
    return base
  }
}

/// Where an object lies: which pack, at which offset.
private struct CacheKey: Hashable {
  let pack: Int
  let offset: Int
}

/// Rebuilt objects by place, dropped least recently used first once over the budget.
private struct DeltaBaseCache {
  let limit: Int
  private var entries: [CacheKey: (kind: PackReader.Kind, bytes: [UInt8], used: Int)] = [:]
  private var size = 0
  private var clock = 0

  init(limit: Int) { self.limit = limit }

  subscript(key: CacheKey) -> (kind: PackReader.Kind, bytes: [UInt8])? {
    mutating get {
      guard let entry = entries[key] else { return nil }
      clock += 1
      entries[key]?.used = clock
      return (entry.kind, entry.bytes)
    }
    set {
      guard let newValue, newValue.bytes.count <= limit / 4, entries[key] == nil else { return }
      clock += 1
      entries[key] = (newValue.kind, newValue.bytes, clock)
      size += newValue.bytes.count
      if size > limit { evict() }
    }
  }

  /// Drops the older half of the entries (by use), so eviction is rare and cheap.
  private mutating func evict() {
    let order = entries.sorted { $0.value.used < $1.value.used }
    for (key, entry) in order where size > limit / 2 {
      size -= entry.bytes.count
      entries[key] = nil
    }
  }
}

/// One pack: its index (`pack-*.idx`, version 2) and its data (`pack-*.pack`), both mapped.
private final class Pack {
  private let index: MappedFile
  private let data: MappedFile
  private let count: Int

  init?(index indexPath: String, data dataPath: String) {
    guard let index = MappedFile(indexPath), let data = MappedFile(dataPath) else { return nil }
    // Version 2: "\377tOc", 2, then a fan-out table of 256 big-endian counts.
    guard index.count >= 8 + 1024, index.uint32(at: 0) == 0xFF74_4F63, index.uint32(at: 4) == 2,
      data.count >= 12, data.uint32(at: 0) == 0x5041_434B
    else { return nil }
    count = Int(index.uint32(at: 8 + 255 * 4))
    guard index.count >= 8 + 1024 + count * 28 + 40 else { return nil }
    self.index = index
    self.data = data
  }

  /// The offset of `id` in the pack, found by binary search within its fan-out bucket.
  func offset(of id: ObjectID) -> Int? {
    let target = id.bytes
    let first = Int(target[0])
    var low = first == 0 ? 0 : Int(index.uint32(at: 8 + (first - 1) * 4))
    var high = Int(index.uint32(at: 8 + first * 4))
    let names = 8 + 1024
    while low < high {
      let middle = (low + high) / 2
      let order = index.compare(at: names + middle * 20, with: target)
      if order == 0 { return entryOffset(middle) }
      if order < 0 { low = middle + 1 } else { high = middle }
    }
    return nil
  }

  private func entryOffset(_ position: Int) -> Int? {
    let offsets = 8 + 1024 + count * 24
    let small = index.uint32(at: offsets + position * 4)
    guard small & 0x8000_0000 != 0 else { return Int(small) }
    let large = offsets + count * 4 + Int(small & 0x7FFF_FFFF) * 8
    guard large + 8 <= index.count else { return nil }
    return Int(index.uint32(at: large)) << 32 | Int(index.uint32(at: large + 4))
  }

  /// An entry's header: its type, inflated size, where its compressed data starts, and for a
  /// delta its base.
  func header(at offset: Int) -> (type: UInt8, size: Int, data: Int, baseOffset: Int?, baseID: ObjectID?)? {
    var position = offset
    guard let byte = data.byte(at: position) else { return nil }
    let type = (byte >> 4) & 7
    var size = Int(byte & 0x0F)
    var shift = 4
    var more = byte & 0x80 != 0
    while more {
      position += 1
      guard let next = data.byte(at: position), shift < 57 else { return nil }
      size |= Int(next & 0x7F) << shift
      shift += 7
      more = next & 0x80 != 0
    }
    position += 1
    switch type {
    case 6:
      guard var next = data.byte(at: position) else { return nil }
      var distance = Int(next & 0x7F)
      while next & 0x80 != 0 {
        position += 1
        guard let following = data.byte(at: position), distance < 1 << 55 else { return nil }
        next = following
        distance = ((distance + 1) << 7) | Int(next & 0x7F)
      }
      guard distance > 0, distance <= offset else { return nil }
      return (type, size, position + 1, offset - distance, nil)
    case 7:
      guard position + 20 <= data.count else { return nil }
      return (type, size, position + 20, nil, data.objectID(at: position))
    default:
      return (type, size, position, nil, nil)
    }
  }

  /// Inflates the zlib stream at `offset` into exactly `size` bytes.
  func inflate(at offset: Int, size: Int) -> [UInt8]? {
    guard offset < data.count else { return nil }
    return data.withBytes(from: offset) { Inflate.exactly(size, from: $0) }
  }
}

/// A file mapped read-only into memory.
private final class MappedFile {
  private let base: UnsafeRawPointer
  let count: Int

  init?(_ path: String) {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else { return nil }
    defer { close(descriptor) }
    var status = stat()
    guard fstat(descriptor, &status) == 0, status.st_size > 0 else { return nil }
    let length = Int(status.st_size)
    guard let mapped = mmap(nil, length, PROT_READ, MAP_PRIVATE, descriptor, 0), mapped != MAP_FAILED else {
      return nil
    }
    base = UnsafeRawPointer(mapped)
    count = length
  }

  deinit { munmap(UnsafeMutableRawPointer(mutating: base), count) }

  func byte(at offset: Int) -> UInt8? {
    offset >= 0 && offset < count ? base.load(fromByteOffset: offset, as: UInt8.self) : nil
  }

  /// A big-endian 32-bit integer; the caller has checked the bounds.
  func uint32(at offset: Int) -> UInt32 {
    UInt32(bigEndian: base.loadUnaligned(fromByteOffset: offset, as: UInt32.self))
  }

  /// Compares the 20 bytes at `offset` with `id`: negative, zero or positive, as memcmp.
  func compare(at offset: Int, with id: [UInt8]) -> Int32 {
    id.withUnsafeBytes { id in memcmp(base + offset, id.baseAddress ?? base, 20) }
  }

  func objectID(at offset: Int) -> ObjectID {
    ObjectID(UnsafeRawBufferPointer(start: base + offset, count: 20))
  }

  func withBytes<Result>(from offset: Int, _ body: (UnsafeRawBufferPointer) -> Result) -> Result {
    body(UnsafeRawBufferPointer(start: base + offset, count: count - offset))
  }
}
