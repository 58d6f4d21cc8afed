internal import CLibGit2

/// Process-wide libgit2 set-up, run once and never shut down (shutting down while another
/// handle lives would free libgit2's global state under it).
enum LibGit2 {
  private static let initialized: Int32 = git_libgit2_init()

  static func ensureInitialized() { _ = initialized }
}
