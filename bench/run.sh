#!/usr/bin/env bash
# Benchmark: adminledger on a synthetic ledger (bench/Synth, made once by bench/generate.sh and
# cached under .build/bench/), side by side with the git program doing the nearest equivalent
# on the same repository in the same run.
#
# Usage: bench/run.sh PATH-TO-ADMINLEDGER PATH-TO-LEDGER-SYNTH [full|quick]
#   full:  100,000 records, 20,000 commits, two branches of 1,000 commits for the merge row
#   quick: 10,000 records, 2,000 commits, 200 commits a branch
# Environment: BENCH_LONG (default 30: a command whose warm-up run takes longer is run only
# once), BENCH_SEED (default 1), BENCH_RESULTS (default bench/results), BENCH_TOOL_REV
# (what to call the tool in the results; default: the commit of the checkout the tool's binary
# sits in, "+edits" when its Sources/ has uncommitted changes; the binary may be older),
# BENCH_BASELINE (another adminledger build to compare with instead of git: a before and
# after), BENCH_ONLY (a grep -E pattern: only the rows whose label matches).
#
# Each row runs its command several times (after one warm-up run, except the slow rows) through
# `ledger-synth measure`, which reports the median wall time and the peak resident memory of
# the whole process tree (so a `git ... | git ...` pipeline counts its largest process). The
# table goes to stdout; bench/results/latest.{json,md} and a timestamped JSON copy are written.
set -euo pipefail
abs() { echo "$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"; }
tool=$(abs "$1")
synth=$(abs "$2")
size=${3:-full}
bench=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$bench/.." && pwd)
seed=${BENCH_SEED:-1}
tool_rev=${BENCH_TOOL_REV:-}
if [ -z "$tool_rev" ]; then
  checkout=$(git -C "$(dirname "$tool")" rev-parse --show-toplevel 2>/dev/null || true)
  tool_rev=$(git -C "${checkout:-/}" rev-parse --short HEAD 2>/dev/null || echo unknown)
  [ -n "$checkout" ] && [ -n "$(git -C "$checkout" status --porcelain -- Sources 2>/dev/null)" ] && tool_rev="$tool_rev+edits"
fi
results=${BENCH_RESULTS:-$bench/results}
# BENCH_BASELINE=PATH: compare with another adminledger build (an earlier commit's, for a
# before-and-after of a change) instead of the git program: the same command, the same clone.
# BENCH_ONLY=REGEX: only the rows whose label matches (grep -E).
baseline=${BENCH_BASELINE:+$(abs "$BENCH_BASELINE")}
only=${BENCH_ONLY:-}
baseline_name="git baseline"
if [ -n "$baseline" ]; then
  baseline_checkout=$(git -C "$(dirname "$baseline")" rev-parse --show-toplevel 2>/dev/null || true)
  baseline_name="adminledger $(git -C "${baseline_checkout:-/}" rev-parse --short HEAD 2>/dev/null || echo baseline)"
fi
case $size in
  full) records=100000 commits=20000 sides=1000 runs=5 slow=3 timeout=300 audit_timeout=600 audit_runs=1 ;;
  quick) records=10000 commits=2000 sides=200 runs=5 slow=3 timeout=60 audit_timeout=60 audit_runs=1 ;;
  *) echo "usage: bench/run.sh ADMINLEDGER LEDGER-SYNTH [full|quick]" >&2; exit 2 ;;
esac
long=${BENCH_LONG:-30}  # seconds: a command slower than this on its warm-up run is run only once

dir=$(bash "$bench/generate.sh" "$synth" "$records" "$commits" "$seed" "$sides")
meta() { sed -n "s/^  \"$1\": \"\{0,1\}\([^\",]*\)\"\{0,1\},\{0,1\}\$/\1/p" "$dir/meta.json"; }
org=$(meta organization) person=$(meta person) set_person=$(meta set_person) last_year=$(meta last_year)

