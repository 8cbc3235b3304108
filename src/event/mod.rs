//! Turning verified body bytes into a typed webhook event.
//!
//! WasenderAPI posts an envelope `{event, timestamp?, data, sessionId?}`. We
//! parse the body once (`crate::json`), check the envelope, map the event
//! name (aliases included) to its kind, read `data` as that kind's
//! documented shapes, and derive the normalised views from the same tree.
//! `data` itself is kept exactly as sent.

pub(crate) mod decode;
pub(crate) mod describe;
mod hosted;
// The owned and JS-object forms are for services, which have `std`; the
// npm package's wasm is built without it and so without them (compiled in,
// an earlier version cost it 24 bytes gzipped though it calls neither).
#[cfg(feature = "std")]
pub(crate) mod js_object;
pub(crate) mod kinds;
pub(crate) mod layouts;
pub mod model;
pub(crate) mod numbers;
#[cfg(feature = "std")]
mod owned;
#[cfg(feature = "std")]
pub use owned::OwnedEvent;
pub(crate) mod shape;
pub(crate) mod sink;
pub(crate) mod time;
pub(crate) mod views;

use crate::prelude::*;
use core::fmt;

use crate::error::{ErrorCode, WebhookError};
use crate::json::{self, Json, Object};
use decode::{Decode, Int64};
use kinds::ViewKind;
pub use kinds::{EventData, EventKind};
use layouts::DERIVED;
pub use model::SessionStatus;
use model::{wraps_messages, wraps_receipt};
use numbers::parse_scaled;
use sink::{JsonSink, Sink, Tape};
pub use time::UnixTime;
use views::one_or_many;
pub use views::{NormalizedMessage, NormalizedReaction, StatusUpdate, Text};

/// A parsed, checked webhook delivery, borrowing from the body bytes.
///
/// Everything the sender put in the body stays reachable ([`Event::data`],
/// [`Event::body`]); the typed model ([`Event::typed`]) and the normalised
/// views ([`Event::messages`] …) are readings of that same parse.
///
/// ```
/// use wasender_webhook::{parse_event, EventKind};
///
/// let body = br#"{"event":"messages.upsert","timestamp":1763776803,
///   "data":{"messages":{"key":{"id":"3EB0","remoteJid":"15550001111@s.whatsapp.net","fromMe":false},
///   "message":{"conversation":"hi"},"huh":1}}}"#;
/// let event = parse_event(body)?; // after verifying! (see `Webhook::handle`)
/// assert_eq!(event.kind(), EventKind::MessagesUpsert);
/// assert_eq!(event.timestamp().map(|t| t.millis()), Some(1_763_776_803_000));
/// let message = &event.messages()[0];
/// assert_eq!(message.text.as_ref().map(|t| t.as_str()), Some("hi"));
/// assert_eq!(message.sender_phone.as_deref(), Some("15550001111"));
/// // Fields the model does not know are still there.
/// assert!(event.data().get("messages").and_then(|m| m.get("huh")).is_some());
/// # Ok::<(), wasender_webhook::WebhookError>(())
/// ```
#[derive(Clone, PartialEq)]
pub struct Event<'a> {
    kind: EventKind,
    /// The whole body: an object with a non-empty string `event` and a `data`,
    /// borrowing its text from the body bytes.
    body: Object<'a>,
    /// The body bytes the tree borrows from.
    source: &'a [u8],
    timestamp: Option<UnixTime>,
    views: Views<'a>,
}

