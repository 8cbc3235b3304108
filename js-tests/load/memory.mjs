// Is memory flat over millions of calls? Two runs, each in a fresh child
// process (so one cannot blur the other), on the package under test:
//
//   hook      one `new WasenderWebhook({ secret })`, 2,000,000 calls of
//             hook.handleWebhookEvent with genuine (bytes and string, three
//             event shapes), forged and malformed deliveries, 2:1:1
//   one-shot  handleWebhookEvent(body, signature, { secret }) with a fresh
//             options object every call, 1,000,000 calls, the same mix
//   new-hook  `new WasenderWebhook({ secret })` every call, never freed (what
//             the adapters' per-options cache saves users from), 1,000,000
//             calls, the same mix: the wasm side of each hook lives until its
//             FinalizationRegistry callback runs, so this shows how high
//             memory climbs before the finalizers keep up
//
// Every answer is checked (genuine: the event; forged: INVALID_SIGNATURE;
// malformed: INVALID_JSON); a wrong one fails the run. The calls go in
// chunks of 1,000 with a turn of the event loop between them, as a server's
// requests would, so FinalizationRegistry callbacks can run. After warm-up
// (a tenth of the calls) and at 10 checkpoints, after two forced GCs and a
// turn of the event loop, it samples:
//   wasm       the instance's linear memory (memory.buffer.byteLength, from
//              the glue's initSync(), which hands back the instance's
//              exports; checked at every sample to be the live instance, by
//              finding in it a marker that a delivery just carried in). It
//              only ever grows: growth after warm-up means the allocator kept
//              something.
//   externrefs the wasm's table of JS references (its length only grows too)
//   rss, heapUsed, arrayBuffers  from process.memoryUsage()
//
//   node js-tests/load/memory.mjs --pkg <unpacked package> [--quick]
// (quick: 200,000, 100,000 and 100,000 calls). Exit 1 on a wrong answer; memory is
// reported, with a verdict, never judged by the exit code.

import { spawnSync } from "node:child_process";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { setImmediate as turn } from "node:timers/promises";
import { FORGED_SIGNATURE, MALFORMED_TEXT, SECRET, bodyOf } from "./mix.mjs";
import { deliveries } from "../helpers/deliveries.mjs";

const here = fileURLToPath(import.meta.url);
const MiB = 2 ** 20;

async function child(pkgDir, mode, calls) {
  const { WasenderWebhook, WebhookError, handleWebhookEvent } = await import(pathToFileURL(`${pkgDir}/node.mjs`).href);
  let exports = null;
  try {
    const { initSync } = await import(pathToFileURL(`${pkgDir}/dist/wasender_webhook.js`).href);
    exports = initSync(); // already initialised by node.mjs: returns that instance's exports
  } catch {}
  const wasmMemory = exports?.memory instanceof WebAssembly.Memory ? exports.memory : null;
  const table = exports?.__wbindgen_externrefs instanceof WebAssembly.Table ? exports.__wbindgen_externrefs : null;

  const genuine = Object.values(deliveries).map((event) => ({ bytes: bodyOf(event), text: JSON.stringify(event), name: event.event }));
  const malformed = new TextEncoder().encode(MALFORMED_TEXT);
  const hook = new WasenderWebhook({ secret: SECRET });
  const handle = {
    hook: (body, sig) => hook.handleWebhookEvent(body, sig),
    "one-shot": (body, sig) => handleWebhookEvent(body, sig, { secret: SECRET }),
    "new-hook": (body, sig) => new WasenderWebhook({ secret: SECRET }).handleWebhookEvent(body, sig),
  }[mode];

  let done = 0;
  let wrong = 0;
  const expectError = (fn, code) => {
    try {
      fn();
    } catch (e) {
      if (e instanceof WebhookError && e.code === code) return;
      wrong++;
      return;
    }
    wrong++;
  };
  const one = () => {
    const g = genuine[(done >> 2) % genuine.length];
    switch (done & 3) {
      case 0:
        if (handle(g.bytes, SECRET).event !== g.name) wrong++;
        break;
      case 1:
        expectError(() => handle(g.bytes, FORGED_SIGNATURE), "INVALID_SIGNATURE");
        break;
      case 2:
        if (handle(g.text, SECRET).event !== g.name) wrong++;
        break;
      case 3:
        expectError(() => handle(malformed, SECRET), "INVALID_JSON");
        break;
    }
    done++;
  };
  const step = async (n) => {
    for (let end = done + n; done < end; ) {
      const chunkEnd = Math.min(end, done + 1000);
      while (done < chunkEnd) one();
      await turn();
    }
  };
  // Is the memory sampled the live instance's? The package may renew its
  // instance, and the glue's initSync() hands back the first one. A genuine
  // delivery carrying a fresh marker goes through the hook (its bytes are
  // copied into the wasm and freed, not zeroed); the marker must then be
  // found in the memory sampled.
  let markers = 0;
  const live = () => {
    if (!wasmMemory) return null;
    const marker = `memory-marker-${process.pid}-${++markers}-${Math.random().toString(36).slice(2)}`;
    const event = structuredClone(deliveries.messageUpsert);
    event.data.messages.messageBody = marker;
    hook.handleWebhookEvent(bodyOf(event), SECRET);
    return Buffer.from(wasmMemory.buffer).indexOf(marker) !== -1;
  };
  const snapshot = async () => {
    const isLive = live();
    globalThis.gc();
    await turn();
    globalThis.gc();
    const m = process.memoryUsage();
    return {
      live: isLive,
      calls: done,
      rss: m.rss,
      heapUsed: m.heapUsed,
      arrayBuffers: m.arrayBuffers,
      wasm: wasmMemory?.buffer.byteLength ?? null,
      externrefs: table?.length ?? null,
    };
  };

  const start = await snapshot();
  const warmup = Math.floor(calls / 10);
  const t0 = performance.now();
  await step(warmup);
  const series = [await snapshot()];
  const checkpoints = 10;
  for (let k = 1; k <= checkpoints; k++) {
    await step(warmup + Math.round(((calls - warmup) * k) / checkpoints) - done);
    series.push(await snapshot());
  }
  const seconds = (performance.now() - t0) / 1e3;
  return { mode, calls: done, wrong, seconds, start, series };
}

