// The Standard Webhooks scheme through the installed package: the reference
// libraries' vectors, round trips with the reference npm library
// `standardwebhooks` in both directions, the tolerance and clock options,
// header lookup, and the adapters and test kit.
import assert from "node:assert/strict";
import { test } from "node:test";
import { createRequire } from "node:module";
import { WasenderWebhook, WebhookError, handleWebhookEvent } from "wasender-webhook";
import { verifyRequest, webhookHandler } from "wasender-webhook/fetch";
import { verifyNodeRequest } from "wasender-webhook/node";
import { createNodeRequest, createTestRequest, sampleEvents, signWebhook } from "wasender-webhook/testing";

// The reference library (CommonJS), resolved from js-tests/node_modules.
const { Webhook: Reference } = createRequire(import.meta.url)("standardwebhooks");

const scheme = "standard-webhooks";
const SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
const delivery = JSON.stringify(sampleEvents["messages.upsert"] ?? Object.values(sampleEvents)[0]);
const nowSeconds = () => Math.floor(Date.now() / 1000);

function rejects(fn, code, status = 401) {
  assert.throws(fn, (error) => {
    assert.ok(error instanceof WebhookError, `${error}`);
    assert.equal(error.code, code, error.message);
    assert.equal(error.status, status);
    return true;
  });
}

// The signing vector and the cases of the reference libraries' own tests:
// standard-webhooks/standard-webhooks, libraries/javascript/src/webhook.test.ts
// ("sign function works", "multi sig payload is valid", "partial signature
// throws error", "invalid timestamp throws error", "old/new timestamp fails").
const VECTOR = {
  id: "msg_p5jXN8AQM9LWM0D4loKWxJek",
  timestamp: 1614265330,
  body: '{"test": 2432232314}',
  signature: "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
};
const vectorHeaders = (signature = VECTOR.signature, timestamp = String(VECTOR.timestamp)) => ({
  "webhook-id": VECTOR.id,
  "webhook-timestamp": timestamp,
  "webhook-signature": signature,
});

test("standard-webhooks: the reference libraries' vector and cases", () => {
  const at = (seconds) => new WasenderWebhook({ secret: SECRET, scheme, now: () => seconds * 1000 });
  const hook = at(VECTOR.timestamp);
  assert.equal(hook.scheme, scheme);
  assert.equal(hook.verify(VECTOR.body, vectorHeaders()), 0);
  assert.equal(hook.verify(new TextEncoder().encode(VECTOR.body), vectorHeaders()), 0);
  // The reference library agrees on the vector (its own sign()).
  assert.equal(new Reference(SECRET).sign(VECTOR.id, new Date(VECTOR.timestamp * 1000), VECTOR.body), VECTOR.signature);
  const wrong = "v1,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc=";
  const v2 = "v2,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc=";
  assert.equal(hook.verify(VECTOR.body, vectorHeaders([wrong, v2, VECTOR.signature, wrong].join(" "))), 0);
  for (const bad of [wrong, v2, "v1,dawfeoifkpqwoekfpqoekf", VECTOR.signature.slice(0, 8), "v1,"]) {
    rejects(() => hook.verify(VECTOR.body, vectorHeaders(bad)), "INVALID_SIGNATURE");
  }
  rejects(() => hook.verify(VECTOR.body, vectorHeaders(undefined, "hello")), "INVALID_SIGNATURE");
  rejects(() => at(VECTOR.timestamp + 301).verify(VECTOR.body, vectorHeaders()), "TIMESTAMP_TOO_OLD");
  rejects(() => at(VECTOR.timestamp - 301).verify(VECTOR.body, vectorHeaders()), "TIMESTAMP_TOO_NEW");
  for (const name of ["webhook-id", "webhook-timestamp", "webhook-signature"]) {
    const headers = vectorHeaders();
    delete headers[name];
    assert.throws(() => hook.verify(VECTOR.body, headers), (e) => e.code === "MISSING_SIGNATURE" && e.message.includes(name));
  }
  // Deliberately unlike the reference: a key without whsec_ is its own bytes, not base64.
  rejects(() => new WasenderWebhook({ secret: SECRET.slice(6), scheme, now: () => VECTOR.timestamp * 1000 }).verify(VECTOR.body, vectorHeaders()), "INVALID_SIGNATURE");
});

