#!/bin/sh
# Seeds the fuzz corpora in .build-fuzz/corpus/{session,import} from the project's own inputs:
# golden scripts, examples, the fixture releases and the bundled seed releases.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
session="$root/.build-fuzz/corpus/session"
import="$root/.build-fuzz/corpus/import"
mkdir -p "$session" "$import"
n=0
for f in $(find Tests/Golden Examples -name '*.fsq' 2>/dev/null | sort); do
  n=$((n + 1)); cp "$f" "$session/golden-$n.fsq"
done
# Fenced fsq examples from the docs, one statement per file.
for doc in README.md docs/language.md; do
  [ -f "$doc" ] || continue
  awk -v dir="$session" -v tag="$(basename "$doc" .md)" '
    /^```/ { inside = !inside; next }
    inside && NF { n++; f = dir "/" tag "-" n ".fsq"; sub(/^fsq> /, ""); print > f; close(f) }
  ' "$doc"
done
for f in Tests/FSQCoreTests/Fixtures/*; do cp "$f" "$import/"; done
# The bundled seed releases: the raw strings between #""" and """# in BundledReleases.swift.
awk -v dir="$import" '
  /^  static let [A-Za-z0-9]+ = #"""$/ { n++; f = dir "/bundled-" n ".txt"; inside = 1; next }
  /^"""#/ { inside = 0; close(f); next }
  inside { print > f }
' Sources/FSQCore/Bundled/BundledReleases.swift
# A release is also a fine start for a script (load reads it), and the reverse.
cp "$import"/* "$session/" 2>/dev/null || true
echo "session corpus: $(ls "$session" | wc -l) files; import corpus: $(ls "$import" | wc -l) files"
