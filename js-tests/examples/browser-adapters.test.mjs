// The fetch adapters on the browser entry (fetch.browser.mjs: service
// workers, bundled edge code without an edge-light entry) in headless
// Chromium, from the packed tarball: no `await init()` anywhere. The
// adapters load the wasm on first use (one load for concurrent first
// deliveries), webhookHandler takes static options before it is loaded, and
// a wasm that cannot be fetched is a NOT_INITIALIZED WebhookError (a generic
// 500 from webhookHandler), not a raw error.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { join } from "node:path";
import { pageResult, serve } from "../helpers/chromium.mjs";
import { SECRET, bodyOf, deliveries } from "../helpers/deliveries.mjs";
import { ROOT, packTarball } from "../helpers/frameworks.mjs";

const body = new TextDecoder().decode(bodyOf(deliveries.messageUpsert));

const page = (pkg) => `<!doctype html><meta charset="utf-8"><body>running</body>
<script type="module">
  const out = {};
  const SECRET = ${JSON.stringify(SECRET)};
  const body = ${JSON.stringify(body)};
  const delivery = (signature) => new Request("https://example.com/webhook", { method: "POST", body, headers: { "content-type": "application/json", "x-webhook-signature": signature } });
  const errors = [];
  console.error = (...args) => errors.push(args.map(String).join(" "));
  try {
    const { webhookHandler, verifyRequest } = await import("/${pkg}/fetch.browser.mjs");
    const handled = [];
    const handler = webhookHandler({ secret: SECRET }, (event) => { handled.push(event.event); });
    const answers = await Promise.all([handler(delivery(SECRET)), handler(delivery("forged"))]);
    out.answers = await Promise.all(answers.map(async (res) => [res.status, await res.json()]));
    out.handled = handled;
    out.verifyRequest = await verifyRequest(delivery(SECRET), { secret: SECRET }).then((event) => event.event, (e) => [e.name, e.code, e.status]);
    const { WasenderWebhook } = await import("/${pkg}/browser.mjs");
    out.syncApiAfter = await Promise.resolve().then(() => new WasenderWebhook({ secret: SECRET }).handleWebhookEvent(new TextEncoder().encode(body), SECRET).event).catch((e) => e.code);
    try { webhookHandler({ secret: "" }, () => {}); out.emptySecret = "accepted"; } catch (e) { out.emptySecret = e.code; }
  } catch (e) {
    out.error = String(e && e.stack || e);
  }
  out.logged = errors;
  document.body.textContent = "RESULT" + JSON.stringify(out) + "END";
</script>`;

test("browser entry: verifyRequest and webhookHandler load the wasm themselves", async (t) => {
  const { tarball, remove } = packTarball();
  const dir = mkdtempSync(join(ROOT, "js-tests", ".tmp", "browser-adapters-"));
  let server;
  try {
    execFileSync("tar", ["-xzf", tarball, "-C", dir]);
    const pkg = join(dir, "package");
    // The same files with no wasm to fetch.
    const broken = join(dir, "broken");
    cpSync(pkg, broken, { recursive: true });
    rmSync(join(broken, "dist", "wasender_webhook_bg.wasm"));
    server = await serve({ routes: { "/pkg/": pkg, "/broken/": broken }, pages: { "/": page("pkg"), "/broken.html": page("broken") } });
    const base = `http://127.0.0.1:${server.address().port}`;

    await t.test("loads on first use, once, with no init()", async () => {
      const out = await pageResult(`${base}/`);
      assert.equal(out.error, undefined, out.error);
      assert.deepEqual(out.answers, [
        [200, { ok: true, event: "messages.upsert" }],
        [401, { error: { code: "INVALID_SIGNATURE", message: out.answers[1][1].error.message } }],
      ]);
      assert.deepEqual(out.handled, ["messages.upsert"]);
      assert.equal(out.verifyRequest, "messages.upsert");
      assert.equal(out.syncApiAfter, "messages.upsert");
      assert.equal(out.emptySecret, "MISSING_SECRET", "static options are checked at creation once the wasm is loaded");
      assert.deepEqual(out.logged, []);
    });

    await t.test("a wasm that cannot be fetched: NOT_INITIALIZED, and a generic 500", async () => {
      const out = await pageResult(`${base}/broken.html`);
      assert.equal(out.error, undefined, out.error);
      assert.deepEqual(out.answers.map(([status, json]) => [status, json.error.code]), [[500, "INTERNAL_ERROR"], [500, "INTERNAL_ERROR"]]);
      assert.deepEqual(out.verifyRequest, ["WebhookError", "NOT_INITIALIZED", 500]);
      assert.equal(out.logged.length, 1, `logged once: ${JSON.stringify(out.logged)}`);
      assert.match(out.logged[0], /NOT_INITIALIZED/);
    });
  } finally {
    server?.close();
    remove();
    rmSync(dir, { recursive: true, force: true });
  }
});
