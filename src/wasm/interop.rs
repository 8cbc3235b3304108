//! Conversions between JS values and the core's types, and nothing else.

use crate::prelude::*;
use js_sys::{Array, JsString, Reflect, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::error::{ErrorCode, WebhookError};
use crate::event::Event;
use crate::secret::Secret;
use crate::verify::{HostHmac, Scheme};
use crate::webhook::{Options, Webhook};

#[wasm_bindgen(module = "/src/js/interop.js")]
extern "C" {
    // Slices cross as views of wasm memory (no copy), read before returning.
    #[wasm_bindgen(js_name = textFromAscii)]
    fn text_from_ascii(bytes: &[u8]) -> JsString;
    #[wasm_bindgen(js_name = textFromUtf16)]
    fn text_from_utf16(units: &[u16]) -> JsString;
    #[wasm_bindgen(js_name = eventFromTape)]
    fn event_from_tape(body: &JsString, tape: &[f64], side: &JsString, shapes: &JsString) -> JsValue;
    /// A Uint8Array over an ArrayBuffer's or any view's bytes, else undefined.
    #[wasm_bindgen(js_name = bytesOf)]
    fn bytes_of_view(value: &JsValue) -> Option<Uint8Array>;
    #[wasm_bindgen(js_name = configSummary)]
    fn config_summary_object(scheme: &str, secret_count: u32, max_body_bytes: f64) -> JsValue;
    /// The runtime's HMAC-SHA256 into `out`; false when it has none to
    /// offer, or its HMAC failed.
    #[wasm_bindgen(js_name = hostHmacSha256)]
    fn host_hmac_sha256_into(key: &[u8], message: &[u8], out: &mut [u8]) -> bool;
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
        if message.len() < HOST_HMAC_FROM_BYTES {
            return None;
        }
        let mut mac = [0u8; 32];
        host_hmac_sha256_into(key, message, &mut mac).then_some(mac)
    }
}

#[wasm_bindgen(module = "/src/js/webhook_error.js")]
extern "C" {
    #[wasm_bindgen(js_name = WebhookError)]
    type JsWebhookError;

    #[wasm_bindgen(constructor, js_class = WebhookError)]
    fn new(code: &str, status: u16, message: &str) -> JsWebhookError;
}

pub fn to_js_error(e: WebhookError) -> JsValue {
    JsWebhookError::new(e.code().as_str(), e.status(), e.message()).into()
}

/// The raw body, refusing an over-limit body before copying it.
pub fn body_from_js(hook: &JsWebhook, body: &JsValue) -> Result<Body, WebhookError> {
    if let Some(js) = body.dyn_ref::<JsString>() {
        // UTF-8 is never shorter than UTF-16 code units: a string over the
        // limit by length is refused without encoding it.
        hook.check_min_body_size(js.length() as usize)?;
        let text = String::from(js);
        hook.check_body_size(text.len())?;
        return Ok(Body::Text { text, js: js.clone() });
    }
    // The common case first: one instanceof check (a Node Buffer is one too).
    let view = match body.dyn_ref::<Uint8Array>() {
        Some(bytes) => bytes.clone(),
        None => byte_view(body)?,
    };
    hook.check_body_size(view.length() as usize)?;
    Ok(Body::Bytes(view.to_vec()))
}

/// The bytes of a body, with no limit (for signing in test kits).
pub fn bytes_of(body: &JsValue) -> Result<Vec<u8>, WebhookError> {
    match body.dyn_ref::<JsString>() {
        Some(text) => Ok(String::from(text).into_bytes()),
        None => byte_view(body).map(|view| view.to_vec()),
    }
}

/// A Uint8Array over exactly the bytes of an ArrayBuffer or any view.
fn byte_view(body: &JsValue) -> Result<Uint8Array, WebhookError> {
    bytes_of_view(body).ok_or_else(|| not_raw_body(body))
}

fn not_raw_body(body: &JsValue) -> WebhookError {
    WebhookError::new(
        ErrorCode::BodyAlreadyParsed,
        [
            "the body must be the raw request bytes (Uint8Array, ArrayBuffer or string), found ",
            &js_type(body),
            "; verification needs the exact bytes sent, so read the raw body (`await request.arrayBuffer()`, \
             `express.raw({ type: \"application/json\" })`) instead of a parsed JSON object",
        ]
        .concat(),
    )
}

/// A header value; anything but a string counts as absent.
pub fn signature_from_js(signature: &JsValue) -> Option<String> {
    signature.as_string()
}

