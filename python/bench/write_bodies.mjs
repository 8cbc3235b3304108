// Writes the JS benchmark's bodies (js-tests/bench/bodies.mjs: seeded, so
// the same bytes on every machine) to a folder for the Python benchmark:
// one file per body and manifest.json with each one's family, label and SHA-256.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { makeAllBodies, SECRET } from "../../js-tests/bench/bodies.mjs";

const out = process.argv[2];
if (!out) throw new Error("usage: node write_bodies.mjs <folder>");
mkdirSync(out, { recursive: true });
const manifest = { secret: SECRET, bodies: [] };
for (const body of makeAllBodies()) {
  const file = `${body.family}-${body.target}.json`;
  writeFileSync(join(out, file), body.bytes);
  manifest.bodies.push({ family: body.family, label: body.label, file, ...body.facts });
}
writeFileSync(join(out, "manifest.json"), JSON.stringify(manifest, null, 2));
