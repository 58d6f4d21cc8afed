#include <git2.h>
#include <git2/sys/mempack.h>
#include <git2/sys/odb_backend.h>
#include <git2/sys/repository.h>
#include <zlib.h>
#include <malloc.h>

/* inflateInit is a macro, which Swift cannot call. */
static inline int ledger_inflate_init(z_stream *stream) { return inflateInit(stream); }

/* git_libgit2_opts is variadic, which Swift cannot call: one fixed-argument wrapper per use. */
static inline int ledger_git_set_search_path(int level, const char *path) {
  return git_libgit2_opts(GIT_OPT_SET_SEARCH_PATH, level, path);
}

static inline int ledger_git_set_cache_object_limit(git_object_t type, size_t size) {
  return git_libgit2_opts(GIT_OPT_SET_CACHE_OBJECT_LIMIT, type, size);
}

static inline int ledger_git_enable_fsync_gitdir(int enabled) {
  return git_libgit2_opts(GIT_OPT_ENABLE_FSYNC_GITDIR, enabled);
}

static inline int ledger_git_enable_strict_hash_verification(int enabled) {
  return git_libgit2_opts(GIT_OPT_ENABLE_STRICT_HASH_VERIFICATION, enabled);
}

static inline int ledger_git_set_cache_max_size(ssize_t size) {
  return git_libgit2_opts(GIT_OPT_SET_CACHE_MAX_SIZE, size);
}

/* Keeps large buffers in the heap (see LibGit2.swift); mallopt's constants are macros. */
static inline void ledger_keep_large_buffers(int mmap_threshold, int trim_threshold) {
  mallopt(M_MMAP_THRESHOLD, mmap_threshold);
  mallopt(M_TRIM_THRESHOLD, trim_threshold);
}

/* The certificate authorities https trusts: a PEM file (git's http.sslCAInfo). */
static inline int ledger_git_set_ssl_cert_file(const char *file) {
  return git_libgit2_opts(GIT_OPT_SET_SSL_CERT_LOCATIONS, file, NULL);
}
