// The test kit: build, sign and send deliveries as WasenderAPI would, so
// users can test their handlers end to end. Runtime-neutral; the Node entry
// adds a Node request helper.

const encoder = new TextEncoder();

export function makeTesting({ signHmacSha256 }, samples) {
  /** The body as sent: strings and bytes as they are, anything else as JSON. */
  function bodyOf(bodyOrEvent) {
    if (typeof bodyOrEvent === "string" || bodyOrEvent instanceof Uint8Array || bodyOrEvent instanceof ArrayBuffer) {
      return bodyOrEvent;
    }
    return JSON.stringify(bodyOrEvent);
  }

  /**
   * The headers a genuine sender attaches to `body`. For "standard-webhooks",
   * `id` (default a fresh `msg_…`) and `timestamp` (seconds, default now)
   * are what is signed with it.
   */
  function signWebhook(body, { secret, scheme = "wasender", id, timestamp } = {}) {
    if (secret === undefined || secret === null || secret === "") throw new TypeError("signWebhook needs { secret }");
    let signature;
    if (scheme === "standard-webhooks") {
      const webhookId = id ?? `msg_${freshId()}`;
      const seconds = String(timestamp ?? nowSeconds());
      const bytes = typeof body === "string" ? encoder.encode(body) : new Uint8Array(body.buffer ?? body, body.byteOffset ?? 0, body.byteLength);
      const prefix = encoder.encode(`${webhookId}.${seconds}.`);
      const message = new Uint8Array(prefix.length + bytes.length);
      message.set(prefix);
      message.set(bytes, prefix.length);
      const tag = signHmacSha256(standardKey(secret), message).match(/../g).map((h) => parseInt(h, 16));
      return {
        "content-type": "application/json",
        "webhook-id": webhookId,
        "webhook-timestamp": seconds,
        "webhook-signature": `v1,${btoa(String.fromCharCode(...tag))}`,
      };
    }
    if (scheme === "hmac-sha256") {
      signature = signHmacSha256(secret, body);
    } else if (scheme === "wasender") {
      // WasenderAPI sends the secret itself.
      signature = typeof secret === "string" ? secret : new TextDecoder().decode(secret);
    } else {
      throw new TypeError(`unknown scheme ${JSON.stringify(scheme)}: use "wasender", "hmac-sha256" or "standard-webhooks"`);
    }
    return { "content-type": "application/json", "x-webhook-signature": signature };
  }

  /** A ready `Request` carrying a signed delivery (an event object or a raw body). */
  function createTestRequest(bodyOrEvent, { secret, scheme, id, timestamp, url = "https://example.com/webhook", method = "POST", headers = {} } = {}) {
    const body = bodyOf(bodyOrEvent);
    const bytes = typeof body === "string" ? encoder.encode(body) : body;
    return new Request(url, { method, body: bytes, headers: { ...signWebhook(body, { secret, scheme, id, timestamp }), ...headers } });
  }

  return {
    signWebhook,
    createTestRequest,
    sampleEvents: deepFreeze(samples),
    bodyOf,
    ...builders(),
  };
}

/** A Standard Webhooks key: `whsec_` and base64 decoded, other strings as UTF-8, bytes as they are. */
function standardKey(secret) {
  if (typeof secret !== "string") return secret;
  if (!secret.startsWith("whsec_")) return encoder.encode(secret);
  return Uint8Array.from(atob(secret.slice(6)), (c) => c.charCodeAt(0));
}

// --- deliveries with your own text, sender, group, id and time ------------

const PERSONAL = "s.whatsapp.net";
const GROUP = "g.us";
const DEFAULT_SENDER = "15550001111";
const DEFAULT_GROUP = "120363000000000001@g.us";

/** A fresh message id, in WhatsApp's style (`3EB0` and hex). */
function freshId() {
  const bytes = crypto.getRandomValues(new Uint8Array(10));
  return `3EB0${Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("").toUpperCase()}`;
}

