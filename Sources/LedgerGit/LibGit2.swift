internal import CLibGit2

/// Process-wide libgit2 set-up, run once and never shut down (shutting down while another
/// handle lives would free libgit2's global state under it).
public enum LibGit2 {
  private static let initialized: Int32 = {
    let status = git_libgit2_init()
    // libgit2 caches trees of at most 4 KiB: a kind's folder of a few thousand records is
    // larger, and was inflated and parsed again for every file looked up in it. Folder trees
    // of the largest ledgers (100,000 records: a few MiB) stay cached instead.
    _ = ledger_git_set_cache_object_limit(GIT_OBJECT_TREE, 16 << 20)
    // A walk through history meets a new root tree at every commit: 32 MiB of cached objects
    // keep the folder trees a command reuses without holding every tree it has seen.
    _ = ledger_git_set_cache_max_size(32 << 20)
    // Rebuilding a folder tree of a megabyte through a delta chain allocates a buffer per
    // step; glibc would map each from the kernel, zeroed, and unmap it when freed. Kept in
    // the heap instead, the buffers are reused and a history walk stops paying page faults.
    ledger_keep_large_buffers(64 << 20, 128 << 20)
    // A command says "Updated" only once its commit is on disk: libgit2 then flushes every
    // object, pack, reference and the index before renaming it into place (and their folders
    // after), so a power cut never leaves a branch naming an object that was not written.
    _ = ledger_git_enable_fsync_gitdir(1)
    return status
  }()

  static func ensureInitialized() { _ = initialized }

  /// Makes this process read no user or system git configuration (only each repository's
  /// own), so tests never depend on the machine's `~/.gitconfig`.
  ///
  /// libgit2's options are process-wide and not thread-safe: call this before any other
  /// libgit2 use in the process. It runs once; later calls return at once.
  public static func ignoreUserConfiguration() { _ = isolated }

  private static let isolated: Bool = {
    ensureInitialized()
    let levels = [
      GIT_CONFIG_LEVEL_SYSTEM, GIT_CONFIG_LEVEL_XDG, GIT_CONFIG_LEVEL_GLOBAL,
      GIT_CONFIG_LEVEL_PROGRAMDATA,
    ]
    for level in levels {
      _ = ledger_git_set_search_path(Int32(level.rawValue), "/nonexistent/adminledger-no-config")
    }
    return true
  }()
}
