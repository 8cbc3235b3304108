//! The core's errors as the Python package's `WebhookError` classes.

use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use wasender_webhook::{ErrorCode, WebhookError};

/// `wasender_webhook._errors.from_core`: picks the subclass for a status.
static FROM_CORE: PyOnceLock<Py<PyAny>> = PyOnceLock::new();

/// The Python exception for a core error. Its message is the core's, with
/// the option named as Python spells it.
pub fn to_py(py: Python<'_>, error: &WebhookError) -> PyErr {
    let message = error.message().replace("maxBodyBytes", "max_body_bytes");
    let made = FROM_CORE
        .import(py, "wasender_webhook._errors", "from_core")
        .and_then(|from_core| from_core.call1((error.code().as_str(), error.status(), message)));
    match made {
        Ok(exception) => PyErr::from_value(exception),
        // Only when the package is broken (the module missing): say so.
        Err(import_error) => import_error,
    }
}

/// A core error by code name, with the core's own message where it has
/// one (`METHOD_NOT_ALLOWED`) or `message`: what the framework helpers
/// raise for failures they find themselves (a method, a broken stream).
#[pyfunction]
#[pyo3(signature = (code, message = None))]
pub fn core_error(py: Python<'_>, code: &str, message: Option<&str>) -> PyResult<Py<PyAny>> {
    let Some(code) = ErrorCode::ALL.into_iter().find(|c| c.as_str() == code) else {
        return Err(pyo3::exceptions::PyValueError::new_err(
            "unknown error code: see wasender_webhook.ERROR_CODES",
        ));
    };
    let error = match (code, message) {
        (_, Some(message)) => WebhookError::new(code, message),
        (ErrorCode::MethodNotAllowed, None) => WebhookError::method_not_allowed(),
        (_, None) => WebhookError::new(code, code.as_str()),
    };
    Ok(to_py(py, &error).into_value(py).into_any())
}
