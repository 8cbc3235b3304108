//! Conversions between JS values and the core's types, and nothing else.

use crate::prelude::*;
use js_sys::{Array, JsString, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use wasender_webhook::{
    ErrorCode, Event, HostHmac, Options, Scheme, Secret, SignedHeaders, Tolerance, Webhook,
    WebhookError,
};

#[wasm_bindgen(module = "/js/interop.js")]
extern "C" {
    // Slices cross as views of wasm memory (no copy), read before returning.
    #[wasm_bindgen(js_name = textFromAscii)]
    fn text_from_ascii(bytes: &[u8]) -> JsString;
    #[wasm_bindgen(js_name = textFromUtf16)]
    fn text_from_utf16(units: &[u16]) -> JsString;
    #[wasm_bindgen(js_name = eventFromTape)]
    fn event_from_tape(
        body: &JsString,
        tape: &[f64],
        side: &JsString,
        layouts: &JsString,
    ) -> JsValue;
    /// The runtime's HMAC-SHA256 of `prefix ‖ message` into `out`; false
    /// when it has none to offer, or its HMAC failed.
    #[wasm_bindgen(js_name = hostHmacSha256)]
    fn host_hmac_sha256_into(key: &[u8], prefix: &[u8], message: &[u8], out: &mut [u8]) -> bool;
}

/// The core as the package configures it: HMACs from the runtime if it
/// offers them.
pub type JsWebhook = Webhook<JsHostHmac>;

/// The runtime's own HMAC, when the entry point installed one (node.mjs:
/// node:crypto's, with SHA instructions).
#[derive(Clone, Copy)]
pub struct JsHostHmac;

/// Below this many bytes the wasm's own HMAC is the quicker: node:crypto's
/// per-call setup costs about as much as hashing a kilobyte here, and the
/// call out is saved too (A/B in one process, hmac-sha256 deliveries: with
/// the host 1.04–1.07× the time at 0.4 KB, 0.76–0.81× at 1.5 KB, 0.53–0.69×
/// at 4–64 KB).
const HOST_HMAC_FROM_BYTES: usize = 1024;

impl HostHmac for JsHostHmac {
    fn hmac_sha256(&self, key: &[u8], message: &[u8]) -> Option<[u8; 32]> {
        self.hmac_sha256_prefixed(key, &[], message)
    }

    /// Standard Webhooks' `id.timestamp.` prefix crosses beside the body,
    /// which is never copied to be joined with it.
    fn hmac_sha256_prefixed(&self, key: &[u8], prefix: &[u8], message: &[u8]) -> Option<[u8; 32]> {
        if message.len() < HOST_HMAC_FROM_BYTES {
            return None;
        }
        let mut mac = [0u8; 32];
        host_hmac_sha256_into(key, prefix, message, &mut mac).then_some(mac)
    }
}

#[wasm_bindgen(module = "/js/webhook_error.js")]
extern "C" {
    #[wasm_bindgen(js_name = WebhookError)]
    type JsWebhookError;

    #[wasm_bindgen(constructor, js_class = WebhookError)]
    fn new(code: &str, status: u16, message: &str) -> JsWebhookError;
}

pub fn to_js_error(e: WebhookError) -> JsValue {
    JsWebhookError::new(e.code().as_str(), e.status(), e.message()).into()
}

// What crosses from JS has been read by the guard (src/js/guard.js) first:
// a body is a primitive string or a Uint8Array over a live buffer, a secret
// a string or a Uint8Array, a signature a string of bounded length or
// undefined. So nothing below calls into code a caller wrote, and nothing
// can throw through the wasm. What the guard cannot have sent is still
// refused with a typed error, never a trap.

/// The raw body, refusing an over-limit body before copying it.
pub fn body_from_js(hook: &JsWebhook, body: &JsValue) -> Result<Body, WebhookError> {
    if let Some(js) = body.dyn_ref::<JsString>() {
        // UTF-8 is never shorter than UTF-16 code units: a string over the
        // limit by length is refused without encoding it.
        hook.check_min_body_size(js.length() as usize)?;
        let text = String::from(js);
        hook.check_body_size(text.len())?;
        return Ok(Body::Text {
            text,
            js: js.clone(),
        });
    }
    let view = bytes_of(body)?;
    hook.check_body_size(view.length() as usize)?;
    Ok(Body::Bytes(view.to_vec()))
}

/// A Uint8Array the guard made, else the error it would have given.
fn bytes_of(value: &JsValue) -> Result<&Uint8Array, WebhookError> {
    value.dyn_ref::<Uint8Array>().ok_or_else(|| {
        WebhookError::new(
            ErrorCode::BodyAlreadyParsed,
            "the body must be the raw request bytes (Uint8Array, ArrayBuffer or string)",
        )
    })
}

/// The bytes to sign (test kits): a string's UTF-8 or a Uint8Array's bytes.
pub fn sign_input(value: &JsValue) -> Result<Vec<u8>, WebhookError> {
    match value.dyn_ref::<JsString>() {
        Some(text) => Ok(String::from(text).into_bytes()),
        None => bytes_of(value).map(Uint8Array::to_vec),
    }
}

/// The signed headers as the guard read them (strings or undefined), and
/// the time it read from its clock (whole seconds; anything else is 0,
/// which only a scheme that ignores the time can be given).
pub struct Headers {
    signature: Option<String>,
    id: Option<String>,
    timestamp: Option<String>,
    pub now: u64,
}

impl Headers {
    /// The headers cross as strings (the guard made each a string of
    /// bounded length, or left it undefined): the glue copies them in, with
    /// no call back into JS and no slot in the externref table, which is
    /// most of a small delivery's fixed cost. A scheme that signs with the
    /// signature alone ignores the others (the guard passes none).
    pub fn new(
        scheme: Scheme,
        signature: Option<String>,
        id: Option<String>,
        timestamp: Option<String>,
        now: f64,
    ) -> Headers {
        let standard = scheme == Scheme::StandardWebhooks;
        Headers {
            signature,
            id: id.filter(|_| standard),
            timestamp: timestamp.filter(|_| standard),
            now: whole_u64(now).unwrap_or(0),
        }
    }

    pub fn signed(&self) -> SignedHeaders<'_> {
        SignedHeaders::standard(
            self.id.as_deref(),
            self.timestamp.as_deref(),
            self.signature.as_deref(),
        )
    }
}

