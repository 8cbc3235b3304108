// The packed npm tarball, installed in a fresh project, through `import`.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createHmac } from "node:crypto";
import { inspect } from "node:util";
import { WasenderWebhook, WebhookError, handleWebhookEvent, init } from "wasender-webhook";
import { SECRET, SESSION_ID, bodyOf, deliveries } from "./deliveries.mjs";

const hook = new WasenderWebhook({ secret: SECRET });
const body = bodyOf(deliveries.messageUpsert);
const text = new TextDecoder().decode(body);

/** Assert `fn` throws a WebhookError with this code and status, leaking nothing. */
function assertRejects(fn, code, status) {
  let thrown;
  try {
    fn();
  } catch (error) {
    thrown = error;
  }
  assert.ok(thrown instanceof WebhookError, `expected a WebhookError, got ${thrown}`);
  assert.ok(thrown instanceof Error);
  assert.equal(thrown.name, "WebhookError");
  assert.deepEqual([thrown.code, thrown.status], [code, status]);
  assert.ok(thrown.message.length > 20, "a helpful message");
  for (const secret of [SECRET, SESSION_ID, "forged-signature-value"]) {
    assert.ok(!thrown.message.includes(secret), `message leaks a secret: ${thrown.message}`);
    assert.ok(!inspect(thrown).includes(secret));
  }
  return thrown;
}

test("the import resolves to the Node ESM entry", () => {
  assert.match(import.meta.resolve("wasender-webhook"), /\/node_modules\/wasender-webhook\/node\.mjs$/);
});

test("usable synchronously right after import; init() resolves anyway", async () => {
  assert.equal(hook.handleWebhookEvent(body, SECRET).event, "messages.upsert");
  await init();
  await Promise.all([init(), init()]);
});

test("a genuine delivery: typed, its data exactly what JSON.parse gives", () => {
  const event = hook.handleWebhookEvent(body, SECRET);
  const { data, ...envelope } = JSON.parse(text);
  assert.deepEqual(event.data, data);
  assert.deepEqual(event.envelope, envelope);
  assert.equal(event.event, "messages.upsert");
  assert.equal(event.sessionId, SESSION_ID);
  assert.equal(event.data.messages.bigCounter, 12345678901234567890);
  assert.deepEqual(event.messages, [
    {
      id: "3EB0C767D26A1D8E2F4B",
      chatJid: "15550001111@s.whatsapp.net",
      isGroup: false,
      fromMe: false,
      senderJid: "15550001111@s.whatsapp.net",
      senderPhone: "15550001111",
      pushName: "Ana",
      text: "Olá! Is the order ready? 📦🙂",
      type: "text",
      timestamp: 1763776799,
    },
  ]);
});

test("Uint8Array, ArrayBuffer, Buffer, a DataView and a string give the same event", () => {
  const expected = hook.handleWebhookEvent(body, SECRET);
  const padded = new Uint8Array(body.length + 10);
  padded.set(body, 5);
  for (const input of [
    body,
    body.buffer.slice(body.byteOffset, body.byteOffset + body.byteLength),
    Buffer.from(body),
    new DataView(padded.buffer, 5, body.length),
    padded.subarray(5, 5 + body.length),
    text,
  ]) {
    assert.deepEqual(hook.handleWebhookEvent(input, SECRET), expected);
  }
});

test("view text is exact whatever comes before it and however it was written", () => {
  // The wasm hands view text over as positions in the body's string; check
  // them after emoji (surrogate pairs), 2- and 3-byte characters, escapes
  // (those are copied instead) and a lone surrogate, bytes and string in.
  const texts = ["😀👨‍👩‍👧 first", "olá नमस्ते 你好", 'quote " and \\ and \n', 'emoji 😀 then a "quote"', "lone \ud83d half", "🇧🇷".repeat(40), "plain"];
  const messages = texts.map((t, i) => ({
    key: { id: `ID${i}✓`, remoteJid: `5511${i}@s.whatsapp.net`, fromMe: false },
    pushName: `name ${"é".repeat(i)} 😀`,
    message: { conversation: t },
  }));
  // JSON.stringify writes the lone surrogate as the escape \\ud83d; views
  // keep it exactly as data does (one interpretation of the body).
  const json = JSON.stringify({ event: "messages.upsert", data: { messages } });
  const expected = JSON.parse(json).data.messages;
  assert.equal(expected[4].message.conversation, "lone \ud83d half");
  for (const input of [json, new TextEncoder().encode(json), new TextEncoder().encode(json.replace(/[^\x00-\x7f]/g, "?"))]) {
    const want = typeof input === "string" ? expected : JSON.parse(new TextDecoder().decode(input)).data.messages;
    const got = hook.handleWebhookEvent(input, SECRET).messages;
    assert.deepEqual(
      got.map((m) => [m.id, m.chatJid, m.pushName, m.text]),
      want.map((m) => [m.key.id, m.key.remoteJid, m.pushName, m.message.conversation]),
    );
  }
});

