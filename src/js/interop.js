// The JavaScript half of src/wasm/interop.rs: conversions that are smaller
// and faster written here than as a chain of calls across the boundary.
//
// The event object JavaScript receives. The wasm verifies the
// signature and checks the body, then hands over two JSON texts: what the
// core derived (see `Event::derived_json_referring_to_body`: view text that
// is a run of the body comes as its place in the body) and the body itself, both parsed
// here by the engine's own JSON.parse, the fastest way to make objects. So
// `data` and the envelope are exactly what `JSON.parse(body)` gives: key
// order, `__proto__` keys and big numbers included. The wasm has checked
// these very texts, so the parses cannot fail.

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

export function textFromAscii(bytes) {
  return decoders.ascii(bytes);
}

export function textFromUtf16(units) {
  return decoders.utf16(units);
}

/**
 * Two strings, not one `[derived, body]` text: V8 puts a string over 64 Ki
 * UTF-16 units in its large-object space, which costs ~150 µs more to make
 * (js-tests/bench); kept apart, a 64 KB body and its views both stay below.
 */
export function eventFromParts(body, derived) {
  return assemble(JSON.parse(body), JSON.parse(derived), body);
}

function assemble(body, { event, timestamp, view, value }, text) {
  const { data, ...envelope } = body;
  const out = { event, receivedEvent: envelope.event };
  if (timestamp !== undefined) out.timestamp = timestamp;
  if (Object.hasOwn(envelope, "sessionId") && envelope.sessionId !== null) {
    out.sessionId = envelope.sessionId;
  }
  out.data = data;
  out.envelope = envelope;
  if (view !== undefined) out[view] = value;
  // View text that is a run of the body's own text crosses as where it
  // lies ([start, end] in UTF-16 units; no view field is an array
  // otherwise), not as a copy to re-parse: slicing a string is cheap.
  if (Array.isArray(value)) {
    for (const item of value) {
      for (const key in item) {
        const at = item[key];
        if (Array.isArray(at)) item[key] = text.slice(at[0], at[1]);
      }
    }
  }
  return out;
}

/**
 * The bytes of an ArrayBuffer or of any view (typed array, DataView, Node
 * Buffer: its bytes, not its elements) as a Uint8Array; undefined otherwise.
 */
export function bytesOf(value) {
  if (value instanceof ArrayBuffer) return new Uint8Array(value);
  if (ArrayBuffer.isView(value)) return new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
  return undefined;
}

/** What `JSON.stringify(hook)` shows; never a secret. */
export function configSummary(scheme, secretCount, maxBodyBytes) {
  return { scheme, secretCount, maxBodyBytes };
}
