// Every fixture (tests/fixtures: one per event and shape variant, aliases,
// unknown events, drift, invalid shapes) through the installed package in
// Node: canonical name, lossless data, normalised views, typed errors.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { WasenderWebhook } from "wasender-webhook";
import { checkFixture } from "./check-fixture.mjs";

const dir = new URL("./fixtures/", import.meta.url);
const expected = JSON.parse(readFileSync(new URL("expected.json", dir), "utf8"));
const hook = new WasenderWebhook({ secret: "fixture-secret" });

test("every fixture has an expectation", () => {
  const files = readdirSync(new URL("events/", dir)).map((f) => f.replace(/\.json$/, ""));
  assert.deepEqual(files.sort(), Object.keys(expected).sort());
});

for (const [name, expect] of Object.entries(expected)) {
  test(name, () => {
    const bytes = readFileSync(new URL(`events/${name}.json`, dir));
    const problems = checkFixture(new TextDecoder().decode(bytes), expect, () => hook.handleWebhookEvent(bytes, "fixture-secret"));
    assert.deepEqual(problems, []);
  });
}

test("a lone surrogate survives into data exactly as JSON.parse keeps it", () => {
  const bytes = readFileSync(new URL("events/drift.lone-surrogate-text.json", dir));
  const event = hook.handleWebhookEvent(bytes, "fixture-secret");
  assert.equal(event.data.messages.messageBody, "cut \ud83d");
  assert.equal(event.messages[0].text, "cut \ud83d", "view text is the very string data holds, not a U+FFFD copy");
});

test("duplicate keys, -0 and big numbers read as JSON.parse reads them", () => {
  const bytes = readFileSync(new URL("events/drift.json-edge-cases.json", dir));
  const { data, envelope } = hook.handleWebhookEvent(bytes, "fixture-secret");
  assert.equal(data.messages.messageBody, "dup-last");
  assert.ok(Object.is(data.messages.negZero, -0));
  assert.equal(data.messages.bigId, 123456789012345678901234567890);
  assert.deepEqual(envelope.topLevelExtra, { kept: [true] });
});
