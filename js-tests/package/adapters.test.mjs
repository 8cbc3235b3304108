// The subpath exports of the installed package: the fetch and Node request
// adapters, the test kit and the duplicate guard.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createServer } from "node:http";
import { createRequire } from "node:module";
import { WasenderWebhook, WebhookError } from "wasender-webhook";
import { verifyRequest, webhookHandler } from "wasender-webhook/fetch";
import { verifyNodeRequest } from "wasender-webhook/node";
import { createTestRequest, sampleEvents, signWebhook } from "wasender-webhook/testing";
import { createDeduplicator, memoryStore } from "wasender-webhook/dedupe";

const secret = "adapter-secret-42";
const options = { secret };
const sample = sampleEvents["messages.upsert"];

async function rejects(promise, code, status) {
  await assert.rejects(promise, (e) => e instanceof WebhookError && e.code === code && e.status === status);
}

/** A Request whose body arrives in chunks, with no Content-Length. */
function streamedRequest(chunks, headers = {}) {
  let pulled = 0;
  const body = new ReadableStream({
    pull(controller) {
      if (pulled < chunks.length) controller.enqueue(chunks[pulled++]);
      else controller.close();
    },
  }, { highWaterMark: 0 }); // pull only when the reader asks
  return { request: new Request("http://x/", { method: "POST", body, headers, duplex: "half" }), pulled: () => pulled };
}

test("fetch: verifyRequest accepts a genuine delivery, refuses a forged one", async () => {
  const event = await verifyRequest(createTestRequest(sample, { secret }), options);
  assert.equal(event.event, "messages.upsert");
  await rejects(verifyRequest(createTestRequest(sample, { secret: "other" }), options), "INVALID_SIGNATURE", 401);
  const hook = new WasenderWebhook({ secret, scheme: "hmac-sha256" });
  assert.equal((await verifyRequest(createTestRequest(sample, { secret, scheme: "hmac-sha256" }), hook)).event, "messages.upsert");
});

test("fetch: the header is found whatever its case", async () => {
  const body = JSON.stringify(sample);
  const event = await verifyRequest(new Request("http://x/", { method: "POST", body, headers: { "X-WEBHOOK-SIGNATURE": secret } }), options);
  assert.equal(event.event, "messages.upsert");
});

test("fetch: an announced oversized body is refused before reading it", async () => {
  const { request, pulled } = streamedRequest([new Uint8Array(10)], { "content-length": String(2 << 20) });
  await rejects(verifyRequest(request, options), "BODY_TOO_LARGE", 413);
  assert.equal(pulled(), 0, "not one chunk read");
});

test("fetch: a streamed body is refused as soon as it passes the limit", async () => {
  const chunk = new Uint8Array(40 * 1024).fill(0x20);
  const { request, pulled } = streamedRequest(Array.from({ length: 100 }, () => chunk), { "x-webhook-signature": secret });
  await rejects(verifyRequest(request, { secret, maxBodyBytes: 100 * 1024 }), "BODY_TOO_LARGE", 413);
  assert.ok(pulled() < 10, `stopped after ${pulled()} chunks, not all 100`);
});

test("fetch: webhookHandler answers 405, 401, 2xx and passes the handler's Response", async () => {
  let seen = 0;
  const handler = webhookHandler(options, async (event, { env }) => {
    seen++;
    if (env?.custom) return new Response("custom", { status: 202 });
  });
  const get = await handler(new Request("http://x/"));
  assert.deepEqual([get.status, get.headers.get("allow"), (await get.json()).error.code], [405, "POST", "METHOD_NOT_ALLOWED"]);
  const forged = await handler(createTestRequest(sample, { secret: "nope" }));
  assert.deepEqual([forged.status, (await forged.json()).error.code], [401, "INVALID_SIGNATURE"]);
  const ok = await handler(createTestRequest(sample, { secret }));
  assert.deepEqual([ok.status, await ok.json()], [200, { ok: true, event: "messages.upsert" }]);
  const custom = await handler(createTestRequest(sample, { secret }), { custom: true });
  assert.deepEqual([custom.status, await custom.text()], [202, "custom"]);
  assert.equal(seen, 2, "the handler runs only for verified deliveries");
});

test("fetch: options from env are built once per env", async () => {
  let built = 0;
  const handler = webhookHandler((env) => (built++, { secret: env.SECRET }), () => {});
  const env = { SECRET: secret };
  for (let i = 0; i < 3; i++) assert.equal((await handler(createTestRequest(sample, { secret }), env)).status, 200);
  assert.equal(built, 1);
});

async function withServer(onRequest, run) {
  const server = createServer(onRequest);
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  try {
    return await run(`http://127.0.0.1:${server.address().port}/`);
  } finally {
    server.close();
  }
}