/** Run one mode in a fresh process. */
function run(pkgDir, mode, calls) {
  const out = spawnSync(process.execPath, ["--expose-gc", here, "--child", mode, "--pkg", pkgDir, "--calls", String(calls)], {
    encoding: "utf8",
    timeout: 15 * 60_000,
    maxBuffer: 16 * MiB,
  });
  if (out.status !== 0) throw new Error(`memory child (${mode}) failed: ${out.error?.message ?? ""}\n${out.stderr}`);
  return JSON.parse(out.stdout);
}

const mib = (bytes) => (bytes === null ? "n/a" : (bytes / MiB).toFixed(1));
const signed = (bytes) => (bytes === null ? "n/a" : `${bytes >= 0 ? "+" : ""}${(bytes / MiB).toFixed(2)}`);

function report(r) {
  const warm = r.series[0];
  const end = r.series.at(-1);
  const title = {
    hook: "one hook, hook.handleWebhookEvent",
    "one-shot": "one-shot handleWebhookEvent(body, sig, { secret }) with a fresh options object",
    "new-hook": "new WasenderWebhook({ secret }).handleWebhookEvent(…) every call, never freed",
  }[r.mode] + ` × ${r.calls.toLocaleString("en")}`;
  console.log(`\n${title} (genuine:forged:malformed 2:1:1, ${r.seconds.toFixed(1)} s, ${((r.seconds / r.calls) * 1e6).toFixed(2)} µs a call, ${r.wrong} wrong answers)\n`);
  console.log(`| after calls | rss MiB | heapUsed MiB | arrayBuffers MiB | wasm memory MiB | externref table |`);
  console.log(`|------------:|--------:|-------------:|-----------------:|----------------:|----------------:|`);
  for (const s of [r.start, ...r.series]) {
    console.log(
      `| ${String(s.calls).padStart(11)} | ${mib(s.rss).padStart(7)} | ${mib(s.heapUsed).padStart(12)} | ${mib(s.arrayBuffers).padStart(16)} | ` +
        `${mib(s.wasm).padStart(15)} | ${String(s.externrefs ?? "n/a").padStart(15)} |`,
    );
  }
  const notLive = [r.start, ...r.series].filter((s) => s.live === false).length;
  if (notLive) console.log(`\nwarning: at ${notLive} of ${r.series.length + 1} samples the wasm memory read was not the live instance's (renewed?): its column says nothing there`);
  const wasmGrowth = end.wasm === null ? null : end.wasm - warm.wasm;
  const rssGrowth = end.rss - warm.rss;
  // RSS moves by a few MiB with GC timing; a leak of even 100 bytes a call
  // would be ~180 MiB here.
  const flat = (wasmGrowth === null || wasmGrowth === 0) && rssGrowth < 16 * MiB && end.externrefs === warm.externrefs;
  console.log(
    `\nafter warm-up (${warm.calls} calls) to the end: wasm ${signed(wasmGrowth)} MiB, rss ${signed(rssGrowth)} MiB, ` +
      `heapUsed ${signed(end.heapUsed - warm.heapUsed)} MiB, externref table ${end.externrefs === null ? "n/a" : end.externrefs - warm.externrefs}: ` +
      `${flat ? "flat" : "NOT flat"}; from the start: wasm ${signed(end.wasm === null ? null : end.wasm - r.start.wasm)} MiB, rss ${signed(end.rss - r.start.rss)} MiB`,
  );
  return flat;
}

const { values: args } = parseArgs({
  options: {
    pkg: { type: "string" },
    quick: { type: "boolean", default: false },
    child: { type: "string" },
    calls: { type: "string" },
  },
});
if (!args.pkg) throw new Error("usage: memory.mjs --pkg <unpacked package> [--quick]");

if (args.child) {
  if (!globalThis.gc) throw new Error("the child needs --expose-gc");
  process.stdout.write(JSON.stringify(await child(args.pkg, args.child, Number(args.calls))));
} else {
  const hookCalls = args.quick ? 200_000 : 2_000_000;
  const oneShotCalls = args.quick ? 100_000 : 1_000_000;
  let wrong = 0;
  for (const [mode, calls] of [
    ["hook", hookCalls],
    ["one-shot", oneShotCalls],
    ["new-hook", oneShotCalls],
  ]) {
    const r = run(args.pkg, mode, calls);
    report(r);
    wrong += r.wrong;
  }
  if (wrong) console.log(`\nmemory: FAILED: ${wrong} wrong answers`);
  process.exitCode = wrong ? 1 : 0;
}