/// The normalised view an event carries (see `views`).
#[derive(Debug, Clone, PartialEq)]
enum Views<'a> {
    None,
    Messages(Vec<NormalizedMessage<'a>>),
    Statuses(Vec<StatusUpdate<'a>>),
    Reactions(Vec<NormalizedReaction<'a>>),
    SessionStatus(SessionStatus),
}

impl<'a> Views<'a> {
    /// The view of `data`, already checked against `kind`'s shape.
    fn of(kind: EventKind, data: &Json<'a>) -> Views<'a> {
        match kind.view() {
            ViewKind::Messages => {
                let messages = if wraps_messages(data) {
                    data.get(model::MESSAGES).map_or(&[][..], one_or_many)
                } else {
                    one_or_many(data)
                };
                Views::Messages(messages.iter().map(NormalizedMessage::from_json).collect())
            }
            ViewKind::Statuses if kind == EventKind::MessageReceiptUpdate => {
                const WRAPPED: &str = model::WrappedReceipt::wire("message");
                let receipts = if wraps_receipt(data) {
                    data.get(WRAPPED).map_or(&[][..], core::slice::from_ref)
                } else {
                    one_or_many(data)
                };
                Views::Statuses(receipts.iter().map(StatusUpdate::from_receipt).collect())
            }
            ViewKind::Statuses => Views::Statuses(
                one_or_many(data)
                    .iter()
                    .map(StatusUpdate::from_update)
                    .collect(),
            ),
            ViewKind::Reactions => Views::Reactions(
                one_or_many(data)
                    .iter()
                    .map(NormalizedReaction::from_json)
                    .collect(),
            ),
            ViewKind::SessionStatus => {
                const STATUS: &str = model::SessionStatusData::wire("status");
                Views::SessionStatus(SessionStatus::from_wire(
                    data.get(STATUS).and_then(Json::as_str).unwrap_or_default(),
                ))
            }
            ViewKind::None => Views::None,
        }
    }
}

impl<'a> Event<'a> {
    /// Which event this is (aliases resolved; `Unknown` for names this
    /// version does not know).
    pub fn kind(&self) -> EventKind {
        self.kind
    }

    /// The canonical event name (`"unknown"` for events we do not know).
    pub fn name(&self) -> &'static str {
        self.kind.name()
    }

    /// The event name exactly as sent (an alias such as `call.received`, or
    /// an unknown event's own name).
    pub fn received_name(&self) -> &str {
        self.body
            .get("event")
            .and_then(Json::as_str)
            .unwrap_or_default()
    }

    /// `data`, exactly as sent.
    pub fn data(&self) -> &Json<'a> {
        self.body.get("data").unwrap_or(&Json::Null)
    }

    /// `data` as this event's typed model.
    ///
    /// ```
    /// use wasender_webhook::event::EventData;
    ///
    /// let event = wasender_webhook::parse_event(
    ///     br#"{"event":"session.status","data":{"status":"need_scan"}}"#,
    /// )?;
    /// match event.typed() {
    ///     EventData::SessionStatus(data) => assert_eq!(data.status, "need_scan"),
    ///     _ => unreachable!(), // non-exhaustive: new events may come
    /// }
    /// # Ok::<(), wasender_webhook::WebhookError>(())
    /// ```
    pub fn typed(&self) -> EventData<'_> {
        // parse_event checked this tree against the same declarations the
        // decoders come from, so this cannot fail; Unknown is a safe answer
        // if it ever did.
        EventData::decode(self.kind, self.data()).unwrap_or(EventData::Unknown(self.data()))
    }

    /// The envelope `timestamp`, whether it was sent in seconds or in
    /// milliseconds (exact: [`UnixTime::millis`], or
    /// [`UnixTime::seconds`] as the JS package gives it).
    pub fn timestamp(&self) -> Option<UnixTime> {
        self.timestamp
    }

    /// The `sessionId`, if sent. It may be the session's API key: treat it
    /// as a secret.
    pub fn session_id(&self) -> Option<&str> {
        self.body.get("sessionId").and_then(Json::as_str)
    }

    /// Every top-level member of the body, as sent.
    pub fn body(&self) -> &Object<'a> {
        &self.body
    }

    /// Normalised messages (message-bearing events; empty otherwise).
    pub fn messages(&self) -> &[NormalizedMessage<'a>] {
        match &self.views {
            Views::Messages(m) => m,
            _ => &[],
        }
    }

    /// Normalised delivery states (`messages.update`, `message-receipt.update`).
    pub fn statuses(&self) -> &[StatusUpdate<'a>] {
        match &self.views {
            Views::Statuses(s) => s,
            _ => &[],
        }
    }

    /// Normalised reactions (`messages.reaction`).
    pub fn reactions(&self) -> &[NormalizedReaction<'a>] {
        match &self.views {
            Views::Reactions(r) => r,
            _ => &[],
        }
    }

    /// The session's state (`session.status`).
    pub fn session_status(&self) -> Option<SessionStatus> {
        match self.views {
            Views::SessionStatus(s) => Some(s),
            _ => None,
        }
    }

    /// What the event adds to the body, as JSON text:
    /// `{"event": canonical name, "timestamp"?: unix seconds, "view"?: its
    /// name, "value"?: the view}`. JavaScript receives the body itself as
    /// `JSON.parse` reads it (so `data` and every other member are exactly as
    /// sent) plus these; `wasm/js/interop.js` puts the two together as
    /// `{event, receivedEvent, timestamp?, sessionId?, data, envelope, <view>}`.
    #[doc(hidden)] // the bindings' and the tests' form, not an output format
    pub fn derived_json(&self) -> String {
        let mut sink = JsonSink::new();
        self.write_derived(&mut sink);
        // The writer emits valid UTF-8 only.
        String::from_utf8(sink.out).unwrap_or_default()
    }

    /// `derived_json` as the wasm binding hands it to JavaScript, which has
    /// the body as a string already: a [`Tape`], on which view text that is
    /// a run of the body is where it lies there.
    #[doc(hidden)] // the wasm binding's hand-off
    pub fn derived_tape(&self) -> Tape<'a> {
        let mut tape = Tape::new(self.source);
        self.write_derived(&mut tape);
        tape
    }

    fn write_derived<S: Sink>(&self, s: &mut S) {
        s.begin_object(DERIVED);
        s.field("event");
        s.made_text(self.name());
        match self.timestamp {
            Some(t) => {
                s.field("timestamp");
                s.seconds(t);
            }
            None => s.absent(),
        }
        match &self.views {
            Views::None => {
                s.absent();
                s.absent();
            }
            Views::Messages(m) => write_view(s, ViewKind::Messages, m, NormalizedMessage::write),
            Views::Statuses(v) => write_view(s, ViewKind::Statuses, v, StatusUpdate::write),
            Views::Reactions(r) => write_view(s, ViewKind::Reactions, r, NormalizedReaction::write),
            Views::SessionStatus(status) => {
                s.field("view");
                s.made_text(ViewKind::SessionStatus.name().unwrap_or_default());
                s.field("value");
                s.made_text(status.as_str());
            }
        }
        s.end_object();
    }
}

