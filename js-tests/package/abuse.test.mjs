// Hostile and careless callers, through the installed package: nothing a
// caller hands over may break the shared instance, leak wasm memory, or
// end in anything but a WebhookError; and a differential run against
// TextDecoder({ fatal }) + JSON.parse on mutated deliveries.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createHmac } from "node:crypto";
import { createServer, request as httpRequest } from "node:http";
import { readFileSync, readdirSync } from "node:fs";
import { WasenderWebhook, WebhookError, handleWebhookEvent, signHmacSha256 } from "wasender-webhook";
import { verifyRequest, webhookHandler } from "wasender-webhook/fetch";
import { verifyNodeRequest } from "wasender-webhook/node";
import { createDeduplicator } from "wasender-webhook/dedupe";
// The glue itself, the very module the entry loaded: initSync() hands back
// the live instance's exports, so the tests can watch its memory.
import { initSync } from "./node_modules/wasender-webhook/dist/wasender_webhook.js";

const SECRET = "abuse-secret-1";
const wasmBytes = () => initSync().memory.buffer.byteLength;
const body = JSON.stringify({
  event: "messages.upsert",
  data: { messages: { key: { id: "ABUSE-1", remoteJid: "15550001111@s.whatsapp.net", fromMe: false }, message: { conversation: "still here" } } },
});

/** A genuine delivery still goes through, on an old hook and a new one, and signing still matches node:crypto. */
function assertHealthy(oldHook) {
  for (const hook of [oldHook, new WasenderWebhook({ secret: SECRET })]) {
    assert.equal(hook.handleWebhookEvent(body, SECRET).messages[0].text, "still here");
    assert.equal(hook.verify(new TextEncoder().encode(body), SECRET), 0);
  }
  assert.equal(signHmacSha256("k", body), createHmac("sha256", "k").update(body).digest("hex"));
}

/** Run `attempt` n times; every failure must be a WebhookError with `code`. */
function hammer(n, code, attempt) {
  for (let i = 0; i < n; i++) {
    try {
      attempt();
      assert.fail(`expected ${code}`);
    } catch (e) {
      assert.ok(e instanceof WebhookError, `a WebhookError, not ${e?.name}: ${e?.message}`);
      assert.equal(e.code, code, e.message);
    }
  }
}

/** A view (or the buffer itself) whose ArrayBuffer was transferred away. */
const detached = (View) => {
  const buffer = new TextEncoder().encode(body).buffer;
  const view = View ? new View(buffer) : buffer;
  structuredClone(buffer, { transfer: [buffer] });
  return view;
};
const detachedBuffer = () => detached();

test("poisoning: hostile bodies, options and hooks, thousands of times, leave a working instance and flat memory", () => {
  const hook = new WasenderWebhook({ secret: SECRET });
  assertHealthy(hook);
  const before = wasmBytes();
  const N = 5000;
  hammer(N, "UNREADABLE_BODY", () => hook.verify(detachedBuffer(), SECRET));
  hammer(N, "UNREADABLE_BODY", () => hook.handleWebhookEvent(detached(Uint8Array), SECRET));
  hammer(N, "UNREADABLE_BODY", () => hook.handleWebhookEvent(detached(DataView), SECRET));
  hammer(N, "BODY_ALREADY_PARSED", () => hook.handleWebhookEvent(new Proxy(new TextEncoder().encode(body), {}), SECRET));
  hammer(N, "BODY_ALREADY_PARSED", () => hook.handleWebhookEvent(JSON.parse(body), SECRET));
  hammer(N, "INVALID_OPTIONS", () => new WasenderWebhook({ get secrets() { throw new Error("getter"); } }));
  hammer(N, "INVALID_OPTIONS", () => new WasenderWebhook({ secrets: new Proxy([SECRET], { get() { throw new Error("trap"); } }) }));
  const { proxy, revoke } = Proxy.revocable({ secret: SECRET }, {});
  revoke();
  hammer(N, "INVALID_OPTIONS", () => new WasenderWebhook(proxy));
  // An object is the request's headers now: one without the header is a missing signature,
  // and one that cannot be read (throwing getter, revoked proxy, trap) a typed error.
  hammer(N, "MISSING_SIGNATURE", () => hook.verify(body, { toString() { throw new Error("coerced"); } }));
  hammer(N, "INVALID_SIGNATURE", () => hook.verify(body, { get "x-webhook-signature"() { throw new Error("getter"); } }));
  hammer(N, "INVALID_SIGNATURE", () => hook.verify(body, { "X-Webhook-Signature": { toString: () => SECRET } }));
  hammer(N, "INVALID_SIGNATURE", () => hook.verify(body, new Proxy({}, { ownKeys() { throw new Error("trap"); } })));
  hammer(N, "INVALID_SIGNATURE", () => hook.verify(body, { get() { throw new Error("get"); } }));
  const headersProxy = Proxy.revocable({}, {});
  headersProxy.revoke();
  hammer(N, "INVALID_SIGNATURE", () => hook.verify(body, headersProxy.proxy));
  hammer(N, "BODY_TOO_LARGE", () => hook.checkBodySize({ valueOf() { throw new Error("coerced"); } }));
  const freed = new WasenderWebhook({ secret: SECRET });
  freed.free();
  hammer(N, "HOOK_FREED", () => freed.verify(body, SECRET));
  hammer(N, "UNREADABLE_BODY", () => signHmacSha256("k", detachedBuffer()));

  // A subclass whose accessors throw is read through the engine's own.
  class Sneaky extends Uint8Array {
    get length() {
      throw new Error("length");
    }
    get byteLength() {
      throw new Error("byteLength");
    }
  }
  const sneaky = new Sneaky(new TextEncoder().encode(body));
  for (let i = 0; i < N; i++) assert.equal(hook.verify(sneaky, SECRET), 0);

  assertHealthy(hook);
  assert.equal(wasmBytes(), before, "no wasm memory kept by any of it");
});

