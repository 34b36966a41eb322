#!/usr/bin/env bash
# Compiles src, libs and scripts into dist/ with swc (no type check: `npm run typecheck` does that).
#
#   bash scripts/build.sh              always compiles
#   bash scripts/build.sh --if-stale   compiles only when a source file changed since the last build
#
# `npm start` and the keys commands use --if-stale: they start faster, and while the tests run (which build once
# at the start) they never rewrite dist/ under a process that is loading it.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

stamp=dist/.build-stamp
sources=(src libs scripts package.json package-lock.json .swcrc tsconfig.json)

if [[ ${1:-} == --if-stale && -f $stamp && -z $(find "${sources[@]}" -newer "$stamp" -print -quit) ]]; then
  exit 0
fi

# The stamp is taken before compiling, so a file saved during the build makes the next one compile again.
mkdir -p dist
next=$(mktemp dist/.build-stamp.XXXXXX)
trap 'rm -f "$next"' EXIT
node_modules/.bin/swc src libs scripts -d dist --copy-files --quiet
mv -f "$next" "$stamp"
