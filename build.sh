#!/usr/bin/env bash
# Builds provenance. Usage:
#   ./build.sh          the CLI and the extension (dist/chrome, dist/firefox, zips), then a real check
#                       of the demo article with the bundled list
#   ./build.sh test     every test (unit, integration, property, public-set accuracy), fmt and clippy
#   ./build.sh list     rebuilds lists/default.provlist from the demo story and ../shared/eval originals
#   ./build.sh bench    prints the speed and size figures (README's table)
#   ./build.sh instructions  instructions per byte of fingerprinting (callgrind; steady where timings drift)
#   ./build.sh wasm     the browser engine: dist/pkg/ (wasm-bindgen --target web, wasm-opt -Oz)
#   ./build.sh extension  dist/chrome/, dist/firefox/ and their store packages dist/provenance-*.zip
#   ./build.sh bench-popup  prints the popup's time to a result (bundled and 20,000-original lists)
#   ./build.sh www      the educator page in dist/www/; `./build.sh serve` serves it on 127.0.0.1:8000
set -euo pipefail
cd "$(dirname "$0")"

need_rust() {
    if ! command -v cargo >/dev/null 2>&1; then
        echo "build.sh: cargo not found; install Rust (rustup) first" >&2
        exit 1
    fi
}

# The wasm toolchain: the wasm32 target, the wasm-bindgen CLI matching Cargo.lock exactly (built
# once per machine, ~5 min), and npm's binaryen for wasm-opt (Debian's breaks wasm-bindgen output).
need_wasm() {
    need_rust
    rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown \
        || rustup target add wasm32-unknown-unknown
    local want have
    want=$(awk '/^name = "wasm-bindgen"$/ {getline; gsub(/"/, "", $3); print $3; exit}' Cargo.lock)
    # `|| true`: on a fresh machine there is no wasm-bindgen yet, and pipefail would end the script.
    have=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
    if [ "$want" != "$have" ]; then
        echo "build.sh: installing wasm-bindgen-cli $want (once per machine)" >&2
        cargo install wasm-bindgen-cli --version "$want"
    fi
    [ -d node_modules/puppeteer-core ] && [ -x node_modules/.bin/web-ext ] || npm ci --no-audit --no-fund
}

build_wasm() {
    need_wasm
    cargo build --locked --profile wasm --target wasm32-unknown-unknown --lib
    rm -rf dist/pkg && mkdir -p dist/pkg
    wasm-bindgen --target web --no-typescript --out-dir dist/pkg \
        target/wasm32-unknown-unknown/wasm/provenance.wasm
    node_modules/.bin/wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int \
        dist/pkg/provenance_bg.wasm -o dist/pkg/provenance_bg.wasm
    echo "dist/pkg/provenance_bg.wasm: $(wc -c < dist/pkg/provenance_bg.wasm) bytes, $(gzip -9c dist/pkg/provenance_bg.wasm | wc -c) gzipped"
}

# Debian's Chromium for the browser tests (never a browser a test tool downloads).
need_chromium() {
    command -v "${CHROMIUM:-chromium}" >/dev/null 2>&1 && return
    if [ "$(id -u)" = 0 ]; then
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
    else
        echo "build.sh: the browser tests need Debian's chromium: sudo apt-get install chromium" >&2
        exit 1
    fi
}

# Debian's Firefox ESR for the Firefox end-to-end test (driven by puppeteer-core).
need_firefox() {
    command -v "${FIREFOX:-firefox-esr}" >/dev/null 2>&1 && return
    if [ "$(id -u)" = 0 ]; then
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq firefox-esr >/dev/null
    else
        echo "build.sh: the Firefox test needs Debian's firefox-esr: sudo apt-get install firefox-esr" >&2
        exit 1
    fi
}

# Assembles the unpacked extension for one browser: the sources, the engine, the bundled list and
# Readability (bundled, never fetched).
assemble_extension() {
    local out=$1
    rm -rf "$out" && mkdir -p "$out/pkg" "$out/lists" "$out/lib"
    cp -r extension/. "$out/"
    cp dist/pkg/provenance.js dist/pkg/provenance_bg.wasm "$out/pkg/"
    cp lists/default.provlist "$out/lists/"
    cp node_modules/@mozilla/readability/Readability.js node_modules/@mozilla/readability/LICENSE.md "$out/lib/"
}

build_extension() {
    build_wasm
    assemble_extension dist/chrome
    assemble_extension dist/firefox
    for b in chrome firefox; do
        rm -f "dist/provenance-$b.zip"
        (cd "dist/$b" && python3 -c 'import os, sys, zipfile
z = zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_DEFLATED)
for root, _, files in os.walk("."):
    for f in sorted(files):
        z.write(os.path.join(root, f), os.path.relpath(os.path.join(root, f), "."))' "../provenance-$b.zip")
    done
    echo "dist/chrome, dist/firefox, dist/provenance-chrome.zip ($(wc -c < dist/provenance-chrome.zip) bytes), dist/provenance-firefox.zip"
}

