// The Rust crate's serde JSON and Event::to_json, held against the npm
// package's event for every fixture (tests/fixtures/events). The Rust side
// (tests/serde_fixtures.rs, `cargo test --all-features`) writes both texts
// per fixture to target/tmp/serde-fixtures.json (or $SERDE_FIXTURES); here
// JSON.parse of each must deep-equal what the built package (pkg/node.mjs)
// returns for the same bytes. to_json exactly; serde with lone surrogates
// as U+FFFD, the one thing a Rust string cannot hold.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { WasenderWebhook } from "../../pkg/node.mjs";

const root = new URL("../../", import.meta.url);
const outputs = JSON.parse(readFileSync(process.env.SERDE_FIXTURES ?? new URL("target/tmp/serde-fixtures.json", root), "utf8"));
const dir = new URL("tests/fixtures/events/", root);
const hook = new WasenderWebhook({ secret: "fixture-secret" });

/** The value with every string and key made well-formed (lone surrogates → U+FFFD). */
function wellFormed(value) {
  if (typeof value === "string") return value.toWellFormed();
  if (Array.isArray(value)) return value.map(wellFormed);
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([key, v]) => [key.toWellFormed(), wellFormed(v)]));
  }
  return value;
}

test("the Rust output covers every fixture", () => {
  const files = readdirSync(dir).map((f) => f.replace(/\.json$/, ""));
  assert.deepEqual(Object.keys(outputs).sort(), files.sort());
});

let events = 0;
let lone = 0;
for (const [name, out] of Object.entries(outputs)) {
  test(name, () => {
    const bytes = readFileSync(new URL(`${name}.json`, dir));
    let event;
    try {
      event = hook.handleWebhookEvent(bytes, "fixture-secret");
    } catch (error) {
      assert.equal(out.error, error.code, `JS refused it with ${error.code}; Rust said ${JSON.stringify(out)}`);
      return;
    }
    assert.equal(out.error, undefined, `Rust refused what JS accepted (${out.error})`);
    events++;
    assert.deepEqual(JSON.parse(out.exact), event, "Event::to_json");
    const serde = JSON.parse(out.serde);
    if (JSON.stringify(wellFormed(event)) !== JSON.stringify(event)) lone++;
    assert.deepEqual(serde, wellFormed(event), "serde_json::to_string(&event)");
  });
}

test("the comparison saw events, lone surrogates included", () => {
  assert.ok(events >= 50, `${events} events`);
  assert.ok(lone >= 2, `${lone} events with lone surrogates`);
});
