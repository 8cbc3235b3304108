//! TypeScript declarations for what the bindings exchange, kept beside the
//! Rust they describe and emitted into the generated `.d.ts` by wasm-bindgen.

use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TYPESCRIPT: &'static str = DECLARATIONS;

// Read by the custom section above; rustc's lint cannot see through the macro.
#[allow(dead_code)]
const DECLARATIONS: &str = r#"
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

/** Every `WebhookError.code`. */
export type WebhookErrorCode =
  | "MISSING_SECRET"
  | "INVALID_OPTIONS"
  | "NOT_INITIALIZED"
  | "BODY_ALREADY_PARSED"
  | "MISSING_SIGNATURE"
  | "INVALID_SIGNATURE"
  | "BODY_TOO_LARGE"
  | "INVALID_JSON"
  | "INVALID_PAYLOAD";

/** A verified delivery: the whole body, as JSON.parse would give it. */
export interface WebhookEvent {
  /** The event name as sent, e.g. "messages.upsert". */
  event: string;
  /** Seconds or milliseconds depending on the event; absent on some. */
  timestamp?: number | string | null;
  /** The event payload, untouched. */
  data: unknown;
  /** May be the session's API key: treat it as a secret. */
  sessionId?: string | null;
  /** Any other top-level field the sender included. */
  [field: string]: unknown;
}
"#;

#[cfg(test)]
mod tests {
    use super::DECLARATIONS;
    use crate::error::ErrorCode;

    #[wasm_bindgen_test::wasm_bindgen_test]
    fn the_error_code_union_lists_every_code() {
        let start = DECLARATIONS.find("export type WebhookErrorCode =").unwrap();
        let end = start + DECLARATIONS[start..].find(';').unwrap();
        let listed: Vec<&str> = DECLARATIONS[start..end].split('"').skip(1).step_by(2).collect();
        let codes: Vec<&str> = ErrorCode::ALL.iter().map(|c| c.as_str()).collect();
        assert_eq!(listed, codes);
    }
}
