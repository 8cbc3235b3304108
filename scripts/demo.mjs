// The demo's client: start the example Worker under workerd, send it the
// deliveries a real endpoint meets, and show what it accepted and refused.
import { fileURLToPath } from "node:url";
import { startWorker } from "../js-tests/helpers/wrangler.mjs";
import { SECRET, bodyOf, deliveries } from "../js-tests/helpers/deliveries.mjs";

const dir = fileURLToPath(new URL("../examples/cloudflare-worker/", import.meta.url));
const genuine = (event) => ({ body: bodyOf(event), signature: SECRET });

// Every case but the genuine ones must be refused, with the status shown.
const cases = [
  ["genuine messages.upsert", genuine(deliveries.messageUpsert)],
  ["genuine session.status", genuine(deliveries.sessionStatus)],
  ["genuine message-receipt.update", genuine(deliveries.receipt)],
  ["genuine call.received (an alias)", genuine({ event: "call.received", data: { call: { id: "CALL1", from: "15550003333@s.whatsapp.net", isVideo: false, status: "offer" } } })],
  ["genuine presence.update (unknown)", genuine({ event: "presence.update", data: { id: "15550001111@s.whatsapp.net" } })],
  ["messages.upsert missing its key", { body: JSON.stringify({ event: "messages.upsert", data: { messages: [{ message: { conversation: "hi" } }] } }), signature: SECRET }],
  ["forged signature", { body: bodyOf(deliveries.messageUpsert), signature: "guessed-secret" }],
  ["no signature header", { body: bodyOf(deliveries.messageUpsert) }],
  ["oversized body (2 MiB)", { body: new Uint8Array(2 << 20).fill(0x20), signature: SECRET }],
  ["malformed JSON", { body: '{"event":"messages.upsert","data":', signature: SECRET }],
  ["JSON but no envelope", { body: '{"data":{"status":"connected"}}', signature: SECRET }],
];

console.log("starting examples/cloudflare-worker under workerd (wrangler dev) …");
const worker = await startWorker({ dir, vars: { WASENDER_WEBHOOK_SECRET: SECRET } });
console.log(`listening on ${worker.url}\n`);
let failed = false;
try {
  for (const [label, { body, signature }] of cases) {
    const headers = signature === undefined ? {} : { "X-Webhook-Signature": signature };
    const res = await fetch(worker.url, { method: "POST", body, headers });
    const answer = await res.json();
    const verdict = res.ok ? `parsed   ${answer.received}` : `rejected ${answer.error.code}: ${answer.error.message}`;
    console.log(`${label.padEnd(36)} → ${res.status} ${verdict}`);
    if (res.ok !== label.startsWith("genuine")) failed = true;
  }
  // Give waitUntil work a moment to log, then show what the Worker did.
  await new Promise((resolve) => setTimeout(resolve, 300));
  console.log("\nthe Worker's own log (work done after answering, in ctx.waitUntil):");
  for (const line of worker.logs().split("\n").filter((l) => l.includes("handled "))) console.log(`  ${line.trim()}`);
} finally {
  await worker.stop();
  console.log("\nworker stopped.");
}
if (failed) {
  console.error("demo: a delivery got an unexpected answer");
  process.exit(1);
}
