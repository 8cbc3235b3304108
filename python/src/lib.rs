//! The Python binding: the core crate as the extension module
//! `wasender_webhook._native`, which the pure-Python package
//! `wasender_webhook` wraps (errors, views, framework helpers).
//!
//! Like the wasm skin, it only converts at the boundary: Python values in
//! (`input`), the core verifies and parses, Python values out (`output`).
//! Nothing here may panic: every bad input is a typed `WebhookError`.

mod derived;
mod errors;
mod event;
mod hook;
mod input;
mod output;
mod stubs;

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
    m.add("VIEWS", output::views_table().to_vec())?;
    m.add("TYPES", types_table())?;
    m.add_function(wrap_pyfunction!(stub_text, m)?)?;
    m.add("DEFAULT_MAX_BODY_BYTES", DEFAULT_MAX_BODY_BYTES)?;
    m.add("MAX_BODY_BYTES_LIMIT", MAX_BODY_BYTES_LIMIT)?;
    m.add("MAX_SIGNATURE_LEN", wasender_webhook::MAX_SIGNATURE_LEN)?;
    Ok(())
}

/// The text of `wasender_webhook/events.pyi`, rendered from the core's
/// model (scripts/python checks the committed file against it).
#[pyfunction]
#[pyo3(name = "_stub_text")]
fn stub_text() -> String {
    stubs::stub_text()
}

/// The names `events.pyi` declares, each with what it is at run time:
/// "event" (a `WebhookEvent`), "view" (a view class), "dict" (a wire
/// object's TypedDict) or "alias" (a type alias).
fn types_table() -> Vec<(String, &'static str)> {
    use wasender_webhook::__private::describe::{
        event_rows, model_declarations, view_declarations, DeclKind,
    };
    let mut names: Vec<(String, &'static str)> = model_declarations()
        .into_iter()
        .chain(view_declarations())
        .map(|d| {
            let kind = match d.kind {
                DeclKind::Wire(_) => "dict",
                DeclKind::View(_) => "view",
                _ => "alias",
            };
            (d.name.to_string(), kind)
        })
        .collect();
    names.extend(
        event_rows()
            .into_iter()
            .map(|(variant, ..)| (format!("{variant}Event"), "event")),
    );
    names.push(("UnknownEvent".into(), "event"));
    names
}