/// `"view": "<name>", "value": […]` for a view that is a list.
fn write_view<S: Sink, T>(s: &mut S, view: ViewKind, items: &[T], write: fn(&T, &mut S)) {
    s.field("view");
    s.made_text(view.name().unwrap_or_default());
    s.field("value");
    s.begin_array(items.len());
    for item in items {
        s.item();
        write(item, s);
    }
    s.end_array();
}

/// `Debug` shows the event names and field names; never the `sessionId`.
impl fmt::Debug for Event<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Event")
            .field("event", &self.name())
            .field("received", &self.received_name())
            .field("fields", &self.body.keys().collect::<Vec<_>>())
            .finish_non_exhaustive()
    }
}

/// Parse and check a delivery. Does no verification: call it on bytes whose
/// signature was checked, or use [`crate::Webhook::handle`].
///
/// # Errors
///
/// `INVALID_JSON` (400) when the body is not JSON (the message gives the
/// byte offset, never the content); `INVALID_PAYLOAD` (400) when it is not
/// an object with a non-empty string `event` and a `data`, or when `data`
/// does not fit the event's documented shapes (the message names the JSON
/// path, never the value).
#[inline]
pub fn parse_event(bytes: &[u8]) -> Result<Event<'_>, WebhookError> {
    event_from_tree(json::parse(bytes), bytes)
}

/// [`parse_event`] for a body already known to be UTF-8.
///
/// # Errors
///
/// As [`parse_event`].
#[inline]
pub fn parse_event_text(text: &str) -> Result<Event<'_>, WebhookError> {
    event_from_tree(json::parse_text(text), text.as_bytes())
}

/// The checks and views both entry points share, from the parser's result.
fn event_from_tree<'a>(
    tree: Result<Json<'a>, json::ParseError>,
    bytes: &'a [u8],
) -> Result<Event<'a>, WebhookError> {
    let tree = tree.map_err(|e| {
        // The parser reports a reason and a byte offset, never content.
        WebhookError::new(
            ErrorCode::InvalidJson,
            ["invalid JSON: ", &e.describe()].concat(),
        )
    })?;
    let Json::Object(body) = tree else {
        return Err(invalid_payload(&[
            "the body must be a JSON object (a webhook envelope), found ",
            tree.type_phrase(),
        ]));
    };
    let name = match body.get("event") {
        Some(Json::String(name)) if !name.as_str().is_empty() => name.as_str(),
        Some(Json::String(_)) => {
            return Err(invalid_payload(&["`event` must not be empty at $.event"]))
        }
        Some(other) => {
            return Err(invalid_payload(&[
                "`event` must be a string, found ",
                other.type_phrase(),
                " at $.event",
            ]))
        }
        None => return Err(invalid_payload(&["missing `event` at $.event"])),
    };
    let Some(data) = body.get("data") else {
        return Err(invalid_payload(&["missing `data` at $.data"]));
    };
    match body.get("sessionId") {
        None | Some(Json::Null | Json::String(_)) => {}
        Some(other) => {
            return Err(invalid_payload(&[
                "`sessionId` must be a string, found ",
                other.type_phrase(),
                " at $.sessionId",
            ]))
        }
    }
    let timestamp = envelope_timestamp(body.get("timestamp"))?;
    let kind = EventKind::from_received(name);
    if let Some(shape) = kind.data_shape() {
        shape::check(&shape, data).map_err(|e| {
            let e = e.at_key("data");
            invalid_payload(&[
                "`data` is not a documented ",
                kind.name(),
                " shape: ",
                &e.describe(),
            ])
        })?;
    }
    let views = Views::of(kind, data);
    Ok(Event {
        kind,
        body,
        source: bytes,
        timestamp,
        views,
    })
}

