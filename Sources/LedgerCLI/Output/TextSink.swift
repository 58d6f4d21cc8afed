import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Where a command's text goes: a file descriptor, or a buffer a test reads back.
public final class TextSink: @unchecked Sendable {
  // @unchecked: `buffer` is guarded by `lock`; the descriptor is only written.
  private let descriptor: Int32?
  private let lock = NSLock()
  private var buffer = ""
  /// True when the text reaches a person's terminal (tables fit it; colour is allowed).
  public let isTerminal: Bool

  private init(descriptor: Int32?, isTerminal: Bool) {
    self.descriptor = descriptor
    self.isTerminal = isTerminal
  }

  public static let standardOutput = TextSink(descriptor: 1, isTerminal: isatty(1) == 1)
  public static let standardError = TextSink(descriptor: 2, isTerminal: isatty(2) == 1)

  /// A sink that keeps what is written, for tests.
  public static func capture(isTerminal: Bool = false) -> TextSink {
    TextSink(descriptor: nil, isTerminal: isTerminal)
  }

  /// Everything written so far to a capturing sink.
  public var text: String {
    lock.lock()
    defer { lock.unlock() }
    return buffer
  }

  /// Writes `text` followed by a newline.
  public func line(_ text: String = "") { write(text + "\n") }

  public func write(_ text: String) {
    guard let descriptor else {
      lock.lock()
      buffer += text
      lock.unlock()
      return
    }
    var bytes = Array(text.utf8)[...]
    while !bytes.isEmpty {
      let written = bytes.withUnsafeBytes { systemWrite(descriptor, $0.baseAddress, $0.count) }
      if written < 0 {
        if errno == EINTR { continue }
        return  // a closed pipe: nobody reads any more
      }
      bytes = bytes.dropFirst(written)
    }
  }
}

private func systemWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer?, _ count: Int) -> Int {
  #if canImport(Glibc)
    Glibc.write(descriptor, bytes, count)
  #else
    Darwin.write(descriptor, bytes, count)
  #endif
}
