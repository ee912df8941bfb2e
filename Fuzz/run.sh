#!/bin/sh
# Runs one fuzz target for a while on one core, keeping going past crashes so one run finds
# several; crashing inputs land in .build-fuzz/artifacts/<target>/ and the log in
# .build-fuzz/<target>.log.   Usage: Fuzz/run.sh session|import [seconds=600]
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
case "${1:-}" in
  session) binary=FuzzSession ;;
  import) binary=FuzzImport ;;
  *) echo "usage: Fuzz/run.sh session|import [seconds]" >&2; exit 2 ;;
esac
seconds=${2:-600}
[ -x ".build-fuzz/$binary" ] || Fuzz/build.sh "$binary"
[ -d ".build-fuzz/corpus/$1" ] || Fuzz/corpus.sh
mkdir -p ".build-fuzz/artifacts/$1"
# The Swift backtracer trips ASan after a trap; the trap message and ASan report suffice.
export SWIFT_BACKTRACE=enable=no
# -fork=1 runs one worker at a time (one core) and restarts it after a crash, timeout or OOM.
".build-fuzz/$binary" -fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1 \
  -max_total_time="$seconds" -timeout=10 -rss_limit_mb=4096 -max_len=65536 \
  -print_final_stats=1 -artifact_prefix=".build-fuzz/artifacts/$1/" \
  ".build-fuzz/corpus/$1" 2>&1 | tee ".build-fuzz/$1.log" | grep -E '^#|INFO: fuzzing|crash|Timeout|deadly|==ERROR|SUMMARY|Done|stat::' || true