test("poisoning: stack exhaustion inside calls is answered, and the instance is replaced", () => {
  const hook = new WasenderWebhook({ secret: SECRET });
  /** Run `work` below `depth` frames of this function. */
  const below = (depth, work) => (depth > 0 ? below(depth - 1, work) : work());
  const seen = new Map();
  const attempt = (depth) => {
    try {
      below(depth, () => hook.handleWebhookEvent(body, SECRET));
      return true;
    } catch (e) {
      const what = e instanceof WebhookError ? e.code : e.name;
      seen.set(what, (seen.get(what) ?? 0) + 1);
      return false;
    }
  };
  // Each round finds the deepest call that still succeeds (frames shrink as
  // the engine optimises, so it moves), then calls with less and less stack
  // left around it, so that the stack runs out at every point of the call:
  // in the caller, in the guard, in the wasm.
  for (let round = 0; round < 6; round++) {
    let [low, high] = [0, 1 << 20];
    while (high - low > 1) {
      const mid = (low + high) >> 1;
      if (attempt(mid)) low = mid;
      else high = mid;
    }
    for (let depth = low - 300; depth <= low + 300; depth++) attempt(depth);
  }
  // Every failure that reached the package was answered as a WebhookError
  // (a RangeError can only come from the call itself, before the package runs).
  for (const code of seen.keys()) assert.ok(["INTERNAL_ERROR", "RangeError"].includes(code), `unexpected ${code}`);
  assert.ok((seen.get("INTERNAL_ERROR") ?? 0) > 0, `some calls ran out inside the wasm, and were answered (${[...seen]})`);
  assertHealthy(hook);
});

test("limits: maxBodyBytes has a bound every body can pass, refused above it at construction", () => {
  const MAX = 16 * 1024 * 1024;
  for (const bad of [0, -1, 1.5, NaN, Infinity, 1e9, MAX + 1, "1000", 10n, null, {}]) {
    hammer(1, "INVALID_OPTIONS", () => new WasenderWebhook({ secret: SECRET, maxBodyBytes: bad }));
  }
  const hook = new WasenderWebhook({ secret: SECRET, maxBodyBytes: MAX });
  assert.equal(hook.maxBodyBytes, MAX);
  const head = '{"event":"messages.upsert","data":{"messages":{"key":{"id":"BIG","remoteJid":"1@s.whatsapp.net"},"message":{"conversation":"';
  const tail = '"}}}}';
  const room = MAX - head.length - tail.length; // filled with 2-byte characters (and one ASCII if odd)
  const text = "é".repeat(room >> 1) + "a".repeat(room & 1);
  const bytes = new TextEncoder().encode(head + text + tail);
  assert.equal(bytes.length, MAX);
  for (let i = 0; i < 8; i++) {
    assert.equal(hook.handleWebhookEvent(bytes, SECRET).messages[0].text, text);
  }
  hammer(3, "BODY_TOO_LARGE", () => hook.handleWebhookEvent(new Uint8Array(MAX + 1), SECRET));
  assertHealthy(hook);
});

