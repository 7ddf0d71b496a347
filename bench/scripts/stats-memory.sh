#!/usr/bin/env bash
# Streams a generated JSON Lines file of SIZE_MB (default 1024) through `inkstone stats` and reports wall time
# and peak resident memory (GNU time). The file is written to a temporary folder and removed afterwards.
# usage: bench/scripts/stats-memory.sh [SIZE_MB]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
size="${1:-1024}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
python3 "$root/bench/scripts/make_large_jsonl.py" "$work/large.jsonl" "$size"
dotnet build "$root/src/Inkstone.Cli/Inkstone.Cli.csproj" -c Release -v q -nologo >"$work/build.txt" || { cat "$work/build.txt"; exit 1; }
cli="$root/src/Inkstone.Cli/bin/Release/net10.0/linux-x64/Inkstone.Cli.dll"
/usr/bin/time -v dotnet "$cli" stats "$work/large.jsonl" --format json >"$work/stats.json" 2>"$work/time.txt" || { cat "$work/time.txt"; exit 1; }
python3 - "$work/stats.json" "$work/time.txt" "$work/large.jsonl" <<'PY'
import json, os, re, sys
stats = json.load(open(sys.argv[1]))
timing = open(sys.argv[2]).read()
rss_kb = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", timing).group(1))
wall = re.search(r"Elapsed \(wall clock\) time.*: (\S+)", timing).group(1)
size = os.path.getsize(sys.argv[3]) / 1024 / 1024
print(f"file {size:.0f} MiB; read {stats['read']['read']}, accepted {stats['read']['accepted']}, rejected {stats['read']['rejected']}")
print(f"wall {wall}; peak RSS {rss_kb / 1024:.0f} MiB")
PY
