#!/usr/bin/env bash
# Perwal end-to-end tests in REAL editors, headless (npm run e2e). Prerequisites: npm run e2e:setup.
#
#   1. vscode  the mocha suite test/e2e/vscode/suite inside code-server's extension host (the real VS Code
#              extension host; payload + --vscode-option enable-smoke-test-driver; exit code via codeAutomationExit)
#   2. ui      the packaged .vsix installed into a fresh code-server, driven in headless Chromium (playwright-core):
#              language mode, Problems panel, Outline; screenshots in test/e2e/screenshots/
#   3. nvim    Neovim built-in LSP client  -> node dist/server.js --stdio
#   4. emacs   Emacs + eglot               -> node dist/server.js --stdio
# A client whose tools are missing is SKIPPED (naming what to install) unless PERWAL_E2E_REQUIRE=1 (then: failed).
# Last line: "e2e: N passed, M failed, K skipped". Exit status non-zero if anything failed.
#
# Environment:
#   PERWAL_E2E_CACHE=dir        tools installed by e2e:setup (default ~/.cache/perwal-e2e)
#   PERWAL_E2E_REQUIRE=1        a missing client is a failure, not a skip (CI)
#   PERWAL_E2E_ONLY=a,b         run only these of: vscode,ui,nvim,emacs
#   PERWAL_E2E_NO_BUILD=1       do not run `npm run build` first
#   PERWAL_E2E_KEEP=1           keep the temp run dir (copied workspaces, code-server logs)
#   PERWAL_E2E_GREP=re          only the mocha tests matching re (vscode step)
#   PERWAL_E2E_EXT=dir          extension to test (default: this repo; dir must hold package.json + dist/)
#   PERWAL_E2E_SERVER=file      language server for nvim/emacs (default: $PERWAL_E2E_EXT/dist/server.js)
#   PERWAL_E2E_SUITE=file       extensionTestsPath (default: test/e2e/vscode/suite/index)
#   PERWAL_E2E_VSIX=file        use this .vsix instead of packaging one
#   PERWAL_E2E_WORKSPACE=dir    fixture workspace (default test/e2e/workspace; copied per step, never edited)
#   PERWAL_E2E_LSP_ENV='K=V ..' overrides for the nvim/emacs expectations (see test/e2e/nvim/lsp-test.lua)
set -uo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
CACHE=${PERWAL_E2E_CACHE:-$HOME/.cache/perwal-e2e}
REQUIRE=${PERWAL_E2E_REQUIRE:-0}
ONLY=${PERWAL_E2E_ONLY:-vscode,ui,nvim,emacs}
EXT=$(cd "${PERWAL_E2E_EXT:-$ROOT}" && pwd)
SERVER=${PERWAL_E2E_SERVER:-$EXT/dist/server.js}
SUITE=${PERWAL_E2E_SUITE:-$ROOT/test/e2e/vscode/suite/index}
WS_SRC=${PERWAL_E2E_WORKSPACE:-$ROOT/test/e2e/workspace}
SHOTS=$ROOT/test/e2e/screenshots
NODE24=$CACHE/node24/node_modules/node/bin/node
CODE_SERVER=$CACHE/cs/node_modules/.bin/code-server
PW=$CACHE/pw/node_modules/playwright-core/package.json
CHROMIUM=${PERWAL_E2E_CHROMIUM:-/usr/bin/chromium}
RUN_DIR=$(mktemp -d "${TMPDIR:-/tmp}/perwal-e2e-run-XXXXXX")
mkdir -p "$SHOTS"
T0=$(date +%s)
PASSED=0; FAILED=0; SKIPPED=0; SUMMARY=()

cleanup() { if [ "${PERWAL_E2E_KEEP:-0}" = 1 ]; then echo "e2e: kept $RUN_DIR"; else rm -rf "$RUN_DIR"; fi; }
trap cleanup EXIT
trap 'echo "e2e: interrupted"; exit 130' INT TERM

selected() { case ",$ONLY," in *",$1,"*) return 0;; *) return 1;; esac; }
record() { # name status(passed|failed|skipped) seconds note
  case $2 in passed) PASSED=$((PASSED + 1));; failed) FAILED=$((FAILED + 1));; skipped) SKIPPED=$((SKIPPED + 1));; esac
  SUMMARY+=("$(printf '  %-7s %-8s %4ss  %s' "$1" "$2" "$3" "$4")")
  echo "e2e: [$1] $2${4:+ - $4}"
}
missing() { # name what-is-missing -> skipped, or failed under PERWAL_E2E_REQUIRE=1
  local msg="$2 missing; install with: npm run e2e:setup"
  if [ "$REQUIRE" = 1 ]; then record "$1" failed 0 "$msg (PERWAL_E2E_REQUIRE=1)"; else record "$1" skipped 0 "$msg"; fi
}
fresh_ws() { local d="$RUN_DIR/ws-$1"; rm -rf "$d"; cp -r "$WS_SRC" "$d"; echo "$d"; }
banner() { echo; echo "==== e2e: $* ===="; }

