// The test kit: sign and build deliveries as WasenderAPI would send them,
// so users can test their handlers end to end.

const encoder = new TextEncoder();

export function makeTesting({ signHmacSha256 }, samples) {
  /** The body as sent: strings and bytes as they are, anything else as JSON. */
  function bodyOf(bodyOrEvent) {
    if (typeof bodyOrEvent === "string" || bodyOrEvent instanceof Uint8Array || bodyOrEvent instanceof ArrayBuffer) {
      return bodyOrEvent;
    }
    return JSON.stringify(bodyOrEvent);
  }

  /** The headers a genuine sender attaches to `body`. */
  function signWebhook(body, { secret, scheme = "wasender" } = {}) {
    if (secret === undefined || secret === null || secret === "") throw new TypeError("signWebhook needs { secret }");
    let signature;
    if (scheme === "hmac-sha256") {
      signature = signHmacSha256(secret, body);
    } else if (scheme === "wasender") {
      // WasenderAPI sends the secret itself.
      signature = typeof secret === "string" ? secret : new TextDecoder().decode(secret);
    } else {
      throw new TypeError(`unknown scheme ${JSON.stringify(scheme)}: use "wasender" or "hmac-sha256"`);
    }
    return { "content-type": "application/json", "x-webhook-signature": signature };
  }

  /** A ready `Request` carrying a signed delivery (an event object or a raw body). */
  function createTestRequest(bodyOrEvent, { secret, scheme, url = "https://example.com/webhook", method = "POST", headers = {} } = {}) {
    const body = bodyOf(bodyOrEvent);
    const bytes = typeof body === "string" ? encoder.encode(body) : body;
    return new Request(url, { method, body: bytes, headers: { ...signWebhook(body, { secret, scheme }), ...headers } });
  }

  return { signWebhook, createTestRequest, sampleEvents: deepFreeze(samples) };
}

// Shared by every test that imports the kit: frozen so one test cannot
// change what the next one sees (spread or structuredClone to modify).
function deepFreeze(value) {
  if (value && typeof value === "object") {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}
