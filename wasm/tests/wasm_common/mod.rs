//! Tests of the raw wasm bindings as JavaScript sees them, shared by the
//! Node and the browser runs: what is thrown, what is returned, and that the
//! instance keeps working after failures. The guard in front of them (what
//! users call: option names, ArrayBuffers and views, hostile values) is
//! tested through the package (js-tests/package).

use js_sys::{Array, Error, Reflect, Uint8Array, JSON};
use wasender_webhook_wasm::WasenderWebhook;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::wasm_bindgen_test;

const SECRET: &str = "fb61aa1c2f9e4b0d8c7e6a5b4c3d2e6c";
const BODY: &str = r#"{"event":"messages.upsert","timestamp":1633456789,"data":{"messages":{"key":{"id":"3EB0X","remoteJid":"15550001111@s.whatsapp.net","fromMe":false},"messageBody":"héllo 😀","big":12345678901234567890}},"sessionId":"SESSION-KEY-123"}"#;

/// The secrets as the guard passes them (strings or Uint8Arrays).
fn secrets(list: &[JsValue]) -> Array {
    list.iter().collect()
}

fn hook() -> WasenderWebhook {
    WasenderWebhook::new(
        &secrets(&[SECRET.into()]),
        JsValue::UNDEFINED,
        JsValue::UNDEFINED,
        JsValue::UNDEFINED,
        JsValue::UNDEFINED,
    )
    .unwrap()
}

fn get(v: &JsValue, key: &str) -> JsValue {
    Reflect::get(v, &key.into()).unwrap()
}

fn stringify(v: &JsValue) -> String {
    JSON::stringify(v).unwrap().into()
}

/// Assert `err` is a thrown WebhookError with this code and status, and
/// that its message leaks none of the secrets involved.
fn assert_webhook_error(err: JsValue, code: &str, status: u32) {
    assert!(
        err.is_instance_of::<Error>(),
        "thrown value is an Error: {err:?}"
    );
    assert_eq!(get(&err, "name"), "WebhookError");
    assert_eq!(get(&err, "code"), code);
    assert_eq!(get(&err, "status").as_f64(), Some(status as f64));
    let message = get(&err, "message").as_string().unwrap();
    assert!(!message.is_empty());
    for secret in [SECRET, "SESSION-KEY-123", "forged-signature"] {
        assert!(
            !message.contains(secret),
            "message leaks a secret: {message}"
        );
    }
}

fn bytes(s: &str) -> Uint8Array {
    Uint8Array::from(s.as_bytes())
}

#[wasm_bindgen_test]
fn a_genuine_delivery_parses_losslessly() {
    let event = hook()
        .handle_webhook_event(BODY.into(), Some(SECRET.into()), None, None, 0.0)
        .unwrap();
    assert_eq!(get(&event, "event"), "messages.upsert");
    let sent = JSON::parse(BODY).unwrap();
    assert_eq!(
        stringify(&get(&event, "data")),
        stringify(&get(&sent, "data"))
    );
    let message = js_sys::Array::from(&get(&event, "messages")).get(0);
    assert_eq!(get(&message, "text"), "héllo 😀");
    assert_eq!(get(&message, "type"), "text");
}

#[wasm_bindgen_test]
fn every_body_type_gives_the_same_event() {
    let h = hook();
    let expected = stringify(
        &h.handle_webhook_event(BODY.into(), Some(SECRET.into()), None, None, 0.0)
            .unwrap(),
    );
    let u8s = bytes(BODY);
    // A view into the middle of a larger buffer: only its own bytes count.
    let padded = Uint8Array::new_with_length(u8s.length() + 8);
    padded.set(&u8s, 4);
    let bodies: [JsValue; 2] = [
        u8s.clone().into(),
        padded.subarray(4, 4 + u8s.length()).into(),
    ];
    for body in bodies {
        assert_eq!(
            stringify(
                &h.handle_webhook_event(body, Some(SECRET.into()), None, None, 0.0)
                    .unwrap()
            ),
            expected
        );
    }
}

