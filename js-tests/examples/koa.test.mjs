// examples/koa (Koa 3, @koa/router) with the packed tarball, twice: with no
// body parser (the adapter reads ctx.request's stream) and with
// koa-bodyparser ahead of every route (the stream is spent; the adapter
// verifies the parser's ctx.request.rawBody, and other routes still get the
// parsed body). Both files type-check (strict, checkJs) against @types/koa.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { SECRET } from "../helpers/deliveries.mjs";
import { EXPECTED, exampleDir, installTarball, packTarball, sendDeliveries } from "../helpers/frameworks.mjs";
import { startServer } from "../helpers/server.mjs";

const dir = exampleDir("koa");

const start = (file) =>
  startServer({ command: "node", args: [file], cwd: dir, env: { WASENDER_WEBHOOK_SECRET: SECRET, PORT: "0" }, ready: /listening on (http:\/\/\S+)/ });

async function checkWebhook(server) {
  const { answers, statuses, leaks } = await sendDeliveries(server.url);
  assert.deepEqual(statuses, EXPECTED, `${JSON.stringify(answers.genuine)}\n${server.logs()}`);
  assert.deepEqual(leaks, [], "an answer carried a credential");
  assert.deepEqual(JSON.parse(answers.genuine.text), { ok: true });
  assert.equal(JSON.parse(answers.forged.text).error.code, "INVALID_SIGNATURE");
  return answers;
}

test("Koa", async (t) => {
  const { tarball, remove } = packTarball();
  try {
    t.diagnostic(`installed wasender-webhook ${installTarball(dir, tarball)} from the tarball`);
  } finally {
    remove();
  }
  execFileSync(join(dir, "node_modules", ".bin", "tsc"), ["-p", dir], { stdio: "inherit" });

  await t.test("without a body parser: the adapter reads the stream", async () => {
    const server = await start("server.mjs");
    try {
      const answers = await checkWebhook(server);
      assert.equal(JSON.parse(answers.oversized.text).error.code, "BODY_TOO_LARGE");
      assert.equal(JSON.parse(answers.malformed.text).error.code, "INVALID_JSON");
    } finally {
      await server.stop();
    }
  });

  await t.test("with koa-bodyparser ahead: the adapter verifies its rawBody", async () => {
    const server = await start("with-bodyparser.mjs");
    try {
      // The parser answers the oversized (413) and malformed (400) ones itself.
      await checkWebhook(server);
      const order = { id: 7, items: ["olá"] };
      const res = await fetch(new URL("/orders", server.url), { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(order) });
      assert.deepEqual([res.status, await res.json()], [200, { received: order }]);
    } finally {
      await server.stop();
    }
  });
});
