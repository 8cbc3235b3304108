//! Turning verified body bytes into a webhook event.
//!
//! WasenderAPI posts an envelope `{event, timestamp?, data, sessionId?}`.
//! We check the envelope's shape and keep everything the sender put in the
//! body, top-level extras included, exactly as `JSON.parse` would read it:
//! key order and duplicate keys (the last wins) as JavaScript resolves them,
//! and numbers as their original text, so integers beyond 2^53 and floats
//! round the same way they would in JavaScript.

use std::fmt;

use serde_json::{Map, Value};

use crate::error::{ErrorCode, WebhookError};

/// A parsed webhook delivery. Construct with [`parse_event`] (or, verified,
/// with [`crate::Webhook::handle`]).
#[derive(Clone, PartialEq)]
pub struct Event {
    /// The whole envelope; `event` is a string and `data` is present.
    fields: Map<String, Value>,
}

impl Event {
    /// The event name as sent, e.g. `"messages.upsert"`.
    pub fn name(&self) -> &str {
        // parse_event checked it; an empty name never gets here.
        self.fields.get("event").and_then(Value::as_str).unwrap_or_default()
    }

    /// The event payload, untouched.
    pub fn data(&self) -> &Value {
        self.fields.get("data").unwrap_or(&Value::Null)
    }

    /// The envelope `timestamp`, as sent (seconds or milliseconds, depending
    /// on the event; see the protocol notes).
    pub fn timestamp(&self) -> Option<&Value> {
        self.fields.get("timestamp").filter(|v| !v.is_null())
    }

    /// The `sessionId`, if sent. It may be the session's API key: treat it
    /// as a secret.
    pub fn session_id(&self) -> Option<&str> {
        self.fields.get("sessionId").and_then(Value::as_str)
    }

    /// Every top-level field of the body, in the order the sender wrote them.
    pub fn fields(&self) -> &Map<String, Value> {
        &self.fields
    }

    /// The envelope as JSON text, for hosts that rebuild it natively (the
    /// wasm binding hands this to `JSON.parse`).
    pub fn to_json(&self) -> String {
        // Serialising a Value cannot fail: its keys are strings and its
        // numbers are already valid JSON text.
        serde_json::to_string(&self.fields).unwrap_or_default()
    }
}

/// `Debug` shows the event name and field names; never the `sessionId`.
impl fmt::Debug for Event {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Event")
            .field("event", &self.name())
            .field("fields", &self.fields.keys().collect::<Vec<_>>())
            .finish_non_exhaustive()
    }
}

/// Parse and check an envelope. Does no verification: call it on bytes
/// whose signature was checked, or use [`crate::Webhook::handle`].
pub fn parse_event(body: &[u8]) -> Result<Event, WebhookError> {
    let value: Value = serde_json::from_slice(body).map_err(|e| {
        // serde_json's messages name a position, never the input's content.
        WebhookError::new(ErrorCode::InvalidJson, format!("invalid JSON: the body is not UTF-8 JSON ({e})"))
    })?;
    let Value::Object(fields) = value else {
        return Err(invalid_payload(format!(
            "the body must be a JSON object (a webhook envelope), found {}",
            json_type(&value)
        )));
    };
    match fields.get("event") {
        Some(Value::String(name)) if !name.is_empty() => {}
        Some(Value::String(_)) => return Err(invalid_payload("`event` must not be empty at $.event")),
        Some(other) => {
            return Err(invalid_payload(format!("`event` must be a string, found {} at $.event", json_type(other))))
        }
        None => return Err(invalid_payload("missing `event` at $.event")),
    }
    if !fields.contains_key("data") {
        return Err(invalid_payload("missing `data` at $.data"));
    }
    // Optional fields: tolerated when null or absent, refused when their
    // type cannot be what WasenderAPI sends (the value is never echoed).
    match fields.get("sessionId") {
        None | Some(Value::Null | Value::String(_)) => {}
        Some(other) => {
            return Err(invalid_payload(format!("`sessionId` must be a string, found {} at $.sessionId", json_type(other))))
        }
    }
    match fields.get("timestamp") {
        // A string is seen in the wild: consumers read it with Number(...).
        None | Some(Value::Null | Value::Number(_) | Value::String(_)) => {}
        Some(other) => {
            return Err(invalid_payload(format!(
                "`timestamp` must be a number, found {} at $.timestamp",
                json_type(other)
            )))
        }
    }
    Ok(Event { fields })
}

