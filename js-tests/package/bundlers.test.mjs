// The package bundled for the browser by esbuild and by Vite, the way an
// app would, then run in headless Chromium: init() finds the wasm and a
// delivery is verified in the browser.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { pageResult, serve } from "./chromium.mjs";

const app = join(process.cwd(), "bundle-app");
const expected = { text: "hi from a bundle 👋", forged: "INVALID_SIGNATURE" };

async function runInChromium(dir) {
  const server = await serve({ routes: { "/": dir } });
  try {
    return await pageResult(`http://127.0.0.1:${server.address().port}/index.html`);
  } finally {
    server.close();
  }
}

test("esbuild bundle verifies a delivery in Chromium", async () => {
  const out = join(process.cwd(), "out-esbuild");
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out);
  execFileSync("esbuild", [join(app, "main.mjs"), "--bundle", "--format=esm", "--platform=browser", `--outfile=${join(out, "main.mjs")}`, "--log-level=warning"]);
  // esbuild leaves `new URL("…wasm", import.meta.url)` alone: the .wasm goes beside the bundle.
  copyFileSync(join("node_modules", "wasender-webhook", "dist", "wasender_webhook_bg.wasm"), join(out, "wasender_webhook_bg.wasm"));
  copyFileSync(join(app, "index.html"), join(out, "index.html"));
  assert.deepEqual(await runInChromium(out), expected);
});

test("Vite build verifies a delivery in Chromium", async () => {
  const out = join(process.cwd(), "out-vite");
  execFileSync("vite", ["build", "--logLevel", "warn", "--outDir", out, "--emptyOutDir"], { cwd: app });
  assert.deepEqual(await runInChromium(out), expected);
});