test("timestamps are what JSON.parse makes of their exact seconds", () => {
  // Seconds stay seconds; milliseconds become seconds with the fraction
  // exact; past 2^53 ms a float cannot hold the milliseconds, and the
  // seconds are still the parse of the exact decimal, not of a rounded one.
  for (const [wire, seconds] of [
    ["1763776803", 1763776803],
    ["1763776803123", 1763776803.123],
    ["-1250", -1250],
    ["9007199254740993", Number("9007199254740.993")],
  ]) {
    const json = `{"event":"messages.upsert","timestamp":${wire},"data":{"key":{"id":"A","remoteJid":"1@s.whatsapp.net","fromMe":false},"messageTimestamp":${wire},"message":{"conversation":"hi"}}}`;
    const event = hook.handleWebhookEvent(json, SECRET);
    assert.equal(event.timestamp, seconds, wire);
    assert.equal(event.messages[0].timestamp, seconds, wire);
  }
});

test("every failure throws its code and HTTP status", () => {
  assertRejects(() => hook.handleWebhookEvent(body, undefined), "MISSING_SIGNATURE", 401);
  assertRejects(() => hook.handleWebhookEvent(body, null), "MISSING_SIGNATURE", 401);
  assertRejects(() => hook.handleWebhookEvent(body, ""), "MISSING_SIGNATURE", 401);
  assertRejects(() => hook.handleWebhookEvent(body, "forged-signature-value"), "INVALID_SIGNATURE", 401);
  assertRejects(() => hook.handleWebhookEvent(body, SECRET.toUpperCase()), "INVALID_SIGNATURE", 401);
  assertRejects(() => hook.handleWebhookEvent("{\"event\":", SECRET), "INVALID_JSON", 400);
  assertRejects(() => hook.handleWebhookEvent(new Uint8Array([0x7b, 0xff, 0x7d]), SECRET), "INVALID_JSON", 400);
  assertRejects(() => hook.handleWebhookEvent("[]", SECRET), "INVALID_PAYLOAD", 400);
  assertRejects(() => hook.handleWebhookEvent('{"data":{}}', SECRET), "INVALID_PAYLOAD", 400);
  assertRejects(() => hook.handleWebhookEvent(JSON.parse(text), SECRET), "BODY_ALREADY_PARSED", 500);
  const big = "x".repeat(1024 * 1024 + 1);
  assertRejects(() => hook.handleWebhookEvent(big, SECRET), "BODY_TOO_LARGE", 413);
  assertRejects(() => new WasenderWebhook({}), "MISSING_SECRET", 500);
  assertRejects(() => new WasenderWebhook({ secret: "" }), "MISSING_SECRET", 500);
  assertRejects(() => new WasenderWebhook({ secret: SECRET, scheme: "md5" }), "INVALID_OPTIONS", 500);
  assertRejects(() => new WasenderWebhook({ secret: SECRET, maxBodyBytes: 0 }), "INVALID_OPTIONS", 500);
});

test("the body limit is configurable and counts bytes, not characters", () => {
  const small = new WasenderWebhook({ secret: SECRET, maxBodyBytes: 100 });
  assert.equal(small.maxBodyBytes, 100);
  const err = assertRejects(() => small.handleWebhookEvent(body, SECRET), "BODY_TOO_LARGE", 413);
  assert.match(err.message, /limit of 100 bytes/);
  assertRejects(() => small.verify("€".repeat(34), SECRET), "BODY_TOO_LARGE", 413); // 34 chars, 102 bytes
  assert.equal(small.verify("€".repeat(33), SECRET), 0);
});

test("verify() checks without parsing and tells which secret matched", () => {
  const rotating = new WasenderWebhook({ secrets: ["previous-secret", new TextEncoder().encode(SECRET)] });
  assert.equal(rotating.verify("not even json", SECRET), 1);
  assert.equal(rotating.verify("not even json", "previous-secret"), 0);
  assertRejects(() => rotating.verify(body, "forged-signature-value"), "INVALID_SIGNATURE", 401);
});

test("hmac-sha256 scheme: hex or base64 tags from node:crypto, tampering refused", () => {
  const hmac = new WasenderWebhook({ secret: SECRET, scheme: "hmac-sha256" });
  const mac = createHmac("sha256", SECRET).update(body);
  const digest = mac.digest();
  for (const tag of [
    digest.toString("hex"),
    `sha256=${digest.toString("hex")}`,
    digest.toString("hex").toUpperCase(),
    digest.toString("base64"),
    digest.toString("base64url"),
  ]) {
    assert.equal(hmac.handleWebhookEvent(body, tag).event, "messages.upsert", tag);
  }
  const tampered = Buffer.from(body);
  tampered[tampered.length - 2] ^= 1;
  assertRejects(() => hmac.handleWebhookEvent(tampered, digest.toString("hex")), "INVALID_SIGNATURE", 401);
  assertRejects(() => hmac.handleWebhookEvent(body, digest.subarray(0, 16).toString("hex")), "INVALID_SIGNATURE", 401);
  assertRejects(() => hmac.handleWebhookEvent(body, SECRET), "INVALID_SIGNATURE", 401);
});