mkdir -p "$root/.build/bench"
work=$(mktemp -d "$root/.build/bench/run.XXXXXX")
trap 'rm -rf "$work"' EXIT
export NO_COLOR=1 ADMINLEDGER_AUTHOR="Marc Petit <mpetit@cen-paca.example.org>"
export GIT_AUTHOR_NAME="Marc Petit" GIT_AUTHOR_EMAIL=mpetit@cen-paca.example.org
export GIT_COMMITTER_NAME="Marc Petit" GIT_COMMITTER_EMAIL=mpetit@cen-paca.example.org
mkdir -p "$work/out"

# The clone the reading rows use, and a scratch clone for the writes.
git clone -q "$dir/origin.git" "$work/ledger"
git -C "$work/ledger" commit-graph write --reachable --changed-paths --no-progress
git clone -q "$dir/origin.git" "$work/scratch"
git -C "$work/scratch" commit-graph write --reachable --changed-paths --no-progress

# MARK: - Rows
# compare LABEL RUNS TIMEOUT DIR BEFORE TOOL-ARGS... ::: GIT-ARGS...
#   DIR: where both commands run, or TOOL-DIR:GIT-DIR; RUNS: measured runs (a warm-up run first
#   when RUNS > 1, which is the only run when it is slower than $long seconds); BEFORE: a shell command run,
#   unmeasured, before every run ("" for none); GIT-ARGS "-" when git has no equivalent.
#   Put "{n}" in an argument for a value unique to the run.
# pending LABEL ISSUE: a row the tool cannot run yet.
rows=()
n=0
compare() {
  local label=$1 count=$2 limit=$3 cwd=${4%%:*} gitcwd=${4#*:} before=$5
  shift 5
  local toolcmd=() gitcmd=()
  while [ "$1" != ":::" ]; do toolcmd+=("$1"); shift; done
  shift
  gitcmd=("$@")
  if [ -n "$only" ] && ! grep -qE "$only" <<<"$label"; then return; fi
  [ -n "$baseline" ] && gitcmd=("$baseline" "${toolcmd[@]:1}")
  n=$((n + 1))
  printf '%s ... ' "${label//\`/}" >&2
  measure "$count" "$limit" "$cwd" "$before" "${toolcmd[@]}" > "$work/out/$n-tool.json"
  if [ "${gitcmd[0]}" = "-" ]; then
    echo null > "$work/out/$n-git.json"
  else
    measure "$count" "$limit" "$gitcwd" "$before" "${gitcmd[@]}" > "$work/out/$n-git.json"
  fi
  if [ "$(field "$work/out/$n-tool.json" failed)" = true ]; then
    # Run it once more to show why.
    (cd "$cwd" && "${toolcmd[@]}" 2>&1 >/dev/null | tail -3 | sed 's/^/    /' >&2) || true
  fi
  rows+=("$n|$label|")
  printf '%s\n' "$(cell "$work/out/$n-tool.json")" >&2
}
# measure RUNS TIMEOUT DIR BEFORE CMD...: the measure report on stdout. With RUNS > 1, a first
# run warms up; when it takes longer than $long seconds (or times out) it is the result, alone.
measure() {
  local count=$1 limit=$2 cwd=$3 before=$4
  shift 4
  local opts=(--timeout "$limit")
  [ -n "$before" ] && opts+=(--before "$before")
  if [ "$count" -gt 1 ]; then
    local first
    first=$(cd "$cwd" && "$synth" measure --runs 1 "${opts[@]}" -- "${@//\{n\}/w\{n\}}")  # its own {n} values
    if [ "$(field <(echo "$first") timed_out)" = true ] \
      || awk -v s="$(field <(echo "$first") median)" -v l="$long" 'BEGIN { exit !(s > l) }'; then
      echo "$first"
      return
    fi
  fi
  (cd "$cwd" && "$synth" measure --runs "$count" "${opts[@]}" -- "$@")
}
pending() {
  n=$((n + 1))
  rows+=("$n|$1|not built yet (issue $2)")
}
# The value of a top-level key in a measure report (canonical JSON: one member per line).
field() { sed -n "s/^  \"$2\": \(.*\)\$/\1/p" "$1" | sed 's/,$//'; }
cell() {
  local file=$1
  [ "$(cat "$file")" = null ] && { echo "-"; return; }
  if [ "$(field "$file" timed_out)" = true ]; then
    printf 'over %.0f s' "$(field "$file" timeout)"
  elif [ "$(field "$file" failed)" = true ]; then
    printf 'failed (exit %s)' "$(sed -n '/"exit_codes"/,/]/p' "$file" | grep -v '"exit_codes"\|]' | grep -v '^ *0,\{0,1\}$' | head -1 | tr -d ' ,')"
  else
    awk -v s="$(field "$file" median)" -v m="$(field "$file" peak_mib)" 'BEGIN {
      if (s < 10) printf "%.3f s, %.0f MiB", s, m; else printf "%.1f s, %.0f MiB", s, m }'
  fi
}
ratio() {
  local a=$1 b=$2
  [ "$(cat "$b")" = null ] && { echo "-"; return; }
  for f in "$a" "$b"; do
    [ "$(field "$f" timed_out)" = false ] && [ "$(field "$f" failed)" = false ] || { echo "-"; return; }
  done
  awk -v x="$(field "$a" median)" -v y="$(field "$b" median)" 'BEGIN { if (y > 0) printf "%.1fx", x / y; else print "-" }'
}

