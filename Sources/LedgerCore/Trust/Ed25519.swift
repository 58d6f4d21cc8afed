/// Ed25519 signature verification (RFC 8032), computed as OpenSSH's own implementation
/// (SUPERCOP's "ref", which `ssh-keygen -Y verify` uses) computes it: the top three bits of S
/// must be clear; S and SHA-512(R || A || M) are reduced modulo the group order L; the
/// signature holds when the canonical encoding of [S]B - [k]A equals R's 32 bytes.
///
/// Verifying here instead of running `ssh-keygen` once per commit makes the audit of a signed
/// history cost microseconds a signature rather than a process. Keys of other types go to
/// `ssh-keygen`. Only public data is handled, so variable-time arithmetic is fine.
enum Ed25519 {
  /// Whether `signature` (64 bytes: R, S) is a valid signature of `message` by `publicKey`
  /// (32 bytes).
  static func verify(signature: [UInt8], message: [UInt8], publicKey: [UInt8]) -> Bool {
    guard signature.count == 64, publicKey.count == 32, signature[63] & 0xE0 == 0,
      let key = EdwardsPoint(decoding: publicKey)
    else { return false }
    let r = Array(signature[0..<32])
    let k = Scalar.reduce(SHA512.digest(r + publicKey + message))
    let s = Scalar.reduce(Array(signature[32..<64]))
    let point = EdwardsPoint.combination(s, .base, k, key.negated)
    return point.encoded == r
  }
}

// MARK: - The field of integers modulo p = 2^255 - 19

/// An element of GF(2^255 - 19) in five limbs of 51 bits (a limb may run a few bits over
/// between reductions).
struct FieldElement: Sendable {
  var l0, l1, l2, l3, l4: UInt64

  static let mask: UInt64 = (1 << 51) - 1
  static let zero = FieldElement(l0: 0, l1: 0, l2: 0, l3: 0, l4: 0)
  static let one = FieldElement(l0: 1, l1: 0, l2: 0, l3: 0, l4: 0)

  init(l0: UInt64, l1: UInt64, l2: UInt64, l3: UInt64, l4: UInt64) {
    (self.l0, self.l1, self.l2, self.l3, self.l4) = (l0, l1, l2, l3, l4)
  }

  /// Reads 32 little-endian bytes, ignoring the top bit (as the reference does).
  init(bytes: [UInt8]) {
    func load(_ offset: Int) -> UInt64 {
      var value: UInt64 = 0
      for index in (0..<8).reversed() where offset + index < 32 {
        value = value << 8 | UInt64(offset + index == 31 ? bytes[31] & 0x7F : bytes[offset + index])
      }
      return value
    }
    l0 = load(0) & FieldElement.mask
    l1 = (load(6) >> 3) & FieldElement.mask
    l2 = (load(12) >> 6) & FieldElement.mask
    l3 = (load(19) >> 1) & FieldElement.mask
    l4 = (load(24) >> 12) & FieldElement.mask
  }

  init(_ small: UInt64) { self.init(l0: small, l1: 0, l2: 0, l3: 0, l4: 0) }

  /// The canonical 32-byte little-endian encoding (fully reduced below p).
  var bytes: [UInt8] {
    var t = carried
    // t < 2^255 + a little: subtract p when t >= p, found by adding 19 and carrying out.
    var q = (t.l0 &+ 19) >> 51
    q = (t.l1 &+ q) >> 51
    q = (t.l2 &+ q) >> 51
    q = (t.l3 &+ q) >> 51
    q = (t.l4 &+ q) >> 51
    t.l0 &+= 19 &* q
    t.l1 &+= t.l0 >> 51; t.l0 &= FieldElement.mask
    t.l2 &+= t.l1 >> 51; t.l1 &= FieldElement.mask
    t.l3 &+= t.l2 >> 51; t.l2 &= FieldElement.mask
    t.l4 &+= t.l3 >> 51; t.l3 &= FieldElement.mask
    t.l4 &= FieldElement.mask
    let words: [UInt64] = [t.l0 | t.l1 << 51, t.l1 >> 13 | t.l2 << 38, t.l2 >> 26 | t.l3 << 25, t.l3 >> 39 | t.l4 << 12]
    return words.flatMap { word in (0..<8).map { UInt8(truncatingIfNeeded: word >> UInt64($0 * 8)) } }
  }

  /// The same value with every limb back under 51 bits (the top carry folded in as 19).
  var carried: FieldElement {
    var t = self
    t.l1 &+= t.l0 >> 51; t.l0 &= FieldElement.mask
    t.l2 &+= t.l1 >> 51; t.l1 &= FieldElement.mask
    t.l3 &+= t.l2 >> 51; t.l2 &= FieldElement.mask
    t.l4 &+= t.l3 >> 51; t.l3 &= FieldElement.mask
    t.l0 &+= 19 &* (t.l4 >> 51); t.l4 &= FieldElement.mask
    t.l1 &+= t.l0 >> 51; t.l0 &= FieldElement.mask
    return t
  }

