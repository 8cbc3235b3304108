// examples/hyper, the Rust crate's `http` feature on bare hyper 1 (its own
// Cargo.toml and lock file, the core by path): built here, started on
// 127.0.0.1, and sent the deliveries every host must answer the same way
// (genuine, forged, unsigned, oversized with and without Content-Length,
// malformed), each error with the adapters' {"error":{"code","message"}}.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { ROOT, checkWebhook, exampleDir } from "../helpers/frameworks.mjs";
import { SECRET } from "../helpers/deliveries.mjs";
import { startServer } from "../helpers/server.mjs";

const dir = exampleDir("hyper");
const targetDir = join(ROOT, "target"); // shared with the root and examples/axum

test("hyper example", async () => {
  execFileSync("cargo", ["build", "--locked", "--quiet", "--manifest-path", join(dir, "Cargo.toml"), "--target-dir", targetDir], { stdio: "inherit" });
  const binary = join(targetDir, "debug", "wasender-webhook-hyper-example");
  const server = await startServer({ command: binary, cwd: dir, env: { WASENDER_WEBHOOK_SECRET: SECRET, PORT: "0" }, ready: /listening on (http:\/\/\S+)/ });
  try {
    const answers = await checkWebhook(server, server.url, { ok: true, event: "messages.upsert" });
    for (const [name, code] of [["forged", "INVALID_SIGNATURE"], ["unsigned", "MISSING_SIGNATURE"], ["oversized", "BODY_TOO_LARGE"], ["streamedOversized", "BODY_TOO_LARGE"], ["malformed", "INVALID_JSON"]]) {
      assert.equal(JSON.parse(answers[name].text).error.code, code, name);
    }
    const get = await fetch(server.url);
    assert.deepEqual([get.status, get.headers.get("allow"), (await get.json()).error.code], [405, "POST", "METHOD_NOT_ALLOWED"]);
    assert.match(server.logs(), /messages\.upsert with 1 message\(s\)/);
    assert.equal(server.logs().includes(SECRET), false, "the log holds the secret");
  } finally {
    await server.stop();
  }
});
