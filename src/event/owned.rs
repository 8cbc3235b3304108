//! Events that outlive their body: [`Event::into_owned`].

use super::{Event, Views};
use crate::json::Object;

impl Event<'_> {
    /// This event, owning everything it holds: `Send + 'static`, so it can
    /// be moved into a spawned task or sent down a channel after the
    /// request's body is gone.
    ///
    /// Nothing is parsed again: the body's tree is copied member for member
    /// ([`Object::into_owned`]), and the views are derived from that copy by
    /// the same code that derived them from the original, so every accessor
    /// answers as before. It costs one copy of each string and number (see
    /// BENCHMARKS.md); an event that is used where it was parsed needs none.
    ///
    /// ```
    /// let body = br#"{"event":"session.status","data":{"status":"connected"}}"#.to_vec();
    /// let event = wasender_webhook::parse_event(&body)?.into_owned();
    /// drop(body);
    /// let name = std::thread::spawn(move || event.name()).join().unwrap();
    /// assert_eq!(name, "session.status");
    /// # Ok::<(), wasender_webhook::WebhookError>(())
    /// ```
    pub fn into_owned(self) -> Event<'static> {
        let body: Object<'static> = self.body.into_owned();
        let views = match self.views {
            // Nothing borrowed: no need to derive it again.
            Views::None => Views::None,
            Views::SessionStatus(status) => Views::SessionStatus(status),
            _ => Views::of(
                self.kind,
                body.get("data").unwrap_or(&crate::json::Json::Null),
            ),
        };
        Event {
            kind: self.kind,
            body,
            // The body bytes are the wasm hand-off's, which never needs an
            // owned event; without them its tape copies view text instead
            // of pointing into the body, and stays correct.
            source: &[],
            timestamp: self.timestamp,
            views,
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::event::parse_event;

    #[test]
    fn an_owned_event_answers_as_the_borrowed_one() {
        let body = br#"{"event":"messages.upsert","timestamp":1700000000123,"sessionId":"S","data":{"messages":{"key":{"id":"M1","remoteJid":"123@s.whatsapp.net","fromMe":false},"messageBody":"hi \ud83d","message":{"conversation":"hi"}}},"extra":[1,2.50]}"#;
        let event = parse_event(body).unwrap();
        let owned = event.clone().into_owned();
        assert_eq!(owned.derived_json(), event.derived_json());
        assert_eq!(owned.body(), event.body());
        assert_eq!(owned.messages(), event.messages());
        assert_eq!(owned.typed(), event.typed());
        assert_eq!(
            (
                owned.name(),
                owned.received_name(),
                owned.session_id(),
                owned.timestamp()
            ),
            (
                event.name(),
                event.received_name(),
                event.session_id(),
                event.timestamp()
            )
        );
        assert!(!owned.messages().is_empty());
    }
}