fn invalid_payload(message: impl fmt::Display) -> WebhookError {
    WebhookError::new(ErrorCode::InvalidPayload, format!("invalid payload: {message}"))
}

fn json_type(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code_of(body: &str) -> ErrorCode {
        parse_event(body.as_bytes()).unwrap_err().code()
    }

    #[test]
    fn an_envelope_parses_and_keeps_every_field() {
        let body = r#"{"event":"messages.upsert","timestamp":1633456789,"data":{"messages":{"key":{"id":"ABC"}},"x":[1,null]},"sessionId":"sess","extra":{"k":true}}"#;
        let e = parse_event(body.as_bytes()).unwrap();
        assert_eq!(e.name(), "messages.upsert");
        assert_eq!(e.session_id(), Some("sess"));
        assert_eq!(e.timestamp().map(ToString::to_string).as_deref(), Some("1633456789"));
        assert_eq!(e.data()["messages"]["key"]["id"], "ABC");
        assert_eq!(e.to_json(), body, "nothing added, dropped or reordered");
    }

    #[test]
    fn numbers_keep_their_text() {
        let body = r#"{"event":"e","data":{"big":18446744073709551616123,"neg":-1,"f":1.10,"e":1E400,"z":-0}}"#;
        let e = parse_event(body.as_bytes()).unwrap();
        // Digits are kept verbatim; only the exponent is spelled canonically,
        // which reads back as the same double (here Infinity, as in JS).
        assert_eq!(e.to_json(), body.replace("1E400", "1e+400"));
    }

    #[test]
    fn duplicate_keys_resolve_as_json_parse_does() {
        // JSON.parse keeps the first position and the last value.
        let e = parse_event(br#"{"event":"a","data":{"k":1,"j":2,"k":3},"event":"b"}"#).unwrap();
        assert_eq!(e.name(), "b");
        assert_eq!(e.to_json(), r#"{"event":"b","data":{"k":3,"j":2}}"#);
    }

    #[test]
    fn bad_json_is_invalid_json() {
        for body in ["", "{", "{\"event\":\"x\",\"data\":{}", "nul", "{\"event\":'x'}", "{} {}"] {
            assert_eq!(code_of(body), ErrorCode::InvalidJson, "{body:?}");
        }
        assert_eq!(parse_event(b"{\"event\":\"\xff\",\"data\":1}").unwrap_err().code(), ErrorCode::InvalidJson);
    }

    #[test]
    fn json_that_is_no_envelope_is_invalid_payload() {
        for body in [
            "[]",
            "\"messages.upsert\"",
            "null",
            "{}",
            r#"{"data":{}}"#,
            r#"{"event":1,"data":{}}"#,
            r#"{"event":"","data":{}}"#,
            r#"{"event":"x"}"#,
            r#"{"event":"x","data":{},"sessionId":5}"#,
            r#"{"event":"x","data":{},"timestamp":{}}"#,
        ] {
            let err = parse_event(body.as_bytes()).unwrap_err();
            assert_eq!(err.code(), ErrorCode::InvalidPayload, "{body}");
            assert_eq!(err.status(), 400);
        }
    }

    #[test]
    fn errors_name_the_path_but_never_echo_values() {
        let err = parse_event(br#"{"event":"x","data":{},"sessionId":["SECRET-SESSION"]}"#).unwrap_err();
        assert!(err.message().contains("$.sessionId"), "{}", err.message());
        assert!(!err.message().contains("SECRET-SESSION"));
        let err = parse_event(br#"{"event":{"SECRET":1},"data":{}}"#).unwrap_err();
        assert!(err.message().contains("$.event") && !err.message().contains("SECRET"));
    }

    #[test]
    fn debug_hides_the_session_id() {
        let e = parse_event(br#"{"event":"x","data":{},"sessionId":"SECRET-SESSION"}"#).unwrap();
        let shown = format!("{e:?}");
        assert!(shown.contains("\"x\"") && !shown.contains("SECRET-SESSION"), "{shown}");
    }

    #[test]
    fn null_optional_fields_are_tolerated() {
        let e = parse_event(br#"{"event":"x","data":null,"sessionId":null,"timestamp":null}"#).unwrap();
        assert_eq!(e.session_id(), None);
        assert_eq!(e.timestamp(), None);
        assert_eq!(e.data(), &Value::Null);
    }
}
