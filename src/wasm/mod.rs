//! The JavaScript surface. Every function here only converts at the
//! boundary (see `interop`) and calls the core; no logic lives here.
//!
//! Errors cross as `WebhookError` instances (a JS `Error` subclass), never
//! as strings or traps; nothing on these paths can panic.

mod interop;
mod typescript;

use crate::prelude::*;
use js_sys::JsString;
use wasm_bindgen::prelude::*;

use interop::{JsHostHmac, JsWebhook, body_from_js, handle_to_js, options_from_js, signature_from_js, to_js_error};

/// A verifier configured once, used for every delivery.
#[wasm_bindgen]
pub struct WasenderWebhook {
    inner: JsWebhook,
    /// The keys of the objects on the tapes it hands to JS, made once.
    shapes: JsString,
}

#[wasm_bindgen]
impl WasenderWebhook {
    /// Throws `WebhookError` (`MISSING_SECRET` or `INVALID_OPTIONS`, status 500)
    /// when the options cannot work.
    #[wasm_bindgen(constructor)]
    pub fn new(
        #[wasm_bindgen(unchecked_param_type = "WebhookOptions")] options: JsValue,
    ) -> Result<WasenderWebhook, JsValue> {
        let inner = options_from_js(&options)
            .and_then(|options| JsWebhook::with_host(options, JsHostHmac))
            .map_err(to_js_error)?;
        Ok(WasenderWebhook {
            inner,
            shapes: crate::event::derived::shapes_json().into(),
        })
    }

    /// Verify the signature in constant time, then parse the raw body.
    /// Synchronous; throws `WebhookError` on any failure.
    #[wasm_bindgen(js_name = handleWebhookEvent, unchecked_return_type = "WebhookEvent")]
    pub fn handle_webhook_event(
        &self,
        #[wasm_bindgen(unchecked_param_type = "WebhookBody")] body: JsValue,
        #[wasm_bindgen(unchecked_param_type = "string | null | undefined")] signature: JsValue,
    ) -> Result<JsValue, JsValue> {
        let body = body_from_js(&self.inner, &body).map_err(to_js_error)?;
        handle_to_js(&self.inner, &self.shapes, &body, signature_from_js(&signature).as_deref()).map_err(to_js_error)
    }

    /// Verify only, without parsing: the index of the secret that matched.
    pub fn verify(
        &self,
        #[wasm_bindgen(unchecked_param_type = "WebhookBody")] body: JsValue,
        #[wasm_bindgen(unchecked_param_type = "string | null | undefined")] signature: JsValue,
    ) -> Result<u32, JsValue> {
        let body = body_from_js(&self.inner, &body).map_err(to_js_error)?;
        let index = self
            .inner
            .verify(body.bytes(), signature_from_js(&signature).as_deref())
            .map_err(to_js_error)?;
        // At most as many secrets as a JS array can hold.
        Ok(index as u32)
    }

    /// Refuse a body of `length` bytes, before reading it, when it is over
    /// the limit (throws BODY_TOO_LARGE). For adapters that see a
    /// Content-Length or count bytes while streaming.
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

    #[wasm_bindgen(getter, unchecked_return_type = "WebhookScheme")]
    pub fn scheme(&self) -> String {
        self.inner.scheme().as_str().to_string()
    }

    #[wasm_bindgen(getter, js_name = secretCount)]
    pub fn secret_count(&self) -> u32 {
        self.inner.secret_count() as u32
    }

    #[wasm_bindgen(getter, js_name = maxBodyBytes)]
    pub fn max_body_bytes(&self) -> f64 {
        self.inner.max_body_bytes() as f64
    }

    /// The configuration's shape, for logs; never a secret.
    #[wasm_bindgen(js_name = toString)]
    pub fn to_display_string(&self) -> String {
        [
            "WasenderWebhook { scheme: \"",
            self.inner.scheme().as_str(),
            "\", secrets: ",
            &decimal(self.inner.secret_count() as u64),
            ", maxBodyBytes: ",
            &decimal(self.inner.max_body_bytes() as u64),
            " }",
        ]
        .concat()
    }

    /// What `JSON.stringify(hook)` shows; never a secret.
    #[wasm_bindgen(js_name = toJSON, unchecked_return_type = "{ scheme: WebhookScheme; secretCount: number; maxBodyBytes: number }")]
    pub fn to_json(&self) -> JsValue {
        interop::config_summary(&self.inner)
    }
}

/// HMAC-SHA256(secret, body) as lower-case hex: the header a sender using
/// the `hmac-sha256` scheme attaches (test kits, relays).
#[wasm_bindgen(js_name = signHmacSha256)]
pub fn sign_hmac_sha256(
    #[wasm_bindgen(unchecked_param_type = "WebhookSecret")] secret: JsValue,
    #[wasm_bindgen(unchecked_param_type = "WebhookBody")] body: JsValue,
) -> Result<String, JsValue> {
    let secret = interop::secret_from_js(&secret, "secret").map_err(to_js_error)?;
    let body = interop::bytes_of(&body).map_err(to_js_error)?;
    Ok(crate::signature::to_hex(&crate::verify::sign_hmac_sha256(
        secret.as_bytes(),
        &body,
    )))
}

/// The longest signature header accepted, in bytes: the glue refuses a
/// longer one before copying it into wasm memory.
#[wasm_bindgen(js_name = maxSignatureLength)]
pub fn max_signature_length() -> u32 {
    crate::verify::MAX_SIGNATURE_LEN as u32
}

/// One-shot form: configure, verify and parse in one call. Prefer a
/// `WasenderWebhook` kept across requests when handling many deliveries.
#[wasm_bindgen(js_name = handleWebhookEvent, unchecked_return_type = "WebhookEvent")]
pub fn handle_webhook_event(
    #[wasm_bindgen(unchecked_param_type = "WebhookBody")] body: JsValue,
    #[wasm_bindgen(unchecked_param_type = "string | null | undefined")] signature: JsValue,
    #[wasm_bindgen(unchecked_param_type = "WebhookOptions")] options: JsValue,
) -> Result<JsValue, JsValue> {
    WasenderWebhook::new(options)?.handle_webhook_event(body, signature)
}
