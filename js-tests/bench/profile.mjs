// Where the package's time goes, from a V8 CPU profile (node --cpu-prof) of
// the main case (wasender scheme, Uint8Array body) in a child process.
//
// Self time is grouped by where the code lives: the wasm module (the
// verification, the Rust JSON parser and the JSON writer; names are
// stripped from the shipped wasm, so only indices), the wasm-bindgen glue
// with our wasm/js modules bundled in (V8 bills a builtin such as JSON.parse or TextDecoder to the JS function
// that calls it, so the glue line that calls JSON.parse carries the cost of
// re-parsing the event the wasm wrote), Node's TextEncoder/Decoder, the GC.

import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { fileURLToPath, pathToFileURL } from "node:url";

export function profile(pkgDir, bodyFile, secret, seconds) {
  const dir = mkdtempSync(`${tmpdir()}/bench-prof-`);
  try {
    const child = spawnSync(process.execPath, ["--cpu-prof", "--cpu-prof-dir", dir, fileURLToPath(import.meta.url), pkgDir, bodyFile, secret, String(seconds)], {
      encoding: "utf8",
    });
    if (child.status !== 0) throw new Error(`profile child failed: ${child.stderr}`);
    const calls = JSON.parse(child.stdout).calls;
    const prof = JSON.parse(readFileSync(`${dir}/${readdirSync(dir)[0]}`, "utf8"));
    return { calls, ...summarise(prof, pkgDir) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// `<alloc[3ca5…]::string::String>::push`, `…::write_str::h53e3…` → the readable path.
const rustName = (name) => name.replace(/\[[0-9a-f]{16}\]/g, "").replace(/::h[0-9a-f]{16}$/, "");

function summarise(prof, pkgDir) {
  const nodes = new Map(prof.nodes.map((n) => [n.id, n]));
  const self = new Map();
  prof.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (prof.timeDeltas[i] ?? 0)));
  const glue = readFileSync(`${pkgDir}/dist/wasender_webhook.js`, "utf8").split("\n");
  const categories = {};
  const functions = {};
  let total = 0;
  for (const [id, us] of self) {
    const { functionName, url, lineNumber, columnNumber } = nodes.get(id).callFrame;
    let category, name;
    if (url.startsWith("wasm://")) [category, name] = ["wasm", rustName(functionName)];
    else if (url.endsWith("/dist/wasender_webhook.js")) {
      // Glue functions are minified or anonymous import shims: name them by
      // the start of their code (the glue is one minified line).
      const code = glue.slice(lineNumber, lineNumber + 3).join(" ").slice(columnNumber).replace(/\s+/g, " ").replace(/_[0-9a-f]{16}\b/g, "").trim().slice(0, 110);
      [category, name] = ["glue (wasm-bindgen JS and wasm/js)", `${functionName || "(anonymous)"}: ${code}`];
    } else if (url.startsWith("node:internal/encoding")) [category, name] = ["TextEncoder/TextDecoder", functionName];
    else if (functionName === "(garbage collector)") [category, name] = ["garbage collector", functionName];
    else if (functionName === "(idle)" || functionName === "(program)") [category, name] = ["idle/program", functionName];
    else [category, name] = ["other JS", `${functionName || "(anonymous)"} ${url.split("/").pop()}`];
    categories[category] = (categories[category] ?? 0) + us;
    functions[`${category}|${name}`] = (functions[`${category}|${name}`] ?? 0) + us;
    total += us;
  }
  const pct = (us) => +((100 * us) / total).toFixed(1);
  return {
    totalMs: +(total / 1e3).toFixed(0),
    categories: Object.entries(categories)
      .sort((a, b) => b[1] - a[1])
      .map(([category, us]) => ({ category, pct: pct(us) })),
    top: Object.entries(functions)
      .sort((a, b) => b[1] - a[1])
      .slice(0, Number(process.env.PROFILE_TOP ?? 12))
      .map(([key, us]) => ({ category: key.split("|")[0], function: key.slice(key.indexOf("|") + 1), pct: pct(us) })),
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [pkgDir, bodyFile, secret, seconds] = process.argv.slice(2);
  const { WasenderWebhook } = await import(pathToFileURL(`${pkgDir}/node.mjs`).href);
  const hook = new WasenderWebhook({ secret });
  const bytes = new Uint8Array(readFileSync(bodyFile));
  let calls = 0;
  const end = performance.now() + Number(seconds) * 1e3;
  while (performance.now() < end) {
    hook.handleWebhookEvent(bytes, secret);
    calls++;
  }
  console.log(JSON.stringify({ calls }));
}
