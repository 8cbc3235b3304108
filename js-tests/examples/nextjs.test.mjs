// examples/nextjs (Next.js 15, App Router, TypeScript strict) with the
// packed tarball: route handlers on the Node and the edge runtime, no
// next.config. `next build` runs without the secret (it evaluates the route
// modules), `next start` gets it; both routes answer every delivery. Then
// the package's installed files are moved away and the same build serves
// again: the wasm travels inside .next/, as a deployment needs.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { renameSync, rmSync } from "node:fs";
import { join } from "node:path";
import { SECRET } from "../helpers/deliveries.mjs";
import { checkWebhook, exampleDir, installPackage } from "../helpers/frameworks.mjs";
import { startServer } from "../helpers/server.mjs";

const dir = exampleDir("nextjs");
const next = join(dir, "node_modules", ".bin", "next");
const routes = ["/api/wasender", "/api/wasender-edge"];
const { WASENDER_WEBHOOK_SECRET: _unset, ...envWithoutSecret } = process.env;

function build() {
  rmSync(join(dir, ".next"), { recursive: true, force: true });
  const run = spawnSync(next, ["build"], { cwd: dir, encoding: "utf8", env: { ...envWithoutSecret, NEXT_TELEMETRY_DISABLED: "1" } });
  const output = `${run.stdout}\n${run.stderr}`;
  assert.equal(run.status, 0, `next build failed:\n${output}`);
  return output;
}

const start = () =>
  startServer({
    command: next,
    args: ["start", "-H", "127.0.0.1", "-p", "0"],
    cwd: dir,
    env: { NEXT_TELEMETRY_DISABLED: "1", WASENDER_WEBHOOK_SECRET: SECRET },
    ready: /Local:\s+(http:\/\/\S+)[\s\S]*Ready in/,
  });

async function checkRoutes(server) {
  for (const route of routes) {
    await checkWebhook(server, new URL(route, server.url), { ok: true, event: "messages.upsert" });
  }
  // No wasm warning (instantiateStreaming, dynamic WebAssembly) and no error logged by the package.
  assert.doesNotMatch(server.logs(), /WebAssembly|instantiateStreaming|wasender-webhook:/, server.logs());
}

test("Next.js: route handlers on Node and edge, next build + next start, no configuration", async (t) => {
  installPackage(t, dir);
  const began = Date.now();
  const output = build();
  t.diagnostic(`next build: ${((Date.now() - began) / 1000).toFixed(1)} s`);
  const warnings = output.split("\n").filter((line) => line.includes("⚠") && /wasm|WebAssembly|wasender/i.test(line));
  assert.deepEqual(warnings, [], "next build warned about the package");

  let server = await start();
  try {
    await checkRoutes(server);
  } finally {
    await server.stop();
  }

  // The built server must not need node_modules/wasender-webhook: a
  // standalone or serverless deployment copies .next/, not the package.
  const installed = join(dir, "node_modules", "wasender-webhook");
  const aside = join(dir, "node_modules", ".wasender-webhook-aside");
  rmSync(aside, { recursive: true, force: true });
  renameSync(installed, aside);
  try {
    server = await start();
    try {
      await checkRoutes(server);
    } finally {
      await server.stop();
    }
  } finally {
    renameSync(aside, installed);
  }
});