pub fn options_from_js(options: &JsValue) -> Result<Options, WebhookError> {
    if options.is_undefined() || options.is_null() {
        return Err(WebhookError::new(
            ErrorCode::MissingSecret,
            "missing secret: pass options such as { secret: process.env.WASENDER_WEBHOOK_SECRET }",
        ));
    }
    if !options.is_object() {
        return Err(invalid_options(&["options must be an object, found ", &js_type(options)]));
    }
    let get = |name: &str| -> Result<Option<JsValue>, WebhookError> {
        let value = Reflect::get(options, &name.into())
            .map_err(|_| invalid_options(&["reading `", name, "` threw"]))?;
        Ok((!value.is_undefined()).then_some(value))
    };

    let secrets = match (get("secret")?, get("secrets")?) {
        (Some(_), Some(_)) => {
            return Err(invalid_options(&["give either `secret` or `secrets`, not both"]))
        }
        (Some(one), None) => vec![secret_from_js(&one, "secret")?],
        (None, Some(many)) => {
            let Some(list) = many.dyn_ref::<Array>() else {
                return Err(invalid_options(&["`secrets` must be an array, found ", &js_type(&many)]));
            };
            list.iter()
                .enumerate()
                .map(|(i, s)| secret_from_js(&s, &["secrets[", &decimal(i as u64), "]"].concat()))
                .collect::<Result<_, _>>()?
        }
        (None, None) => Vec::new(), // the core reports MISSING_SECRET
    };

    let scheme = match get("scheme")? {
        None => Scheme::default(),
        Some(v) => v
            .as_string()
            .as_deref()
            .and_then(Scheme::from_name)
            .ok_or_else(|| {
                invalid_options(&["`scheme` must be \"wasender\" (the default) or \"hmac-sha256\""])
            })?,
    };

    let max_body_bytes = match get("maxBodyBytes")? {
        None => Options::default().max_body_bytes,
        Some(v) => match v.as_f64() {
            // Whole and in range exactly when it survives the trip through u32.
            Some(n) if n >= 1.0 && f64::from(n as u32) == n => n as usize,
            // Not a whole number of bytes: the core refuses 0, with the range.
            _ => 0,
        },
    };

    Ok(Options {
        secrets,
        scheme,
        max_body_bytes,
    })
}

/// A secret is a string (the session's `webhook_secret`) or raw key bytes.
/// Its value never appears in a message; only where it was and its type.
pub fn secret_from_js(value: &JsValue, at: &str) -> Result<Secret, WebhookError> {
    if let Some(s) = value.as_string() {
        return Ok(Secret::from(s));
    }
    // Raw key bytes: a Uint8Array, an ArrayBuffer or any view, read the same
    // way as a body's bytes.
    if let Some(bytes) = bytes_of_view(value) {
        return Ok(Secret::from(bytes.to_vec()));
    }
    if value.is_null() {
        return Err(WebhookError::new(
            ErrorCode::MissingSecret,
            ["missing secret: `", at, "` is null"].concat(),
        ));
    }
    Err(invalid_options(&["`", at, "` must be a string or a Uint8Array, found ", &js_type(value)]))
}

/// "invalid options: " and the message, given in pieces.
fn invalid_options(message: &[&str]) -> WebhookError {
    WebhookError::new(
        ErrorCode::InvalidOptions,
        ["invalid options: ", &message.concat()].concat(),
    )
}

fn js_type(value: &JsValue) -> String {
    if value.is_null() {
        "null".into()
    } else if Array::is_array(value) {
        "an array".into()
    } else {
        value.js_typeof().as_string().unwrap_or_default()
    }
}

/// The raw body as JavaScript gave it, in the core's terms.
pub enum Body {
    Bytes(Vec<u8>),
    /// A string body: its UTF-8 (which the encoding made valid) and the
    /// caller's own string, parsed as given with no decoding at all.
    Text { text: String, js: JsString },
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
/// `src/js/interop.js`): the body, verified and checked in wasm, parsed by
/// the engine's `JSON.parse`, plus what the core derived from it, read off
/// a tape (`crate::event::derived`) whose keys are named by the `shapes`
/// (`derived::shapes_json`). View text that is a slice of the body crosses
/// as where it lies in the body's string, not as a copy.
pub fn handle_to_js(hook: &JsWebhook, shapes: &JsString, body: &Body, signature: Option<&str>) -> Result<JsValue, WebhookError> {
    match body {
        Body::Text { text, js } => {
            let event = hook.handle_text(text, signature)?;
            Ok(event_to_js(js, &event, shapes))
        }
        Body::Bytes(bytes) => {
            let mut units = Vec::new();
            let event = hook.handle_utf16(bytes, signature, &mut units)?;
            Ok(event_to_js(&js_string(bytes, &units), &event, shapes))
        }
    }
}

fn event_to_js(body: &JsString, event: &Event, shapes: &JsString) -> JsValue {
    let tape = event.derived_tape();
    let mut units = Vec::new();
    // The core writes UTF-8 only, so this just converts (names and digits:
    // mostly ASCII, which needs no units).
    let _ = crate::utf16::checked_utf16(&tape.side, &mut units);
    event_from_tape(body, &tape.ops, &js_string(&tape.side, &units), shapes)
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

pub fn config_summary(hook: &JsWebhook) -> JsValue {
    config_summary_object(
        hook.scheme().as_str(),
        hook.secret_count() as u32,
        hook.max_body_bytes() as f64,
    )
}
