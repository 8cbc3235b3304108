//! Conversions between JS values and the core's types, and nothing else.

use js_sys::{Array, ArrayBuffer, JsString, Object, Reflect, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::error::{ErrorCode, WebhookError};
use crate::event::Event;
use crate::secret::Secret;
use crate::verify::Scheme;
use crate::webhook::{Options, Webhook};

#[wasm_bindgen]
extern "C" {
    /// The engine's own decoder, used for UTF-16LE (see `event_to_js`).
    type TextDecoder;

    #[wasm_bindgen(constructor, catch)]
    fn new(label: &str) -> Result<TextDecoder, JsValue>;

    /// `bytes` is passed as a view of wasm memory: no copy on the way in.
    #[wasm_bindgen(method)]
    fn decode(this: &TextDecoder, bytes: &[u8]) -> JsString;

    /// JSON.parse of a string already in JS (js_sys's takes a Rust &str).
    #[wasm_bindgen(js_namespace = JSON, js_name = parse, catch)]
    fn json_parse(text: &JsString) -> Result<JsValue, JsValue>;
}

thread_local! {
    /// `None` where a runtime has no UTF-16LE decoder: UTF-8 is used then.
    static UTF16LE: Option<TextDecoder> = TextDecoder::new("utf-16le").ok();
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

/// The raw body as bytes, refusing an over-limit body before copying it.
pub fn body_bytes(hook: &Webhook, body: &JsValue) -> Result<Vec<u8>, WebhookError> {
    if let Some(text) = body.dyn_ref::<JsString>() {
        // UTF-8 is never shorter than UTF-16 code units: a string over the
        // limit by length is refused without encoding it.
        hook.check_min_body_size(text.length() as usize)?;
        let bytes = String::from(text).into_bytes();
        hook.check_body_size(bytes.len())?;
        return Ok(bytes);
    }
    // The common case first: one instanceof check (a Node Buffer is one too).
    let view = match body.dyn_ref::<Uint8Array>() {
        Some(bytes) => bytes.clone(),
        None => byte_view(body)?,
    };
    hook.check_body_size(view.length() as usize)?;
    Ok(view.to_vec())
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
    let view = if let Some(buffer) = body.dyn_ref::<ArrayBuffer>() {
        Uint8Array::new(buffer)
    } else if ArrayBuffer::is_view(body) {
        // Any typed array, DataView or Node Buffer: its bytes, not its elements.
        let view: &Object = body.unchecked_ref();
        let field = |name: &str| {
            Reflect::get(view, &name.into())
                .ok()
                .and_then(|v| v.as_f64())
                .unwrap_or(0.0) as u32
        };
        let buffer: ArrayBuffer = Reflect::get(view, &"buffer".into())
            .map_err(|_| not_raw_body(body))?
            .unchecked_into();
        Uint8Array::new_with_byte_offset_and_length(
            &buffer,
            field("byteOffset"),
            field("byteLength"),
        )
    } else {
        return Err(not_raw_body(body));
    };
    Ok(view)
}

fn not_raw_body(body: &JsValue) -> WebhookError {
    WebhookError::new(
        ErrorCode::BodyAlreadyParsed,
        format!(
            "the body must be the raw request bytes (Uint8Array, ArrayBuffer or string), found {}; \
             verification needs the exact bytes sent, so read the raw body (`await request.arrayBuffer()`, \
             `express.raw({{ type: \"application/json\" }})`) instead of a parsed JSON object",
            js_type(body)
        ),
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
        return Err(invalid_options(format!(
            "options must be an object, found {}",
            js_type(options)
        )));
    }
    let get = |name: &str| -> Result<Option<JsValue>, WebhookError> {
        let value = Reflect::get(options, &name.into())
            .map_err(|_| invalid_options(format!("reading `{name}` threw")))?;
        Ok((!value.is_undefined()).then_some(value))
    };

    let secrets = match (get("secret")?, get("secrets")?) {
        (Some(_), Some(_)) => {
            return Err(invalid_options(
                "give either `secret` or `secrets`, not both",
            ))
        }
        (Some(one), None) => vec![secret_from_js(&one, "secret")?],
        (None, Some(many)) => {
            let Some(list) = many.dyn_ref::<Array>() else {
                return Err(invalid_options(format!(
                    "`secrets` must be an array, found {}",
                    js_type(&many)
                )));
            };
            list.iter()
                .enumerate()
                .map(|(i, s)| secret_from_js(&s, &format!("secrets[{i}]")))
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
                invalid_options("`scheme` must be \"wasender\" (the default) or \"hmac-sha256\"")
            })?,
    };

    let max_body_bytes = match get("maxBodyBytes")? {
        None => Options::default().max_body_bytes,
        Some(v) => match v.as_f64() {
            Some(n) if n.fract() == 0.0 && n >= 1.0 && n <= u32::MAX as f64 => n as usize,
            _ => {
                return Err(invalid_options(
                    "`maxBodyBytes` must be a positive whole number of bytes",
                ))
            }
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
    if let Some(bytes) = value.dyn_ref::<Uint8Array>() {
        return Ok(Secret::from(bytes.to_vec()));
    }
    if let Some(buffer) = value.dyn_ref::<ArrayBuffer>() {
        return Ok(Secret::from(Uint8Array::new(buffer).to_vec()));
    }
    if value.is_null() {
        return Err(WebhookError::new(
            ErrorCode::MissingSecret,
            format!("missing secret: `{at}` is null"),
        ));
    }
    Err(invalid_options(format!(
        "`{at}` must be a string or a Uint8Array, found {}",
        js_type(value)
    )))
}

fn invalid_options(message: impl std::fmt::Display) -> WebhookError {
    WebhookError::new(
        ErrorCode::InvalidOptions,
        format!("invalid options: {message}"),
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

/// The event as a plain JS object, built by the engine's own JSON parser
/// from the core's one parse: fast, and `__proto__` keys, big numbers and
/// key order come out exactly as `JSON.parse(body)` would give them.
///
/// The JSON text crosses as UTF-16LE when the body has non-ASCII text: the
/// engine makes a string of that almost at memcpy speed, several times
/// faster than it decodes the same text as UTF-8. ASCII bodies cross as
/// UTF-8, whose decoder is fastest for them.
pub fn event_to_js(event: &Event, body_is_ascii: bool) -> Result<JsValue, JsValue> {
    let utf8 = || JsString::from(event.to_json());
    let text = if body_is_ascii {
        utf8()
    } else {
        UTF16LE.with(|decoder| match decoder {
            Some(decoder) => decoder.decode(&event.to_json_utf16le()),
            None => utf8(),
        })
    };
    json_parse(&text)
        .map_err(|_| to_js_error(WebhookError::new(ErrorCode::InvalidJson, "invalid JSON: the body could not be rebuilt")))
}

pub fn config_summary(hook: &Webhook) -> JsValue {
    let summary = Object::new();
    // Setting fresh keys on a new plain object cannot throw.
    let _ = Reflect::set(&summary, &"scheme".into(), &hook.scheme().as_str().into());
    let _ = Reflect::set(
        &summary,
        &"secretCount".into(),
        &(hook.secret_count() as u32).into(),
    );
    let _ = Reflect::set(
        &summary,
        &"maxBodyBytes".into(),
        &(hook.max_body_bytes() as f64).into(),
    );
    summary.into()
}