# ---- build the product -----------------------------------------------------------------------------------
BUILD_NOTE=""
if [ "${PERWAL_E2E_NO_BUILD:-0}" != 1 ] && [ "$EXT" = "$ROOT" ]; then
  banner "npm run build"
  if [ ! -d "$ROOT/node_modules" ]; then BUILD_NOTE="node_modules missing: run npm ci"; echo "e2e: $BUILD_NOTE"
  elif ! (cd "$ROOT" && npm run build --silent) > "$RUN_DIR/build.log" 2>&1; then
    tail -25 "$RUN_DIR/build.log"; BUILD_NOTE="npm run build failed"; echo "e2e: $BUILD_NOTE"
  else echo "e2e: build ok"; fi
fi
product_missing() { # prints why the product cannot be tested, or nothing
  local f
  for f in "$@"; do [ -f "$f" ] || { echo "${f#"$ROOT"/} missing${BUILD_NOTE:+ ($BUILD_NOTE)}"; return; }; done
}
have_vscode_tools() { # prints what is missing for the code-server based steps
  local m=""
  [ -x "$NODE24" ] || m="$m Node 24 ($NODE24)"
  [ -x "$CODE_SERVER" ] || m="$m code-server ($CODE_SERVER)"
  [ -f "$PW" ] || m="$m playwright-core ($PW)"
  [ -x "$CHROMIUM" ] || m="$m chromium ($CHROMIUM)"
  echo "${m# }"
}
MAIN=$(cd "$EXT" && node -p "require('./package.json').main || ''" 2>/dev/null)
EXT_MAIN="$EXT/${MAIN#./}"; case "$EXT_MAIN" in *.js) ;; *) EXT_MAIN="$EXT_MAIN.js";; esac

# ---- 1. VS Code extension tests in code-server's extension host ------------------------------------------
if selected vscode; then
  banner "1/4 VS Code extension tests (code-server $("$CODE_SERVER" --config /dev/null --version 2>/dev/null | awk 'NR==1{print $1}'), mocha in the extension host)"
  t=$(date +%s); miss=$(have_vscode_tools); why=$(product_missing "$EXT_MAIN")
  if [ -n "$miss" ]; then missing vscode "$miss"
  elif [ -n "$why" ]; then record vscode failed 0 "$why"
  else
    ws=$(fresh_ws vscode)
    if PERWAL_E2E_CACHE="$CACHE" node "$ROOT/test/e2e/vscode/run-in-code-server.js" --ext "$EXT" --tests "$SUITE" \
         --workspace "$ws" --out "$SHOTS" --data "$RUN_DIR/cs-vscode"; then
      record vscode passed $(( $(date +%s) - t )) "mocha suite green in the extension host"
    else record vscode failed $(( $(date +%s) - t )) "see the test list above; screenshot test/e2e/screenshots/vscode-ext-tests.png"; fi
  fi
fi

