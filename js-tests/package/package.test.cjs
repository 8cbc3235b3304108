// The packed npm tarball, installed in a fresh project, through `require`.
const { test } = require("node:test");
const assert = require("node:assert/strict");
const { WasenderWebhook, WebhookError, handleWebhookEvent, init } = require("wasender-webhook");

const SECRET = "cjs-secret-0123456789abcdef";
const text = JSON.stringify({ event: "session.status", timestamp: 1763776801, data: { status: "connected" } });

test("require resolves to the CommonJS entry (Bun requires the ESM one, which it can)", () => {
  const entry = process.versions.bun ? "node.mjs" : "node.cjs";
  assert.ok(require.resolve("wasender-webhook").endsWith(`/node_modules/wasender-webhook/${entry}`), require.resolve("wasender-webhook"));
});

test("verifies and parses synchronously right after require", async () => {
  const hook = new WasenderWebhook({ secret: SECRET });
  const event = hook.handleWebhookEvent(Buffer.from(text), SECRET);
  assert.deepEqual(event.data, JSON.parse(text).data);
  assert.equal(event.sessionStatus, "connected");
  assert.deepEqual(handleWebhookEvent(text, SECRET, { secret: SECRET }), event);
  await init();
});

test("failures are WebhookError instances with code and status", () => {
  const hook = new WasenderWebhook({ secret: SECRET });
  assert.throws(
    () => hook.handleWebhookEvent(text, "forged"),
    (e) => e instanceof WebhookError && e instanceof Error && e.code === "INVALID_SIGNATURE" && e.status === 401,
  );
  assert.throws(() => new WasenderWebhook({}), (e) => e instanceof WebhookError && e.code === "MISSING_SECRET");
});
