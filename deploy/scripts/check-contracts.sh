#!/usr/bin/env bash
# The generated TypeScript in libs/contracts must match the protos: regenerate into a temp dir
# and compare. (Contract tests for topics and schemas run with the unit tests.)
set -euo pipefail
cd "$(dirname "$0")/../.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
bash libs/contracts/gen.sh "$tmp/generated" >/dev/null
if ! diff -r "$tmp/generated" libs/contracts/src/generated >/dev/null; then
  echo "libs/contracts/src/generated is stale: run 'bash libs/contracts/gen.sh' and commit the result" >&2
  diff -r "$tmp/generated" libs/contracts/src/generated | head -40 >&2
  exit 1
fi
echo "contracts: generated code matches the protos"
