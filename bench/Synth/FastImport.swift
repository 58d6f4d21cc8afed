import Foundation

/// Writes a `git fast-import` stream to standard output through a large buffer.
final class FastImportStream {
  private var buffer: [UInt8] = []
  private var nextMark = 1

  init() { buffer.reserveCapacity(1 << 21) }

  struct Person: Sendable {
    let name: String
    let email: String
  }

  /// One commit. `from` is nil for a root commit; `merge` names the second parent of a merge.
  /// `files` maps paths to their new contents (nil deletes). Returns the commit's mark.
  @discardableResult
  func commit(
    ref: String, author: Person, time: Int, message: String, from: Int?, merge: Int? = nil,
    files: [(path: String, content: String?)]
  ) -> Int {
    let mark = nextMark
    nextMark += 1
    put("commit \(ref)\nmark :\(mark)\n")
    put("author \(author.name) <\(author.email)> \(time) +0000\n")
    put("committer \(author.name) <\(author.email)> \(time) +0000\n")
    data(message)
    if let from { put("from :\(from)\n") }
    if let merge { put("merge :\(merge)\n") }
    for file in files {
      if let content = file.content {
        put("M 100644 inline \(file.path)\n")
        data(content)
      } else {
        put("D \(file.path)\n")
      }
    }
    put("\n")
    return mark
  }

  /// Points `ref` at the commit with `mark`.
  func reset(ref: String, to mark: Int) {
    put("reset \(ref)\nfrom :\(mark)\n\n")
  }

  private func data(_ text: String) {
    let bytes = Array(text.utf8)
    put("data \(bytes.count)\n")
    buffer.append(contentsOf: bytes)
    put("\n")
  }

  private func put(_ text: String) {
    buffer.append(contentsOf: text.utf8)
    if buffer.count >= 1 << 20 { flush() }
  }

  func flush() {
    guard !buffer.isEmpty else { return }
    buffer.withUnsafeBytes { raw in
      var offset = 0
      while offset < raw.count {
        let written = write(1, raw.baseAddress! + offset, raw.count - offset)
        if written <= 0 {
          if errno == EINTR { continue }
          FileHandle.standardError.write("ledger-synth: cannot write the stream (errno \(errno))\n".data(using: .utf8)!)
          exit(3)
        }
        offset += written
      }
    }
    buffer.removeAll(keepingCapacity: true)
  }
}
