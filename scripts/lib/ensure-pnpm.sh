# shellcheck shell=bash
# Sourced by scripts/bootstrap.sh and .ci/run (from the repository root). Makes the pnpm version pinned in
# package.json ("packageManager") available on PATH, installing it from the npm registry when it is missing.

ensure_node() {
  if ! command -v node >/dev/null 2>&1; then
    echo "error: node is not installed; kinesis-access needs Node.js >= 20.11 (with npm)" >&2
    return 1
  fi
  local major
  major="$(node -p 'process.versions.node.split(".")[0]')"
  if [ "$major" -lt 20 ]; then
    echo "error: Node.js $(node --version) is too old; kinesis-access needs Node.js >= 20.11" >&2
    return 1
  fi
}

# The repository root, from this file's place (scripts/lib/), so a caller in a package directory gets the same pin.
_kinesis_access_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"

pinned_pnpm_version() {
  node -p 'require(require("node:path").join(process.argv[1], "package.json")).packageManager.replace(/^pnpm@/, "").replace(/\+.*$/, "")' \
    "$_kinesis_access_root"
}

ensure_pnpm() {
  ensure_node
  local want have prefix
  if ! want="$(pinned_pnpm_version)" || [ -z "$want" ]; then
    echo "error: no pnpm version pinned in $_kinesis_access_root/package.json (\"packageManager\")" >&2
    return 1
  fi
  have="$(pnpm --version 2>/dev/null || true)"
  if [ "$have" = "$want" ]; then
    return 0
  fi
  echo "==> installing pnpm $want (found: ${have:-none})" >&2
  if npm install --global --no-fund --no-audit --loglevel=error "pnpm@$want" >&2; then
    hash -r
    have="$(pnpm --version 2>/dev/null || true)"
  fi
  if [ "$have" != "$want" ]; then
    # No write access to npm's global prefix, or another pnpm earlier on PATH: use a per-user prefix.
    prefix="${XDG_CACHE_HOME:-$HOME/.cache}/kinesis-access/pnpm-$want"
    echo "==> installing pnpm $want into $prefix" >&2
    npm install --global --prefix "$prefix" --no-fund --no-audit --loglevel=error "pnpm@$want" >&2
    export PATH="$prefix/bin:$PATH"
    hash -r
    have="$(pnpm --version 2>/dev/null || true)"
    if [ "$have" = "$want" ]; then
      echo "note: pnpm $want is in $prefix/bin; for the next commands (pnpm test) run:" >&2
      echo "      export PATH=\"$prefix/bin:\$PATH\"" >&2
    fi
  fi
  if [ "$have" != "$want" ]; then
    echo "error: could not install pnpm $want (pnpm --version says '${have:-nothing}')" >&2
    return 1
  fi
}

# Native modules (better-sqlite3, cpu-features) compile against Node's headers. node-gyp downloads them from
# nodejs.org unless npm_config_nodedir says where they are; on a machine that reaches only the package
# registries that download fails. Point it at this Node's own headers when they match `node --version`
# (scripts/lib/node-headers.js), or stop here and say exactly what is missing.
ensure_node_headers() {
  local dir
  if ! dir="$(node scripts/lib/node-headers.js)"; then
    return 1
  fi
  if [ -n "$dir" ] && [ "${npm_config_nodedir:-}" != "$dir" ]; then
    export npm_config_nodedir="$dir"
    echo "==> native modules build against the Node $(node --version) headers in $dir/include/node" >&2
  fi
}