test("node: verifyNodeRequest reads an IncomingMessage, with the limit", async () => {
  const answer = async (req, res) => {
    try {
      const event = await verifyNodeRequest(req, { secret, maxBodyBytes: 64 * 1024 });
      res.end(event.event);
    } catch (e) {
      res.writeHead(e.status).end(e.code);
    }
  };
  await withServer(answer, async (url) => {
    const send = async (body, sig) => {
      const res = await fetch(url, { method: "POST", body, headers: { "x-webhook-signature": sig } });
      return [res.status, await res.text()];
    };
    assert.deepEqual(await send(JSON.stringify(sample), secret), [200, "messages.upsert"]);
    assert.deepEqual(await send(JSON.stringify(sample), "forged"), [401, "INVALID_SIGNATURE"]);
    assert.deepEqual(await send("x".repeat(100 * 1024), secret), [413, "BODY_TOO_LARGE"]);
  });
});

test("node: express.raw bodies are used; express.json objects are refused with a fix", async () => {
  const raw = { headers: { "x-webhook-signature": secret }, body: Buffer.from(JSON.stringify(sample)) };
  assert.equal((await verifyNodeRequest(raw, options)).event, "messages.upsert");
  const expressLike = { get: (name) => (name === "x-webhook-signature" ? secret : undefined), headers: {}, body: JSON.stringify(sample) };
  assert.equal((await verifyNodeRequest(expressLike, options)).event, "messages.upsert");
  const parsed = { headers: { "x-webhook-signature": secret }, body: structuredClone(sample) };
  await assert.rejects(verifyNodeRequest(parsed, options), (e) => e.code === "BODY_ALREADY_PARSED" && /express\.raw/.test(e.message));
});

test("testing: signWebhook, createTestRequest and sampleEvents", async () => {
  assert.equal(signWebhook("{}", { secret })["x-webhook-signature"], secret);
  const tag = signWebhook("{}", { secret, scheme: "hmac-sha256" })["x-webhook-signature"];
  assert.match(tag, /^[0-9a-f]{64}$/);
  assert.equal(new WasenderWebhook({ secret, scheme: "hmac-sha256" }).verify("{}", tag), 0);
  assert.throws(() => signWebhook("{}", {}), TypeError);
  const hook = new WasenderWebhook(options);
  const names = Object.keys(sampleEvents);
  assert.equal(names.length, 22, "one sample per documented event");
  for (const name of names) {
    const request = createTestRequest(sampleEvents[name], { secret, url: "https://example.com/hook" });
    assert.equal(request.method, "POST");
    assert.equal(hook.handleWebhookEvent(await request.arrayBuffer(), request.headers.get("x-webhook-signature")).event, name);
  }
  assert.ok(Object.isFrozen(sampleEvents["call"].data), "samples are frozen so tests cannot change each other's");
});

test("dedupe: the same message under several events is a duplicate; others are not", async () => {
  const dedupe = createDeduplicator();
  const hook = new WasenderWebhook(options);
  const deliver = (event) => hook.handleWebhookEvent(JSON.stringify(event), secret);
  const upsert = deliver(sample);
  const received = deliver({ ...sample, event: "messages.received" });
  assert.equal(await dedupe.isDuplicate(upsert), false);
  assert.equal(await dedupe.isDuplicate(received), true, "same chat + id under another event");
  const other = structuredClone(sample);
  other.data.messages[0].key.id = "ANOTHER-ID";
  assert.equal(await dedupe.isDuplicate(deliver(other)), false);
  assert.equal(await dedupe.isDuplicate(deliver(sampleEvents["session.status"])), false, "no messages: never a duplicate");
});

test("dedupe: the memory store is bounded and entries expire; any KV-shaped store works", async () => {
  const store = memoryStore({ maxEntries: 2 });
  for (const k of ["a", "b", "c"]) await store.put(k, "1", { expirationTtl: 60 });
  assert.equal(await store.get("a"), null, "oldest evicted");
  assert.equal(await store.get("c"), "1");
  await store.put("short", "1", { expirationTtl: -1 });
  assert.equal(await store.get("short"), null, "expired");
  const calls = [];
  const kv = { async get(k) { calls.push(["get", k]); return null; }, async put(k, v, o) { calls.push(["put", k, o.expirationTtl]); } };
  const hook = new WasenderWebhook(options);
  await createDeduplicator({ store: kv, ttlSeconds: 5 }).isDuplicate(hook.handleWebhookEvent(JSON.stringify(sample), secret));
  assert.deepEqual(calls.map((c) => c[0]), ["get", "put"]);
  assert.equal(calls[1][2], 60, "KV's minimum TTL");
});

