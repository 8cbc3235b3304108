// Two builds of the package side by side in one process: is B faster or
// slower than A, per body? For changes that should not move the speed (a
// refactor, a crate split), where scripts/bench compares the package with
// its contenders instead. scripts/bench-ab builds both; by hand:
//   node --expose-gc js-tests/bench/ab.mjs <pkg dir A> <pkg dir B> [--rounds N]
// Each row is `handleWebhookEvent(bytes, signature)` on a hook made once,
// the package's main path; rounds interleave A and B (harness.mjs).

import { pathToFileURL } from "node:url";
import { join, resolve } from "node:path";
import { makeAllBodies, SECRET } from "./bodies.mjs";
import { measure } from "./harness.mjs";

const [a, b, ...rest] = process.argv.slice(2);
if (!a || !b) throw new Error("usage: ab.mjs <pkg dir A> <pkg dir B> [--rounds N]");
const rounds = Number(rest[rest.indexOf("--rounds") + 1] || 15);

async function row(id, dir) {
  const { WasenderWebhook } = await import(pathToFileURL(join(resolve(dir), "node.mjs")).href);
  const hook = new WasenderWebhook({ secret: SECRET });
  return {
    id,
    sign: () => SECRET,
    input: (bytes, signature) => [bytes, signature],
    run: ([bytes, signature]) => hook.handleWebhookEvent(bytes, signature),
  };
}

const rows = [await row("A", a), await row("B", b)];
const bodies = makeAllBodies();
for (const body of bodies) {
  // Both must agree before either is timed.
  const [x, y] = rows.map((r) => JSON.stringify(r.run(r.input(body.bytes, SECRET))));
  if (x !== y) throw new Error(`A and B disagree on ${body.id}`);
}
const out = await measure(rows, bodies, { rounds, sampleMs: 20, warmupMs: 60 });
console.log(`| body | A (µs) | B (µs) | B / A |\n|---|---:|---:|---:|`);
const ratios = [];
for (const body of bodies) {
  const [ta, tb] = ["A", "B"].map((id) => out[id][body.id].median * 1e6);
  ratios.push(tb / ta);
  console.log(`| ${body.id} | ${ta.toFixed(2)} | ${tb.toFixed(2)} | ${(tb / ta).toFixed(3)} |`);
}
const geomean = Math.exp(ratios.reduce((s, r) => s + Math.log(r), 0) / ratios.length);
console.log(`geometric mean B / A: ${geomean.toFixed(3)} over ${bodies.length} bodies, ${rounds} interleaved rounds`);
