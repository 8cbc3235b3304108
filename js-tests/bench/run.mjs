// The benchmark's entry point (scripts/bench runs it on a private copy of pkg/):
//   node --expose-gc js-tests/bench/run.mjs --pkg <copy of pkg/> [--named-pkg <twin>] [--quick]
// Proves every contender refuses forgeries, times them in interleaved rounds,
// measures size, cold start, memory and (full run) a CPU profile, checks the
// targets, prints the tables. The full run also rewrites results.json, the
// chart and the generated part of BENCHMARKS.md; --quick writes nothing.

import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import { parseArgs } from "node:util";
import { pathToFileURL } from "node:url";
import { FAMILIES, makeAllBodies, SECRET } from "./bodies.mjs";
import { makeContenders } from "./contenders.mjs";
import { measure, prove } from "./harness.mjs";
import { coldStart } from "./footprint.mjs";
import { shippedSizes } from "../quality/shipped.mjs";
import { memory } from "./memory.mjs";
import { profile } from "./profile.mjs";
import { evaluate } from "./targets.mjs";
import { tables, writeReport } from "./report.mjs";
import { writeChart } from "./chart.mjs";

const { values: args } = parseArgs({
  options: { pkg: { type: "string" }, "named-pkg": { type: "string" }, quick: { type: "boolean", default: false } },
});
if (!args.pkg) throw new Error("usage: run.mjs --pkg <dir with node.mjs> [--named-pkg <same, wasm with names>] [--quick]");
if (!globalThis.gc) throw new Error("run with node --expose-gc");

const CONFIG = args.quick
  ? { rounds: 3, sampleMs: 2, warmupMs: 10, coldStartRuns: 3, memoryCalls: 20_000, profileSeconds: 0 }
  : { rounds: 25, sampleMs: 20, warmupMs: 150, coldStartRuns: 21, memoryCalls: 1_000_000, profileSeconds: 3 };
const here = new URL(".", import.meta.url);
const log = (...a) => console.error(...a);
const started = performance.now();

const machine = {
  cpus: os.availableParallelism(),
  cpuModel: /model name\s*:\s*(.*)/.exec(readFileSync("/proc/cpuinfo", "utf8"))?.[1] ?? os.cpus()[0]?.model,
  node: process.version,
  v8: process.versions.v8,
  os: `${os.type()} ${os.release()} ${os.arch()}`,
  memGiB: +(os.totalmem() / 2 ** 30).toFixed(1),
  loadAvgStart: os.loadavg().map((l) => +l.toFixed(2)),
};
const git = (...a) => execFileSync("git", a, { encoding: "utf8", cwd: new URL("../..", here) }).trim();
const source = {
  commit: git("rev-parse", "--short", "HEAD"),
  uncommittedChanges: git("status", "--porcelain", "--", "src", "pkg", "Cargo.toml", "Cargo.lock") !== "",
  version: JSON.parse(readFileSync(`${args.pkg}/package.json`, "utf8")).version,
};

const pkg = await import(pathToFileURL(`${args.pkg}/node.mjs`).href);
const bodies = makeAllBodies(); // both families, every size: timed side by side in the same rounds
const { contenders, split } = await makeContenders(pkg);

// 1. Proofs: a contender that accepts a forgery is not worth timing.
let proofs = 0;
for (const c of contenders) for (const body of bodies) proofs += await prove(c, body);
log(`proofs: ${contenders.length} contenders × ${bodies.length} bodies (${FAMILIES.length} families): genuine accepted with the right data; ${proofs} forgeries refused as signature failures`);

// 2. Timing.
const timings = await measure([...contenders, ...split], bodies, {
  ...CONFIG,
  onRound: (r, n, ms) => log(`round ${r}/${n} (${(ms / 1e3).toFixed(1)} s)`),
});

// 3. Size, cold start, memory, profile: child processes, files on disk.
const tmp = mkdtempSync(`${os.tmpdir()}/bench-bodies-`);
let size, cold, mem;
const prof = [];
try {
  const bodyFile = (id) => {
    const file = `${tmp}/${id.replace(/\W+/g, "_")}.json`;
    writeFileSync(file, bodies.find((b) => b.id === id).bytes);
    return file;
  };
  log("size, cold start, memory…");
  size = shippedSizes(args.pkg);
  // Cold start and memory on the emoji family's messages (the children check for messages.upsert).
  cold = { body: "1.5 KB", ...coldStart(args.pkg, bodyFile("emoji 1.5 KB"), SECRET, CONFIG.coldStartRuns) };
  // The smallest body: the most calls per second, so the most allocator churn per byte.
  mem = { bodyLabel: "0.4 KB", ...memory(args.pkg, bodyFile("emoji 0.4 KB"), SECRET, CONFIG.memoryCalls) };
  if (CONFIG.profileSeconds) {
    for (const label of ["emoji 1.5 KB", "emoji 64 KB", "ascii 4 KB", "ascii 64 KB"]) {
      log(`profile ${label}…`);
      // The shipped build for the split by category; its names-kept twin
      // (scripts/bench makes it) for which functions.
      const shipped = profile(args.pkg, bodyFile(label), SECRET, CONFIG.profileSeconds);
      const named = args["named-pkg"] ? profile(args["named-pkg"], bodyFile(label), SECRET, CONFIG.profileSeconds) : null;
      prof.push({ body: label, ...shipped, top: (named ?? shipped).top, topFrom: named ? "names-kept twin" : "shipped build" });
    }
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}

const results = {
  date: new Date().toISOString(),
  quick: args.quick,
  seconds: 0,
  machine: { ...machine, loadAvgEnd: os.loadavg().map((l) => +l.toFixed(2)) },
  source,
  config: CONFIG,
  baseline: "node-crypto",
  families: FAMILIES.map(({ id, title }) => ({ id, title })),
  bodies: bodies.map((b) => ({ id: b.id, family: b.family, label: b.label, ...b.facts })),
  rows: [...contenders, ...split].map((r) => ({
    id: r.id,
    label: r.label,
    group: r.id.startsWith("split-") ? "split" : "contender",
    scheme: r.scheme ?? null,
    async: !!r.async,
  })),
  timings,
  size,
  coldStart: cold,
  memory: mem,
  profile: prof,
};
results.targets = evaluate(results);
results.seconds = +((performance.now() - started) / 1e3).toFixed(1);

console.log(tables(results));
if (!args.quick) {
  const json = new URL("results.json", here);
  writeFileSync(json, JSON.stringify(results, null, 1) + "\n");
  writeChart(results, new URL("chart.svg", here));
  writeReport(results, new URL("../../BENCHMARKS.md", here));
  log("wrote js-tests/bench/results.json, js-tests/bench/chart.svg, BENCHMARKS.md");
}
log(`bench ${args.quick ? "--quick " : ""}done in ${results.seconds} s`);
