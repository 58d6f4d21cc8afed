import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The width of the terminal standard output reaches: `COLUMNS`, else the kernel's, else 80.
enum TerminalSize {
  static func columns(_ variables: [String: String]) -> Int {
    if let text = variables["COLUMNS"], let columns = Int(text), columns > 0 { return columns }
    var size = winsize()
    if ioctl(1, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
    return 80
  }
}
