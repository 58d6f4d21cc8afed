#!/usr/bin/env bash
# Benchmark of a merge: two clones of one ledger that diverged by COMMITS commits each, every
# commit changing one person (one side their name, the other their email, so the same records
# change on both sides in different fields). `adminledger sync --no-push` merges them field by
# field and validates; the baseline is `git merge` of the same branches in a copy of the clone.
# Usage: bench/merge.sh PATH-TO-ADMINLEDGER LEDGER-REPO COMMITS
# LEDGER-REPO is a ledger repository holding people/p0.json ... as bench/run.sh makes them.
set -euo pipefail
tool=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
base=$(cd "$2" && pwd) commits=$3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"

# One side's commits as a git fast-import stream: commit N rewrites people/pM.json, M = N + 10
# (bench/run.sh's own writes change p1 and p2, which the base therefore no longer holds as made).
side() {
  local label=$1 from=$2 i n content
  for ((i = 0; i < commits; i++)); do
    n=$((i + 10))
    if [ "$label" = a ]; then
      content=$(printf '{\n  "emails": [\n    "p%d@example.org"\n  ],\n  "name": "Person %d (renamed)"\n}\n' "$n" "$n")
    else
      content=$(printf '{\n  "emails": [\n    "p%d.new@example.org"\n  ],\n  "name": "Person %d"\n}\n' "$n" "$n")
    fi
    printf 'commit refs/heads/main\ncommitter Side %s <%s@example.org> %d +0000\ndata 12\nedit person\n' \
      "$label" "$label" $((1800000000 + i))
    [ "$i" = 0 ] && printf 'from %s\n' "$from"
    printf 'M 100644 inline people/p%d.json\ndata %d\n%s\n\n' "$n" $(( ${#content} + 1 )) "$content"
  done
}

git clone -q --bare "$base" shared.git
git clone -q shared.git b
start=$(git -C b rev-parse HEAD)
side b "$start" | git -C b fast-import --quiet && git -C b reset -q --hard main
git -C b push -q origin main
# Two identical clones with side a's commits (fast-import is deterministic): one for each tool.
for clone in a a-git; do
  git clone -q shared.git "$clone"
  git -C "$clone" reset -q --hard "$start"
  side a "$start" | git -C "$clone" fast-import --quiet --force && git -C "$clone" reset -q --hard main
done
[ "$(git -C a rev-parse HEAD)" = "$(git -C a-git rev-parse HEAD)" ] || { echo "error: the clones differ" >&2; exit 1; }

ms() { local start end; start=$(date +%s%N); "$@" >"$work/out.txt" 2>&1; end=$(date +%s%N); echo $(( (end - start) / 1000000 )); }
tool_ms=$(cd a && ms "$tool" sync --no-push)
cp "$work/out.txt" "$work/tool.txt"
git_ms=$(cd a-git && ms git merge --no-verify --no-edit origin/main)
merged=$(git -C a log -1 --format=%p | wc -w)
[ "$merged" = 2 ] || { echo "error: adminledger did not make a merge commit:" >&2; cat "$work/tool.txt" >&2; exit 1; }
if [ "$(git -C a show HEAD:people/p10.json)" != "$(printf '{\n  "emails": [\n    "p10.new@example.org"\n  ],\n  "name": "Person 10 (renamed)"\n}')" ]; then
  echo "error: the merged record does not hold both sides' changes" >&2; exit 1
fi
[ "$(git -C a-git log -1 --format=%p | wc -w)" = 2 ] || git_ms="$git_ms (conflicted)"
printf '%-40s %12s %12s\n' "merge $commits + $commits diverged commits" "$tool_ms" "$git_ms"
# The merged history, reviewed: the audit judges every commit (authors, roles, validity, the
# merge against its parents); `git log -p` only prints every change.
total=$(git -C a rev-list --count HEAD)
audit_ms=$(cd a && ms "$tool" audit)
log_ms=$(cd a && ms git log -p)
printf '%-40s %12s %12s\n' "audit of $total commits (audit / log -p)" "$audit_ms" "$log_ms"
blame_ms=$(cd a && ms "$tool" blame people/p10)
gitblame_ms=$(cd a && ms git blame people/p10.json)
printf '%-40s %12s %12s\n' "blame through the merge (blame / blame)" "$blame_ms" "$gitblame_ms"
log1_ms=$(cd a && ms "$tool" log people/p10)
gitlog1_ms=$(cd a && ms git log -p -- people/p10.json)
printf '%-40s %12s %12s\n' "log of one record (log / log -p -- PATH)" "$log1_ms" "$gitlog1_ms"
