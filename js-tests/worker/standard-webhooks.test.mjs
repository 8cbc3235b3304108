// The Standard Webhooks scheme inside workerd: the reference npm library
// `standardwebhooks` signs and the package (fetch adapter) verifies in the
// Worker; the Worker's test kit signs and the reference library verifies;
// and the reference libraries' vector (standard-webhooks/standard-webhooks,
// libraries/javascript/src/webhook.test.ts, "sign function works").
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { startWorker } from "../helpers/wrangler.mjs";
import { bodyOf, deliveries } from "../helpers/deliveries.mjs";

const { Webhook: Reference } = createRequire(import.meta.url)("standardwebhooks");
const SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
const reference = new Reference(SECRET);
let worker;

before(async () => {
  worker = await startWorker({ dir: fileURLToPath(new URL("./fixture-worker/", import.meta.url)) });
});
after(() => worker?.stop());

const post = (path, body, headers = {}) => fetch(new URL(path, worker.url), { method: "POST", body, headers });
const signed = (id, date, body) => ({ "webhook-id": id, "webhook-timestamp": String(Math.floor(date / 1000)), "webhook-signature": reference.sign(id, date, body) });

test("workerd: the reference library signs, the package verifies", async () => {
  for (const event of Object.values(deliveries)) {
    const body = Buffer.from(bodyOf(event));
    const res = await post("/standard-webhooks/verify", body, signed(`msg_${event.event}`, new Date(), body));
    assert.equal(res.status, 200);
    assert.deepEqual(await res.json(), { received: event.event });
  }
  const body = Buffer.from(bodyOf(deliveries.messageUpsert));
  const answers = async (headers, sent = body) => {
    const res = await post("/standard-webhooks/verify", sent, headers);
    return [res.status, (await res.json()).error?.code];
  };
  assert.deepEqual(await answers(signed("msg_1", new Date(), body), Buffer.concat([body, Buffer.from(" ")])), [401, "INVALID_SIGNATURE"]);
  assert.deepEqual(await answers(signed("msg_1", new Date(Date.now() - 3_600_000), body)), [401, "TIMESTAMP_TOO_OLD"]);
  assert.deepEqual(await answers(signed("msg_1", new Date(Date.now() + 3_600_000), body)), [401, "TIMESTAMP_TOO_NEW"]);
  assert.deepEqual(await answers({}), [401, "MISSING_SIGNATURE"]);
});

test("workerd: the package signs, the reference library verifies", async () => {
  const body = Buffer.from(bodyOf(deliveries.messageUpsert));
  const headers = await (await post("/standard-webhooks/sign", body)).json();
  assert.match(headers["webhook-signature"], /^v1,/);
  assert.deepEqual(reference.verify(body, headers), JSON.parse(body.toString()));
  assert.throws(() => reference.verify(Buffer.concat([body, Buffer.from(" ")]), headers));
});

test("workerd: the reference vector", async () => {
  const vector = {
    "webhook-id": "msg_p5jXN8AQM9LWM0D4loKWxJek",
    "webhook-timestamp": "1614265330",
    "webhook-signature": "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
  };
  const at = async (now, headers = vector) => (await post("/standard-webhooks/at", '{"test": 2432232314}', { ...headers, "x-now": String(now) })).json();
  assert.deepEqual(await at(1614265330), { index: 0 });
  assert.deepEqual(await at(1614265330 + 301), { code: "TIMESTAMP_TOO_OLD" });
  assert.deepEqual(await at(1614265330 - 301), { code: "TIMESTAMP_TOO_NEW" });
  assert.deepEqual(await at(1614265330, { ...vector, "webhook-id": "msg_other" }), { code: "INVALID_SIGNATURE" });
});