test("limits: a huge signature header is refused before it is copied in", () => {
  const hook = new WasenderWebhook({ secret: SECRET });
  hook.verify(body, SECRET);
  const before = wasmBytes();
  const huge = "x".repeat(10 * 1024 * 1024);
  for (let i = 0; i < 20; i++) {
    try {
      hook.verify(body, huge);
      assert.fail("accepted");
    } catch (e) {
      assert.equal(e.code, "INVALID_SIGNATURE");
      assert.ok(e.message.length < 200 && !e.message.includes("xxxx"), "the header is not echoed");
    }
  }
  assert.equal(wasmBytes(), before);
  // The longest accepted header is the longest secret the scheme takes.
  const longest = "s".repeat(4096);
  assert.equal(new WasenderWebhook({ secret: longest }).verify(body, longest), 0);
  hammer(1, "INVALID_OPTIONS", () => new WasenderWebhook({ secret: longest + "s" }));
  assert.equal(new WasenderWebhook({ secret: longest + "s", scheme: "hmac-sha256" }).scheme, "hmac-sha256", "HMAC keys may be longer");
});

test("options: unknown names and unset variables are named, with the fix", () => {
  const message = (options) => {
    try {
      new WasenderWebhook(options);
    } catch (e) {
      return `${e.code} ${e.message}`;
    }
    return "accepted";
  };
  assert.match(message({ secrett: SECRET }), /^INVALID_OPTIONS .*unknown option `secrett` \(did you mean `secret`\?\)/);
  assert.match(message({ secret: SECRET, maxbodybytes: 10 }), /did you mean `maxBodyBytes`/);
  assert.match(message({ secret: undefined }), /^MISSING_SECRET .*`secret` is undefined \(is an environment variable unset\?\)/);
  assert.match(message({ secrets: [SECRET, undefined] }), /^MISSING_SECRET .*`secrets\[1\]` is undefined/);
  assert.match(message({ secret: "" }), /^MISSING_SECRET .*environment variable/);
  assert.match(message({ secret: 42 }), /^INVALID_OPTIONS .*`secret` must be a string or a Uint8Array, found number/);
  assert.match(message({ secret: SECRET, scheme: { toString: () => "wasender" } }), /^INVALID_OPTIONS .*scheme/);
  assert.equal(message({ secret: new TextEncoder().encode(SECRET) }), "accepted");
});

test("memory: per-request options objects and the one-shot form build no wasm state per call", async () => {
  const run = async (n) => {
    for (let i = 0; i < n; i++) {
      handleWebhookEvent(body, SECRET, { secret: SECRET });
      new WasenderWebhook({ secret: SECRET }).verify(body, SECRET);
      const request = new Request("http://x/", { method: "POST", body, headers: { "x-webhook-signature": SECRET } });
      await verifyRequest(request, { secret: SECRET });
    }
  };
  await run(2000); // warm-up: the allocator settles
  const before = wasmBytes();
  await run(50_000);
  assert.equal(wasmBytes(), before, "wasm memory did not grow over 150,000 per-request hooks");
  // Distinct configurations beyond the shared few still work (and are released by GC).
  for (let i = 0; i < 100; i++) assert.equal(handleWebhookEvent(body, `s-${i}`, { secret: `s-${i}` }).event, "messages.upsert");
});

