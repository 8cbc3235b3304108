// examples/fastify (Fastify 5) with the packed tarball: the webhook as an
// encapsulated plugin whose JSON parser keeps the raw bytes, while a route
// outside it still gets parsed JSON; server.mjs type-checks (strict,
// checkJs) with verifyNodeRequest given a Fastify request.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { SECRET } from "../helpers/deliveries.mjs";
import { EXPECTED, exampleDir, installTarball, packTarball, sendDeliveries } from "../helpers/frameworks.mjs";
import { startServer } from "../helpers/server.mjs";

const dir = exampleDir("fastify");

test("Fastify: an encapsulated plugin gets the raw body, the rest of the app keeps JSON parsing", async (t) => {
  const { tarball, remove } = packTarball();
  try {
    t.diagnostic(`installed wasender-webhook ${installTarball(dir, tarball)} from the tarball`);
  } finally {
    remove();
  }
  execFileSync(join(dir, "node_modules", ".bin", "tsc"), ["-p", dir], { stdio: "inherit" });

  const server = await startServer({
    command: "node",
    args: ["server.mjs"],
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
    assert.equal(JSON.parse(answers.malformed.text).error.code, "INVALID_JSON");

    const order = { id: 7, items: ["olá"] };
    const res = await fetch(new URL("/orders", server.url), { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(order) });
    assert.deepEqual([res.status, await res.json()], [200, { received: order }], "a route outside the plugin lost Fastify's JSON parsing");
  } finally {
    await server.stop();
  }
});