/** A phone number or a JID, as a JID (`15550001111` → `15550001111@s.whatsapp.net`). */
function jidOf(who) {
  return who.includes("@") ? who : `${who.replace(/\D/g, "")}@${PERSONAL}`;
}

const nowSeconds = () => Math.floor(Date.now() / 1000);

function builders() {
  /** The envelope every delivery shares. */
  const envelope = (event, data, { sessionId, timestamp = nowSeconds() }) => ({
    event,
    timestamp,
    data,
    ...(sessionId === undefined ? {} : { sessionId }),
  });

  /** A message key as WasenderAPI sends it, for a message in `chat` from `from`. */
  function keyOf({ id = freshId(), from = DEFAULT_SENDER, group, fromMe = false, chat }) {
    const sender = jidOf(from);
    const groupJid = group === true ? DEFAULT_GROUP : group || undefined;
    const remoteJid = chat ?? groupJid ?? sender;
    const key = { id, fromMe, remoteJid };
    if (fromMe) return key;
    const digits = sender.endsWith(`@${PERSONAL}`) ? sender.split("@")[0].split(":")[0] : undefined;
    if (remoteJid.endsWith(`@${GROUP}`)) {
      key.participant = sender;
      if (digits) Object.assign(key, { participantPn: sender, cleanedParticipantPn: digits });
    } else if (digits) {
      Object.assign(key, { senderPn: sender, cleanedSenderPn: digits });
    }
    return key;
  }

  /**
   * A text message delivery (`messages.upsert` unless `event` says
   * otherwise), with a fresh id and the current time unless given.
   */
  function buildMessage({ text = "hello", event = "messages.upsert", pushName = "Test User", timestamp = nowSeconds(), sessionId, ...who } = {}) {
    const message = { key: keyOf(who), messageBody: text, message: { conversation: text }, pushName, messageTimestamp: timestamp };
    if (who.fromMe) delete message.pushName;
    return envelope(event, { messages: message }, { sessionId, timestamp });
  }

  /** A `session.status` delivery. */
  function buildSessionStatus({ status = "connected", timestamp, sessionId } = {}) {
    return envelope("session.status", { status }, { sessionId, timestamp });
  }

  /**
   * A `message-receipt.update` delivery: `status` "delivered", "read" or
   * "played" of message `id` in `chat`, by `user` (default: the chat).
   */
  function buildReceipt({ id = freshId(), chat = DEFAULT_SENDER, user, status = "delivered", timestamp = nowSeconds(), sessionId } = {}) {
    const field = { delivered: "receiptTimestamp", read: "readTimestamp", played: "playedTimestamp" }[status];
    if (field === undefined) throw new TypeError(`unknown receipt status ${JSON.stringify(status)}: use "delivered", "read" or "played"`);
    const remoteJid = jidOf(chat);
    const receipt = { userJid: jidOf(user ?? chat), [field]: timestamp };
    return envelope("message-receipt.update", [{ key: { id, fromMe: true, remoteJid }, receipt }], { sessionId, timestamp });
  }

  /**
   * A `messages.reaction` delivery: `emoji` on message `messageId` in
   * `chat`, by `from` (an empty emoji removes the reaction).
   */
  function buildReaction({ emoji = "👍", messageId = freshId(), chat, from = DEFAULT_SENDER, fromMe = false, timestamp = nowSeconds(), sessionId } = {}) {
    const remoteJid = chat === undefined ? jidOf(from) : jidOf(chat);
    const reactor = { id: freshId(), fromMe, remoteJid };
    if (!fromMe && remoteJid.endsWith(`@${GROUP}`)) reactor.participant = jidOf(from);
    const reaction = { text: emoji, key: { id: messageId, fromMe: !fromMe, remoteJid }, senderTimestampMs: String(timestamp * 1000) };
    return envelope("messages.reaction", [{ key: reactor, reaction }], { sessionId, timestamp });
  }

  return { buildMessage, buildSessionStatus, buildReceipt, buildReaction };
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
