// Every fixture through the package inside workerd (a test Worker checks
// each one with the same check-fixture.mjs the Node and Chromium runs use).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { startWorker } from "../helpers/wrangler.mjs";

const fixtures = new URL("../../tests/fixtures/", import.meta.url);
const expected = JSON.parse(readFileSync(new URL("expected.json", fixtures), "utf8"));
let worker;

before(async () => {
  worker = await startWorker({ dir: fileURLToPath(new URL("./fixture-worker/", import.meta.url)) });
});
after(() => worker?.stop());

test("every fixture in workerd", async () => {
  const failures = {};
  for (const [name, expect] of Object.entries(expected)) {
    const body = readFileSync(new URL(`events/${name}.json`, fixtures));
    const res = await fetch(worker.url, {
      method: "POST",
      body,
      headers: { "x-expected": Buffer.from(JSON.stringify(expect)).toString("base64") },
    });
    const { problems } = await res.json();
    if (problems.length) failures[name] = problems;
  }
  assert.deepEqual(failures, {});
  assert.ok(Object.keys(expected).length >= 60);
});