/// `n` when it is a whole number a `u64` holds exactly enough (below 2^53).
fn whole_u64(n: f64) -> Option<u64> {
    ((0.0..=9_007_199_254_740_991.0).contains(&n) && n == (n as u64) as f64).then_some(n as u64)
}

/// The core's options from what the guard read: the secrets (strings or
/// bytes), and the scheme, limit and tolerance as given (undefined when
/// not; the tolerance as its past and future sides, or "unchecked").
pub fn options_from_js(
    secrets: &Array,
    scheme: &JsValue,
    max_body_bytes: &JsValue,
    past: &JsValue,
    future: &JsValue,
) -> Result<Options, WebhookError> {
    let secrets = secrets
        .iter()
        .map(|s| secret_from_js(&s))
        .collect::<Result<_, _>>()?;
    let scheme = if scheme.is_undefined() {
        Scheme::default()
    } else {
        // Anything but a string is no scheme's name: the same error.
        scheme.as_string().unwrap_or_default().parse()?
    };
    let max_body_bytes = if max_body_bytes.is_undefined() {
        Options::default().max_body_bytes
    } else {
        match max_body_bytes.as_f64() {
            // Whole and in range exactly when it survives the trip through u32.
            Some(n) if n >= 1.0 && f64::from(n as u32) == n => n as usize,
            // Not a whole number of bytes: the core refuses 0, with the range.
            _ => 0,
        }
    };
    Ok(Options {
        secrets,
        scheme,
        max_body_bytes,
        tolerance: tolerance_from_js(past, future)?,
    })
}

