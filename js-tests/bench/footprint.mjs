// What the package costs before the first call: the time from `import` to
// the first verified event in a fresh Node (sizes: ../quality/shipped.mjs).
//
// Run as a script (`node footprint.mjs <node.mjs> <body file> <secret>`) it is
// the cold-start child: it reads the body before starting the clock, so the
// figure is the package's own cost: module load, wasm compile + instantiate,
// the constructor and one handleWebhookEvent.

import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";

/** Median (and spread) over `runs` fresh `node` processes. */
export function coldStart(pkgDir, bodyFile, secret, runs) {
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url), `${pkgDir}/node.mjs`, bodyFile, secret], { encoding: "utf8" });
    if (child.status !== 0) throw new Error(`cold-start child failed: ${child.stderr}`);
    samples.push(JSON.parse(child.stdout));
  }
  const stat = (key) => {
    const s = samples.map((x) => x[key]).sort((a, b) => a - b);
    return { median: s[Math.floor(s.length / 2)], min: s[0], max: s[s.length - 1] };
  };
  return { runs, importMs: stat("importMs"), firstEventMs: stat("firstEventMs"), processMs: stat("processMs") };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [entry, bodyFile, secret] = process.argv.slice(2);
  const body = readFileSync(bodyFile);
  const t0 = performance.now();
  const { WasenderWebhook } = await import(pathToFileURL(entry).href);
  const t1 = performance.now();
  const event = new WasenderWebhook({ secret }).handleWebhookEvent(body, secret);
  const t2 = performance.now();
  if (event.event !== "messages.upsert") throw new Error(`cold start: got ${event.event}`);
  // performance.now() counts from this process's start: t2 is the whole
  // cold path, Node's own boot included, reported for context.
  console.log(JSON.stringify({ importMs: t1 - t0, firstEventMs: t2 - t0, processMs: t2 }));
}
