//! The event as the object the npm package returns,
//! `{event, receivedEvent, timestamp?, sessionId?, data, envelope, <view>?}`
//! (`assemble` in `wasm/js/interop.js`): its members, in one place, for
//! [`Event::to_json`] and for `serde` (`src/serde_impls.rs`).
//!
//! The view is taken from the very writer the wasm's tape comes from
//! ([`Event::write_derived`]), as JSON text read back by the core's own
//! parser (lone surrogates and number text survive the round trip), so
//! Rust and JavaScript cannot disagree on a view's keys or values.

use crate::prelude::*;

use super::sink::JsonSink;
use super::Event;
use crate::json::{parse, write_json, write_str, write_text, Json, JsonStr, Object};

/// One member's value.
pub(crate) enum Part<'e> {
    /// Text made by the core (the canonical event name).
    Name(&'static str),
    /// A value from the body, or derived.
    Value(&'e Json<'e>),
    /// The body without `data`.
    Envelope(&'e Object<'e>),
}

/// What the event adds to its body (see [`Event::derived_json`]), as JSON
/// text; [`Derived::tree`] reads it.
pub(crate) struct Derived {
    text: Vec<u8>,
}

impl Derived {
    pub(crate) fn of(event: &Event<'_>) -> Derived {
        let mut sink = JsonSink::new();
        event.write_derived(&mut sink);
        Derived { text: sink.out }
    }

    /// A view item (or anything else the derived writer writes) as text.
    #[cfg(feature = "serde")]
    pub(crate) fn written(write: impl FnOnce(&mut JsonSink)) -> Derived {
        let mut sink = JsonSink::new();
        write(&mut sink);
        Derived { text: sink.out }
    }

    /// The text as a tree, borrowing from it. The core's writer emits valid
    /// JSON, so the `Null` fallback is never taken.
    pub(crate) fn tree(&self) -> Json<'_> {
        parse(&self.text).unwrap_or(Json::Null)
    }
}

/// The members of the JS package's event object, in its order.
pub(crate) fn parts<'e>(event: &'e Event<'_>, derived: &'e Json<'e>) -> Vec<(&'e str, Part<'e>)> {
    let body = event.body();
    let mut out = Vec::with_capacity(7);
    out.push(("event", Part::Name(event.name())));
    // The body has a string `event` (parse_event checked).
    out.push((
        "receivedEvent",
        Part::Value(body.get("event").unwrap_or(&Json::Null)),
    ));
    if let Some(time) = derived.get("timestamp") {
        out.push(("timestamp", Part::Value(time)));
    }
    // interop.js: present when the envelope has it and it is not null.
    if let Some(session) = body.get("sessionId").filter(|v| !v.is_null()) {
        out.push(("sessionId", Part::Value(session)));
    }
    out.push(("data", Part::Value(event.data())));
    out.push(("envelope", Part::Envelope(body)));
    if let (Some(view), Some(value)) = (
        derived.get("view").and_then(Json::as_str),
        derived.get("value"),
    ) {
        out.push((view, Part::Value(value)));
    }
    out
}

/// Whether `key` is the body's `data` member (left out of the envelope).
pub(crate) fn is_data(key: &JsonStr<'_>) -> bool {
    !key.has_lone_surrogates() && key.as_str() == "data"
}

impl Event<'_> {
    /// The event as the npm package returns it, as JSON text:
    /// `{"event", "receivedEvent", "timestamp"?, "sessionId"?, "data",
    /// "envelope", "messages" | "statuses" | "reactions" | "sessionStatus"?}`
    /// (`envelope` is the body without `data`). `JSON.parse` of this text
    /// deep-equals the JS package's event for the same delivery.
    ///
    /// Exact where `serde` cannot be: every number is written as the body
    /// wrote it, and a string with lone UTF-16 surrogates (which a Rust
    /// `str` cannot hold) keeps them as `\uXXXX` escapes. The output holds
    /// the `sessionId`: treat it as the body itself (not for logs).
    ///
    /// ```
    /// let event = wasender_webhook::parse_event(
    ///     br#"{"event":"session.status","timestamp":1700000000,"data":{"status":"connected"}}"#,
    /// )?;
    /// assert_eq!(
    ///     event.to_json(),
    ///     r#"{"event":"session.status","receivedEvent":"session.status","timestamp":1700000000,"data":{"status":"connected"},"envelope":{"event":"session.status","timestamp":1700000000},"sessionStatus":"connected"}"#
    /// );
    /// # Ok::<(), wasender_webhook::WebhookError>(())
    /// ```
    pub fn to_json(&self) -> String {
        let derived = Derived::of(self);
        let derived = derived.tree();
        let mut out = Vec::with_capacity(2 * self.source.len() + 128);
        let mut separator = b'{';
        for (key, part) in parts(self, &derived) {
            out.push(separator);
            separator = b',';
            write_text(key, &mut out);
            out.push(b':');
            match part {
                Part::Name(name) => write_text(name, &mut out),
                Part::Value(value) => write_json(value, &mut out),
                Part::Envelope(body) => {
                    let mut separator = b'{';
                    for (key, value) in body.iter().filter(|(key, _)| !is_data(key)) {
                        out.push(separator);
                        separator = b',';
                        write_str(key, &mut out);
                        out.push(b':');
                        write_json(value, &mut out);
                    }
                    if separator == b'{' {
                        out.push(b'{');
                    }
                    out.push(b'}');
                }
            }
        }
        out.push(b'}');
        // The writer emits valid UTF-8 only.
        String::from_utf8(out).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use crate::event::parse_event;
    use crate::json::parse;

    #[test]
    fn the_object_is_the_body_and_what_was_derived() {
        let body = br#"{"event":"messages.upsert","sessionId":"S","timestamp":1700000000123,"data":{"messages":{"key":{"id":"M1","remoteJid":"1@s.whatsapp.net","fromMe":false},"messageBody":"cut \ud83d","message":{"conversation":"hi"}}},"x":[1.50]}"#;
        let event = parse_event(body).unwrap();
        let text = event.to_json();
        let tree = parse(text.as_bytes()).unwrap();
        let derived = event.derived_json();
        let derived = parse(derived.as_bytes()).unwrap();
        assert_eq!(tree.get("event"), derived.get("event"));
        assert_eq!(tree.get("timestamp"), derived.get("timestamp"));
        assert_eq!(tree.get("messages"), derived.get("value"));
        assert_eq!(tree.get("data"), event.body().get("data"));
        assert_eq!(tree.get("sessionId"), event.body().get("sessionId"));
        assert_eq!(tree.get("receivedEvent"), event.body().get("event"));
        let envelope = tree.get("envelope").and_then(|e| e.as_object()).unwrap();
        assert_eq!(
            envelope.keys().collect::<Vec<_>>(),
            ["event", "sessionId", "timestamp", "x"]
        );
        // Exact: the number as written, the lone surrogate as an escape.
        assert!(text.contains(r#""x":[1.50]"#), "{text}");
        assert!(text.contains(r#""text":"cut \ud83d""#), "{text}");
    }

    #[test]
    fn absent_members_are_left_out() {
        let event = parse_event(br#"{"data":null,"sessionId":null,"event":"x"}"#).unwrap();
        assert_eq!(
            event.to_json(),
            r#"{"event":"unknown","receivedEvent":"x","data":null,"envelope":{"sessionId":null,"event":"x"}}"#
        );
        let event = parse_event(br#"{"data":1,"event":"x"}"#).unwrap();
        assert!(event.to_json().ends_with(r#""envelope":{"event":"x"}}"#));
    }
}