L=$work/ledger
blobs=(bash -c "git ls-tree -r HEAD | awk '{print \$3}' | git cat-file --batch")
compare "\`list people --where organization=$org\`, no index cache" "$runs" "$timeout" "$L" "rm -rf .git/adminledger/index" \
  "$tool" list people --where "organization=$org" --format ndjson ::: "${blobs[@]}"
compare "\`list people --where organization=$org\`, index cache warm" "$runs" "$timeout" "$L" "" \
  "$tool" list people --where "organization=$org" --format ndjson ::: "${blobs[@]}"
compare "\`validate\`" "$slow" "$timeout" "$L" "" "$tool" validate ::: "${blobs[@]}"
compare "\`set people/$set_person --set name=...\` (one field)" "$runs" "$timeout" "$work/scratch" "" \
  "$tool" set "people/$set_person" --set "name=Bench Run {n}" ::: \
  bash -c "sed -i 's/^  \"name\": \".*\"/  \"name\": \"Bench Git {n}\"/' people/$set_person.json && git add people/$set_person.json && git commit -q --no-verify -m 'Set people/$set_person: name'"
compare "\`blame people/$person\`" "$slow" "$timeout" "$L" "" "$tool" blame "people/$person" ::: git blame "people/$person.json"
compare "\`log people/$person\`" "$slow" "$timeout" "$L" "" "$tool" log "people/$person" ::: git log -p -- "people/$person.json"
# The first `log` of one record on a fresh clone: no .git/adminledger at all, so the command
# builds the history index itself (every reader of history does) before it can answer. A clone
# of its own, made as the reading clone is, so that removing its folder leaves the other rows'
# caches alone.
git clone -q "$dir/origin.git" "$work/fresh"
git -C "$work/fresh" commit-graph write --reachable --changed-paths --no-progress
compare "the first \`log people/$person\` on a fresh clone (history index built)" "$slow" "$timeout" "$work/fresh" \
  "rm -rf .git/adminledger" "$tool" log "people/$person" ::: git log -- "people/$person.json"
compare "\`audit\` of the whole history" "$audit_runs" "$audit_timeout" "$L" "" "$tool" audit ::: git log -p
compare "\`audit HEAD~1..HEAD\` (one new commit, as the pre-receive hook)" "$runs" "$timeout" "$L" "" \
  "$tool" audit HEAD~1..HEAD ::: git show HEAD
