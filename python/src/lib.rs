//! The Python binding: the core crate as the extension module
//! `wasender_webhook._native`, which the pure-Python package
//! `wasender_webhook` wraps (errors, views, framework helpers).
//!
//! Like the wasm skin, it only converts at the boundary: Python values in
//! (`input`), the core verifies and parses, Python values out (`output`).
//! Nothing here may panic: every bad input is a typed `WebhookError`.

mod errors;
mod event;
mod hook;
mod input;
mod output;

use pyo3::prelude::*;
use wasender_webhook::{ErrorCode, DEFAULT_MAX_BODY_BYTES, MAX_BODY_BYTES_LIMIT};

/// The module's contents: the classes, the one-shot function, and the
/// tables the Python package builds its errors and views from.
#[pymodule]
#[pyo3(name = "_native")]
fn native_module(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<hook::WasenderWebhook>()?;
    m.add_class::<event::WebhookEvent>()?;
    m.add_function(wrap_pyfunction!(hook::handle_webhook_event, m)?)?;
    m.add_function(wrap_pyfunction!(errors::core_error, m)?)?;
    let codes: Vec<(&str, u16)> = ErrorCode::ALL
        .iter()
        .map(|c| (c.as_str(), c.status()))
        .collect();
    m.add("ERROR_CODES", codes)?;
    m.add("VIEWS", output::views_table())?;
    m.add("DEFAULT_MAX_BODY_BYTES", DEFAULT_MAX_BODY_BYTES)?;
    m.add("MAX_BODY_BYTES_LIMIT", MAX_BODY_BYTES_LIMIT)?;
    m.add("MAX_SIGNATURE_LEN", wasender_webhook::MAX_SIGNATURE_LEN)?;
    Ok(())
}
