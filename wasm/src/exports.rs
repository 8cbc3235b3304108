//! The JavaScript surface. Every function here only converts at the
//! boundary (see `interop`) and calls the core; no logic lives here.
//!
//! These are the raw exports: what users call is the guard in
//! `js/guard.js`, which reads every caller value before it reaches
//! them. So the public TypeScript declarations are written for the guard
//! (`typescript.rs`), and these are `skip_typescript`.
//!
//! Errors cross as `WebhookError` instances (a JS `Error` subclass), never
//! as strings or traps; nothing on these paths can panic.

// Their errors are documented where users meet them: the guard API's
// declarations (typescript.rs) and README's error table.
#![allow(clippy::missing_errors_doc)]

use crate::prelude::*;
use js_sys::{Array, JsString};
use wasm_bindgen::prelude::*;

use crate::interop::{
    body_from_js, handle_to_js, options_from_js, sign_input, to_js_error, Headers, JsHostHmac,
    JsWebhook,
};

/// A verifier configured once, used for every delivery.
#[wasm_bindgen(skip_typescript)]
pub struct WasenderWebhook {
    inner: JsWebhook,
    /// The keys of the objects on the tapes it hands to JS, made once.
    layouts: JsString,
}

#[wasm_bindgen]
impl WasenderWebhook {
    /// From the options the guard read: `secrets` (strings or
    /// Uint8Arrays), `scheme`, `maxBodyBytes` and the tolerance's `past`
    /// and `future` sides (undefined when not given; `past` "unchecked").
    /// Throws `WebhookError` (`MISSING_SECRET` or `INVALID_OPTIONS`, 500).
    #[wasm_bindgen(constructor)]
    pub fn new(
        secrets: &Array,
        scheme: JsValue,
        max_body_bytes: JsValue,
        past: JsValue,
        future: JsValue,
    ) -> Result<WasenderWebhook, JsValue> {
        let inner = options_from_js(secrets, &scheme, &max_body_bytes, &past, &future)
            .and_then(|options| JsWebhook::with_host(options, JsHostHmac))
            .map_err(to_js_error)?;
        Ok(WasenderWebhook {
            inner,
            layouts: wasender_webhook::__private::layouts_json().into(),
        })
    }

    /// Verify the signature in constant time, then parse the raw body.
    /// The headers as the guard read them (strings or undefined: the
    /// signature, then Standard Webhooks' id and timestamp), and `now` in
    /// whole seconds since the Unix epoch (the wasm has no clock).
    #[wasm_bindgen(js_name = handleWebhookEvent)]
    pub fn handle_webhook_event(
        &self,
        body: JsValue,
        signature: Option<String>,
        id: Option<String>,
        timestamp: Option<String>,
        now: f64,
    ) -> Result<JsValue, JsValue> {
        let body = body_from_js(&self.inner, &body).map_err(to_js_error)?;
        let headers = Headers::new(self.inner.scheme(), signature, id, timestamp, now);
        handle_to_js(&self.inner, &self.layouts, &body, &headers).map_err(to_js_error)
    }

    /// Verify only, without parsing: the index of the secret that matched.
    pub fn verify(
        &self,
        body: JsValue,
        signature: Option<String>,
        id: Option<String>,
        timestamp: Option<String>,
        now: f64,
    ) -> Result<u32, JsValue> {
        let body = body_from_js(&self.inner, &body).map_err(to_js_error)?;
        let headers = Headers::new(self.inner.scheme(), signature, id, timestamp, now);
        let index = self
            .inner
            .verify_at(body.bytes(), &headers.signed(), headers.now)
            .map_err(to_js_error)?;
        // At most as many secrets as a JS array can hold.
        Ok(index as u32)
    }

    /// Refuse a body of `length` bytes, before reading it, when it is over
    /// the limit (throws BODY_TOO_LARGE).
    #[wasm_bindgen(js_name = checkBodySize)]
    pub fn check_body_size(&self, length: f64) -> Result<(), JsValue> {
        // Lengths beyond usize (or NaN) are over any limit.
        let length = if length.is_finite() && length >= 0.0 && length <= usize::MAX as f64 {
            length as usize
        } else {
            usize::MAX
        };
        self.inner.check_body_size(length).map_err(to_js_error)
    }

    /// The scheme's option name.
    #[wasm_bindgen(getter)]
    pub fn scheme(&self) -> String {
        self.inner.scheme().as_str().to_string()
    }

    /// How many secrets it accepts.
    #[wasm_bindgen(getter, js_name = secretCount)]
    pub fn secret_count(&self) -> u32 {
        self.inner.secret_count() as u32
    }

    /// The body limit in bytes.
    #[wasm_bindgen(getter, js_name = maxBodyBytes)]
    pub fn max_body_bytes(&self) -> f64 {
        self.inner.max_body_bytes() as f64
    }
}

/// HMAC-SHA256(secret, body) as lower-case hex: the header a sender using
/// the `hmac-sha256` scheme attaches (test kits, relays).
#[wasm_bindgen(js_name = signHmacSha256, skip_typescript)]
pub fn sign_hmac_sha256(secret: JsValue, body: JsValue) -> Result<String, JsValue> {
    let secret = crate::interop::secret_from_js(&secret).map_err(to_js_error)?;
    let body = sign_input(&body).map_err(to_js_error)?;
    Ok(wasender_webhook::__private::to_hex(
        &wasender_webhook::__private::sign_hmac_sha256(secret.as_bytes(), &body),
    ))
}

/// The longest signature header accepted, in bytes: the guard refuses a
/// longer one before copying it into wasm memory.
#[wasm_bindgen(js_name = maxSignatureLength, skip_typescript)]
pub fn max_signature_length() -> u32 {
    wasender_webhook::MAX_SIGNATURE_LEN as u32
}