  var isNegative: Bool { bytes[0] & 1 == 1 }
  var isZero: Bool { bytes.allSatisfy { $0 == 0 } }

  static func + (a: FieldElement, b: FieldElement) -> FieldElement {
    FieldElement(l0: a.l0 &+ b.l0, l1: a.l1 &+ b.l1, l2: a.l2 &+ b.l2, l3: a.l3 &+ b.l3, l4: a.l4 &+ b.l4).carried
  }

  /// a - b, computed as a + 4p - b so no limb goes below zero.
  static func - (a: FieldElement, b: FieldElement) -> FieldElement {
    let b = b.carried
    return FieldElement(
      l0: a.l0 &+ 0x1F_FFFF_FFFF_FFB4 &- b.l0, l1: a.l1 &+ 0x1F_FFFF_FFFF_FFFC &- b.l1,
      l2: a.l2 &+ 0x1F_FFFF_FFFF_FFFC &- b.l2, l3: a.l3 &+ 0x1F_FFFF_FFFF_FFFC &- b.l3,
      l4: a.l4 &+ 0x1F_FFFF_FFFF_FFFC &- b.l4
    ).carried
  }

  static prefix func - (a: FieldElement) -> FieldElement { zero - a }

  static func * (a: FieldElement, b: FieldElement) -> FieldElement {
    let (a0, a1, a2, a3, a4) = (UInt128(a.l0), UInt128(a.l1), UInt128(a.l2), UInt128(a.l3), UInt128(a.l4))
    let (b0, b1, b2, b3, b4) = (UInt128(b.l0), UInt128(b.l1), UInt128(b.l2), UInt128(b.l3), UInt128(b.l4))
    // 2^255 = 19 (mod p): the products that reach limb 5 and above come back times 19.
    let r0 = a0 * b0 + 19 * (a1 * b4 + a2 * b3 + a3 * b2 + a4 * b1)
    var r1 = a0 * b1 + a1 * b0 + 19 * (a2 * b4 + a3 * b3 + a4 * b2)
    var r2 = a0 * b2 + a1 * b1 + a2 * b0 + 19 * (a3 * b4 + a4 * b3)
    var r3 = a0 * b3 + a1 * b2 + a2 * b1 + a3 * b0 + 19 * (a4 * b4)
    var r4 = a0 * b4 + a1 * b3 + a2 * b2 + a3 * b1 + a4 * b0
    let mask = UInt128(FieldElement.mask)
    r1 += r0 >> 51
    r2 += r1 >> 51
    r3 += r2 >> 51
    r4 += r3 >> 51
    let top = r4 >> 51
    let low0 = (r0 & mask) + 19 * top
    return FieldElement(
      l0: UInt64(low0 & mask), l1: UInt64(r1 & mask) &+ UInt64(low0 >> 51), l2: UInt64(r2 & mask),
      l3: UInt64(r3 & mask), l4: UInt64(r4 & mask))
  }

  var squared: FieldElement { self * self }

  /// self^exponent, the exponent in little-endian bytes.
  func power(_ exponent: [UInt8]) -> FieldElement {
    var result = FieldElement.one
    for byte in exponent.reversed() {
      for bit in (0..<8).reversed() {
        result = result.squared
        if (byte >> UInt8(bit)) & 1 == 1 { result = result * self }
      }
    }
    return result
  }

  /// 1/self, as self^(p - 2).
  var inverse: FieldElement { power(FieldElement.pMinus2) }

  static func == (a: FieldElement, b: FieldElement) -> Bool { a.bytes == b.bytes }

  /// p - 2 and (p - 5) / 8 in little-endian bytes, and the constants of the curve.
  static let pMinus2: [UInt8] = [0xEB] + [UInt8](repeating: 0xFF, count: 30) + [0x7F]
  static let pMinus5Over8: [UInt8] = [0xFD] + [UInt8](repeating: 0xFF, count: 30) + [0x0F]
  static let d: FieldElement = -(FieldElement(121_665) * FieldElement(121_666).inverse)
  static let d2: FieldElement = d + d
  /// A square root of -1: 2^((p - 1) / 4).
  static let sqrtMinusOne: FieldElement = FieldElement(2).power([0xFB] + [UInt8](repeating: 0xFF, count: 30) + [0x1F])
}

// MARK: - Points of the twisted Edwards curve -x^2 + y^2 = 1 + d x^2 y^2

/// A point in extended coordinates: x = X/Z, y = Y/Z, x y = T/Z.
struct EdwardsPoint: Sendable {
  var x, y, z, t: FieldElement

  static let identity = EdwardsPoint(x: .zero, y: .one, z: .one, t: .zero)
  /// The base point B: y = 4/5, x even.
  static let base: EdwardsPoint = {
    guard let point = EdwardsPoint(decoding: [0x58] + [UInt8](repeating: 0x66, count: 31)) else { return .identity }
    return point
  }()

