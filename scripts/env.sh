# Sourced by the other scripts: repo root as the working directory, and the
# pinned tools (cargo-installed CLIs, js-tests' npm tools) first on PATH.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export PATH="$ROOT/js-tests/node_modules/.bin:$HOME/.cargo/bin:$PATH"
# wasm-bindgen-test-runner would prefer Firefox if a geckodriver were on PATH.
export CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"
# No telemetry or update checks from wrangler/deno on a machine with no network.
export WRANGLER_SEND_METRICS=false DENO_NO_UPDATE_CHECK=1 DO_NOT_TRACK=1
# Nor a fetch of Request.cf data from Cloudflare by wrangler/miniflare.
export CLOUDFLARE_CF_FETCH_ENABLED=false

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }
