// examples/axum, the Rust crate's extractor in a standalone axum project
// (its own Cargo.toml and lock file, the core by path with the `axum` and
// `serde` features): built here, started on 127.0.0.1, and sent the
// deliveries every host must answer the same way (genuine, forged,
// unsigned, oversized with and without Content-Length, malformed). Each
// genuine event goes, owned, into a spawned task that serialises it with
// serde into OUTBOX: those files must deep-equal the npm package's event
// for the same bytes.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ROOT, checkWebhook, deliveryOfSize, exampleDir, startExample } from "../helpers/frameworks.mjs";
import { SECRET, bodyOf, deliveries } from "../helpers/deliveries.mjs";
import { WasenderWebhook } from "../../pkg/node.mjs";

const dir = exampleDir("axum");
// The root's target dir: the core and the shared crates compile once.
const targetDir = join(ROOT, "target");
const binary = join(targetDir, "debug", "wasender-webhook-axum-example");

async function outboxFiles(outbox, count) {
  for (let waited = 0; waited < 10_000; waited += 50) {
    const files = readdirSync(outbox).filter((f) => f.endsWith(".json"));
    if (files.length >= count) return files.sort();
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`fewer than ${count} events reached ${outbox}`);
}

test("axum example", async (t) => {
  execFileSync("cargo", ["build", "--locked", "--quiet", "--manifest-path", join(dir, "Cargo.toml"), "--target-dir", targetDir], { stdio: "inherit" });

  await t.test("refuses to start without a secret, saying why", () => {
    const run = spawnSync(binary, [], { env: { ...process.env, WASENDER_WEBHOOK_SECRET: "", PORT: "0" }, encoding: "utf8", timeout: 10_000 });
    assert.equal(run.status, 1, run.stderr);
    assert.match(run.stderr, /^MISSING_SECRET: /);
  });

  await t.test("answers every delivery, and forwards genuine events as the package's objects", async () => {
    const outbox = mkdtempSync(join(tmpdir(), "axum-outbox-"));
    const { startServer } = await import("../helpers/server.mjs");
    const server = await startServer({ command: binary, cwd: dir, env: { WASENDER_WEBHOOK_SECRET: SECRET, PORT: "0", OUTBOX: outbox }, ready: /listening on (http:\/\/\S+)/ });
    try {
      const answers = await checkWebhook(server, server.url, { ok: true, event: "messages.upsert" });
      for (const [name, code] of [["forged", "INVALID_SIGNATURE"], ["unsigned", "MISSING_SIGNATURE"], ["oversized", "BODY_TOO_LARGE"], ["streamedOversized", "BODY_TOO_LARGE"], ["malformed", "INVALID_JSON"]]) {
        assert.deepEqual(Object.keys(JSON.parse(answers[name].text)), ["error"], name);
        assert.equal(JSON.parse(answers[name].text).error.code, code, name);
      }
      // The four genuine deliveries (genuine, sessionStatus, largest, stillUp), in any order.
      const files = await outboxFiles(outbox, 4);
      assert.equal(files.length, 4, files.join());
      const hook = new WasenderWebhook({ secret: SECRET });
      const upsert = bodyOf(deliveries.messageUpsert);
      const expected = [upsert, bodyOf(deliveries.sessionStatus), deliveryOfSize(1 << 20), upsert].map((body) => hook.handleWebhookEvent(body, SECRET));
      const forwarded = files.map((f) => JSON.parse(readFileSync(join(outbox, f), "utf8")));
      for (const event of forwarded) {
        const at = expected.findIndex((e) => {
          try {
            assert.deepEqual(event, e);
            return true;
          } catch {
            return false;
          }
        });
        assert.notEqual(at, -1, `a forwarded event is no package event: ${JSON.stringify(event).slice(0, 300)}`);
        expected.splice(at, 1);
      }
      assert.equal(server.logs().includes(SECRET), false, "the log holds the secret");
      assert.equal(server.logs().includes(deliveries.messageUpsert.sessionId), false, "the log holds a sessionId");
    } finally {
      await server.stop();
      rmSync(outbox, { recursive: true, force: true });
    }
  });
});