  init(x: FieldElement, y: FieldElement, z: FieldElement, t: FieldElement) {
    (self.x, self.y, self.z, self.t) = (x, y, z, t)
  }

  /// Decodes a point: y from the low 255 bits, the sign of x from the top bit; nil when no x
  /// satisfies the curve's equation.
  init?(decoding bytes: [UInt8]) {
    guard bytes.count == 32 else { return nil }
    let y = FieldElement(bytes: bytes)
    let ySquared = y.squared
    let u = ySquared - .one
    let v = FieldElement.d * ySquared + .one
    let v3 = v.squared * v
    var x = u * v3 * (u * v3 * v3 * v).power(FieldElement.pMinus5Over8)
    let check = v * x.squared
    if !(check == u) {
      guard check == -u else { return nil }
      x = x * FieldElement.sqrtMinusOne
    }
    if x.isNegative != (bytes[31] >> 7 == 1) { x = -x }
    self.init(x: x, y: y, z: .one, t: x * y)
  }

  var negated: EdwardsPoint { EdwardsPoint(x: -x, y: y, z: z, t: -t) }

  /// The canonical encoding: y, with the sign of x in the top bit.
  var encoded: [UInt8] {
    let inverse = z.inverse
    var bytes = (y * inverse).bytes
    if (x * inverse).isNegative { bytes[31] |= 0x80 }
    return bytes
  }

  /// Addition (add-2008-hwcd-3 for a = -1).
  static func + (p: EdwardsPoint, q: EdwardsPoint) -> EdwardsPoint {
    let a = (p.y - p.x) * (q.y - q.x)
    let b = (p.y + p.x) * (q.y + q.x)
    let c = p.t * FieldElement.d2 * q.t
    let d = (p.z + p.z) * q.z
    let (e, f, g, h) = (b - a, d - c, d + c, b + a)
    return EdwardsPoint(x: e * f, y: g * h, z: f * g, t: e * h)
  }

  /// Doubling (dbl-2008-hwcd for a = -1).
  var doubled: EdwardsPoint {
    let a = x.squared
    let b = y.squared
    let c = z.squared + z.squared
    let d = -a
    let e = (x + y).squared - a - b
    let g = d + b
    let f = g - c
    let h = d - b
    return EdwardsPoint(x: e * f, y: g * h, z: f * g, t: e * h)
  }

  /// [a]P + [b]Q, both scalars in little-endian bytes, one shared doubling chain (Straus).
  static func combination(_ a: [UInt8], _ p: EdwardsPoint, _ b: [UInt8], _ q: EdwardsPoint) -> EdwardsPoint {
    let both = p + q
    var result = EdwardsPoint.identity
    for index in (0..<256).reversed() {
      result = result.doubled
      let bitA = (a[index / 8] >> UInt8(index % 8)) & 1 == 1
      let bitB = (b[index / 8] >> UInt8(index % 8)) & 1 == 1
      switch (bitA, bitB) {
      case (true, true): result = result + both
      case (true, false): result = result + p
      case (false, true): result = result + q
      case (false, false): break
      }
    }
    return result
  }
}

// MARK: - Scalars modulo the group order

enum Scalar {
  /// L = 2^252 + 27742317777372353535851937790883648493, in 64-bit little-endian limbs.
  static let order: [UInt64] = [0x5812631A5CF5D3ED, 0x14DEF9DEA2F79CD6, 0, 0x1000000000000000]

  /// A little-endian number of any length reduced modulo L, as 32 little-endian bytes.
  static func reduce(_ bytes: [UInt8]) -> [UInt8] {
    var r: [UInt64] = [0, 0, 0, 0]
    for index in (0..<(bytes.count * 8)).reversed() {
      // r = 2r + bit; r < L < 2^253, so 2r + 1 fits in 256 bits.
      r[3] = r[3] << 1 | r[2] >> 63
      r[2] = r[2] << 1 | r[1] >> 63
      r[1] = r[1] << 1 | r[0] >> 63
      r[0] = r[0] << 1 | UInt64((bytes[index / 8] >> UInt8(index % 8)) & 1)
      if !isBelowOrder(r) { r = subtractOrder(r) }
    }
    return r.flatMap { word in (0..<8).map { UInt8(truncatingIfNeeded: word >> UInt64($0 * 8)) } }
  }

  private static func isBelowOrder(_ r: [UInt64]) -> Bool {
    for index in (0..<4).reversed() where r[index] != order[index] { return r[index] < order[index] }
    return false
  }

  private static func subtractOrder(_ r: [UInt64]) -> [UInt64] {
    var result = r
    var borrow: UInt64 = 0
    for index in 0..<4 {
      let (first, overflowA) = result[index].subtractingReportingOverflow(order[index])
      let (second, overflowB) = first.subtractingReportingOverflow(borrow)
      result[index] = second
      borrow = (overflowA || overflowB) ? 1 : 0
    }
    return result
  }
}