# The same history with every commit signed: the audit verifies each signature (ssh-keygen, as
# git does) on its first run and remembers the verdicts by commit id; git log --show-signature
# verifies every signature, every time. The history index is made first, unmeasured, as in the
# reading clone, so the first run's extra time is the verification.
git clone -q "$dir/signed.git" "$work/signed"
git -C "$work/signed" config gpg.ssh.allowedSignersFile "$dir/allowed_signers"
(cd "$work/signed" && "$tool" log "people/$person" > /dev/null)
compare "\`audit\` of the history, every commit signed: first run (each signature verified)" "$audit_runs" "$audit_timeout" \
  "$work/signed" "rm -f $work/signed/.git/adminledger/signatures $work/signed/.git/adminledger/audit-last" \
  "$tool" audit ::: git log --show-signature
compare "\`audit\` of the signed history again (verdicts remembered)" "$audit_runs" "$audit_timeout" "$work/signed" "" \
  "$tool" audit ::: git log --show-signature
compare "\`report annual --year $last_year\`" "$slow" "$timeout" "$L" "" "$tool" report annual --year "$last_year" ::: \
  git log -p --since="$last_year-01-01"

# The merge: a shared repository whose main is bench-theirs, and a clone whose main is
# bench-ours (each $sides commits from the history's tip); `sync --no-push` against `git merge`
# in a copy of that clone. Both go back to bench-ours before each run.
git clone -q --bare "$dir/origin.git" "$work/shared.git"
git -C "$work/shared.git" update-ref refs/heads/main refs/heads/bench-theirs
ours=$(git -C "$work/shared.git" rev-parse refs/heads/bench-ours)
for clone in merge-tool merge-git; do
  git clone -q "$work/shared.git" "$work/$clone"
  git -C "$work/$clone" reset -q --hard "$ours"
done
compare "\`sync --no-push\`: merge of $sides + $sides diverged commits" "$slow" "$timeout" "$work/merge-tool:$work/merge-git" \
  "git reset -q --hard $ours" "$tool" sync --no-push ::: git merge -q --no-verify --no-edit origin/main
[ "$(git -C "$work/merge-tool" log -1 --format=%p | wc -w)" = 2 ] || echo "warning: adminledger sync made no merge commit" >&2
[ "$(git -C "$work/merge-git" log -1 --format=%p | wc -w)" = 2 ] || echo "warning: git merge made no merge commit" >&2

# Re-importing a member export: 10,000 rows, of which 1,000 changed (a member lapsed), each run
# from the same commit. No git baseline: git has no notion of matching rows to records.
# (The whole export goes to a file first: `head` closing the pipe early would fail the script.)
(cd "$work/scratch" && "$tool" export people > "$work/all-members.csv")
head -n 10001 "$work/all-members.csv" \
  | awk -F, 'NR > 1 && NR <= 1001 { sub(/,active,/, ",lapsed,") } { print }' > "$work/members.csv"
import_base=$(git -C "$work/scratch" rev-parse HEAD)
compare "\`import people --update\` of a 10,000-row export, 1,000 rows changed" "$slow" "$timeout" "$work/scratch" \
  "git reset -q --hard $import_base" "$tool" import people "$work/members.csv" --update ::: -
# The review site: a page per record with its history and blame, the reports of every year and
# the audit; the baseline reads the same history (every commit's changes) with git.
compare "\`site\` (every record's page, history, blame, reports, audit)" "$audit_runs" "$audit_timeout" "$L" "rm -rf $work/site" \
  "$tool" site "$work/site" ::: git log -p