/// The tolerance: "unchecked", or whole seconds for each side (a side left
/// undefined keeps the default).
fn tolerance_from_js(past: &JsValue, future: &JsValue) -> Result<Tolerance, WebhookError> {
    if past.as_string().as_deref() == Some("unchecked") && future.is_undefined() {
        return Ok(Tolerance::Unchecked);
    }
    let side = |value: &JsValue| {
        if value.is_undefined() {
            return Some(Tolerance::DEFAULT_SECONDS);
        }
        value.as_f64().and_then(whole_u64)
    };
    match (side(past), side(future)) {
        (Some(past), Some(future)) => Ok(Tolerance::Within { past, future }),
        _ => Err(WebhookError::new(
            ErrorCode::InvalidOptions,
            "invalid options: `tolerance` must be whole seconds, { past, future } or \"unchecked\"",
        )),
    }
}

/// A secret: a string (the session's `webhook_secret`) or raw key bytes.
pub fn secret_from_js(value: &JsValue) -> Result<Secret, WebhookError> {
    match value.as_string() {
        Some(s) => Ok(Secret::from(s)),
        None => bytes_of(value)
            .map(|bytes| Secret::from(bytes.to_vec()))
            .map_err(|_| {
                WebhookError::new(
                    ErrorCode::InvalidOptions,
                    "invalid options: a secret must be a string or a Uint8Array",
                )
            }),
    }
}

/// The raw body as JavaScript gave it, in the core's terms.
pub enum Body {
    Bytes(Vec<u8>),
    /// A string body: its UTF-8 (which the encoding made valid) and the
    /// caller's own string, parsed as given with no decoding at all.
    Text {
        text: String,
        js: JsString,
    },
}

impl Body {
    pub fn bytes(&self) -> &[u8] {
        match self {
            Body::Bytes(bytes) => bytes,
            Body::Text { text, .. } => text.as_bytes(),
        }
    }
}

/// Verify, parse and convert: the event as a plain JS object (see
/// `js/interop.js`): the body, verified and checked in wasm, parsed by
/// the engine's `JSON.parse`, plus what the core derived from it, read off
/// a tape (the core's `event::sink`) whose keys are named by the `layouts`
/// (`__private::layouts_json`). View text that is a slice of the body crosses
/// as where it lies in the body's string, not as a copy.
pub fn handle_to_js(
    hook: &JsWebhook,
    layouts: &JsString,
    body: &Body,
    headers: &Headers,
) -> Result<JsValue, WebhookError> {
    match body {
        Body::Text { text, js } => {
            let event = hook.handle_text_at(text, &headers.signed(), headers.now)?;
            Ok(event_to_js(js, &event, layouts))
        }
        Body::Bytes(bytes) => {
            let mut units = Vec::new();
            let event = crate::utf16::handle_utf16(
                hook,
                bytes,
                &headers.signed(),
                headers.now,
                &mut units,
            )?;
            Ok(event_to_js(&js_string(bytes, &units), &event, layouts))
        }
    }
}

fn event_to_js(body: &JsString, event: &Event, layouts: &JsString) -> JsValue {
    let tape = event.derived_tape();
    let mut units = Vec::new();
    // The core writes UTF-8 only, so this just converts (names and digits:
    // mostly ASCII, which needs no units).
    let _ = crate::utf16::checked_utf16(&tape.side, &mut units);
    event_from_tape(body, &tape.ops, &js_string(&tape.side, &units), layouts)
}

/// A JS string of UTF-8 `text`, given with its UTF-16 code `units` (none
/// for ASCII): ASCII crosses as bytes, anything else as the units, which
/// engines turn into a string near memcpy speed where UTF-8 with emoji
/// decodes several times slower.
fn js_string(text: &[u8], units: &[u16]) -> JsString {
    if units.is_empty() {
        text_from_ascii(text)
    } else {
        text_from_utf16(units)
    }
}
