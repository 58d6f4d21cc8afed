#!/usr/bin/env bash
# Makes (once) the synthetic ledger repository the benchmark runs on, and prints its folder.
# Usage: bench/generate.sh PATH-TO-LEDGER-SYNTH RECORDS COMMITS SEED SIDE-COMMITS
#
# The folder, .build/bench/ledger-RECORDS-COMMITS-SEED/, holds:
#   origin.git/  a bare repository: main (the history), bench-ours and bench-theirs (two
#                branches of SIDE-COMMITS commits each from main's tip, for the merge row);
#                packed, with a commit-graph with changed-path filters
#   signed.git/  main's history again, every commit signed with signing-key as git's
#                gpg.format ssh signs (ledger-synth sign), for the signed audit rows
#   allowed_signers  the key for every author's email, for git log --show-signature
#   meta.json    what the rows use (ledger-synth --meta): the organisation with many people,
#                the person with a long history, the years, ...
#   key          the hash of the generator's sources and the sample it copies; the folder is
#                made again when it differs (or is missing: an interrupted run leaves none)
set -euo pipefail
synth=$1 records=$2 commits=$3 seed=$4 sides=$5
root=$(cd "$(dirname "$0")/.." && pwd)
dir="$root/.build/bench/ledger-$records-$commits-$seed"
key=$( (cd "$root" && cat bench/Synth/*.swift bench/generate.sh ledger/platform/ledger.json \
  ledger/platform/{systems,organizations,contracts,people}/*.json; echo "sides=$sides") | sha256sum | cut -c1-16)
if [ -f "$dir/key" ] && [ "$(cat "$dir/key")" = "$key" ]; then
  echo "$dir"
  exit 0
fi
rm -rf "$dir"
mkdir -p "$dir"
start=$(date +%s.%N)
git init -q --bare "$dir/origin.git"
git -C "$dir/origin.git" symbolic-ref HEAD refs/heads/main
"$synth" generate "$records" "$commits" "$seed" --sides "$sides" --sample "$root/ledger/platform" \
  --meta "$dir/meta.json" | git -C "$dir/origin.git" fast-import --quiet
generated=$(date +%s.%N)
git -C "$dir/origin.git" repack -q -a -d -f --window=10 --depth=50
git -C "$dir/origin.git" prune-packed
git -C "$dir/origin.git" commit-graph write --reachable --changed-paths --no-progress
packed=$(date +%s.%N)
# The signed copy: one administrator's key signs every commit, parents first.
ssh-keygen -q -t ed25519 -N '' -C bench -f "$dir/signing-key"
git clone -q --bare --single-branch --branch main "$dir/origin.git" "$dir/signed.git"
"$synth" sign "$dir/signed.git" "$dir/signing-key" refs/heads/main | while read -r id ref; do
  git -C "$dir/signed.git" update-ref "$ref" "$id"
done
git -C "$dir/signed.git" repack -q -a -d -f --window=10 --depth=50
git -C "$dir/signed.git" prune --expire=now
git -C "$dir/signed.git" commit-graph write --reachable --changed-paths --no-progress
emails=$(git -C "$dir/signed.git" log --format=%ae | sort -u | paste -sd, -)
echo "$emails namespaces=\"git\" $(cut -d' ' -f1-2 "$dir/signing-key.pub")" > "$dir/allowed_signers"
end=$(date +%s.%N)
awk -v a="$start" -v b="$generated" -v c="$packed" -v e="$end" -v d="$dir" 'BEGIN {
  printf "generated %s in %.1f s (stream and fast-import), packed in %.1f s, signed in %.1f s\n", d, b - a, c - b, e - c > "/dev/stderr"
  printf "{\"generate_seconds\": %.1f, \"pack_seconds\": %.1f, \"sign_seconds\": %.1f}\n", b - a, c - b, e - c > (d "/timing.json") }'
echo "$key" > "$dir/key"
echo "$dir"
