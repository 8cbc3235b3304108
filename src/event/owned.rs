//! Events that outlive the request: [`OwnedEvent`], the body and the event
//! that borrows from it, in one value.

use super::Event;
use crate::error::WebhookError;
use crate::prelude::*;

self_cell::self_cell!(
    /// The body bytes and the event parsed from them.
    struct Cell {
        owner: Vec<u8>,
        #[covariant]
        dependent: Event,
    }
);

/// A verified, parsed delivery that owns its body: `Send + 'static`, so it
/// can be moved into a spawned task or sent down a channel.
///
/// It holds the body bytes and the [`Event`] parsed from them, which keeps
/// borrowing its text from those bytes: nothing is copied or parsed twice,
/// and [`OwnedEvent::event`] gives the very event the handling returned,
/// with all its accessors. (The axum extractor yields one; so does any
/// `handle` call through [`OwnedEvent::new`].)
///
/// ```
/// use wasender_webhook::{OwnedEvent, Options, Webhook};
///
/// let hook = Webhook::new(Options::with_secret("the-session-webhook-secret"))?;
/// let body = br#"{"event":"session.status","data":{"status":"connected"}}"#.to_vec();
/// let owned = OwnedEvent::new(body, |body| hook.handle(body, Some("the-session-webhook-secret")))?;
/// let name = std::thread::spawn(move || owned.event().name()).join().unwrap();
/// assert_eq!(name, "session.status");
/// # Ok::<(), wasender_webhook::WebhookError>(())
/// ```
pub struct OwnedEvent(Cell);

impl OwnedEvent {
    /// Keep `body` and the event `handle` makes of it: a [`crate::Webhook`]
    /// call (`|body| hook.handle(body, signature)`) or [`crate::parse_event`]
    /// for bytes verified already. The bytes are moved in, not copied.
    ///
    /// # Errors
    ///
    /// Whatever `handle` returns (the body is dropped with it).
    pub fn new(
        body: impl Into<Vec<u8>>,
        handle: impl for<'b> FnOnce(&'b [u8]) -> Result<Event<'b>, WebhookError>,
    ) -> Result<OwnedEvent, WebhookError> {
        Cell::try_new(body.into(), |body| handle(body)).map(OwnedEvent)
    }

    /// The event, borrowing from the body this holds.
    pub fn event(&self) -> &Event<'_> {
        self.0.borrow_dependent()
    }

    /// The body bytes the event was parsed from (what was verified).
    pub fn body_bytes(&self) -> &[u8] {
        self.0.borrow_owner()
    }

    /// The body bytes back, the event dropped.
    pub fn into_body_bytes(self) -> Vec<u8> {
        self.0.into_owner()
    }
}

/// `Debug` as the event's: names and field names, never the `sessionId`.
impl core::fmt::Debug for OwnedEvent {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        self.event().fmt(f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::event::parse_event;

    #[test]
    fn the_owned_event_is_the_event_handle_returned() {
        let body = br#"{"event":"messages.upsert","timestamp":1700000000123,"sessionId":"S","data":{"messages":{"key":{"id":"M1","remoteJid":"123@s.whatsapp.net","fromMe":false},"messageBody":"hi \ud83d","message":{"conversation":"hi"}}},"extra":[1,2.50]}"#;
        let event = parse_event(body).unwrap();
        let owned = OwnedEvent::new(body.to_vec(), parse_event).unwrap();
        assert_eq!(owned.event(), &event);
        assert_eq!(owned.body_bytes(), body);
        assert!(!owned.event().messages().is_empty());
        // Moved to another thread, the event still reads the same.
        let derived = std::thread::spawn(move || owned.event().derived_json())
            .join()
            .unwrap();
        assert_eq!(derived, event.derived_json());
    }

    #[test]
    fn a_failure_is_handle_s_error() {
        let err = OwnedEvent::new(b"{".to_vec(), parse_event).unwrap_err();
        assert_eq!(err.code(), crate::ErrorCode::InvalidJson);
    }

    #[test]
    fn debug_hides_the_session_id() {
        let body = br#"{"event":"x","data":{},"sessionId":"SECRET-SESSION"}"#;
        let shown = format!("{:?}", OwnedEvent::new(body.to_vec(), parse_event).unwrap());
        assert!(!shown.contains("SECRET-SESSION"), "{shown}");
    }

    #[test]
    fn it_is_send_sync_and_static() {
        fn check<T: Send + Sync + 'static>() {}
        check::<OwnedEvent>();
    }
}
