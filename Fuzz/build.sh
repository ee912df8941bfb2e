#!/bin/sh
# Builds the libFuzzer targets in Fuzz/ against the FSQCore sources, with the address
# sanitizer, into .build-fuzz/. Usage: Fuzz/build.sh [target...]   (default: all targets)
# Each target is one module: every Sources/FSQCore/**/*.swift plus Fuzz/<Target>.swift.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
out="$root/.build-fuzz"
mkdir -p "$out"
cd "$root"
targets=${*:-$(cd Fuzz && ls *.swift | sed 's/\.swift$//')}
sources=$(find Sources/FSQCore -name '*.swift' | sort)
for target in $targets; do
  rm -f "$out/$target"
  echo "building $out/$target"
  # -O with debug info: fast enough to fuzz, and crash reports name the line.
  # shellcheck disable=SC2086
  swiftc -sanitize=fuzzer,address -parse-as-library -O -g -swift-version 6 \
    -module-name FSQCore -j 1 \
    $sources "Fuzz/$target.swift" -o "$out/$target" 2>&1 |
    grep -v "Cannot export local symbol '__asan" || true
  test -x "$out/$target"
done
