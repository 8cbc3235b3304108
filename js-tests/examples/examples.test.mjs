// Every example in examples/ starts in its runtime and answers genuine and
// forged deliveries the way a Wasender endpoint should. (The Worker example
// is started once, by ../worker/worker.test.mjs, which checks it further.)
import { test } from "node:test";
import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";
import { startServer } from "../helpers/server.mjs";
import { createTestRequest, sampleEvents } from "../../pkg/testing.mjs";

const SECRET = "example-secret-7d1c";
const dir = (name) => fileURLToPath(new URL(`../../examples/${name}/`, import.meta.url));
const listening = /listening on (http:\/\/\S+)/;
const env = { WASENDER_WEBHOOK_SECRET: SECRET, PORT: "0" };

const examples = {
  "node-http": () => startServer({ command: "node", args: ["server.mjs"], cwd: dir("node-http"), env, ready: listening }),
  express: () => startServer({ command: "node", args: ["server.mjs"], cwd: dir("express"), env, ready: listening }),
  "hono (Bun)": () => startServer({ command: "bun", args: ["app.mjs"], cwd: dir("hono"), env, ready: listening }),
  bun: () => startServer({ command: "bun", args: ["server.mjs"], cwd: dir("bun"), env, ready: listening }),
  deno: () =>
    startServer({ command: "deno", args: ["run", "--allow-net", "--allow-env", "--allow-read", "main.ts"], cwd: dir("deno"), env, ready: listening }),
};

async function post(url, request) {
  const res = await fetch(url, { method: "POST", headers: request.headers, body: await request.arrayBuffer() });
  return [res.status, await res.json()];
}

for (const [name, start] of Object.entries(examples)) {
  test(`example ${name}`, async () => {
    const server = await start();
    try {
      const genuine = createTestRequest(sampleEvents["messages.upsert"], { secret: SECRET });
      const [status, body] = await post(server.url, genuine);
      assert.equal(status, 200, JSON.stringify(body));
      const forged = createTestRequest(sampleEvents["messages.upsert"], { secret: "not-the-secret" });
      const [forgedStatus, forgedBody] = await post(server.url, forged);
      assert.deepEqual([forgedStatus, forgedBody.error.code], [401, "INVALID_SIGNATURE"]);
      const malformed = createTestRequest('{"event":', { secret: SECRET });
      assert.equal((await post(server.url, malformed))[0], 400);
    } finally {
      await server.stop();
    }
  });
}
