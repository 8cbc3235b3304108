// Package quality, as a test: publint and arethetypeswrong pass, no edge
// entry point reaches a Node-only API, and the shipped wasm + JS stays
// within its size budget. Usage: node check-package.mjs <pkg dir> <tarball>
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { shippedSizes } from "./shipped.mjs";

const [pkgDir, tarball] = process.argv.slice(2);
let failed = 0;
const check = (ok, what) => {
  console.log(`${ok ? "ok  " : "FAIL"} ${what}`);
  if (!ok) failed++;
};
const run = (command, args) => {
  try {
    execFileSync(command, args, { stdio: "pipe" });
    return true;
  } catch (error) {
    console.log(String(error.stdout ?? ""), String(error.stderr ?? ""));
    return false;
  }
};

check(run("publint", [pkgDir, "--strict"]), "publint --strict");
// node10 resolution predates "exports" and cannot see subpaths; every
// resolution mode that reads "exports" must be clean.
check(run("attw", ["--profile", "node16", tarball]), "arethetypeswrong (node16 CJS and ESM, bundler)");

// Edge entry points, and every module they import, must not touch Node APIs.
const edgeEntries = ["workerd.mjs", "browser.mjs", "fetch.workerd.mjs", "fetch.browser.mjs", "testing.workerd.mjs", "testing.browser.mjs", "dedupe.mjs"];
const nodeOnly = /\bBuffer\b|from\s*["']node:|require\(["']node:|import\(["']node:|\bprocess\./;
function reachable(file, seen = new Set()) {
  if (seen.has(file)) return seen;
  seen.add(file);
  const text = readFileSync(file, "utf8");
  for (const [, spec] of text.matchAll(/(?:import|export)\s[^"';]*?from\s*["'](\.[^"']+)["']|import\s*["'](\.[^"']+)["']/g)) {
    if (spec && !spec.endsWith(".wasm")) reachable(join(dirname(file), spec), seen);
  }
  for (const [, spec] of text.matchAll(/import\s*["'](\.[^"']+)["']/g)) reachable(join(dirname(file), spec), seen);
  return seen;
}
for (const entry of edgeEntries) {
  const files = [...reachable(join(pkgDir, entry))];
  const offenders = files.filter((f) => nodeOnly.test(readFileSync(f, "utf8")));
  check(offenders.length === 0, `${entry}: ${files.length} modules, no Buffer or node: imports${offenders.length ? ` (found in ${offenders.map((f) => relative(pkgDir, f)).join(", ")})` : ""}`);
}

// Node's loader costs ~1 ms of cold start per module (BENCHMARKS.md), so
// the glue is one self-contained module and the Node entry loads two in all.
const nodeModules = [...reachable(join(pkgDir, "node.mjs"))].map((f) => relative(pkgDir, f));
check(nodeModules.length === 2, `node.mjs loads ${nodeModules.length} modules of the package, the entry and the glue (${nodeModules.join(", ")})`);

// Size: what a Worker or a page downloads (each file gzipped on its own),
// against the 40 KB ceiling (KiB). SIZE_BUDGET_KB overrides it for
// experiments; the tests never set it.
const { files, gzip: gzipped } = shippedSizes(pkgDir);
const shipped = files.map((f) => f.file);
const budget = Number(process.env.SIZE_BUDGET_KB ?? 40);
console.log(`size: wasm + JS glue, gzipped: ${(gzipped / 1024).toFixed(1)} KB (${shipped.join(" + ")})`);
check(gzipped <= budget * 1024, `size within ${budget} KB gzipped`);

console.log(failed ? `package quality: ${failed} check(s) failed` : "package quality: all checks passed");
process.exit(failed ? 1 : 0);
