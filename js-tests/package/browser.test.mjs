// The browser entry in real headless Chromium (Debian's): served over
// http from the installed package, loaded by a page as an ES module,
// with a failing init() retried, init() called concurrently, then a genuine
// and a forged delivery and every fixture.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { extname, join, normalize } from "node:path";
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

const types = { ".mjs": "text/javascript", ".js": "text/javascript", ".wasm": "application/wasm" };

function serve() {
  const server = createServer((req, res) => {
    const path = new URL(req.url, "http://x").pathname;
    if (path === "/") return res.writeHead(200, { "content-type": "text/html" }).end(page);
    // /pkg/… is the installed package; anything else comes from this test's folder.
    const root = path.startsWith("/pkg/") ? packageDir : process.cwd();
    const file = normalize(join(root, path.replace(/^\/pkg\//, "/")));
    if (!file.startsWith(root)) return res.writeHead(404).end();
    let content;
    try {
      content = readFileSync(file);
    } catch {
      return res.writeHead(404).end();
    }
    res.writeHead(200, { "content-type": types[extname(file)] ?? "application/octet-stream" }).end(content);
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

function chromium(url) {
  const profile = mkdtempSync(join(tmpdir(), "chromium-"));
  // The flags keep Chromium off the (closed) network and quiet as root.
  const args = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic",
    `--user-data-dir=${profile}`, "--virtual-time-budget=20000", "--dump-dom", url,
  ];
  return new Promise((resolve, reject) => {
    execFile("chromium", args, { timeout: 60_000, maxBuffer: 1 << 20 }, (error, stdout, stderr) => {
      rmSync(profile, { recursive: true, force: true });
      const match = /RESULT(.*)END/s.exec(stdout);
      if (match) resolve(JSON.parse(match[1].replaceAll("&amp;", "&").replaceAll("&lt;", "<").replaceAll("&gt;", ">")));
      else reject(new Error(`no result from Chromium (${error?.message ?? "exit 0"}):\n${stdout}\n${stderr}`));
    });
  });
}

test("in Chromium: NOT_INITIALIZED before init(), one shared load, then verify and parse", async () => {
  const server = await serve();
  try {
    const out = await chromium(`http://127.0.0.1:${server.address().port}/`);
    assert.equal(out.error, undefined);
    assert.deepEqual(out.beforeInit, [true, "NOT_INITIALIZED", 500]);
    assert.equal(out.failedLoad, "rejected", "a failed load rejects …");
    assert.equal(out.sharedLoad, true, "… and the next init() starts one fresh, shared load");
    assert.deepEqual(out.event.data, JSON.parse(body).data);
    assert.equal(out.event.sessionId, SESSION_ID);
    assert.equal(out.oneShot, "messages.upsert");
    assert.deepEqual(out.forged, [true, true, "INVALID_SIGNATURE", 401]);
    assert.deepEqual(out.fixtures.failures, {});
    assert.ok(out.fixtures.count >= 60, `${out.fixtures.count} fixtures ran in the browser`);
  } finally {
    server.close();
  }
});
