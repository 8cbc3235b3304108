// Dropping duplicate deliveries. WasenderAPI may deliver one WhatsApp
// message under several events (messages.upsert, messages.received,
// messages-personal.received …) and may retry; the key is the message id
// plus its chat, whatever the event.

/**
 * The keys an event is deduplicated on: one per message it carries that
 * has an id (a message without one is never taken for another). Chat and
 * id go in as JSON, so no two different pairs share a key (JIDs may hold
 * ':') and lone surrogates stay distinct, escaped as KV stores need.
 */
export function dedupeKeys(event) {
  return (event.messages ?? [])
    .filter((m) => typeof m.id === "string" && m.id !== "")
    .map((m) => `wasender:${JSON.stringify([m.chatJid ?? null, m.id])}`);
}

/** A bounded in-memory store with the Workers KV method names. */
export function memoryStore({ maxEntries = 10_000 } = {}) {
  const entries = new Map(); // key → expiry (ms); Map keeps insertion order
  return {
    async get(key) {
      const expiry = entries.get(key);
      if (expiry === undefined) return null;
      if (expiry <= Date.now()) {
        entries.delete(key);
        return null;
      }
      return "1";
    },
    async put(key, _value, { expirationTtl } = {}) {
      entries.delete(key);
      entries.set(key, Date.now() + (expirationTtl ?? 3600) * 1000);
      while (entries.size > maxEntries) entries.delete(entries.keys().next().value);
    },
  };
}

/**
 * `await dedupe.isDuplicate(event)` is true when every message the event
 * carries was seen before (within `ttlSeconds`), and records them as seen.
 * Events without messages (or whose messages have no id) are never duplicates. `store` may be any object
 * with `get(key)` and `put(key, value, { expirationTtl })`: a Workers KV
 * namespace as it is, or a Redis wrapper. KV is eventually consistent, so
 * two deliveries racing within a second may both pass: make the work
 * idempotent too.
 */
export function createDeduplicator({ store = memoryStore(), ttlSeconds = 3600 } = {}) {
  // Workers KV refuses expirations under 60 s.
  const expirationTtl = Math.max(60, Math.ceil(ttlSeconds));
  return {
    async isDuplicate(event) {
      const keys = dedupeKeys(event);
      if (keys.length === 0) return false;
      const seen = await Promise.all(keys.map((key) => store.get(key)));
      await Promise.all(keys.map((key, i) => (seen[i] === null ? store.put(key, "1", { expirationTtl }) : undefined)));
      return seen.every((value) => value !== null);
    },
  };
}
