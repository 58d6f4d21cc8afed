#!/usr/bin/env bash
# Benchmark: the tool's writes and reads on a ledger of a few thousand records, side by side
# with the git program doing the nearest equivalent on the same repository.
# Usage: bench/run.sh PATH-TO-ADMINLEDGER [RECORDS]
set -euo pipefail
tool=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
samples=$(cd "$(dirname "$0")/../ledger" && pwd)
bench=$(cd "$(dirname "$0")" && pwd)
records=${2:-2000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export ADMINLEDGER_AUTHOR="Claire Durand <cdurand@cen-paca.example.org>" NO_COLOR=1
export GIT_AUTHOR_NAME=Bench GIT_AUTHOR_EMAIL=bench@example.org
export GIT_COMMITTER_NAME=Bench GIT_COMMITTER_EMAIL=bench@example.org

# Milliseconds per run of a command repeated N times.
per_run() {
  local runs=$1; shift
  local start end
  start=$(date +%s%N)
  for ((i = 0; i < runs; i++)); do "$@" >/dev/null; done
  end=$(date +%s%N)
  echo $(( (end - start) / runs / 1000000 ))
}

cd "$work"
"$tool" init bench --name Bench >/dev/null
cd bench
cp -R "$samples/platform/." .
for ((n = 0; n < records; n++)); do
  printf '{\n  "emails": [\n    "p%d@example.org"\n  ],\n  "name": "Person %d"\n}\n' "$n" "$n" > "people/p$n.json"
done
"$tool" commit -m "Bench data" >/dev/null
git gc -q  # as a clone would have it: objects packed
total=$(find . -name '*.json' -not -path './.git/*' | wc -l)

write_tool() { "$tool" set people/p1 --set "name=Name $RANDOM$RANDOM"; }
write_git() {
  sed -i "s/\"name\": \".*\"/\"name\": \"Name $RANDOM$RANDOM\"/" people/p2.json
  git add people/p2.json && git commit -q --no-verify -m "edit"
}
read_tool() { "$tool" list people --format ndjson; }
read_cold() { rm -rf .git/adminledger/index; "$tool" list people --format ndjson; }
read_git() { git ls-tree HEAD people/ | awk '{print $3}' | git cat-file --batch; }
validate_tool() { "$tool" validate; }
validate_git() { git ls-tree -r HEAD | awk '{print $3}' | git cat-file --batch; }
show_tool() { "$tool" show people/p1 --format json; }
show_git() { git show HEAD:people/p1.json; }

printf 'ledger of %d records (%d people)\n\n' "$total" "$((records + 26))"
printf '%-40s %12s %12s\n' "operation (ms per run)" "adminledger" "git program"
printf '%-40s %12s %12s\n' "write one field (set / commit)" "$(per_run 10 write_tool)" "$(per_run 10 write_git)"
printf '%-40s %12s %12s\n' "read one record (show / show)" "$(per_run 20 show_tool)" "$(per_run 20 show_git)"
printf '%-40s %12s %12s\n' "read every person (list / cat-file)" "$(per_run 5 read_tool)" "$(per_run 5 read_git)"
printf '%-40s %12s %12s\n' "  the same without the index cache" "$(per_run 5 read_cold)" "-"
printf '%-40s %12s %12s\n' "check everything (validate / cat-file)" "$(per_run 3 validate_tool)" "$(per_run 3 validate_git)"
bash "$bench/merge.sh" "$tool" "$work/bench" "${MERGE_COMMITS:-1000}"
echo
echo "A write validates the record, its references and uniqueness in its kind before it commits;"
echo "the git baseline commits without any check (--no-verify). The merge merges every record both"
echo "sides changed field by field and validates the result; git merges lines and checks nothing."