test("one interpretation: ids that differ only in a lone surrogate stay two messages", async () => {
  const hook = new WasenderWebhook({ secret: SECRET });
  const dedupe = createDeduplicator();
  const deliver = (id) =>
    hook.handleWebhookEvent(`{"event":"messages.upsert","data":{"messages":{"key":{"id":"${id}","remoteJid":"1@s.whatsapp.net"},"message":{"conversation":"x"}}}}`, SECRET);
  const [a, b] = [deliver("\\ud800A"), deliver("\\udc00A")];
  assert.equal(a.messages[0].id, a.data.messages.key.id);
  assert.equal(a.messages[0].id, "\ud800A");
  assert.notEqual(a.messages[0].id, b.messages[0].id);
  assert.equal(await dedupe.isDuplicate(a), false);
  assert.equal(await dedupe.isDuplicate(b), false, "not collapsed into the first");
  // A key with no id or chat has no such view fields, and is never a duplicate.
  const keyless = hook.handleWebhookEvent('{"event":"messages.upsert","data":{"messages":{"key":{},"message":{"conversation":"x"}}}}', SECRET);
  assert.equal("id" in keyless.messages[0], false);
  assert.equal("chatJid" in keyless.messages[0], false);
  assert.equal(await dedupe.isDuplicate(keyless), false);
  assert.equal(await dedupe.isDuplicate(keyless), false, "a message without an id is never taken for another");
  // JIDs with ':' (device suffixes) cannot collide with another chat and id.
  const pair = (chat, id) =>
    hook.handleWebhookEvent(JSON.stringify({ event: "messages.upsert", data: { messages: { key: { id, remoteJid: chat }, message: { conversation: "x" } } } }), SECRET);
  assert.equal(await dedupe.isDuplicate(pair("a:b", "c")), false);
  assert.equal(await dedupe.isDuplicate(pair("a", "b:c")), false);
});

// --- the adapters always answer ------------------------------------------

const rejectsWith = (promise, code) =>
  assert.rejects(promise, (e) => {
    assert.ok(e instanceof WebhookError, `a WebhookError, not ${e?.name}: ${e?.message}`);
    assert.equal(e.code, code, e.message);
    return true;
  });

const signed = (init = {}) => new Request("http://x/", { method: "POST", body, headers: { "x-webhook-signature": SECRET }, ...init });

test("fetch: a used, locked, failing or foreign body is a WebhookError naming the cause", async () => {
  const used = signed();
  await used.text();
  await rejectsWith(verifyRequest(used, { secret: SECRET }), "BODY_ALREADY_READ");
  const locked = signed();
  locked.body.getReader();
  await rejectsWith(verifyRequest(locked, { secret: SECRET }), "BODY_ALREADY_READ");
  const failing = new ReadableStream({
    start(controller) {
      controller.enqueue(new TextEncoder().encode(body.slice(0, 20)));
      controller.error(new Error("connection reset"));
    },
  });
  await rejectsWith(verifyRequest(signed({ body: failing, duplex: "half" }), { secret: SECRET }), "BODY_INCOMPLETE");
  const strings = new ReadableStream({
    start(controller) {
      controller.enqueue(body);
      controller.close();
    },
  });
  await rejectsWith(verifyRequest({ headers: new Headers({ "x-webhook-signature": SECRET }), body: strings, bodyUsed: false }, { secret: SECRET }), "UNREADABLE_BODY");
  await rejectsWith(verifyRequest({ body }, { secret: SECRET }), "UNREADABLE_BODY");
  assert.equal((await verifyRequest(signed(), { secret: SECRET })).event, "messages.upsert");
});

test("fetch: webhookHandler always answers; server-side errors are logged once and answered generically", async () => {
  assert.throws(() => webhookHandler({ secret: undefined }, () => {}), (e) => e.code === "MISSING_SECRET" && /environment variable/.test(e.message));
  assert.throws(() => webhookHandler({ secrett: SECRET }, () => {}), (e) => e.code === "INVALID_OPTIONS");
  const logs = [];
  const original = console.error;
  console.error = (...args) => logs.push(args.join(" "));
  try {
    const handler = webhookHandler((env) => ({ secret: env.SECRET }), () => {});
    for (let i = 0; i < 3; i++) {
      const response = await handler(signed(), { SECRET: undefined });
      assert.equal(response.status, 500);
      const { error } = await response.json();
      assert.equal(error.code, "INTERNAL_ERROR");
      assert.doesNotMatch(error.message, /secret|environment/i, "nothing about the configuration told to the sender");
    }
    assert.equal(logs.length, 1, "logged once");
    assert.match(logs[0], /MISSING_SECRET.*environment variable/);
    const throwing = webhookHandler(() => {
      throw new Error("boom");
    }, () => {});
    assert.equal((await throwing(signed(), {})).status, 500);
    const good = webhookHandler({ secret: SECRET }, () => {});
    const used = signed();
    await used.arrayBuffer();
    assert.equal((await good(used)).status, 500, "a body read before the handler is the server's mistake");
    const failing = new ReadableStream({
      pull(controller) {
        controller.error(new Error("reset"));
      },
    });
    const broken = await good(signed({ body: failing, duplex: "half" }));
    assert.deepEqual([broken.status, (await broken.json()).error.code], [400, "BODY_INCOMPLETE"]);
  } finally {
    console.error = original;
  }
});

