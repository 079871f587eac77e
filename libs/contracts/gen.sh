#!/usr/bin/env bash
# Regenerates the TypeScript types for every proto. Options must match PROTO_LOADER_OPTIONS.
set -euo pipefail
cd "$(dirname "$0")"
out=${1:-src/generated}
rm -rf "$out"
../../node_modules/.bin/proto-loader-gen-types --longs=Number --enums=String --defaults --oneofs \
  --includeComments --grpcLib=@grpc/grpc-js -I proto -O "$out" \
  $(cd proto && find . -name '*.proto' | sort)