/// The envelope timestamp: a number or decimal string in seconds (maybe
/// with a fraction) or milliseconds, or a Long object; null and absent mean
/// none. Anything else, or a time out of range, is an invalid payload.
fn envelope_timestamp(value: Option<&Json<'_>>) -> Result<Option<UnixTime>, WebhookError> {
    let text = match value {
        None | Some(Json::Null) => return Ok(None),
        Some(Json::Number(text)) => Some(&**text),
        Some(Json::String(s)) => Some(s.as_str().trim_ascii()),
        Some(_) => None,
    };
    let time = match (text, value) {
        (Some(text), _) => match parse_scaled(text, 0, false) {
            Some(whole) => UnixTime::from_seconds_or_millis(whole),
            // A fraction: seconds with sub-second digits (beyond ms dropped).
            None => parse_scaled(text, 3, true).and_then(UnixTime::from_millis),
        },
        (None, Some(long @ Json::Object(_))) => Int64::decode(long)
            .ok()
            .and_then(|v| UnixTime::from_seconds_or_millis(v.get())),
        _ => None,
    };
    match (time, value) {
        (Some(t), _) => Ok(Some(t)),
        (None, Some(v)) => Err(invalid_payload(&[
            "`timestamp` must be a time in seconds or milliseconds, found ",
            v.type_phrase(),
            " at $.timestamp",
        ])),
        (None, None) => Ok(None),
    }
}

/// "invalid payload: " and the message, given in pieces.
fn invalid_payload(message: &[&str]) -> WebhookError {
    WebhookError::new(
        ErrorCode::InvalidPayload,
        ["invalid payload: ", &message.concat()].concat(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code_of(body: &str) -> ErrorCode {
        parse_event(body.as_bytes()).unwrap_err().code()
    }

    #[test]
    fn bad_json_is_invalid_json() {
        for body in [
            "",
            "{",
            "{\"event\":\"x\",\"data\":{}",
            "nul",
            "{\"event\":'x'}",
            "{} {}",
        ] {
            assert_eq!(code_of(body), ErrorCode::InvalidJson, "{body:?}");
        }
        assert_eq!(
            parse_event(b"{\"event\":\"\xff\",\"data\":1}")
                .unwrap_err()
                .code(),
            ErrorCode::InvalidJson
        );
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
            r#"{"event":"x","data":{},"timestamp":true}"#,
        ] {
            let err = parse_event(body.as_bytes()).unwrap_err();
            assert_eq!(err.code(), ErrorCode::InvalidPayload, "{body}");
            assert_eq!(err.status(), 400);
        }
    }

    #[test]
    fn errors_name_the_path_but_never_echo_values() {
        let err =
            parse_event(br#"{"event":"x","data":{},"sessionId":["SECRET-SESSION"]}"#).unwrap_err();
        assert!(err.message().contains("$.sessionId"), "{}", err.message());
        assert!(!err.message().contains("SECRET-SESSION"));
        let err = parse_event(br#"{"event":"call","data":{"call":{"id":"SECRET-ID","from":5}}}"#)
            .unwrap_err();
        assert!(
            err.message()
                .ends_with("expected a string, found a number at $.data.call.from"),
            "{}",
            err.message()
        );
        assert!(!err.message().contains("SECRET"));
    }

    #[test]
    fn debug_hides_the_session_id() {
        let e = parse_event(br#"{"event":"x","data":{},"sessionId":"SECRET-SESSION"}"#).unwrap();
        let shown = format!("{e:?}");
        assert!(
            shown.contains("\"x\"") && !shown.contains("SECRET-SESSION"),
            "{shown}"
        );
    }

    #[test]
    fn typed_access_for_rust_users() {
        let e = parse_event(
            br#"{"event":"call.received","data":{"call":{"id":"C1","isVideo":true,"extra":1}}}"#,
        )
        .unwrap();
        assert_eq!((e.name(), e.received_name()), ("call", "call.received"));
        let EventData::Call(call) = e.typed() else {
            panic!("{:?}", e.typed())
        };
        assert_eq!((call.call.id, call.call.is_video), ("C1", Some(true)));
        assert!(
            call.call.raw.contains_key("extra"),
            "unknown fields stay reachable"
        );
    }

    #[test]
    fn null_optional_envelope_fields_are_tolerated() {
        let e =
            parse_event(br#"{"event":"x","data":null,"sessionId":null,"timestamp":null}"#).unwrap();
        assert_eq!(
            (
                e.session_id(),
                e.timestamp().map(UnixTime::seconds),
                e.name()
            ),
            (None, None, "unknown")
        );
        assert_eq!(e.data(), &Json::Null);
    }
}
