/* @ts-self-types="./testing.d.ts" */
// wasender-webhook/testing on the node core: signWebhook, createTestRequest,
// createNodeRequest, the builders and sampleEvents.
import { Buffer } from "node:buffer";
import { Readable } from "node:stream";
import * as core from "./node.mjs";
import { makeTesting } from "./lib/testing.mjs";
import { sampleEvents as samples } from "./dist/samples.mjs";

const kit = makeTesting(core, samples);

export const { signWebhook, createTestRequest, sampleEvents, buildMessage, buildSessionStatus, buildReceipt, buildReaction } = kit;

/**
 * A signed delivery as Node's `http.IncomingMessage` (a readable stream
 * with lower-case `headers`, `method` and `url`, and Express's `get`), for
 * testing handlers that call `verifyNodeRequest`.
 */
export function createNodeRequest(bodyOrEvent, { secret, scheme, id, timestamp, url = "/webhook", method = "POST", headers = {} } = {}) {
  const body = kit.bodyOf(bodyOrEvent);
  const bytes = typeof body === "string" ? Buffer.from(body) : Buffer.from(body.buffer ?? body, body.byteOffset ?? 0, body.byteLength);
  const all = { ...kit.signWebhook(body, { secret, scheme, id, timestamp }), "content-length": String(bytes.length) };
  for (const [name, value] of Object.entries(headers)) all[name.toLowerCase()] = value;
  const req = Readable.from([bytes], { objectMode: false });
  return Object.assign(req, { method, url, headers: all, get: (name) => all[name.toLowerCase()] });
}
