// The JavaScript half of wasm/src/interop.rs: conversions that are smaller
// and faster written here than as a chain of calls across the boundary.
//
// The event object JavaScript receives. The wasm verifies the signature and
// checks the body, then hands over the body's text, parsed here by the
// engine's own JSON.parse (the fastest way to make its many objects), and
// what the core derived from it (the canonical name, the timestamp, the
// view) as a tape of numbers read below, which for these few fields is
// faster still (src/event/sink.rs). So `data` and the envelope are
// exactly what `JSON.parse(body)` gives: key order, `__proto__` keys and big
// numbers included. The wasm has checked this very text, so the parse
// cannot fail.

// The tape's op numbers. Generated from `Op` in the core (src/event/sink.rs)
// by wasm/src/tape_js.rs; do not edit between the markers.
// `cargo run -p wasender-webhook-wasm --example tape_ops` rewrites them, and
// `cargo test -p wasender-webhook-wasm` fails while they are stale.
// BEGIN tape ops
const OBJECT = 0;
const ARRAY = 1;
const NUMBER = 2;
const TRUE = 3;
const FALSE = 4;
const BODY_TEXT = 5;
const SIDE_TEXT = 6;
const NUMBER_TEXT = 7;
const ABSENT = 8;
const UNITS = 9;
// END tape ops

// Texts cross as views of wasm memory, read before the call returns: ASCII
// as bytes, anything else as UTF-16 code units (which engines turn into a
// string near memcpy speed, where UTF-8 with emoji decodes several times
// slower). node.mjs swaps in Buffer's decoders, faster still.
let utf8 = null;
let utf16 = null;
const decoders = {
  ascii: (bytes) => (utf8 ??= new TextDecoder()).decode(bytes),
  utf16: (units) => (utf16 ??= new TextDecoder("utf-16le")).decode(units),
};

/** Replace the decoders (`ascii` for a Uint8Array, `utf16` for a Uint16Array). */
export function setDecoders({ ascii, utf16 }) {
  decoders.ascii = ascii;
  decoders.utf16 = utf16;
}

// HMAC-SHA256 from the runtime, where it has a faster one than the wasm's
// (node.mjs installs node:crypto's). The wasm still compares the result
// with the header, in constant time.
let hmacSha256 = null;

/**
 * Install `hmac(key, message, prefix)`: the 32-byte HMAC of `prefix`
 * (empty but for Standard Webhooks' `id.timestamp.`) followed by
 * `message`, or undefined to leave this message to the wasm's own HMAC.
 * `null` removes it.
 */
export function setHmacSha256(hmac) {
  hmacSha256 = hmac;
}

export function hostHmacSha256(key, prefix, message, out) {
  if (hmacSha256 === null) return false;
  let mac;
  try {
    mac = hmacSha256(key, message, prefix);
  } catch {
    // An exception must not unwind through the wasm; its own HMAC answers.
    return false;
  }
  if (mac?.length !== out.length) return false;
  out.set(mac);
  return true;
}

export function textFromAscii(bytes) {
  return decoders.ascii(bytes);
}

export function textFromUtf16(units) {
  return decoders.utf16(units);
}

/**
 * The event from the body's text and the tape of what the core derived
 * (`side`: the text the tape's `SideText` entries slice; `layoutsText`: the
 * keys of each object layout, as JSON, the same text every call).
 */
export function eventFromTape(body, tape, side, layoutsText) {
  return assemble(JSON.parse(body), readTape(tape, side, body, layoutsFrom(layoutsText)));
}

let layouts = null;
let layoutsRead = null;
function layoutsFrom(text) {
  if (text !== layoutsRead) {
    layouts = JSON.parse(text);
    layoutsRead = text;
  }
  return layouts;
}

const LEFT_OUT = Symbol("absent");

/**
 * The value a tape holds; its format is `Op` in src/event/sink.rs (whose
 * numbers the constants above are generated from). View
 * text that is a run of the body's text comes as where it lies there, in
 * UTF-16 units, so it is a slice of the string already made, not a copy.
 */
function readTape(tape, side, body, layouts) {
  let at = 0;
  const value = () => {
    switch (tape[at++]) {
      case OBJECT: {
        const object = {};
        for (const key of layouts[tape[at++]]) {
          const member = value();
          if (member !== LEFT_OUT) object[key] = member;
        }
        return object;
      }
      case ARRAY: {
        const items = [];
        for (let n = tape[at++]; n > 0; n--) items.push(value());
        return items;
      }
      case NUMBER:
        return tape[at++];
      case TRUE:
        return true;
      case FALSE:
        return false;
      case BODY_TEXT:
        return body.slice(tape[at++], tape[at++]);
      case SIDE_TEXT:
        return side.slice(tape[at++], tape[at++]);
      case NUMBER_TEXT:
        return Number(side.slice(tape[at++], tape[at++]));
      case ABSENT:
        return LEFT_OUT;
      case UNITS: {
        // Text with lone surrogates, as its UTF-16 code units.
        const end = at + 1 + tape[at];
        let text = "";
        for (at++; at < end; at += 4096) text += String.fromCharCode.apply(null, tape.subarray(at, Math.min(end, at + 4096)));
        at = end;
        return text;
      }
    }
    throw new Error(`wasender-webhook: unknown tape entry at ${at - 1}`);
  };
  return value();
}

function assemble(body, { event, timestamp, view, value }) {
  const { data, ...envelope } = body;
  const out = { event, receivedEvent: envelope.event };
  if (timestamp !== undefined) out.timestamp = timestamp;
  if (Object.hasOwn(envelope, "sessionId") && envelope.sessionId !== null) {
    out.sessionId = envelope.sessionId;
  }
  out.data = data;
  out.envelope = envelope;
  if (view !== undefined) out[view] = value;
  return out;
}
