//! `WasenderWebhook` and the one-shot `handle_webhook_event`.

use crate::errors::to_py;
use crate::event::WebhookEvent;
use crate::input::{self, Body};
use pyo3::prelude::*;
use wasender_webhook::{Event, Webhook, WebhookError};

/// A configured verifier and parser: make one at start-up and share it
/// (it holds no per-request state, and is safe to use from many threads).
#[pyclass(frozen, module = "wasender_webhook", name = "WasenderWebhook")]
pub struct WasenderWebhook {
    inner: Webhook,
}

#[pymethods]
impl WasenderWebhook {
    #[new]
    #[pyo3(signature = (*, secret = None, secrets = None, scheme = None, max_body_bytes = None, tolerance = None))]
    fn new(
        py: Python<'_>,
        secret: Option<&Bound<'_, PyAny>>,
        secrets: Option<&Bound<'_, PyAny>>,
        scheme: Option<&Bound<'_, PyAny>>,
        max_body_bytes: Option<&Bound<'_, PyAny>>,
        tolerance: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Self> {
        input::options(secret, secrets, scheme, max_body_bytes, tolerance)
            .and_then(Webhook::new)
            .map(|inner| WasenderWebhook { inner })
            .map_err(|e| to_py(py, &e))
    }

    /// Verify the signature, then parse: the event, or a `WebhookError`.
    #[pyo3(signature = (body, signature))]
    fn handle_webhook_event(
        &self,
        py: Python<'_>,
        body: &Bound<'_, PyAny>,
        signature: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<WebhookEvent> {
        handle(py, &self.inner, body, signature)
    }

    /// Verify only: the index of the secret that matched.
    #[pyo3(signature = (body, signature))]
    fn verify(
        &self,
        py: Python<'_>,
        body: &Bound<'_, PyAny>,
        signature: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<usize> {
        let hook = &self.inner;
        let headers = input::headers(hook.scheme(), signature)?;
        let body = input::body(hook, body).map_err(|e| to_py(py, &e))?;
        py.detach(|| hook.verify_at(body.bytes(), &headers.signed(), now()))
            .map_err(|e| to_py(py, &e))
    }

    /// Raise `BODY_TOO_LARGE` if `length` bytes are over the limit: for
    /// helpers that read a body in chunks and stop as soon as it is over.
    fn check_body_size(&self, py: Python<'_>, length: usize) -> PyResult<()> {
        self.inner
            .check_body_size(length)
            .map_err(|e| to_py(py, &e))
    }

    #[getter]
    fn max_body_bytes(&self) -> usize {
        self.inner.max_body_bytes()
    }

    #[getter]
    fn scheme(&self) -> &'static str {
        self.inner.scheme().as_str()
    }

    #[getter]
    fn secret_count(&self) -> usize {
        self.inner.secret_count()
    }

    /// The configuration's shape; never a secret.
    fn __repr__(&self) -> String {
        format!(
            "WasenderWebhook(scheme={:?}, secrets={}, max_body_bytes={})",
            self.inner.scheme().as_str(),
            self.inner.secret_count(),
            self.inner.max_body_bytes()
        )
    }
}

/// Verify and parse with a hook made for this one call.
#[pyfunction]
#[pyo3(signature = (body, signature, *, secret = None, secrets = None, scheme = None, max_body_bytes = None, tolerance = None))]
#[allow(clippy::too_many_arguments)] // Python's keywords, one per option
pub fn handle_webhook_event(
    py: Python<'_>,
    body: &Bound<'_, PyAny>,
    signature: Option<&Bound<'_, PyAny>>,
    secret: Option<&Bound<'_, PyAny>>,
    secrets: Option<&Bound<'_, PyAny>>,
    scheme: Option<&Bound<'_, PyAny>>,
    max_body_bytes: Option<&Bound<'_, PyAny>>,
    tolerance: Option<&Bound<'_, PyAny>>,
) -> PyResult<WebhookEvent> {
    let hook = input::options(secret, secrets, scheme, max_body_bytes, tolerance)
        .and_then(Webhook::new)
        .map_err(|e| to_py(py, &e))?;
    handle(py, &hook, body, signature)
}

/// The time Standard Webhooks' timestamps are checked against, in seconds
/// since the Unix epoch (the other schemes ignore it).
fn now() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

/// The body's size checked before anything, then verify and parse with the
/// GIL released (other Python threads run meanwhile), then the conversion.
fn handle(
    py: Python<'_>,
    hook: &Webhook,
    body: &Bound<'_, PyAny>,
    signature: Option<&Bound<'_, PyAny>>,
) -> PyResult<WebhookEvent> {
    let headers = input::headers(hook.scheme(), signature)?;
    let body = input::body(hook, body).map_err(|e| to_py(py, &e))?;
    let (signed, now) = (headers.signed(), now());
    let parsed: Result<Event<'_>, WebhookError> = py.detach(|| match &body {
        // Bytes that are UTF-8 (all but broken bodies) go to the text entry
        // point, validated by SIMD instead of again by the core; the rest
        // take the core's own path, which verifies, then names the bad byte.
        Body::Bytes(bytes) => match simdutf8::basic::from_utf8(bytes) {
            Ok(text) => hook.handle_text_at(text, &signed, now),
            Err(_) => hook.handle_at(bytes, &signed, now),
        },
        Body::Text(text) => hook.handle_text_at(text, &signed, now),
    });
    let event = parsed.map_err(|e| to_py(py, &e))?;
    WebhookEvent::new(py, &event)
}
