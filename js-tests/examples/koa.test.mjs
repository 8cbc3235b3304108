// examples/koa (Koa 3, @koa/router) with the packed tarball, twice: with no
// body parser (the adapter reads ctx.request's stream) and with
// koa-bodyparser ahead of every route (the stream is spent; the adapter
// verifies the parser's ctx.request.rawBody, and other routes still get the
// parsed body). Both files type-check (strict, checkJs) against @types/koa.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { checkOtherRoute, checkWebhook, exampleDir, installPackage, startExample } from "../helpers/frameworks.mjs";

const dir = exampleDir("koa");

const start = (file) => startExample(dir, [file]);

test("Koa", async (t) => {
  installPackage(t, dir);
  execFileSync(join(dir, "node_modules", ".bin", "tsc"), ["-p", dir], { stdio: "inherit" });

  await t.test("without a body parser: the adapter reads the stream", async () => {
    const server = await start("server.mjs");
    try {
      const answers = await checkWebhook(server);
      assert.equal(JSON.parse(answers.oversized.text).error.code, "BODY_TOO_LARGE");
      assert.equal(JSON.parse(answers.malformed.text).error.code, "INVALID_JSON");
    } finally {
      await server.stop();
    }
  });

  await t.test("with koa-bodyparser ahead: the adapter verifies its rawBody", async () => {
    const server = await start("with-bodyparser.mjs");
    try {
      // The parser answers the oversized (413) and malformed (400) ones itself.
      await checkWebhook(server);
      await checkOtherRoute(server, "/orders");
    } finally {
      await server.stop();
    }
  });
});
