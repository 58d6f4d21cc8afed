internal import CLibGit2

/// git's delta format: the sizes of the base and the result, then instructions that copy a
/// range of the base or insert new bytes.
enum Delta {
  /// The object `instructions` make from `base`; nil when they do not fit it.
  static func apply(_ instructions: [UInt8], to base: [UInt8]) -> [UInt8]? {
    var position = 0
    guard let baseSize = size(instructions, &position), baseSize == base.count,
      let resultSize = size(instructions, &position)
    else { return nil }
    // Written in place into a buffer of the announced size: trees of a megabyte are rebuilt
    // by the thousand in a history walk.
    var written = 0
    var valid = true
    let result = [UInt8](unsafeUninitializedCapacity: resultSize) { output, count in
      instructions.withUnsafeBufferPointer { ops in
        base.withUnsafeBufferPointer { source in
          while valid, position < ops.count {
            let operation = ops[position]
            position += 1
            if operation & 0x80 != 0 {
              // Copy: the set low bits say which bytes of offset (4) and size (3) follow.
              var offset = 0
              var length = 0
              for bit in 0..<7 where operation & (1 << bit) != 0 {
                guard position < ops.count else { valid = false; return }
                let byte = Int(ops[position])
                position += 1
                if bit < 4 { offset |= byte << (8 * bit) } else { length |= byte << (8 * (bit - 4)) }
              }
              if length == 0 { length = 0x10000 }
              guard offset + length <= source.count, written + length <= resultSize,
                let from = source.baseAddress, let to = output.baseAddress
              else { valid = false; return }
              (to + written).update(from: from + offset, count: length)
              written += length
            } else if operation != 0 {
              let length = Int(operation)
              guard position + length <= ops.count, written + length <= resultSize,
                let from = ops.baseAddress, let to = output.baseAddress
              else { valid = false; return }
              (to + written).update(from: from + position, count: length)
              written += length
              position += length
            } else {
              valid = false  // reserved
            }
          }
        }
      }
      count = written
    }
    return valid && written == resultSize ? result : nil
  }

  /// A size: seven bits per byte, least significant first.
  private static func size(_ bytes: [UInt8], _ position: inout Int) -> Int? {
    var value = 0
    var shift = 0
    while position < bytes.count, shift < 63 {
      let byte = bytes[position]
      position += 1
      value |= Int(byte & 0x7F) << shift
      shift += 7
      if byte & 0x80 == 0 { return value }
    }
    return nil
  }
}

/// zlib inflation of a stream whose inflated size is known in advance (a pack entry's).
enum Inflate {
  /// The `size` bytes the zlib stream at the start of `input` inflates to; nil when it is
  /// damaged or inflates to another size.
  static func exactly(_ size: Int, from input: UnsafeRawBufferPointer) -> [UInt8]? {
    var stream = z_stream()
    guard ledger_inflate_init(&stream) == Z_OK else { return nil }
    defer { inflateEnd(&stream) }
    var output = [UInt8](repeating: 0, count: size)
    var status: Int32 = Z_OK
    let available = min(input.count, Int(UInt32.max))
    output.withUnsafeMutableBytes { out in
      stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress?.assumingMemoryBound(to: UInt8.self))
      stream.avail_in = UInt32(available)
      // One spare byte, so a stream longer than announced shows as an error rather than fitting.
      var spare: UInt8 = 0
      if size > 0 {
        stream.next_out = out.baseAddress?.assumingMemoryBound(to: UInt8.self)
        stream.avail_out = UInt32(size)
        status = inflate(&stream, Z_FINISH)
      }
      if status != Z_STREAM_END {
        withUnsafeMutablePointer(to: &spare) { pointer in
          if stream.avail_out == 0 {
            stream.next_out = pointer
            stream.avail_out = 1
            status = inflate(&stream, Z_FINISH)
          }
        }
      }
    }
    guard status == Z_STREAM_END, Int(stream.total_out) == size else { return nil }
    return output
  }
}
