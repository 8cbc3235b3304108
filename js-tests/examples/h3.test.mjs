// examples/h3 (h3 1.x, the server under Nuxt and Nitro) with the packed
// tarball: a server route written as in a Nuxt app, served through h3's
// node listener, with another route that parses JSON as usual.
import { test } from "node:test";
import assert from "node:assert/strict";
import { SECRET } from "../helpers/deliveries.mjs";
import { EXPECTED, exampleDir, installTarball, packTarball, sendDeliveries } from "../helpers/frameworks.mjs";
import { startServer } from "../helpers/server.mjs";

const dir = exampleDir("h3");

test("h3: a Nuxt-style server route behind toNodeListener", async (t) => {
  const { tarball, remove } = packTarball();
  try {
    t.diagnostic(`installed wasender-webhook ${installTarball(dir, tarball)} from the tarball`);
  } finally {
    remove();
  }
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
    assert.equal(JSON.parse(answers.streamedOversized.text).error.code, "BODY_TOO_LARGE");

    const order = { id: 7, items: ["olá"] };
    const res = await fetch(new URL("/api/orders", server.url), { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(order) });
    assert.deepEqual([res.status, await res.json()], [200, { received: order }]);
  } finally {
    await server.stop();
  }
});
