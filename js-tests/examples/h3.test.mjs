// examples/h3 (h3 1.x, the server under Nuxt and Nitro) with the packed
// tarball: a server route written as in a Nuxt app, served through h3's
// node listener, with another route that parses JSON as usual.
import { test } from "node:test";
import assert from "node:assert/strict";
import { checkOtherRoute, checkWebhook, exampleDir, installPackage, startExample } from "../helpers/frameworks.mjs";

const dir = exampleDir("h3");

test("h3: a Nuxt-style server route behind toNodeListener", async (t) => {
  installPackage(t, dir);
  const server = await startExample(dir, ["server.mjs"]);
  try {
    const answers = await checkWebhook(server);
    assert.equal(JSON.parse(answers.streamedOversized.text).error.code, "BODY_TOO_LARGE");
    await checkOtherRoute(server, "/api/orders");
  } finally {
    await server.stop();
  }
});
