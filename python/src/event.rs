//! `WebhookEvent`: a verified delivery as Python sees it, the same members
//! as the JavaScript event object, in snake_case.

use crate::output;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyString};
use wasender_webhook::Event;

/// A verified, checked webhook delivery.
///
/// `data` and `envelope` (every other top-level member) are the body as
/// `json.loads` reads it; the rest is what the core derived from it.
#[pyclass(frozen, module = "wasender_webhook", name = "WebhookEvent")]
pub struct WebhookEvent {
    /// The canonical event name (`"unknown"` for events not known).
    #[pyo3(get)]
    event: Py<PyAny>,
    /// The event name exactly as sent (an alias, or an unknown event's name).
    #[pyo3(get)]
    received_event: Py<PyAny>,
    /// The envelope's timestamp in Unix seconds (sent in s or ms), or None.
    #[pyo3(get)]
    timestamp: Py<PyAny>,
    /// The `sessionId` if sent (it may be the session's API key: a secret).
    #[pyo3(get)]
    session_id: Py<PyAny>,
    /// `data`, equal to `json.loads(body)["data"]`.
    #[pyo3(get)]
    data: Py<PyAny>,
    /// Every top-level member of the body but `data`.
    #[pyo3(get)]
    envelope: Py<PyAny>,
    /// Normalised messages (message events), else None.
    #[pyo3(get)]
    messages: Py<PyAny>,
    /// Normalised delivery states (`messages.update`, `message-receipt.update`), else None.
    #[pyo3(get)]
    statuses: Py<PyAny>,
    /// Normalised reactions (`messages.reaction`), else None.
    #[pyo3(get)]
    reactions: Py<PyAny>,
    /// The session's state (`session.status`), else None.
    #[pyo3(get)]
    session_status: Py<PyAny>,
}

#[pymethods]
impl WebhookEvent {
    /// The names and the envelope's keys; never a value (`sessionId` may be
    /// a secret, and message text is private).
    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let keys: Vec<String> = self
            .envelope
            .bind(py)
            .cast::<PyDict>()?
            .keys()
            .iter()
            .map(|k| k.str().map(|s| s.to_string_lossy().into_owned()))
            .collect::<PyResult<_>>()?;
        Ok(format!(
            "WebhookEvent(event={}, received_event={}, envelope_keys={:?})",
            self.event.bind(py).repr()?,
            self.received_event.bind(py).repr()?,
            keys
        ))
    }
}

impl WebhookEvent {
    /// The Python event from the core's.
    pub fn new(py: Python<'_>, event: &Event<'_>) -> PyResult<WebhookEvent> {
        let envelope = PyDict::new(py);
        let mut data = py.None();
        let mut convert = output::Converter::new(py);
        for (key, value) in event.body().iter() {
            if !key.has_lone_surrogates() && key.as_str() == "data" {
                data = convert.value(value)?.unbind();
            } else {
                envelope.set_item(convert.key(key)?, convert.value(value)?)?;
            }
        }
        let received_event = envelope
            .get_item("event")?
            .map_or_else(|| py.None(), Bound::unbind);
        let session_id = match envelope.get_item("sessionId")? {
            Some(id) if id.is_instance_of::<PyString>() => id.unbind(),
            _ => py.None(),
        };

        let derived = crate::derived::derived(py, event, &mut convert)?;
        let (mut messages, mut statuses, mut reactions, mut session_status) =
            (py.None(), py.None(), py.None(), py.None());
        let slot = match derived.view.as_deref() {
            Some("messages") => &mut messages,
            Some("statuses") => &mut statuses,
            Some("reactions") => &mut reactions,
            _ => &mut session_status,
        };
        *slot = derived.value.unbind();
        Ok(WebhookEvent {
            event: derived.event.unbind(),
            received_event,
            timestamp: derived.timestamp.unbind(),
            session_id,
            data,
            envelope: envelope.into_any().unbind(),
            messages,
            statuses,
            reactions,
            session_status,
        })
    }
}