#[wasm_bindgen_test]
fn each_failure_has_its_code_and_status() {
    let h = hook();
    let err = |body: &str, sig: Option<&str>| {
        h.handle_webhook_event(body.into(), sig.map(String::from), None, None, 0.0)
            .unwrap_err()
    };
    assert_webhook_error(err(BODY, None), "MISSING_SIGNATURE", 401);
    assert_webhook_error(err(BODY, Some("")), "MISSING_SIGNATURE", 401);
    assert_webhook_error(
        err(BODY, Some("forged-signature")),
        "INVALID_SIGNATURE",
        401,
    );
    assert_webhook_error(err("{\"event\":", Some(SECRET)), "INVALID_JSON", 400);
    assert_webhook_error(err("[1,2]", Some(SECRET)), "INVALID_PAYLOAD", 400);
    assert_webhook_error(
        err(r#"{"event":5,"data":{}}"#, Some(SECRET)),
        "INVALID_PAYLOAD",
        400,
    );
    let parsed = JSON::parse(BODY).unwrap();
    assert_webhook_error(
        h.handle_webhook_event(parsed, Some(SECRET.into()), None, None, 0.0)
            .unwrap_err(),
        "BODY_ALREADY_PARSED",
        500,
    );
    let not_utf8 = Uint8Array::from(&[0x7b, 0xff, 0x7d][..]);
    assert_webhook_error(
        h.handle_webhook_event(not_utf8.into(), Some(SECRET.into()), None, None, 0.0)
            .unwrap_err(),
        "INVALID_JSON",
        400,
    );
}

#[wasm_bindgen_test]
fn the_body_limit_holds_for_every_body_type() {
    let small = WasenderWebhook::new(
        &secrets(&[SECRET.into()]),
        JsValue::UNDEFINED,
        16.into(),
        JsValue::UNDEFINED,
        JsValue::UNDEFINED,
    )
    .unwrap();
    let big = "x".repeat(17);
    assert_webhook_error(
        small
            .handle_webhook_event(big.as_str().into(), Some(SECRET.into()), None, None, 0.0)
            .unwrap_err(),
        "BODY_TOO_LARGE",
        413,
    );
    assert_webhook_error(
        small
            .handle_webhook_event(bytes(&big).into(), Some(SECRET.into()), None, None, 0.0)
            .unwrap_err(),
        "BODY_TOO_LARGE",
        413,
    );
    // 6 chars of UTF-16 but 18 bytes of UTF-8.
    assert_webhook_error(
        small
            .verify("€€€€€€".into(), Some(SECRET.into()), None, None, 0.0)
            .unwrap_err(),
        "BODY_TOO_LARGE",
        413,
    );
    assert_eq!(
        small
            .verify("€€€€€".into(), Some(SECRET.into()), None, None, 0.0)
            .unwrap(),
        0,
        "15 bytes pass"
    );
}

#[wasm_bindgen_test]
fn bad_options_fail_at_construction() {
    let u = || JsValue::UNDEFINED;
    let cases: [(Array, JsValue, JsValue, &str); 7] = [
        (secrets(&[]), u(), u(), "MISSING_SECRET"),
        (secrets(&["".into()]), u(), u(), "MISSING_SECRET"),
        (secrets(&[42.into()]), u(), u(), "INVALID_OPTIONS"),
        (secrets(&["a".into()]), "md5".into(), u(), "INVALID_OPTIONS"),
        (secrets(&["a".into()]), u(), (-1).into(), "INVALID_OPTIONS"),
        (secrets(&["a".into()]), u(), 1.5.into(), "INVALID_OPTIONS"),
        (
            secrets(&["a".into()]),
            u(),
            (16 * 1024 * 1024 + 1).into(),
            "INVALID_OPTIONS",
        ),
    ];
    for (list, scheme, max, code) in cases {
        assert_webhook_error(
            WasenderWebhook::new(&list, scheme, max, JsValue::UNDEFINED, JsValue::UNDEFINED)
                .err()
                .unwrap(),
            code,
            500,
        );
    }
}

#[wasm_bindgen_test]
fn rotation_and_byte_secrets() {
    let list = secrets(&[
        "old-secret".into(),
        Uint8Array::from(SECRET.as_bytes()).into(),
    ]);
    let h = WasenderWebhook::new(
        &list,
        JsValue::UNDEFINED,
        JsValue::UNDEFINED,
        JsValue::UNDEFINED,
        JsValue::UNDEFINED,
    )
    .unwrap();
    assert_eq!(
        h.verify(BODY.into(), Some(SECRET.into()), None, None, 0.0)
            .unwrap(),
        1
    );
    assert_eq!(
        h.verify(BODY.into(), Some("old-secret".into()), None, None, 0.0)
            .unwrap(),
        0
    );
    assert_eq!(h.secret_count(), 2);
}

#[wasm_bindgen_test]
fn hmac_scheme_verifies_a_tag_made_by_the_sender() {
    use hmac::{Hmac, KeyInit, Mac};
    let mut mac = <Hmac<sha2::Sha256> as KeyInit>::new_from_slice(SECRET.as_bytes()).unwrap();
    mac.update(BODY.as_bytes());
    let tag = format!(
        "sha256={}",
        base16ct::lower::encode_string(&mac.finalize().into_bytes())
    );
    let h = WasenderWebhook::new(
        &secrets(&[SECRET.into()]),
        "hmac-sha256".into(),
        JsValue::UNDEFINED,
        JsValue::UNDEFINED,
        JsValue::UNDEFINED,
    )
    .unwrap();
    assert_eq!(h.scheme(), "hmac-sha256");
    assert_eq!(
        get(
            &h.handle_webhook_event(bytes(BODY).into(), Some(tag.clone()), None, None, 0.0)
                .unwrap(),
            "event"
        ),
        "messages.upsert"
    );
    let tampered = BODY.replace("héllo", "hello");
    assert_webhook_error(
        h.handle_webhook_event(tampered.as_str().into(), Some(tag.clone()), None, None, 0.0)
            .unwrap_err(),
        "INVALID_SIGNATURE",
        401,
    );
    assert_webhook_error(
        h.handle_webhook_event(BODY.into(), Some(SECRET.into()), None, None, 0.0)
            .unwrap_err(),
        "INVALID_SIGNATURE",
        401,
    );
}

#[wasm_bindgen_test]
fn still_correct_after_many_failures() {
    let h = hook();
    for i in 0..20_000 {
        let (body, sig) = match i % 4 {
            0 => ("{", SECRET),
            1 => (BODY, "forged-signature"),
            2 => ("[]", SECRET),
            _ => ("", ""),
        };
        assert!(h
            .handle_webhook_event(body.into(), Some(sig.into()), None, None, 0.0)
            .is_err());
    }
    assert_eq!(
        get(
            &h.handle_webhook_event(BODY.into(), Some(SECRET.into()), None, None, 0.0)
                .unwrap(),
            "event"
        ),
        "messages.upsert"
    );
}