test("CommonJS: every subpath requires, sharing one WebhookError class (Bun: one ESM instance)", () => {
  const require = createRequire(import.meta.url);
  const core = require("wasender-webhook");
  const node = require("wasender-webhook/node");
  const testing = require("wasender-webhook/testing");
  const dedupe = require("wasender-webhook/dedupe");
  const fetchAdapter = require("wasender-webhook/fetch");
  assert.equal(typeof node.verifyNodeRequest, "function");
  assert.equal(typeof fetchAdapter.webhookHandler, "function");
  assert.equal(typeof dedupe.createDeduplicator, "function");
  assert.equal(Object.keys(testing.sampleEvents).length, 22);
  return node.verifyNodeRequest({ headers: {}, body: "{}" }, { secret }).catch((e) => {
    assert.ok(e instanceof core.WebhookError, "the subpath throws the main entry's class");
  });
});

test("testing: builders make deliveries with your text, sender, group, a fresh id and the current time", async () => {
  const { buildMessage, buildSessionStatus, buildReceipt, buildReaction, createNodeRequest } = await import("wasender-webhook/testing");
  const hook = new WasenderWebhook(options);
  const deliver = (delivery) => hook.handleWebhookEvent(JSON.stringify(delivery), secret);
  const now = Date.now() / 1000;

  const dm = deliver(buildMessage({ text: "olá 👋", from: "+55 11 99999-0000" }));
  assert.equal(dm.event, "messages.upsert");
  const [m] = dm.messages;
  assert.deepEqual([m.text, m.chatJid, m.senderPhone, m.isGroup, m.fromMe], ["olá 👋", "5511999990000@s.whatsapp.net", "5511999990000", false, false]);
  assert.ok(Math.abs(m.timestamp - now) < 5 && Math.abs(dm.timestamp - now) < 5, "the current time");
  const group = deliver(buildMessage({ text: "hi all", from: "15550002222", group: true, event: "messages-group.received" }))
    .messages[0];
  assert.deepEqual([group.isGroup, group.chatJid.endsWith("@g.us"), group.senderJid, group.senderPhone], [true, true, "15550002222@s.whatsapp.net", "15550002222"]);
  const mine = deliver(buildMessage({ fromMe: true, id: "MY-ID", timestamp: 1700000000 })).messages[0];
  assert.deepEqual([mine.fromMe, mine.id, mine.timestamp, mine.senderJid], [true, "MY-ID", 1700000000, undefined]);

  const dedupe = createDeduplicator();
  for (let i = 0; i < 5; i++) assert.equal(await dedupe.isDuplicate(deliver(buildMessage())), false, "a fresh id every time");
  assert.equal(deliver(buildSessionStatus({ status: "need_scan" })).sessionStatus, "need_scan");
  const [read] = deliver(buildReceipt({ id: "X1", chat: "15550001111", status: "read" })).statuses;
  assert.deepEqual([read.id, read.status, read.chatJid], ["X1", "read", "15550001111@s.whatsapp.net"]);
  const [reaction] = deliver(buildReaction({ emoji: "🔥", messageId: "X1" })).reactions;
  assert.deepEqual([reaction.emoji, reaction.messageId, reaction.removed], ["🔥", "X1", false]);
  assert.equal(deliver(buildReaction({ emoji: "" })).reactions[0].removed, true);

  // Every sample message has its own id, so one deduplicator keeps them all.
  const sampleKeys = Object.values(sampleEvents).flatMap((sample) => dedupeKeysOf(deliver(sample)));
  assert.equal(new Set(sampleKeys).size, sampleKeys.length);

  // A Node request for handlers that call verifyNodeRequest.
  const req = createNodeRequest(buildMessage({ text: "via node" }), { secret });
  assert.equal(req.get("X-Webhook-Signature"), secret);
  assert.equal((await verifyNodeRequest(req, options)).messages[0].text, "via node");
  await assert.rejects(verifyNodeRequest(createNodeRequest(buildMessage(), { secret: "wrong" }), options), (e) => e.code === "INVALID_SIGNATURE");
});

function dedupeKeysOf(event) {
  return (event.messages ?? []).map((m) => JSON.stringify([m.chatJid, m.id]));
}

test("errors: instanceof and isWebhookError hold across the ES module and CommonJS builds", async () => {
  const { isWebhookError } = await import("wasender-webhook");
  const cjs = createRequire(import.meta.url)("wasender-webhook");
  let fromCjs;
  try {
    new cjs.WasenderWebhook({});
  } catch (e) {
    fromCjs = e;
  }
  assert.ok(fromCjs instanceof WebhookError, "a CommonJS error is an instance of the ESM class");
  assert.ok(isWebhookError(fromCjs) && cjs.isWebhookError(new WebhookError("INVALID_JSON", 400, "x")));
  assert.ok(!isWebhookError(new Error("x")) && !isWebhookError({ code: "INVALID_JSON", status: 400 }) && !isWebhookError(null));
  // A hook made by one build is taken by the other's adapters.
  const { verifyNodeRequest: cjsVerify } = createRequire(import.meta.url)("wasender-webhook/node");
  const event = await cjsVerify({ headers: { "x-webhook-signature": secret }, body: JSON.stringify(sample) }, new WasenderWebhook(options));
  assert.equal(event.event, "messages.upsert");
});