test("standard-webhooks: the reference library signs, the package verifies", () => {
  const reference = new Reference(SECRET);
  const hook = new WasenderWebhook({ secret: SECRET, scheme });
  for (const id of ["msg_2b", "evt.with.dots", "x"]) {
    const timestamp = new Date();
    const headers = { "webhook-id": id, "webhook-timestamp": String(Math.floor(timestamp / 1000)), "webhook-signature": reference.sign(id, timestamp, delivery) };
    const event = hook.handleWebhookEvent(delivery, headers);
    assert.equal(event.receivedEvent, JSON.parse(delivery).event);
    assert.deepEqual(hook.handleWebhookEvent(new TextEncoder().encode(delivery), new Headers(headers)), event);
    // Tampering with any signed part fails.
    rejects(() => hook.verify(delivery + " ", headers), "INVALID_SIGNATURE");
    rejects(() => hook.verify(delivery, { ...headers, "webhook-id": `${id}x` }), "INVALID_SIGNATURE");
  }
  // A 64 KiB body: the host's HMAC (node:crypto) with the id.timestamp. prefix beside it.
  const big = JSON.stringify({ ...JSON.parse(delivery), padding: "é".repeat(32 * 1024) });
  const timestamp = new Date();
  const headers = { "webhook-id": "msg_big", "webhook-timestamp": String(Math.floor(timestamp / 1000)), "webhook-signature": reference.sign("msg_big", timestamp, big) };
  assert.equal(hook.handleWebhookEvent(Buffer.from(big), headers).envelope.padding.length, 32 * 1024);
  rejects(() => hook.verify(Buffer.from(big.replace("é", "e")), headers), "INVALID_SIGNATURE");
});

test("standard-webhooks: the package signs (wasender-webhook/testing), the reference library verifies", () => {
  const reference = new Reference(SECRET);
  for (const body of [delivery, new TextEncoder().encode(delivery)]) {
    const headers = signWebhook(body, { secret: SECRET, scheme });
    assert.match(headers["webhook-signature"], /^v1,[A-Za-z0-9+/]{43}=$/);
    assert.deepEqual(reference.verify(typeof body === "string" ? body : Buffer.from(body), headers), JSON.parse(delivery));
    assert.throws(() => reference.verify(delivery + " ", headers));
  }
  // The reference vector, made by the kit.
  const headers = signWebhook(VECTOR.body, { secret: SECRET, scheme, id: VECTOR.id, timestamp: VECTOR.timestamp });
  assert.deepEqual(headers, { "content-type": "application/json", ...vectorHeaders() });
});

test("standard-webhooks: a Stripe-style future timestamp and a zero tolerance are refused by default", () => {
  const hook = new WasenderWebhook({ secret: SECRET, scheme });
  const inAnHour = signWebhook(delivery, { secret: SECRET, scheme, timestamp: nowSeconds() + 3600 });
  rejects(() => hook.handleWebhookEvent(delivery, inAnHour), "TIMESTAMP_TOO_NEW");
  const anHourAgo = signWebhook(delivery, { secret: SECRET, scheme, timestamp: nowSeconds() - 3600 });
  rejects(() => hook.handleWebhookEvent(delivery, anHourAgo), "TIMESTAMP_TOO_OLD");
  for (const tolerance of [0, { past: 0, future: 0 }, -1, 1.5, NaN, Infinity, "off", null, [300], "0"]) {
    rejects(() => new WasenderWebhook({ secret: SECRET, scheme, tolerance }), "INVALID_OPTIONS", 500);
  }
  // Turning the check off is said in so many words.
  const unchecked = new WasenderWebhook({ secret: SECRET, scheme, tolerance: "unchecked" });
  assert.equal(unchecked.handleWebhookEvent(delivery, anHourAgo).receivedEvent, JSON.parse(delivery).event);
  // The messages say which way and never echo the header.
  assert.throws(() => hook.verify(delivery, inAnHour), (e) => /ahead/.test(e.message) && !e.message.includes(inAnHour["webhook-timestamp"]));
});

test("standard-webhooks: tolerance bounds are inclusive, each side on its own", () => {
  const now = 1_800_000_000;
  const hook = new WasenderWebhook({ secret: SECRET, scheme, tolerance: { past: 60, future: 5 }, now: () => now * 1000 + 999 });
  const at = (timestamp) => signWebhook(delivery, { secret: SECRET, scheme, timestamp });
  assert.equal(hook.verify(delivery, at(now - 60)), 0);
  rejects(() => hook.verify(delivery, at(now - 61)), "TIMESTAMP_TOO_OLD");
  assert.equal(hook.verify(delivery, at(now + 5)), 0);
  rejects(() => hook.verify(delivery, at(now + 6)), "TIMESTAMP_TOO_NEW");
  const both = new WasenderWebhook({ secret: SECRET, scheme, tolerance: 10, now: () => now * 1000 });
  assert.equal(both.verify(delivery, at(now + 10)), 0);
  rejects(() => both.verify(delivery, at(now - 11)), "TIMESTAMP_TOO_OLD");
  // Only one side given: the other keeps the default 300 s.
  const pastOnly = new WasenderWebhook({ secret: SECRET, scheme, tolerance: { past: 1 }, now: () => now * 1000 });
  assert.equal(pastOnly.verify(delivery, at(now + 300)), 0);
  rejects(() => pastOnly.verify(delivery, at(now - 2)), "TIMESTAMP_TOO_OLD");
});

