/* @ts-self-types="./dedupe.d.ts" */
// wasender-webhook/dedupe: drop deliveries of messages already handled.
export { createDeduplicator, dedupeKeys, memoryStore } from "./lib/dedupe.mjs";