test("hmac-sha256 from 1 KiB: node:crypto computes the MAC, the wasm compares it; its own HMAC otherwise", async () => {
  // The glue node.mjs installs node:crypto's HMAC into (the same module instance).
  const glue = await import(new URL("./dist/wasender_webhook.js", import.meta.resolve("wasender-webhook")));
  const nodeHmac = (key, message) => createHmac("sha256", key).update(message).digest();
  const hmac = new WasenderWebhook({ secrets: ["an-older-secret", SECRET], scheme: "hmac-sha256" });
  const long = Buffer.from(JSON.stringify({ ...JSON.parse(text), note: "olá 👋🏽 नमस्ते ".repeat(200) }));
  const tagOf = (bytes) => createHmac("sha256", SECRET).update(bytes).digest("hex");
  const tampered = Buffer.from(long);
  tampered[tampered.length - 3] ^= 1;
  assert.ok(body.length < 1024 && long.length >= 4096);
  // As installed by the Node entry.
  assert.equal(hmac.handleWebhookEvent(long, tagOf(long)).envelope.note, JSON.parse(long).note);
  assertRejects(() => hmac.handleWebhookEvent(tampered, tagOf(long)), "INVALID_SIGNATURE", 401);
  try {
    const asked = [];
    glue.setHmacSha256((key, message) => {
      asked.push(message.length);
      return nodeHmac(key, message);
    });
    assert.equal(hmac.handleWebhookEvent(long, tagOf(long)).event, "messages.upsert");
    assert.deepEqual(asked, [long.length, long.length], "one MAC per secret, every secret");
    asked.length = 0;
    assert.equal(hmac.handleWebhookEvent(body, tagOf(body)).event, "messages.upsert");
    assert.deepEqual(asked, [], "under 1 KiB the wasm's own HMAC is quicker");
    // The host's MAC is the one the header is compared with.
    glue.setHmacSha256(() => new Uint8Array(32).fill(7));
    assertRejects(() => hmac.handleWebhookEvent(long, tagOf(long)), "INVALID_SIGNATURE", 401);
    assert.equal(hmac.handleWebhookEvent(long, "07".repeat(32)).event, "messages.upsert");
    // A host that throws, declines or answers the wrong size is passed over.
    for (const broken of [() => { throw new Error("boom"); }, () => undefined, () => new Uint8Array(31)]) {
      glue.setHmacSha256(broken);
      assert.equal(hmac.handleWebhookEvent(long, tagOf(long)).event, "messages.upsert");
      assertRejects(() => hmac.handleWebhookEvent(tampered, tagOf(long)), "INVALID_SIGNATURE", 401);
    }
    glue.setHmacSha256(null);
    assert.equal(hmac.handleWebhookEvent(long, tagOf(long)).event, "messages.upsert");
  } finally {
    glue.setHmacSha256(nodeHmac);
  }
});

test("the one-shot form behaves like an instance", () => {
  assert.deepEqual(handleWebhookEvent(body, SECRET, { secret: SECRET }), hook.handleWebhookEvent(body, SECRET));
  assertRejects(() => handleWebhookEvent(body, "forged-signature-value", { secret: SECRET }), "INVALID_SIGNATURE", 401);
});

test("no secret shows through String, JSON.stringify or util.inspect", () => {
  const shown = [String(hook), JSON.stringify(hook), inspect(hook), inspect(hook, { showHidden: true, depth: 5 })];
  for (const s of shown) assert.ok(!s.includes(SECRET), s);
  assert.deepEqual(JSON.parse(JSON.stringify(hook)), { scheme: "wasender", secretCount: 1, maxBodyBytes: 1048576 });
});

test("WebhookError serialises to a response-ready object", () => {
  const err = assertRejects(() => hook.handleWebhookEvent(body, "forged-signature-value"), "INVALID_SIGNATURE", 401);
  assert.deepEqual(Object.keys(JSON.parse(JSON.stringify(err))).sort(), ["code", "message", "name", "status"]);
});

test("after 100k failures of every kind the instance still answers correctly", () => {
  const bad = [
    [body, "forged-signature-value"],
    ["{", SECRET],
    ["[]", SECRET],
    [body, null],
    [{ parsed: true }, SECRET],
  ];
  let failures = 0;
  for (let i = 0; i < 100_000; i++) {
    const [b, s] = bad[i % bad.length];
    try {
      hook.handleWebhookEvent(b, s);
    } catch (error) {
      if (error instanceof WebhookError) failures++;
    }
  }
  assert.equal(failures, 100_000);
  assert.deepEqual(hook.handleWebhookEvent(body, SECRET).data, JSON.parse(text).data);
});
