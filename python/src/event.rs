//! `WebhookEvent`: a verified delivery as Python sees it, the same members
//! as the JavaScript event object, in snake_case.

use crate::output;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyDict, PyList, PyString, PyTuple};
use wasender_webhook::json::Json;
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

/// `wasender_webhook._views.BY_VIEW`: each view's class, by its attribute.
static VIEW_CLASSES: PyOnceLock<Py<PyAny>> = PyOnceLock::new();
/// `tuple.__new__`: a view is a tuple of its fields, in `keys` order.
static TUPLE_NEW: PyOnceLock<Py<PyAny>> = PyOnceLock::new();

/// A view's list (`messages`, …) as instances of its class: each a tuple of
/// its fields in the core's key order, None for an absent one.
fn view_list<'py, 'k>(
    py: Python<'py>,
    view: &str,
    fields: &[(&str, &str)],
    items: &'k Json<'_>,
    convert: &mut output::Converter<'py, 'k>,
) -> PyResult<Bound<'py, PyAny>> {
    let class = VIEW_CLASSES
        .import(py, "wasender_webhook._views", "BY_VIEW")?
        .get_item(view)?;
    let tuple_new = TUPLE_NEW
        .import(py, "builtins", "tuple")?
        .getattr("__new__")?;
    let mut out = Vec::new();
    for item in items.as_array().unwrap_or_default() {
        let fields = fields
            .iter()
            .map(|(key, _)| match item.get(key) {
                Some(value) => convert.value(value),
                None => Ok(py.None().into_bound(py)),
            })
            .collect::<PyResult<Vec<_>>>()?;
        out.push(tuple_new.call1((&class, PyTuple::new(py, fields)?))?);
    }
    Ok(PyList::new(py, out)?.into_any())
}

impl WebhookEvent {
    /// The Python event from the core's, and its `derived_json`.
    pub fn new(py: Python<'_>, event: &Event<'_>, derived: &str) -> PyResult<WebhookEvent> {
        // The derived members: {event, timestamp?, view?, value?}.
        let derived = wasender_webhook::__private::parse(derived.as_bytes()).map_err(|_| {
            pyo3::exceptions::PyRuntimeError::new_err("the core's derived output is not JSON")
        })?;
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

        let name = derived
            .get("event")
            .and_then(Json::as_str)
            .unwrap_or("unknown");
        let timestamp = match derived.get("timestamp").and_then(Json::as_number_text) {
            Some(text) => output::number(py, text)?.unbind(),
            None => py.None(),
        };
        let (mut messages, mut statuses, mut reactions, mut session_status) =
            (py.None(), py.None(), py.None(), py.None());
        if let (Some(view), Some(value)) = (
            derived.get("view").and_then(Json::as_str),
            derived.get("value"),
        ) {
            let slot = match view {
                "messages" => &mut messages,
                "statuses" => &mut statuses,
                "reactions" => &mut reactions,
                _ => &mut session_status,
            };
            *slot = match output::views_table().iter().find(|(v, ..)| *v == view) {
                Some((_, _, fields)) => view_list(py, view, fields, value, &mut convert)?.unbind(),
                None => convert.value(value)?.unbind(),
            };
        }
        Ok(WebhookEvent {
            event: PyString::intern(py, name).into_any().unbind(),
            received_event,
            timestamp,
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
