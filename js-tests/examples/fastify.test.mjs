// examples/fastify (Fastify 5) with the packed tarball: the webhook as an
// encapsulated plugin whose JSON parser keeps the raw bytes, while a route
// outside it still gets parsed JSON; server.mjs type-checks (strict,
// checkJs) with verifyNodeRequest given a Fastify request.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { checkOtherRoute, checkWebhook, exampleDir, installPackage, startExample } from "../helpers/frameworks.mjs";

const dir = exampleDir("fastify");

test("Fastify: an encapsulated plugin gets the raw body, the rest of the app keeps JSON parsing", async (t) => {
  installPackage(t, dir);
  execFileSync(join(dir, "node_modules", ".bin", "tsc"), ["-p", dir], { stdio: "inherit" });

  const server = await startExample(dir, ["server.mjs"]);
  try {
    const answers = await checkWebhook(server);
    assert.equal(JSON.parse(answers.malformed.text).error.code, "INVALID_JSON");
    await checkOtherRoute(server, "/orders");
  } finally {
    await server.stop();
  }
});