async function withServer(onRequest, run) {
  const server = createServer(onRequest);
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  try {
    return await run(server.address().port);
  } finally {
    server.closeAllConnections?.();
    server.close();
  }
}

/** Answer with the event's name or the error's code, like the examples do. */
const answerWith = (prepare, options = { secret: SECRET }) => async (req, res) => {
  try {
    await prepare(req);
    const event = await verifyNodeRequest(req, options);
    res.end(event.event);
  } catch (e) {
    res.writeHead(e instanceof WebhookError ? e.status : 599).end(e instanceof WebhookError ? e.code : `raw ${e?.name}`);
  }
};

/** POST `chunks` with chunked encoding; the status and text answered (or the client's error). */
function post(port, chunks, headers = { "x-webhook-signature": SECRET }) {
  return new Promise((resolve) => {
    const req = httpRequest({ port, host: "127.0.0.1", method: "POST", headers }, (res) => {
      let text = "";
      res.on("data", (c) => (text += c));
      res.on("end", () => resolve([res.statusCode, text]));
      res.on("error", () => resolve([res.statusCode, text]));
    });
    req.on("error", (e) => resolve(["client error", e.code]));
    (async () => {
      for (const chunk of chunks) {
        if (!req.write(chunk)) await new Promise((r) => req.once("drain", r));
      }
      req.end();
    })().catch(() => {});
  });
}

test("node: a stream read by a parser, or decoded by setEncoding, is named with the fix", async () => {
  const consumeFirst = async (req) => {
    for await (const _ of req);
    req.body = {}; // what express.json() leaves
  };
  await withServer(answerWith(consumeFirst), async (port) => {
    assert.deepEqual(await post(port, [body]), [500, "BODY_ALREADY_READ"]);
  });
  let message;
  await withServer(async (req, res) => {
    for await (const _ of req);
    try {
      await verifyNodeRequest(req, { secret: SECRET });
    } catch (e) {
      message = e.message;
    }
    res.end();
  }, (port) => post(port, [body]));
  assert.match(message, /express\.json\(\).*express\.raw/);
  await withServer(answerWith(async (req) => req.setEncoding("latin1")), async (port) => {
    assert.deepEqual(await post(port, [body]), [500, "BODY_ALREADY_READ"]);
  });
});

test("node: a chunked body over the limit is answered 413, not a reset connection", async () => {
  const options = { secret: SECRET, maxBodyBytes: 64 * 1024 };
  await withServer(answerWith(async () => {}, options), async (port) => {
    const chunk = "x".repeat(16 * 1024);
    assert.deepEqual(await post(port, Array(20).fill(chunk)), [413, "BODY_TOO_LARGE"], "320 KB, drained");
    const big = await post(port, Array(800).fill(chunk)); // 12.8 MB: cut after the drain
    assert.equal(big[0], 413, `the client saw ${big}`);
    assert.deepEqual(await post(port, [body]), [200, "messages.upsert"], "the server still answers");
  });
});

test("node: a sender that breaks off mid-body is BODY_INCOMPLETE; Koa, Fastify and rawBody shapes are read", async () => {
  let outcome;
  const done = new Promise((resolve) => {
    outcome = resolve;
  });
  await withServer(async (req, res) => {
    try {
      await verifyNodeRequest(req, { secret: SECRET });
      outcome("accepted");
    } catch (e) {
      outcome(e instanceof WebhookError ? e.code : `raw ${e?.name}`);
    }
    res.destroy();
  }, async (port) => {
    const req = httpRequest({ port, host: "127.0.0.1", method: "POST", headers: { "x-webhook-signature": SECRET, "content-length": "1000" } });
    req.on("error", () => {});
    req.write(body.slice(0, 50));
    setTimeout(() => req.destroy(), 50);
    assert.equal(await done, "BODY_INCOMPLETE");
  });
  await withServer(async (req, res) => {
    const koa = { req, headers: req.headers, get: (name) => req.headers[name] ?? "" };
    const fastify = { raw: req, headers: req.headers };
    const which = req.headers["x-shape"];
    try {
      const event = await verifyNodeRequest(which === "koa" ? koa : fastify, { secret: SECRET });
      res.end(event.event);
    } catch (e) {
      res.writeHead(e.status).end(e.code);
    }
  }, async (port) => {
    for (const shape of ["koa", "fastify"]) {
      assert.deepEqual(await post(port, [body], { "x-webhook-signature": SECRET, "x-shape": shape }), [200, "messages.upsert"], shape);
    }
  });
  const nest = { headers: { "x-webhook-signature": SECRET }, body: JSON.parse(body), rawBody: Buffer.from(body) };
  assert.equal((await verifyNodeRequest(nest, { secret: SECRET })).event, "messages.upsert");
  const koaParsed = { headers: { "x-webhook-signature": SECRET }, body: JSON.parse(body), rawBody: body };
  assert.equal((await verifyNodeRequest(koaParsed, { secret: SECRET })).event, "messages.upsert");
  await rejectsWith(verifyNodeRequest(null, { secret: SECRET }), "UNREADABLE_BODY");
  await rejectsWith(verifyNodeRequest({ headers: {} }, { secret: SECRET }), "UNREADABLE_BODY");
});

