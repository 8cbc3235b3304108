// The example Cloudflare Worker, run under workerd by `wrangler dev`,
// answers genuine and forged deliveries as a Wasender endpoint should.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";
import { startWorker } from "../helpers/wrangler.mjs";
import { SECRET, bodyOf, deliveries } from "../helpers/deliveries.mjs";

const dir = fileURLToPath(new URL("../../examples/cloudflare-worker/", import.meta.url));
let worker;

before(async () => {
  worker = await startWorker({ dir, vars: { WASENDER_WEBHOOK_SECRET: SECRET } });
});
after(() => worker?.stop());

const post = (body, signature) =>
  fetch(worker.url, { method: "POST", body, headers: signature === undefined ? {} : { "X-Webhook-Signature": signature } });

test("200 for a genuine delivery", async () => {
  for (const event of Object.values(deliveries)) {
    const res = await post(bodyOf(event), SECRET);
    assert.equal(res.status, 200);
    assert.deepEqual(await res.json(), { received: event.event });
  }
});

test("401 for a forged or unsigned one, with the error code", async () => {
  const forged = await post(bodyOf(deliveries.messageUpsert), "forged");
  assert.equal(forged.status, 401);
  assert.equal((await forged.json()).error.code, "INVALID_SIGNATURE");
  const unsigned = await post(bodyOf(deliveries.messageUpsert));
  assert.equal(unsigned.status, 401);
  assert.equal((await unsigned.json()).error.code, "MISSING_SIGNATURE");
});

test("413 for an oversized body, 400 for malformed ones, 405 for GET", async () => {
  const big = await post(new Uint8Array(2 * 1024 * 1024).fill(0x20), SECRET);
  assert.equal(big.status, 413);
  assert.equal((await big.json()).error.code, "BODY_TOO_LARGE");
  const malformed = await post("{\"event\": \"messages.upsert\", ", SECRET);
  assert.deepEqual([malformed.status, (await malformed.json()).error.code], [400, "INVALID_JSON"]);
  const notEnvelope = await post("[1, 2, 3]", SECRET);
  assert.deepEqual([notEnvelope.status, (await notEnvelope.json()).error.code], [400, "INVALID_PAYLOAD"]);
  const get = await fetch(worker.url);
  assert.equal(get.status, 405);
  await get.body?.cancel();
});

test("the Worker keeps no secret in its answers", async () => {
  const res = await post(bodyOf(deliveries.messageUpsert), "forged");
  const text = await res.text();
  assert.ok(!text.includes(SECRET) && !text.includes("forged"), text);
});