# ---- 2. UI test of the packaged .vsix -----------------------------------------------------------------------
package_vsix() { # prints the path of a .vsix of $EXT, or fails
  if [ -n "${PERWAL_E2E_VSIX:-}" ]; then echo "$PERWAL_E2E_VSIX"; return; fi
  local marker="$RUN_DIR/package.marker" out="$RUN_DIR/vsix"; touch "$marker"; mkdir -p "$out"
  if (cd "$EXT" && node -e "process.exit(require('./package.json').scripts?.package ? 0 : 1)"); then
    # vsce from the e2e cache serves as a fallback when the repo has not installed @vscode/vsce (npm puts node_modules/.bin first)
    (cd "$EXT" && PATH="$PATH:$CACHE/tools/node_modules/.bin" npm run package --silent) > "$RUN_DIR/package.log" 2>&1 || { tail -20 "$RUN_DIR/package.log" >&2; return 1; }
    local f; f=$(find "$EXT" -maxdepth 2 -name '*.vsix' -newer "$marker" -not -path '*/node_modules/*' | head -1)
    [ -n "$f" ] || { echo "npm run package produced no new .vsix" >&2; return 1; }
    mv "$f" "$out/" && echo "$out/$(basename "$f")"
  else # no package script: vsce from the e2e cache, dependencies are bundled by esbuild
    local vsce="$CACHE/tools/node_modules/.bin/vsce"
    [ -x "$vsce" ] || { echo "no package script and no vsce in $CACHE/tools (npm run e2e:setup)" >&2; return 1; }
    (cd "$EXT" && "$vsce" package --no-dependencies --allow-missing-repository --skip-license \
        --baseContentUrl https://localhost/ --baseImagesUrl https://localhost/ --out "$out/ext.vsix") \
      > "$RUN_DIR/package.log" 2>&1 || { tail -20 "$RUN_DIR/package.log" >&2; return 1; }
    echo "$out/ext.vsix"
  fi
}
if selected ui; then
  banner "2/4 UI test: packaged .vsix in code-server + headless Chromium"
  t=$(date +%s); miss=$(have_vscode_tools); why=$(product_missing "$EXT_MAIN")
  if [ -n "$miss" ]; then missing ui "$miss"
  elif [ -n "$why" ]; then record ui failed 0 "$why"
  elif ! vsix=$(package_vsix); then record ui failed $(( $(date +%s) - t )) "packaging the .vsix failed"
  else
    echo "e2e: vsix $vsix ($(du -k "$vsix" | cut -f1) KB)"
    ws=$(fresh_ws ui)
    if PERWAL_E2E_CACHE="$CACHE" node "$ROOT/test/e2e/ui/ui-test.js" --vsix "$vsix" --workspace "$ws" --out "$SHOTS"; then
      record ui passed $(( $(date +%s) - t )) "screenshot test/e2e/screenshots/ui-problems.png"
    else record ui failed $(( $(date +%s) - t )) "screenshots in test/e2e/screenshots/"; fi
  fi
fi

# ---- 3./4. Neovim and Emacs against the stdio server ---------------------------------------------------------
run_editor() { # name binary apt-package command...   (expectations: see test/e2e/nvim/lsp-test.lua)
  local name=$1 bin=$2 pkg=$3; shift 3
  local t; t=$(date +%s)
  if ! command -v "$bin" >/dev/null 2>&1; then missing "$name" "$bin (apt-get install $pkg)"; return; fi
  local why; why=$(product_missing "$SERVER"); [ -z "$why" ] || { record "$name" failed 0 "$why"; return; }
  local ws; ws=$(fresh_ws "$name")
  if (
    export PERWAL_NODE; PERWAL_NODE=$(command -v node); export PERWAL_SERVER=$SERVER
    export PERWAL_DIAG_FILE=$ws/bekasi-perwal-121-2021.perwal PERWAL_EXPECT_CODE=duplicate-number PERWAL_EXPECT_SYMBOL='BAB I'
    export PERWAL_DEF_FILE=$ws/kupang-perwal-49-2021.perwal PERWAL_DEF_LINE=60 PERWAL_DEF_NEEDLE='ayat (1)' PERWAL_DEF_TARGET=59
    export OUT_JSON=$SHOTS/$name-result.json
    # editors write state under $HOME / XDG dirs: keep that inside the run dir
    export HOME=$RUN_DIR/home-$name XDG_CACHE_HOME=$RUN_DIR/home-$name/.cache XDG_STATE_HOME=$RUN_DIR/home-$name/.local/state \
           XDG_DATA_HOME=$RUN_DIR/home-$name/.local/share XDG_CONFIG_HOME=$RUN_DIR/home-$name/.config
    mkdir -p "$HOME"
    if [ -n "${PERWAL_E2E_LSP_ENV:-}" ]; then eval "export $PERWAL_E2E_LSP_ENV"; fi
    rm -f "$OUT_JSON"
    exec timeout 120 "$@"
  ); then
    record "$name" passed $(( $(date +%s) - t )) "$(node -p "const r=require('$SHOTS/$name-result.json'); (r.diagnostics||[]).length+' diagnostics, top symbols '+JSON.stringify((r.documentSymbol||[]).slice(0,3))+'..., '+(r.total_ms ?? r.checks?.total_ms)+'ms'" 2>/dev/null)"
  else record "$name" failed $(( $(date +%s) - t )) "$(node -p "require('$SHOTS/$name-result.json').message" 2>/dev/null || echo "no result file")"; fi
}
if selected nvim; then
  banner "3/4 Neovim $(nvim --version 2>/dev/null | awk 'NR==1{print $2}') built-in LSP client"
  run_editor nvim nvim neovim nvim --headless -u NONE -i NONE -n -c "luafile $ROOT/test/e2e/nvim/lsp-test.lua"
fi
if selected emacs; then
  banner "4/4 Emacs $(emacs --version 2>/dev/null | awk 'NR==1{print $3}') + eglot"
  if command -v emacs >/dev/null 2>&1 && ! ls -d /usr/share/emacs/site-lisp/elpa/eglot-* >/dev/null 2>&1 && ! emacs -Q --batch --eval "(require 'eglot)" >/dev/null 2>&1; then
    missing emacs "eglot (apt-get install elpa-eglot)"
  else
    run_editor emacs emacs "emacs-nox elpa-eglot" emacs -Q --batch -l "$ROOT/test/e2e/emacs/eglot-test.el"
  fi
fi

echo
echo "==== e2e summary ($(( $(date +%s) - T0 ))s) ===="
printf '%s\n' "${SUMMARY[@]}"
echo "e2e: $PASSED passed, $FAILED failed, $SKIPPED skipped"
[ "$FAILED" = 0 ]