// --- differential: mutated deliveries against TextDecoder + JSON.parse -----

/** A small seeded PRNG (mulberry32), so a failure can be replayed. */
function random(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SPICE = [0x22, 0x5c, 0x7b, 0x7d, 0x5b, 0x5d, 0x2c, 0x3a, 0x00, 0x0a, 0x80, 0xc3, 0xed, 0xf0, 0xff, 0x30, 0x2d, 0x65, 0x75];

function mutate(bytes, next) {
  const out = Array.from(bytes);
  const edits = 1 + Math.floor(next() * 3);
  for (let e = 0; e < edits; e++) {
    const at = Math.floor(next() * (out.length + 1));
    const pick = next();
    const spice = SPICE[Math.floor(next() * SPICE.length)];
    if (pick < 0.3) out[at] = spice;
    else if (pick < 0.55) out.splice(at, 0, spice);
    else if (pick < 0.75) out.splice(at, 1 + Math.floor(next() * 4));
    else if (pick < 0.85) out.length = at;
    else if (pick < 0.95) out.splice(at, 0, ...new TextEncoder().encode(["\\ud800", "\\u0000", "1e999", "-0", '"\\udc00"', "😀"][Math.floor(next() * 6)]));
    else out.splice(at, 0, 0xed, 0xa0, 0x80); // a surrogate written as UTF-8: never valid
  }
  return Uint8Array.from(out);
}

test("differential: mutated fixtures agree with TextDecoder({ fatal }) + JSON.parse", () => {
  const hook = new WasenderWebhook({ secret: SECRET, maxBodyBytes: 1 << 20 });
  const decoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
  const dir = new URL("./fixtures/events/", import.meta.url);
  const next = random(0x5eed);
  const tally = { invalidJson: 0, invalidPayload: 0, accepted: 0 };
  for (const name of readdirSync(dir).sort()) {
    const original = readFileSync(new URL(name, dir));
    for (let i = 0; i < 300; i++) {
      const bytes = mutate(original, next);
      let reference;
      let text;
      try {
        text = decoder.decode(bytes);
        reference = { value: JSON.parse(text) };
      } catch {
        reference = undefined;
      }
      const where = `${name} mutation ${i}: ${JSON.stringify(new TextDecoder().decode(bytes).slice(0, 120))}`;
      for (const input of reference === undefined ? [bytes] : [bytes, text]) {
        let event;
        try {
          event = hook.handleWebhookEvent(input, SECRET);
        } catch (e) {
          assert.ok(e instanceof WebhookError, `${where}: ${e}`);
          if (reference === undefined) assert.equal(e.code, "INVALID_JSON", where);
          else assert.equal(e.code, "INVALID_PAYLOAD", `${where}: JSON.parse took it, so only its shape may be refused (${e.message})`);
          tally[e.code === "INVALID_JSON" ? "invalidJson" : "invalidPayload"]++;
          continue;
        }
        assert.notEqual(reference, undefined, `${where}: accepted what JSON.parse refuses`);
        const { data, ...envelope } = reference.value;
        assert.deepStrictEqual(event.data, data, where);
        assert.deepStrictEqual(event.envelope, envelope, where);
        tally.accepted++;
      }
    }
  }
  // The mutations reach every outcome, so the comparison is not vacuous.
  for (const [outcome, n] of Object.entries(tally)) assert.ok(n > 100, `${outcome}: ${n}`);
});
