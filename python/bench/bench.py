"""Time wasender_webhook beside the official SDK and a hand-written check.

On the JS benchmark's bodies (js-tests/bench/bodies.mjs, written out by
write_bodies.mjs: the same bytes, their SHA-256 checked), in one process,
the contenders interleaved round by round (order rotated), each timed over a
batch of calls; the report gives each one's median time per delivery and
its ratio to wasender_webhook's.

  wasender_webhook   hook.handle_webhook_event(body, header): limit, constant-time
                     check, parse, envelope and data-shape checks, views
  SDK                wasenderapi's WasenderSyncClient.handle_webhook_event (== on
                     the header, json.loads, a Pydantic model)
  compare+loads      hmac.compare_digest(header, secret) + json.loads(body)
  hmac-sha256 rows   the same for the hmac-sha256 scheme: ours, and
                     hmac.new(...).hexdigest() + compare_digest + json.loads

Usage: python bench.py BODIES_DIR [--quick] [--json OUT]
"""

from __future__ import annotations

import argparse
import hashlib
import hmac
import json
import platform
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from wasenderapi import WasenderSyncClient
from wasenderapi import __version__ as sdk_version

import wasender_webhook as ww


def per_call(fn: Callable[[], Any], n: int) -> float:
    start = time.perf_counter()
    for _ in range(n):
        fn()
    return (time.perf_counter() - start) / n


def calibrate(fn: Callable[[], Any], batch_seconds: float) -> int:
    n = 1
    while True:
        start = time.perf_counter()
        for _ in range(n):
            fn()
        if time.perf_counter() - start >= batch_seconds or n >= 1 << 20:
            return n
        n *= 2


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("bodies", type=Path)
    parser.add_argument("--quick", action="store_true", help="a few short rounds: proves it runs, not a measurement")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    rounds, batch = (3, 0.002) if args.quick else (21, 0.02)

    manifest = json.loads((args.bodies / "manifest.json").read_text())
    secret: str = manifest["secret"]
    key = secret.encode()
    hook = ww.WasenderWebhook(secret=secret, max_body_bytes=ww.MAX_BODY_BYTES_LIMIT)
    hmac_hook = ww.WasenderWebhook(secret=secret, scheme="hmac-sha256", max_body_bytes=ww.MAX_BODY_BYTES_LIMIT)
    sdk = WasenderSyncClient(api_key="bench", webhook_secret=secret)

    results = []
    for facts in manifest["bodies"]:
        body = (args.bodies / facts["file"]).read_bytes()
        assert hashlib.sha256(body).hexdigest() == facts["sha256"], f"{facts['file']}: not the JS benchmark's bytes"
        tag = hmac.new(key, body, hashlib.sha256).hexdigest()

        # Each contender does its whole job, checked once before timing.
        event = hook.handle_webhook_event(body, secret)
        assert event.event == facts["event"] and event.data == json.loads(body)["data"]
        assert hmac_hook.handle_webhook_event(body, tag).event == facts["event"]
        try:
            hook.handle_webhook_event(body, secret[:-1] + "x")
            raise AssertionError("a forged delivery passed")
        except ww.InvalidSignatureError:
            pass
        assert sdk.handle_webhook_event(body, secret) is not None

        def hand() -> Any:
            if not hmac.compare_digest(secret.encode(), key):
                raise ValueError("forged")
            return json.loads(body)

        def hand_hmac() -> Any:
            if not hmac.compare_digest(hmac.new(key, body, hashlib.sha256).hexdigest(), tag):
                raise ValueError("forged")
            return json.loads(body)

        contenders: dict[str, Callable[[], Any]] = {
            "wasender_webhook": lambda: hook.handle_webhook_event(body, secret),
            "SDK": lambda: sdk.handle_webhook_event(body, secret),
            "compare+loads": hand,
            "wasender_webhook hmac-sha256": lambda: hmac_hook.handle_webhook_event(body, tag),
            "hmac+compare+loads": hand_hmac,
        }
        sizes = {name: calibrate(fn, batch) for name, fn in contenders.items()}
        times: dict[str, list[float]] = {name: [] for name in contenders}
        names = list(contenders)
        for r in range(rounds):
            for name in names[r % len(names) :] + names[: r % len(names)]:
                times[name].append(per_call(contenders[name], sizes[name]))
        medians = {name: statistics.median(t) for name, t in times.items()}
        results.append({"family": facts["family"], "label": facts["label"], "bytes": len(body), "us": {k: v * 1e6 for k, v in medians.items()}})

    print(f"Python {platform.python_version()} · wasenderapi {sdk_version} · {rounds} rounds, interleaved · median µs per delivery (ratio to wasender_webhook)\n")
    print("| body | wasender_webhook | SDK handle_webhook_event | compare_digest + json.loads | hmac-sha256: ours | hmac-sha256: hmac + json.loads |")
    print("|---|---:|---:|---:|---:|---:|")
    for row in results:
        us = row["us"]
        ours, ours_hmac = us["wasender_webhook"], us["wasender_webhook hmac-sha256"]
        print(
            f"| {row['family']} {row['label']} | {ours:.1f} | {us['SDK']:.1f} ({us['SDK'] / ours:.1f}×) | "
            f"{us['compare+loads']:.1f} ({us['compare+loads'] / ours:.2f}×) | {ours_hmac:.1f} | "
            f"{us['hmac+compare+loads']:.1f} ({us['hmac+compare+loads'] / ours_hmac:.2f}×) |"
        )
    slower = [r for r in results if r["us"]["SDK"] <= r["us"]["wasender_webhook"]]
    if args.json:
        args.json.write_text(json.dumps({"python": platform.python_version(), "sdk": sdk_version, "rounds": rounds, "results": results}, indent=2))
    if slower and not args.quick:
        sys.exit(f"slower than the SDK at: {[r['family'] + ' ' + r['label'] for r in slower]}")


if __name__ == "__main__":
    main()