build_www() {
    build_wasm
    rm -rf dist/www && mkdir -p dist/www/pkg dist/www/lists
    cp www/index.html www/app.js www/style.css extension/icons/icon-32.png dist/www/
    cp dist/pkg/provenance.js dist/pkg/provenance_bg.wasm dist/www/pkg/
    cp lists/default.provlist dist/www/lists/
    # The guided example: real published pages, read from ../shared at build time, never committed.
    if [ -f ../shared/eval/seeds/cases.jsonl ]; then
        python3 tools/example.py ../shared dist/www/example.json
    else
        echo null > dist/www/example.json   # the page then says the example was not built in
    fi
    # The service worker caches every built file, under a name that changes with their contents.
    local files version
    files=$(cd dist/www && find . -type f | sed 's|^\./||' | LC_ALL=C sort)
    version=$(cd dist/www && cat $files | sha256sum | cut -c1-16)
    sed -e "s|^const VERSION = .*|const VERSION = '$version';|" \
        -e "s|^const FILES = .*|const FILES = [$(printf "'%s', " $files | sed 's/, $//')];|" www/sw.js > dist/www/sw.js
    echo "dist/www"
}

case "${1:-all}" in
  all)
    need_rust
    cargo build --release --locked
    build_extension
    build_www
    echo "== provenance check examples/demo/article.txt (bundled list)"
    ./target/release/provenance check examples/demo/article.txt
    if [ -d ../shared/seeds ]; then
        echo "== provenance check ../shared/seeds/003_5642dc05dc4bace3.txt"
        ./target/release/provenance check ../shared/seeds/003_5642dc05dc4bace3.txt
    fi
    ;;
  test)
    need_rust
    cargo fmt --check
    cargo clippy --locked --all-targets -- -D warnings
    # Every doc link resolves, private items' too (the engine's documentation is its explanation).
    RUSTDOCFLAGS="-D warnings" cargo doc --locked --no-deps --document-private-items
    cargo test --release --locked
    need_wasm
    cargo clippy --locked --target wasm32-unknown-unknown --lib --test wasm -- -D warnings
    cargo test --locked --target wasm32-unknown-unknown --test wasm
    need_chromium
    need_firefox
    build_extension
    build_www
    node_modules/.bin/web-ext lint --source-dir dist/firefox --self-hosted   # fails on any error
    node --test tests/e2e/
    ;;
  wasm)
    build_wasm
    ;;
  extension)
    build_extension
    ;;
  www)
    build_www
    ;;
  serve)
    build_www
    echo "serving dist/www on http://127.0.0.1:8000/ (Ctrl-C stops)"
    python3 -m http.server 8000 --bind 127.0.0.1 --directory dist/www
    ;;
  bench-popup)
    need_chromium
    cargo build --release --locked
    build_extension
    node tests/e2e/bench-popup.mjs
    ;;
  list)
    need_rust
    cargo build --release --locked
    sets=(seeds seed-story clough-stevenson counter-public wmt19-public)
    inputs=(examples/demo/originals.jsonl)
    for s in "${sets[@]}"; do inputs+=("../shared/eval/$s/originals.jsonl"); done
    ./target/release/provenance build-list "${inputs[@]}" -o lists/default.provlist
    cargo build --release --locked   # the binary embeds the list
    ;;
  bench)
    need_rust
    mkdir -p target
    cargo bench --locked --bench engine | tee target/bench-output.txt
    # The yardstick of the speed target: datasketch's MinHash on the same texts, and the ratio of
    # the two speeds in this run.
    if [ -d ../shared/eval ]; then
      venv=target/bench-venv
      if ! "$venv/bin/python" -c 'import datasketch' 2>/dev/null; then
        python3 -m venv "$venv" && "$venv/bin/pip" install -q datasketch ||
          echo "build.sh: could not install datasketch (python3-venv and PyPI are needed); no baseline figures" >&2
      fi
      if "$venv/bin/python" -c 'import datasketch' 2>/dev/null; then
        "$venv/bin/python" tools/minhash_baseline.py ../shared/eval --against target/bench-output.txt
      fi
    fi
    ;;
  instructions)
    need_rust
    if ! command -v valgrind >/dev/null 2>&1; then
      echo "build.sh: valgrind not found (Debian: apt-get install valgrind)" >&2
      exit 1
    fi
    bin=$(cargo bench --locked --bench engine --no-run --message-format=json 2>/dev/null |
      python3 -c 'import json,sys
for l in sys.stdin:
    m = json.loads(l)
    if m.get("reason") == "compiler-artifact" and m["target"]["name"] == "engine" and m.get("executable"):
        print(m["executable"])')
    # One pass and three passes: half their difference is one pass with every cache warm (stems
    # are computed once per thread and remembered), without the start-up and reading of the pool.
    count() {
      valgrind --tool=callgrind --callgrind-out-file=/dev/null "$bin" --instructions "$@" 2>&1 |
        sed -n 's/.*Collected : *\([0-9]*\).*/\1/p'
    }
    for texts in all latin; do
      bytes=$("$bin" --instructions "$texts" 0)
      one=$(count "$texts" 1)
      three=$(count "$texts" 3)
      echo "fingerprinting, $texts texts ($bytes bytes): $(( (three - one) / 2 / bytes )) instructions per byte"
    done
    ;;
  *)
    echo "usage: ./build.sh [all|test|list|bench|instructions|wasm|extension|www|serve|bench-popup]" >&2
    exit 2
    ;;
esac