test("standard-webhooks: the clock option is read safely", () => {
  const headers = signWebhook(delivery, { secret: SECRET, scheme });
  for (const now of [42, "Date.now", {}]) {
    rejects(() => new WasenderWebhook({ secret: SECRET, scheme, now }), "INVALID_OPTIONS", 500);
  }
  for (const now of [() => NaN, () => -1, () => "1700000000000", () => undefined, () => { throw new Error("clock"); }, () => 1e300]) {
    rejects(() => new WasenderWebhook({ secret: SECRET, scheme, now }).verify(delivery, headers), "INVALID_OPTIONS", 500);
  }
  // The other schemes never call it.
  let calls = 0;
  const plain = new WasenderWebhook({ secret: "s3cret", now: () => (calls++, Date.now()) });
  plain.verify(delivery, "s3cret");
  assert.equal(calls, 0);
  // Hooks with equal options share wasm state, but each keeps its own clock.
  const late = new WasenderWebhook({ secret: SECRET, scheme, now: () => Date.now() + 3_600_000 });
  const onTime = new WasenderWebhook({ secret: SECRET, scheme });
  rejects(() => late.verify(delivery, headers), "TIMESTAMP_TOO_OLD");
  assert.equal(onTime.verify(delivery, headers), 0);
  // The one-shot form takes the same options.
  assert.equal(handleWebhookEvent(delivery, headers, { secret: SECRET, scheme }).receivedEvent, JSON.parse(delivery).event);
});

test("standard-webhooks: headers are looked up case-insensitively, and read safely", () => {
  const hook = new WasenderWebhook({ secret: SECRET, scheme });
  const headers = signWebhook(delivery, { secret: SECRET, scheme });
  const shouting = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toUpperCase(), v]));
  assert.equal(hook.verify(delivery, shouting), 0);
  assert.equal(hook.verify(delivery, new Headers(shouting)), 0);
  assert.equal(hook.verify(delivery, new Map(Object.entries(headers))), 0, "anything with get(name)");
  // A signature string alone lacks the id and timestamp.
  assert.throws(() => hook.verify(delivery, headers["webhook-signature"]), (e) => e.code === "MISSING_SIGNATURE" && /webhook-id/.test(e.message));
  rejects(() => hook.verify(delivery, { ...headers, "webhook-id": 7 }), "INVALID_SIGNATURE");
  rejects(() => hook.verify(delivery, { ...headers, "webhook-timestamp": ["1", "2"] }), "INVALID_SIGNATURE");
  rejects(() => hook.verify(delivery, { ...headers, get "webhook-id"() { throw new Error("getter"); } }), "INVALID_SIGNATURE");
  rejects(() => hook.verify(delivery, { ...headers, "webhook-id": "x".repeat(5000) }), "INVALID_SIGNATURE");
  rejects(() => hook.verify(delivery, 42), "INVALID_SIGNATURE");
  const { proxy, revoke } = Proxy.revocable(headers, {});
  revoke();
  rejects(() => hook.verify(delivery, proxy), "INVALID_SIGNATURE");
  assert.equal(hook.verify(delivery, headers), 0, "still healthy");
  // The existing schemes find X-Webhook-Signature the same way.
  const plain = new WasenderWebhook({ secret: "s3cret" });
  assert.equal(plain.verify(delivery, { "X-WEBHOOK-SIGNATURE": "s3cret" }), 0);
  assert.equal(plain.verify(delivery, new Headers({ "x-webhook-signature": "s3cret" })), 0);
});

test("standard-webhooks: whsec_ keys must be base64; several keys rotate", () => {
  for (const secret of ["whsec_!!!!", "whsec_QUJD=", "whsec_"]) {
    assert.throws(() => new WasenderWebhook({ secret, scheme }), (e) => e.status === 500 && !e.message.includes(secret.slice(6) || "\u0000"));
  }
  const hook = new WasenderWebhook({ secrets: ["whsec_b2xkIGtleQ==", SECRET], scheme });
  assert.equal(hook.verify(delivery, signWebhook(delivery, { secret: SECRET, scheme })), 1);
  assert.equal(hook.verify(delivery, signWebhook(delivery, { secret: "whsec_b2xkIGtleQ==", scheme })), 0);
  // A raw key (no prefix) and a bytes key sign and verify as their bytes.
  for (const secret of ["a plain shared secret", new TextEncoder().encode("bytes key")]) {
    const raw = new WasenderWebhook({ secret, scheme });
    assert.equal(raw.verify(delivery, signWebhook(delivery, { secret, scheme })), 0);
  }
});

test("standard-webhooks: the fetch and Node adapters pass the three headers", async () => {
  const options = { secret: SECRET, scheme };
  const event = await verifyRequest(createTestRequest(delivery, options), options);
  assert.equal(event.receivedEvent, JSON.parse(delivery).event);
  const node = await verifyNodeRequest(createNodeRequest(delivery, options), options);
  assert.deepEqual(node, event);
  const handler = webhookHandler(options, (e) => new Response(e.receivedEvent));
  const ok = await handler(createTestRequest(delivery, options));
  assert.equal(ok.status, 200);
  const stale = await handler(createTestRequest(delivery, { ...options, timestamp: nowSeconds() - 3600 }));
  assert.equal(stale.status, 401);
  assert.equal((await stale.json()).error.code, "TIMESTAMP_TOO_OLD");
  const unsigned = await handler(new Request("https://example.com/webhook", { method: "POST", body: delivery }));
  assert.equal((await unsigned.json()).error.code, "MISSING_SIGNATURE");
});
