// What the package costs before the first call: the time from `import` to
// the first verified event in a fresh Node (sizes: ../quality/shipped.mjs).
//
// Run as a script (`node footprint.mjs <node.mjs> <body file> <secret>`) it is
// the cold-start child: it reads the body before starting the clock, so the
// figure is the package's own cost: module load, wasm compile + instantiate,
// the constructor and one handleWebhookEvent. `node footprint.mjs --floor
// <wasm> <empty.mjs>` is the child for what bounds that figure: importing an empty ES
// module, and compiling the shipped wasm alone, in a fresh process.

import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
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
  return {
    runs,
    importMs: stat("importMs"),
    firstEventMs: stat("firstEventMs"),
    firstCallMs: stat("firstCallMs"),
    secondCallMs: stat("secondCallMs"),
    processMs: stat("processMs"),
    floor: floors(`${pkgDir}/dist/wasender_webhook_bg.wasm`, runs),
  };
}

/**
 * What no package can go below here: Node's loader for one empty ES module,
 * and V8 compiling this wasm's functions (all of them, as
 * `--no-wasm-lazy-compilation` makes it; by default it compiles each on its
 * first call, which the first handleWebhookEvent pays).
 */
function floors(wasmFile, runs) {
  const dir = mkdtempSync(join(tmpdir(), "wasender-floor-"));
  const empty = join(dir, "empty.mjs");
  writeFileSync(empty, "export default 1;\n");
  const median = (flags, key) => {
    const s = [];
    for (let i = 0; i < runs; i++) {
      const child = spawnSync(process.execPath, [...flags, fileURLToPath(import.meta.url), "--floor", wasmFile, empty], { encoding: "utf8" });
      if (child.status !== 0) throw new Error(`floor child failed: ${child.stderr}`);
      s.push(JSON.parse(child.stdout)[key]);
    }
    return s.sort((a, b) => a - b)[Math.floor(s.length / 2)];
  };
  try {
    return {
      emptyImportMs: median([], "emptyImportMs"),
      compileAllMs: median(["--no-wasm-lazy-compilation"], "compileMs"),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url) && process.argv[2] === "--floor") {
  const bytes = readFileSync(process.argv[3]);
  const t0 = performance.now();
  await import(pathToFileURL(process.argv[4]).href);
  const t1 = performance.now();
  new WebAssembly.Module(bytes);
  const t2 = performance.now();
  console.log(JSON.stringify({ emptyImportMs: t1 - t0, compileMs: t2 - t1 }));
} else if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [entry, bodyFile, secret] = process.argv.slice(2);
  const body = readFileSync(bodyFile);
  const t0 = performance.now();
  const { WasenderWebhook } = await import(pathToFileURL(entry).href);
  const t1 = performance.now();
  const hook = new WasenderWebhook({ secret });
  const event = hook.handleWebhookEvent(body, secret);
  const t2 = performance.now();
  if (event.event !== "messages.upsert") throw new Error(`cold start: got ${event.event}`);
  hook.handleWebhookEvent(body, secret);
  const t3 = performance.now();
  // performance.now() counts from this process's start: t2 is the whole
  // cold path, Node's own boot included, reported for context.
  console.log(
    JSON.stringify({ importMs: t1 - t0, firstEventMs: t2 - t0, firstCallMs: t2 - t1, secondCallMs: t3 - t2, processMs: t2 }),
  );
}
