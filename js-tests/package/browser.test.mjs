// The browser entry in real headless Chromium (Debian's): served over
// http from the installed package, loaded by a page as an ES module,
// with a failing init() retried, init() called concurrently, then a genuine
// and a forged delivery and every fixture.
import { test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { pageResult, serve } from "./chromium.mjs";
import { SECRET, SESSION_ID, bodyOf, deliveries } from "./deliveries.mjs";

const packageDir = join(process.cwd(), "node_modules", "wasender-webhook");
const body = new TextDecoder().decode(bodyOf(deliveries.messageUpsert));

const page = `<!doctype html><meta charset="utf-8"><body>running</body>
<script type="module">
  const out = {};
  try {
    const { init, WasenderWebhook, WebhookError, handleWebhookEvent } = await import("/pkg/browser.mjs");
    try { new WasenderWebhook({ secret: "x" }); } catch (e) { out.beforeInit = [e instanceof WebhookError, e.code, e.status]; }
    out.failedLoad = await init("/pkg/missing.wasm").then(() => "loaded", () => "rejected");
    const first = init(), second = init();
    out.sharedLoad = first === second;
    await Promise.all([first, second, init()]);
    const hook = new WasenderWebhook({ secret: ${JSON.stringify(SECRET)} });
    const bytes = new TextEncoder().encode(${JSON.stringify(body)});
    out.event = hook.handleWebhookEvent(bytes, ${JSON.stringify(SECRET)});
    out.oneShot = handleWebhookEvent(bytes.buffer, ${JSON.stringify(SECRET)}, { secret: ${JSON.stringify(SECRET)} }).event;
    try { hook.handleWebhookEvent(bytes, "forged"); } catch (e) { out.forged = [e instanceof WebhookError, e instanceof Error, e.code, e.status]; }
    // hmac-sha256 over 1 KiB: the wasm's own HMAC (a page has no synchronous
    // one to offer), checked against WebCrypto's.
    const long = new TextEncoder().encode(JSON.stringify({ ...JSON.parse(new TextDecoder().decode(bytes)), note: "olá 👋🏽 ".repeat(300) }));
    const key = await crypto.subtle.importKey("raw", new TextEncoder().encode(${JSON.stringify(SECRET)}), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
    const tag = [...new Uint8Array(await crypto.subtle.sign("HMAC", key, long))].map((b) => b.toString(16).padStart(2, "0")).join("");
    const hmacHook = new WasenderWebhook({ secret: ${JSON.stringify(SECRET)}, scheme: "hmac-sha256" });
    out.hmacLong = [hmacHook.handleWebhookEvent(long, tag).event, long.length >= 1024];
    try { hmacHook.handleWebhookEvent(long, (tag[0] === "0" ? "1" : "0") + tag.slice(1)); } catch (e) { out.hmacForged = e.code; }
    const { checkFixture } = await import("/check-fixture.mjs");
    const expected = await (await fetch("/fixtures/expected.json")).json();
    out.fixtures = { count: 0, failures: {} };
    for (const [name, expect] of Object.entries(expected)) {
      const fixture = new Uint8Array(await (await fetch("/fixtures/events/" + name + ".json")).arrayBuffer());
      const problems = checkFixture(new TextDecoder().decode(fixture), expect, () => hook.handleWebhookEvent(fixture, ${JSON.stringify(SECRET)}));
      out.fixtures.count++;
      if (problems.length) out.fixtures.failures[name] = problems;
    }
  } catch (e) {
    out.error = String(e && e.stack || e);
  }
  document.body.textContent = "RESULT" + JSON.stringify(out) + "END";
</script>`;

async function servePage() {
  // /pkg/… is the installed package; anything else comes from this test's folder.
  return serve({ routes: { "/pkg/": packageDir, "/": process.cwd() }, pages: { "/": page } });
}

test("in Chromium: NOT_INITIALIZED before init(), one shared load, then verify and parse", async () => {
  const server = await servePage();
  try {
    const out = await pageResult(`http://127.0.0.1:${server.address().port}/`);
    assert.equal(out.error, undefined);
    assert.deepEqual(out.beforeInit, [true, "NOT_INITIALIZED", 500]);
    assert.equal(out.failedLoad, "rejected", "a failed load rejects …");
    assert.equal(out.sharedLoad, true, "… and the next init() starts one fresh, shared load");
    assert.deepEqual(out.event.data, JSON.parse(body).data);
    assert.equal(out.event.sessionId, SESSION_ID);
    assert.equal(out.oneShot, "messages.upsert");
    assert.deepEqual(out.forged, [true, true, "INVALID_SIGNATURE", 401]);
    assert.deepEqual(out.hmacLong, ["messages.upsert", true]);
    assert.equal(out.hmacForged, "INVALID_SIGNATURE");
    assert.deepEqual(out.fixtures.failures, {});
    assert.ok(out.fixtures.count >= 60, `${out.fixtures.count} fixtures ran in the browser`);
  } finally {
    server.close();
  }
});
