// Everything that gets timed. A contender turns (body bytes, header value)
// into the parsed event, the way an application would call it:
//
//   sign(bytes)          the header value a genuine sender would send
//   input(bytes, sig)    what the application holds when the request arrives
//                        (built outside the timed loop, right after sign())
//   run(input)           verify + parse; returns the event (or a promise)
//   rejected(error)      true when `error` is this contender's "bad signature"
//                        answer (not, say, a JSON error a tampered body caused)
//
// `split` rows are not contenders: they time one part of the work (verify
// only, decode + parse only) to show where the package's time goes.

import { createHmac, timingSafeEqual, webcrypto } from "node:crypto";
import { createRequire } from "node:module";
import { createWasender } from "wasenderapi";
import { SECRET } from "./bodies.mjs";

// standardwebhooks is CommonJS; require it the way its users do.
const { Webhook: StandardWebhook, WebhookVerificationError } = createRequire(import.meta.url)("standardwebhooks");

const HEADER = "x-webhook-signature";
const decoder = new TextDecoder();
const hmacHex = (bytes) => createHmac("sha256", SECRET).update(bytes).digest("hex");

/** The error our hand-written verifiers throw, so a proof can tell it apart. */
class BadSignature extends Error {}

function hexToBytes(hex) {
  if (typeof hex !== "string" || !/^[0-9a-fA-F]{64}$/.test(hex)) return null;
  const out = new Uint8Array(32);
  for (let i = 0; i < 32; i++) out[i] = parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  return out;
}

