// Is memory flat over a million calls? Run in a fresh child process so the
// benchmark's own allocations don't blur the picture.
//
// The calls cycle through both schemes and both body types, and one in ten
// is a forgery that must throw: a leak on an error path (a buffer the wasm
// allocated before bailing out) counts as much as one on the happy path.
//
// Measured after a forced GC at each checkpoint:
//   wasmBytes     the wasm instance's linear memory (memory.buffer.byteLength,
//                 from the glue's initSync(), which returns the live instance's
//                 exports). It only ever grows, so any growth after warm-up
//                 means the allocator kept something.
//   rss           the whole process, as the OS sees it.
//   heapUsed      the JS heap (the events handed back and dropped).
//   arrayBuffers  Node's count of ArrayBuffer/Buffer memory; in Node 20 this
//                 does not include wasm memory, hence wasmBytes.

import { spawnSync } from "node:child_process";
import { createHmac } from "node:crypto";
import { readFileSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";

export function memory(pkgDir, bodyFile, secret, calls) {
  const child = spawnSync(process.execPath, ["--expose-gc", fileURLToPath(import.meta.url), pkgDir, bodyFile, secret, String(calls)], {
    encoding: "utf8",
  });
  if (child.status !== 0) throw new Error(`memory child failed: ${child.stderr}`);
  return JSON.parse(child.stdout);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [pkgDir, bodyFile, secret, callsArg] = process.argv.slice(2);
  const calls = Number(callsArg);
  const { WasenderWebhook, WebhookError } = await import(pathToFileURL(`${pkgDir}/node.mjs`).href);
  const { initSync } = await import(pathToFileURL(`${pkgDir}/dist/wasender_webhook.js`).href);
  const wasmMemory = initSync().memory; // already initialised by node.mjs: returns that instance

  const bytes = new Uint8Array(readFileSync(bodyFile));
  const text = new TextDecoder().decode(bytes);
  const mac = createHmac("sha256", secret).update(bytes).digest("hex");
  const plain = new WasenderWebhook({ secret });
  const hmac = new WasenderWebhook({ secret, scheme: "hmac-sha256" });
  const variants = [
    () => plain.handleWebhookEvent(bytes, secret),
    () => plain.handleWebhookEvent(text, secret),
    () => hmac.handleWebhookEvent(bytes, mac),
    () => hmac.handleWebhookEvent(text, mac),
  ];
  const forgeries = [() => plain.handleWebhookEvent(bytes, secret.slice(1) + "x"), () => hmac.handleWebhookEvent(text, mac.replace(/^./, (c) => (c === "a" ? "b" : "a")))];

  let done = 0;
  const step = (n) => {
    for (let i = 0; i < n; i++, done++) {
      if (done % 10 === 9) {
        try {
          forgeries[done % 2]();
        } catch (e) {
          if (e instanceof WebhookError && e.code === "INVALID_SIGNATURE") continue;
          throw e;
        }
        throw new Error("a forgery was accepted");
      }
      if (variants[done % 4]().event !== "messages.upsert") throw new Error("wrong event");
    }
  };
  const snapshot = () => {
    globalThis.gc();
    globalThis.gc();
    const m = process.memoryUsage();
    return { calls: done, rss: m.rss, heapUsed: m.heapUsed, arrayBuffers: m.arrayBuffers, wasmBytes: wasmMemory.buffer.byteLength };
  };

  const start = snapshot(); // after import, before any call
  const warmup = Math.min(10_000, Math.floor(calls / 10));
  step(warmup);
  const warm = snapshot();
  const series = [warm];
  const checkpoints = 10;
  const t0 = performance.now();
  for (let k = 1; k <= checkpoints; k++) {
    step(Math.round((calls * k) / checkpoints) - (done - warmup));
    series.push(snapshot());
  }
  const seconds = (performance.now() - t0) / 1e3;
  console.log(JSON.stringify({ calls, warmupCalls: warmup, bodyBytes: bytes.length, seconds, start, warm, end: series.at(-1), series }));
}
