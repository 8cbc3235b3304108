import type { WebhookEvent } from "./index.d.ts";

/** What a store needs: a Workers KV namespace fits as it is. */
export interface DedupeStore {
  get(key: string): Promise<string | null>;
  put(key: string, value: string, options?: { expirationTtl?: number }): Promise<void>;
}

/** The keys an event is deduplicated on: chat + message id of each message it carries. */
export declare function dedupeKeys(event: WebhookEvent): string[];

/** A bounded in-memory store (the default). */
export declare function memoryStore(options?: { maxEntries?: number }): DedupeStore;

export declare function createDeduplicator(options?: { store?: DedupeStore; ttlSeconds?: number }): {
  /** True when every message of the event was seen before; records them as seen. */
  isDuplicate(event: WebhookEvent): Promise<boolean>;
};