export async function makeContenders(pkg) {
  const { WasenderWebhook, WebhookError } = pkg;
  const hooks = {
    wasender: new WasenderWebhook({ secret: SECRET, scheme: "wasender" }),
    "hmac-sha256": new WasenderWebhook({ secret: SECRET, scheme: "hmac-sha256" }),
  };
  const pkgRejected = (e) => e instanceof WebhookError && e.status === 401 && /SIGNATURE/.test(e.code);

  const packageRow = (scheme, bodyKind) => ({
    id: `pkg-${scheme === "wasender" ? "wasender" : "hmac"}-${bodyKind}`,
    label: `wasender-webhook, ${scheme}, ${bodyKind === "bytes" ? "Uint8Array" : "string"} body`,
    scheme,
    bindsBody: scheme === "hmac-sha256",
    sign: scheme === "wasender" ? () => SECRET : hmacHex,
    input: (bytes, sig) => ({ body: bodyKind === "bytes" ? bytes : decoder.decode(bytes), sig }),
    run: ({ body, sig }) => hooks[scheme].handleWebhookEvent(body, sig),
    rejected: pkgRejected,
  });

  // The official SDK: `===` on the header, then JSON.parse of the string
  // getRawBody() returns. With a bytes body the application has to decode first.
  // (apiKey, personalAccessToken, baseUrl, fetch, retryOptions, webhookSecret): the order of
  // index.d.ts and of dist/index.cjs, the file Node loads ("main"; the stale index.mjs differs).
  const sdk = createWasender("bench-api-key", undefined, undefined, undefined, undefined, SECRET);
  const sdkRow = (bodyKind) => ({
    id: `sdk-${bodyKind}`,
    label: `wasenderapi SDK handleWebhookEvent, ${bodyKind === "bytes" ? "bytes body + TextDecoder" : "string body"}`,
    scheme: "wasender",
    bindsBody: false,
    async: true,
    sign: () => SECRET,
    input: (bytes, sig) => ({ body: bodyKind === "bytes" ? bytes : decoder.decode(bytes), sig }),
    run: ({ body, sig }) =>
      sdk.handleWebhookEvent({
        getHeader: (name) => (name === HEADER ? sig : undefined),
        getRawBody: bodyKind === "bytes" ? () => decoder.decode(body) : () => body,
      }),
    rejected: (e) => e?.name === "WasenderAPIError" && e.statusCode === 401,
  });

  // The baseline: what a careful Node developer writes by hand.
  const nodeCrypto = {
    id: "node-crypto",
    label: "node:crypto HMAC + timingSafeEqual + TextDecoder + JSON.parse (baseline)",
    scheme: "hmac-sha256",
    bindsBody: true,
    sign: hmacHex,
    input: (bytes, sig) => ({ bytes, sig }),
    run: ({ bytes, sig }) => {
      // Buffer.from(hex) silently drops a trailing odd digit and stops at a
      // non-hex one: check the length of the text too, or "<tag>0" passes.
      const given = typeof sig === "string" && sig.length === 64 ? Buffer.from(sig, "hex") : null;
      const expected = createHmac("sha256", SECRET).update(bytes).digest();
      if (!given || given.length !== expected.length || !timingSafeEqual(given, expected)) throw new BadSignature();
      return JSON.parse(decoder.decode(bytes));
    },
    rejected: (e) => e instanceof BadSignature,
  };

  // The portable answer (Workers, Deno, browsers): async WebCrypto.
  const key = await webcrypto.subtle.importKey("raw", new TextEncoder().encode(SECRET), { name: "HMAC", hash: "SHA-256" }, false, ["verify"]);
  const webCrypto = {
    id: "webcrypto",
    label: "WebCrypto HMAC (crypto.subtle.verify, async) + JSON.parse",
    scheme: "hmac-sha256",
    bindsBody: true,
    async: true,
    sign: hmacHex,
    input: (bytes, sig) => ({ bytes, sig }),
    run: async ({ bytes, sig }) => {
      const given = hexToBytes(sig);
      if (!given || !(await webcrypto.subtle.verify("HMAC", key, given, bytes))) throw new BadSignature();
      return JSON.parse(decoder.decode(bytes));
    },
    rejected: (e) => e instanceof BadSignature,
  };

  // standardwebhooks signs `${id}.${timestamp}.${body}` with pure-JS SHA-256
  // and wants its own three headers. It takes a Buffer (what Express hands
  // over); a fresh timestamp is signed each round because it refuses
  // deliveries older than 5 minutes, and a full run is longer than that.
  const standard = new StandardWebhook("whsec_" + Buffer.from(SECRET).toString("base64"));
  let signedAt = 0; // whole seconds: the header carries seconds, and sign() must agree with it
  const standardWebhooks = {
    id: "standardwebhooks",
    label: "standardwebhooks Webhook.verify (Buffer body, its own headers)",
    scheme: "hmac-sha256",
    bindsBody: true,
    sign: (bytes) => {
      signedAt = Math.floor(Date.now() / 1000);
      return standard.sign("msg_bench", new Date(signedAt * 1000), Buffer.from(bytes));
    },
    input: (bytes, sig) => ({
      body: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
      headers: {
        "webhook-id": "msg_bench",
        "webhook-timestamp": String(signedAt),
        ...(sig === undefined ? {} : { "webhook-signature": sig }),
      },
    }),
    run: ({ body, headers }) => standard.verify(body, headers),
    rejected: (e) => e instanceof WebhookVerificationError,
  };

  // The package with the same scheme, headers and freshness check, signed by
  // standardwebhooks itself (its sign() above): the like-for-like row.
  const standardHook = new WasenderWebhook({ secret: "whsec_" + Buffer.from(SECRET).toString("base64"), scheme: "standard-webhooks" });
  const standardHeaders = (sig) => ({
    "webhook-id": "msg_bench",
    "webhook-timestamp": String(signedAt),
    ...(sig === undefined ? {} : { "webhook-signature": sig }),
  });
  const packageStandard = {
    id: "pkg-standard-bytes",
    label: "wasender-webhook, standard-webhooks, Uint8Array body, its three headers",
    scheme: "standard-webhooks",
    bindsBody: true,
    sign: standardWebhooks.sign,
    input: (bytes, sig) => ({ bytes, headers: standardHeaders(sig) }),
    run: ({ bytes, headers }) => standardHook.handleWebhookEvent(bytes, headers),
    rejected: pkgRejected,
  };

  // What a careful Node developer writes by hand for Standard Webhooks:
  // node:crypto over id.timestamp.body, every v1 entry compared in
  // constant time, the five-minute window both ways, then decode + parse.
  const standardKey = Buffer.from(SECRET);
  const nodeCryptoStandard = {
    id: "node-crypto-standard",
    label: "node:crypto Standard Webhooks by hand (HMAC of id.timestamp.body, v1 entries, ±5 min) + JSON.parse",
    scheme: "standard-webhooks",
    bindsBody: true,
    sign: standardWebhooks.sign,
    input: (bytes, sig) => ({ bytes, headers: standardHeaders(sig) }),
    run: ({ bytes, headers }) => {
      const id = headers["webhook-id"];
      const timestamp = headers["webhook-timestamp"];
      const seconds = Number(timestamp);
      if (!id || !/^\d+$/.test(timestamp ?? "") || Math.abs(Date.now() / 1000 - seconds) > 300) throw new BadSignature();
      const expected = createHmac("sha256", standardKey).update(`${id}.${timestamp}.`).update(bytes).digest();
      let ok = false;
      for (const entry of (headers["webhook-signature"] ?? "").split(" ")) {
        if (!entry.startsWith("v1,")) continue;
        // Buffer's base64 decoder skips junk: re-encoding must give the text back.
        const text = entry.slice(3);
        const given = Buffer.from(text, "base64");
        if (given.length === expected.length && given.toString("base64") === text && timingSafeEqual(given, expected)) ok = true;
      }
      if (!ok) throw new BadSignature();
      return JSON.parse(decoder.decode(bytes));
    },
    rejected: (e) => e instanceof BadSignature,
  };

  const contenders = [
    packageRow("wasender", "bytes"),
    packageRow("wasender", "string"),
    sdkRow("bytes"),
    sdkRow("string"),
    packageRow("hmac-sha256", "bytes"),
    packageRow("hmac-sha256", "string"),
    nodeCrypto,
    webCrypto,
    standardWebhooks,
    packageStandard,
    nodeCryptoStandard,
  ];

  // Parts of the work, for the cost split. Inputs are prepared the same way.
  const split = [
    {
      id: "split-pkg-verify-wasender",
      label: "package verify() only, wasender, bytes (copy into wasm + compare, no parse)",
      sign: () => SECRET,
      input: (bytes, sig) => ({ bytes, sig }),
      run: ({ bytes, sig }) => hooks.wasender.verify(bytes, sig),
    },
    {
      id: "split-pkg-verify-hmac",
      label: "package verify() only, hmac-sha256, bytes (copy into wasm, HMAC (node:crypto's from 1 KiB, the wasm's below), compare in wasm; no parse)",
      sign: hmacHex,
      input: (bytes, sig) => ({ bytes, sig }),
      run: ({ bytes, sig }) => hooks["hmac-sha256"].verify(bytes, sig),
    },
    {
      id: "split-node-hmac",
      label: "node:crypto HMAC + timingSafeEqual only (no decode, no parse)",
      sign: hmacHex,
      input: (bytes, sig) => ({ bytes, sig: Buffer.from(sig, "hex") }),
      run: ({ bytes, sig }) => timingSafeEqual(createHmac("sha256", SECRET).update(bytes).digest(), sig),
    },
    {
      id: "split-decode-parse",
      label: "TextDecoder + JSON.parse of the body only (no verification)",
      sign: () => SECRET,
      input: (bytes) => ({ bytes }),
      run: ({ bytes }) => JSON.parse(decoder.decode(bytes)),
    },
    {
      id: "split-glue-parse",
      label: "JSON.parse of the body text (the glue's one parse; the string already made)",
      sign: () => SECRET,
      input: (bytes) => ({ body: decoder.decode(bytes) }),
      run: ({ body }) => JSON.parse(body),
    },
  ];

  return { contenders, split };
}

/** One char changed at `at`, staying in the same alphabet (hex, base64, the secret). */
export function mutate(sig, at = 10) {
  return sig.slice(0, at) + (sig[at] === "a" ? "b" : "a") + sig.slice(at + 1);
}

/** The same JSON with the envelope timestamp's last digit changed: still valid, no longer what was signed. */
export function tamper(bytes) {
  const text = decoder.decode(bytes);
  const at = text.indexOf('"timestamp":') + '"timestamp":'.length + 9;
  const digit = text[at];
  if (!/[0-9]/.test(digit) || !/[0-9]/.test(text[at - 9])) throw new Error("tamper: timestamp not where expected");
  return new TextEncoder().encode(text.slice(0, at) + ((+digit + 1) % 10) + text.slice(at + 1));
}
