// The mix of deliveries the load and memory runs send: genuine, forged,
// oversized and malformed, with the status each must get. The `wasender`
// scheme, as the examples are configured: the header carries the secret
// itself (js-tests/helpers/deliveries.mjs, pkg/lib/testing.mjs), so a
// genuine body can change (a fresh message id per request) without signing
// it again.
import { SECRET, bodyOf, deliveries } from "../helpers/deliveries.mjs";

export { SECRET };

/** The package's default maxBodyBytes, which the examples keep. */
export const MAX_BODY_BYTES = 1 << 20;

const ID = deliveries.messageUpsert.data.messages.key.id; // 20 characters

/** A genuine delivery's text; `n` makes the message id unique, same length. */
export function genuineText(n) {
  const id = ID.slice(0, 8) + String(n % 1e12).padStart(12, "0");
  return JSON.stringify(deliveries.messageUpsert).replace(ID, id);
}

/** The same length as the secret, wrong in every byte's place: a forgery. */
export const FORGED_SIGNATURE = [...SECRET].map((c) => (c === "0" ? "1" : "0")).join("");

/** Correctly signed, not JSON: 400 INVALID_JSON once verified. */
export const MALFORMED_TEXT = '{"event":"messages.upsert","data":{"messages":';

/** Correctly signed, one byte over the limit (JSON, so only its size is wrong). */
export function oversizedText() {
  const head = '{"event":"messages.upsert","data":{"pad":"';
  const tail = '"}}';
  return head + "x".repeat(MAX_BODY_BYTES + 1 - head.length - tail.length) + tail;
}

/**
 * The kinds of request, with the signature each carries and the HTTP status
 * (and error code) it must get.
 */
export const KINDS = {
  genuine: { signature: SECRET, status: 200 },
  forged: { signature: FORGED_SIGNATURE, status: 401, code: "INVALID_SIGNATURE" },
  oversized: { signature: SECRET, status: 413, code: "BODY_TOO_LARGE" },
  malformed: { signature: SECRET, status: 400, code: "INVALID_JSON" },
};

export { bodyOf };
