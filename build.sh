#!/usr/bin/env bash
# Builds provenance. Usage:
#   ./build.sh          release build of the CLI, then a real check of the demo article with the bundled list
#   ./build.sh test     every test (unit, integration, property, public-set accuracy), fmt and clippy
#   ./build.sh list     rebuilds lists/default.provlist from the demo story and ../shared/eval originals
#   ./build.sh bench    prints the speed and size figures (README's table)
set -euo pipefail
cd "$(dirname "$0")"

need_rust() {
    if ! command -v cargo >/dev/null 2>&1; then
        echo "build.sh: cargo not found; install Rust (rustup) first" >&2
        exit 1
    fi
}

case "${1:-all}" in
  all)
    need_rust
    cargo build --release --locked
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
    cargo test --release --locked
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
    cargo bench --locked --bench engine
    ;;
  *)
    echo "usage: ./build.sh [all|test|list|bench]" >&2
    exit 2
    ;;
esac
