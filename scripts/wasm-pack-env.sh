# Sourced (after env.sh) before `wasm-pack test`, by scripts/test and by hand:
#   source scripts/env.sh && source scripts/wasm-pack-env.sh
#   wasm-pack test --node --mode no-install wasm --locked
#   wasm-pack test --headless --chrome --chromedriver "$CHROMEDRIVER" --mode no-install wasm --locked
#
# What keeps wasm-pack (0.15.1) off the network; each would otherwise reach
# GitHub or crates.io, which this machine cannot:
# - chromedriver: `--chromedriver "$CHROMEDRIVER"` (Debian's, from
#   `scripts/setup --browser`). Without the flag wasm-pack takes the first
#   `chromedriver` on PATH, and downloads one from Google when there is none.
#   (wasm-pack never reads CHROMEDRIVER itself; it sets it for the runner.)
# - wasm-bindgen-test-runner: wasm-pack uses the one beside the `wasm-bindgen`
#   on PATH only when that reports Cargo.lock's version (scripts/setup installs
#   it); otherwise it downloads a release from GitHub, then runs `cargo
#   install` unpinned. `--mode no-install` turns both into an error, and also
#   skips its own `rustup target add` check (scripts/setup did that).
# - The update check: every run asks crates.io's API for the newest wasm-pack,
#   at most once a day, remembering when in `<its binary>.stamp`; offline it
#   fails (a DNS lookup, then "failed to get wasm-pack version"). No variable
#   turns it off, so mark it done now, with the pinned version as the newest.
# Chromium itself still looks up a few Google hosts in the background (it
# does the same without wasm-pack); offline those fail and change nothing.

WASM_PACK_VERSION=0.15.1 # scripts/setup installs this one

export CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"

# Not for the network: headroom on a loaded machine. The runner's defaults are
# 20 s for the tests and 5 s for chromedriver to answer.
export WASM_BINDGEN_TEST_TIMEOUT="${WASM_BINDGEN_TEST_TIMEOUT:-60}"
export WASM_BINDGEN_TEST_DRIVER_TIMEOUT="${WASM_BINDGEN_TEST_DRIVER_TIMEOUT:-20}"

if wasm_pack_bin=$(command -v wasm-pack); then
  # Where wasm-pack looks (its resolved path + `.stamp`), in the format it
  # writes: `created <RFC 3339 time>`, `version <newest>`.
  # An install dir we cannot write to only means the check may run (and fail).
  printf 'created %s\nversion %s' "$(date -u +%Y-%m-%dT%H:%M:%S.%N+00:00)" "$WASM_PACK_VERSION" \
    2>/dev/null > "$(readlink -f "$wasm_pack_bin").stamp" || true
fi
unset wasm_pack_bin