# The site again after one `set`: the folder holds the site of the commit before, so only the
# pages whose content changed are written (the others are kept as they are). Side by side, in
# the baseline column, a full regeneration of the same commit into an empty folder; both runs
# start after the same unmeasured steps (the site of the commit before, then one set). Then the
# two folders are compared: the incremental site must be the full one, byte for byte.
again="rm -rf $work/site-full && $tool site $work/site-again >/dev/null && $tool set people/$set_person --set name=BenchAgain\$RANDOM >/dev/null"
again_label="\`site\` again after one \`set\` (baseline: the full site of the same commit)"
compare "$again_label" "$slow" "$audit_timeout" "$work/scratch" \
  "$again" "$tool" site "$work/site-again" ::: "$tool" site "$work/site-full"
if [ -z "$only" ] || grep -qE "$only" <<<"$again_label"; then
  (cd "$work/scratch" && "$tool" site "$work/site-again" >/dev/null && rm -rf "$work/site-full" && "$tool" site "$work/site-full" >/dev/null)
  diff -rq "$work/site-again" "$work/site-full" >&2 || echo "warning: the incremental site differs from the full one" >&2
fi

# Forgetting one person: every commit from the person's first appearance rewritten without
# their personal values, an erasure record on top. The baseline is git filter-repo doing the same
# rewrite: the person's id, names, emails and phones replaced in every blob and message
# (--replace-text, --replace-message) and their file renamed. Each run starts from a fresh clone,
# made unmeasured (both tools rewrite in place); filter-repo also drops the old objects at the
# end (as forget does once sync pushed), so both rows include reading the whole history.
if command -v git-filter-repo >/dev/null 2>&1 || git filter-repo --version >/dev/null 2>&1; then
  terms=$work/forget-terms.txt
  git --git-dir="$dir/origin.git" log -p --format= -- "people/$person.json" | sed -n 's/^[+-]  *"\(name\|phone\)": "\(.*\)",\{0,1\}$/\2/p; s/^[+-]    "\([^"]*@[^"]*\)",\{0,1\}$/\1/p' \
    | sort -u | awk -v id="$person" 'BEGIN { print id "==>forgotten-bench" } { print $0 "==>forgotten-bench" }' > "$terms"
  forget_git=(git -C "$work/forget-git" filter-repo --force --quiet --replace-text "$terms" --replace-message "$terms"
    --path-rename "people/$person.json:people/forgotten-bench.json")
else
  echo "warning: git filter-repo is not installed (Debian: git-filter-repo); the forget row has no baseline" >&2
  forget_git=(-)
fi
compare "\`forget people/$person\` (the whole history rewritten)" "$slow" "$audit_timeout" "$work" \
  "rm -rf $work/forget-tool $work/forget-git && git clone -q $dir/origin.git $work/forget-tool && git clone -q --no-local $dir/origin.git $work/forget-git" \
  "$tool" --ledger "$work/forget-tool" forget "$person" --reason "bench erasure request" ::: "${forget_git[@]}"

# MARK: - Report
cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)
ram=$(awk '/MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)
files=$(git -C "$L" ls-tree -r HEAD --name-only | grep -c '/.*\.json$' || true)
total_commits=$(git -C "$L" rev-list --count HEAD)
total_merges=$(git -C "$L" rev-list --count --merges HEAD)
pack=$(du -sk "$dir/origin.git/objects" | awk '{ printf "%.0f MiB", $1 / 1024 }')
machine="$(nproc) cores, ${cpu:-unknown CPU}, $ram RAM, $(git --version)"
ledger="$files records at HEAD, $total_commits commits ($total_merges merges), 2016-$last_year, $pack packed (seed $seed)"
stamp=$(date -u +%Y-%m-%dT%H%M)

legend() {
  echo "git baselines: list and validate: every record blob read (git ls-tree -r HEAD | awk '{print \$3}' | git cat-file --batch);"
  echo "set: sed on the file, git add, git commit --no-verify; blame: git blame FILE; log: git log -p -- FILE;"
  echo "first log on a fresh clone: git log -- FILE on the same clone, .git/adminledger removed before each run;"
  echo "audit: git log -p (the whole history); audit HEAD~1..HEAD: git show HEAD; signed audits: git log --show-signature (git runs ssh-keygen for every commit);"
  echo "report annual: git log -p --since=YEAR-01-01;"
  echo "sync: git merge of the same branches in a copy of the clone; site: git log -p (the history every page's changes and blame come from);"
  echo "site again after one set: adminledger site into an empty folder (a full regeneration), beside the incremental run."
  echo "Peak = the largest process of the command's tree."
}
table_line() { printf '%-70s | %-22s | %-22s | %s\n' "$@"; }
{
  echo "machine: $machine"
  echo "tool:    adminledger $tool_rev"
  echo "ledger:  $ledger"
  echo "ids:     organization $org, people/$person (changed by $(meta person_commits) commits), set on people/$set_person"
  echo
  table_line "operation" "adminledger (median, peak)" "$baseline_name (median, peak)" "ratio"
  for entry in "${rows[@]}"; do
    IFS='|' read -r i label note <<<"$entry"
    label=${label//\`/}
    if [ -n "$note" ]; then
      table_line "$label" "$note" "-" "-"
    else
      table_line "$label" "$(cell "$work/out/$i-tool.json")" "$(cell "$work/out/$i-git.json")" \
        "$(ratio "$work/out/$i-tool.json" "$work/out/$i-git.json")"
    fi
  done
  echo
  if [ -n "$baseline" ]; then echo "baseline: $baseline_name, the same commands on the same clones."; else legend; fi
} | tee "$work/table.txt"

mkdir -p "$results"
{
  echo "Benchmark ($size, $stamp, adminledger $tool_rev): $machine."
  echo "Ledger: $ledger."
  echo
  echo "| operation | adminledger (median, peak) | $baseline_name (median, peak) | ratio |"
  echo "|---|---|---|---|"
  for entry in "${rows[@]}"; do
    IFS='|' read -r i label note <<<"$entry"
    if [ -n "$note" ]; then
      echo "| $label | $note | - | - |"
    else
      echo "| $label | $(cell "$work/out/$i-tool.json") | $(cell "$work/out/$i-git.json") | $(ratio "$work/out/$i-tool.json" "$work/out/$i-git.json") |"
    fi
  done
  echo
  if [ -n "$baseline" ]; then echo "> baseline: $baseline_name, the same commands on the same clones."; else legend | sed 's/^/> /'; fi
} > "$results/latest.md"
json_string() { printf '"%s"' "$(printf '%s' "$1" | sed 's/\\/\\\\/g; s/"/\\"/g')"; }
{
  echo "{"
  echo "  \"size\": $(json_string "$size"), \"date\": $(json_string "$stamp"), \"seed\": $seed,"
  echo "  \"machine\": $(json_string "$machine"), \"tool\": $(json_string "$tool_rev"), \"baseline\": $(json_string "$baseline_name"),"
  echo "  \"ledger\": {\"records\": $files, \"commits\": $total_commits, \"merges\": $total_merges, \"generated\": $(cat "$dir/timing.json")},"
  echo "  \"meta\": $(cat "$dir/meta.json"),"
  echo "  \"rows\": ["
  first=1
  for entry in "${rows[@]}"; do
    IFS='|' read -r i label note <<<"$entry"
    [ $first = 1 ] || echo "    ,"
    first=0
    if [ -n "$note" ]; then
      echo "    {\"operation\": $(json_string "${label//\`/}"), \"pending\": $(json_string "$note")}"
    else
      echo "    {\"operation\": $(json_string "${label//\`/}"), \"ratio\": $(json_string "$(ratio "$work/out/$i-tool.json" "$work/out/$i-git.json")"),"
      echo "     \"adminledger\": $(cat "$work/out/$i-tool.json"),"
      echo "     \"git\": $(cat "$work/out/$i-git.json")}"
    fi
  done
  echo "  ]"
  echo "}"
} > "$results/latest.json"
cp "$results/latest.json" "$results/$stamp-$size.json"
echo
echo "results: $results/latest.json, $results/latest.md, $results/$stamp-$size.json"
