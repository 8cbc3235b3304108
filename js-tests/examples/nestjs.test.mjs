// examples/nestjs (NestJS 11 on Express, TypeScript strict, compiled by
// tsc) with the packed tarball: NestFactory.create(AppModule, { rawBody:
// true }) keeps req.rawBody for verifyNodeRequest, a filter answers
// WebhookErrors with their status, and another route still gets the parsed
// JSON body. The compiled app is CommonJS, so it runs the package's
// require() entries.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { rmSync } from "node:fs";
import { join } from "node:path";
import { SECRET } from "../helpers/deliveries.mjs";
import { EXPECTED, exampleDir, installTarball, packTarball, sendDeliveries } from "../helpers/frameworks.mjs";
import { startServer } from "../helpers/server.mjs";

const dir = exampleDir("nestjs");

test("NestJS: rawBody: true, a controller and an exception filter", async (t) => {
  const { tarball, remove } = packTarball();
  try {
    t.diagnostic(`installed wasender-webhook ${installTarball(dir, tarball)} from the tarball`);
  } finally {
    remove();
  }
  rmSync(join(dir, "dist"), { recursive: true, force: true });
  execFileSync(join(dir, "node_modules", ".bin", "tsc"), ["-p", dir], { stdio: "inherit" });

  const server = await startServer({
    command: "node",
    args: ["dist/main.js"],
    cwd: dir,
    env: { WASENDER_WEBHOOK_SECRET: SECRET, PORT: "0" },
    ready: /listening on (http:\/\/\S+)/,
  });
  try {
    const { answers, statuses, leaks } = await sendDeliveries(server.url);
    assert.deepEqual(statuses, EXPECTED, `${JSON.stringify(answers.genuine)}\n${server.logs()}`);
    assert.deepEqual(leaks, [], "an answer carried a credential");
    assert.deepEqual(JSON.parse(answers.genuine.text), { ok: true });
    assert.equal(JSON.parse(answers.forged.text).error.code, "INVALID_SIGNATURE");

    const order = { id: 7, items: ["olá"] };
    const res = await fetch(new URL("/orders", server.url), { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(order) });
    assert.deepEqual([res.status, await res.json()], [201, { received: order }], "another route lost Nest's parsed body");
  } finally {
    await server.stop();
  }
});
