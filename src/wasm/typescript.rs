//! TypeScript declarations for what only the bindings exchange (options,
//! bodies), emitted into the generated `.d.ts` by wasm-bindgen.

use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const DECLARATIONS: &'static str = r#"
/** How the signature header relates to the secret. */
export type WebhookScheme = "wasender" | "hmac-sha256";

/** A session's `webhook_secret`, or raw key bytes. */
export type WebhookSecret = string | Uint8Array | ArrayBuffer;

export interface WebhookOptions {
  /** The session's webhook secret. Give this or `secrets`. */
  secret?: WebhookSecret;
  /** Several secrets (rotation, several sessions); any may match. */
  secrets?: WebhookSecret[];
  /** "wasender" (default): the header is the secret. "hmac-sha256": HMAC of the raw body. */
  scheme?: WebhookScheme;
  /** Bodies above this many bytes are refused before any work. Default 1 MiB. */
  maxBodyBytes?: number;
}

/** The raw request body, exactly as received. */
export type WebhookBody = Uint8Array | ArrayBuffer | ArrayBufferView | string;

// The event types and error codes are generated from the Rust model into
// events.d.ts (see src/typescript.rs); re-exported here so this module's
// declarations can name them.
import type { WebhookEvent, WebhookErrorCode } from "./events.js";
export * from "./events.js";
"#;
