//! Python arguments in the core's terms: the body, the signature header,
//! the options. Every wrong type is a typed error that says what to pass.

use pyo3::buffer::PyBuffer;
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyByteArray, PyBytes, PyMemoryView, PyString};
use std::borrow::Cow;
use wasender_webhook::{
    ErrorCode, Options, Scheme, Secret, SignedHeaders, Tolerance, Webhook, WebhookError,
};

/// The raw body, borrowed from an immutable Python object where it can be
/// (`bytes`, `str`) and copied from a mutable one (`bytearray`,
/// `memoryview`), so no other thread can change it while the GIL is
/// released around verifying and parsing.
pub enum Body<'a> {
    Bytes(Cow<'a, [u8]>),
    Text(&'a str),
}

impl Body<'_> {
    /// The bytes that were signed.
    pub fn bytes(&self) -> &[u8] {
        match self {
            Body::Bytes(b) => b,
            Body::Text(t) => t.as_bytes(),
        }
    }
}

/// The body, refused before any copy if it is over the hook's limit.
pub fn body<'a>(hook: &Webhook, value: &'a Bound<'_, PyAny>) -> Result<Body<'a>, WebhookError> {
    if let Ok(bytes) = value.cast::<PyBytes>() {
        hook.check_body_size(bytes.as_bytes().len())?;
        return Ok(Body::Bytes(Cow::Borrowed(bytes.as_bytes())));
    }
    if let Ok(text) = value.cast::<PyString>() {
        // UTF-8 is never fewer bytes than code points: a str over the limit
        // by length is refused without encoding it.
        hook.check_min_body_size(text.len().unwrap_or(usize::MAX))?;
        let text = text.to_str().map_err(|_| {
            WebhookError::new(
                ErrorCode::UnreadableBody,
                "the body str holds lone surrogates, so it is not the text that was sent: \
                 pass the raw request bytes (request.get_data(), await request.body(), request.body)",
            )
        })?;
        hook.check_body_size(text.len())?;
        return Ok(Body::Text(text));
    }
    if let Ok(array) = value.cast::<PyByteArray>() {
        hook.check_body_size(array.len())?;
        return Ok(Body::Bytes(Cow::Owned(array.to_vec())));
    }
    if let Ok(buffer) = PyBuffer::<u8>::get(value) {
        hook.check_body_size(buffer.len_bytes())?;
        return buffer
            .to_vec(value.py())
            .map(|bytes| Body::Bytes(Cow::Owned(bytes)))
            .map_err(|_| not_raw(value));
    }
    if value.is_instance_of::<PyMemoryView>() && value.getattr("nbytes").is_err() {
        return Err(WebhookError::new(
            ErrorCode::UnreadableBody,
            "the body is a released memoryview: pass the bytes before releasing it",
        ));
    }
    Err(not_raw(value))
}

/// The error for a body that is not raw bytes or text: most often a dict
/// a framework already parsed (`request.json`), which cannot be verified.
fn not_raw(value: &Bound<'_, PyAny>) -> WebhookError {
    WebhookError::new(
        ErrorCode::BodyAlreadyParsed,
        [
            "the body must be the raw request bytes (bytes, bytearray, a memoryview of bytes, or str), found ",
            &type_name(value),
            ": verification needs the exact bytes that were sent, so pass request.get_data() (Flask), \
             await request.body() (FastAPI/Starlette) or request.body (Django), not the parsed JSON",
        ]
        .concat(),
    )
}

/// The header's value: `None` or a `str` (bytes are read as UTF-8, as
/// some servers hand headers over). A str that cannot be UTF-8 (lone
/// surrogates) is read with U+FFFD for them, so it matches no secret.
pub fn signature<'a>(value: Option<&'a Bound<'_, PyAny>>) -> PyResult<Option<Cow<'a, str>>> {
    let Some(value) = value.filter(|v| !v.is_none()) else {
        return Ok(None);
    };
    if let Ok(text) = value.cast::<PyString>() {
        return Ok(Some(text.to_string_lossy()));
    }
    if let Ok(bytes) = value.cast::<PyBytes>() {
        return Ok(Some(String::from_utf8_lossy(bytes.as_bytes())));
    }
    Err(PyTypeError::new_err(format!(
        "the signature must be the X-Webhook-Signature header's value (str, bytes or None), found {}",
        type_name(value)
    )))
}

/// The signed headers' values, read (and owned) while the GIL is held, so
/// verifying can run without it.
pub enum Headers {
    /// A signature header's value, given alone.
    Signature(Option<String>),
    /// Each header the scheme signs with, by name, read from a mapping.
    Named {
        scheme: Scheme,
        values: Vec<(&'static str, Option<String>)>,
    },
}

impl Headers {
    /// In the core's terms.
    pub fn signed(&self) -> SignedHeaders<'_> {
        match self {
            Headers::Signature(signature) => SignedHeaders::from(signature.as_deref()),
            Headers::Named { scheme, values } => SignedHeaders::lookup(*scheme, |name| {
                values
                    .iter()
                    .find(|(n, _)| *n == name)
                    .and_then(|(_, v)| v.as_deref())
            }),
        }
    }
}

/// The second argument of `handle_webhook_event` and `verify`: the
/// signature header's value (str, bytes or None), or the request's headers
/// (any mapping with `get`: Flask's, Starlette's and Django's
/// `request.headers`, or a dict), from which the headers `scheme` signs with
/// (the core's `SignedHeaders::try_lookup` names them) are read,
/// case-insensitively as HTTP names are.
pub fn headers(scheme: Scheme, value: Option<&Bound<'_, PyAny>>) -> PyResult<Headers> {
    let mapping = value.filter(|v| {
        !v.is_none()
            && !v.is_instance_of::<PyString>()
            && !v.is_instance_of::<PyBytes>()
            && v.hasattr("get").unwrap_or(false)
    });
    let Some(mapping) = mapping else {
        return Ok(Headers::Signature(signature(value)?.map(Cow::into_owned)));
    };
    // The names come from the core; the values are read and owned here.
    let mut values = Vec::new();
    SignedHeaders::try_lookup(scheme, |name| {
        values.push((name, header(mapping, name)?));
        Ok::<_, PyErr>(None)
    })?;
    Ok(Headers::Named { scheme, values })
}

/// One header from a mapping: `get(name)` (framework header mappings
/// ignore case), else, for a plain dict, the key that equals `name` ignoring
/// ASCII case. Values are read like a signature (str or bytes).
fn header(headers: &Bound<'_, PyAny>, name: &str) -> PyResult<Option<String>> {
    let mut found = headers.call_method1("get", (name,))?;
    if found.is_none() {
        if let Ok(dict) = headers.cast::<pyo3::types::PyDict>() {
            for (key, value) in dict.iter() {
                let matches = key
                    .cast::<PyString>()
                    .ok()
                    .and_then(|k| k.to_str().ok().map(|k| k.eq_ignore_ascii_case(name)))
                    .unwrap_or(false);
                if matches {
                    found = value;
                    break;
                }
            }
        }
    }
    if found.is_none() {
        return Ok(None);
    }
    if found.is_instance_of::<PyString>() || found.is_instance_of::<PyBytes>() {
        return Ok(signature(Some(&found))?.map(Cow::into_owned));
    }
    Err(PyTypeError::new_err(format!(
        "the {name} header must be a str or bytes, found {}",
        type_name(&found)
    )))
}

/// The options from the constructor's keywords.
pub fn options(
    secret: Option<&Bound<'_, PyAny>>,
    secrets: Option<&Bound<'_, PyAny>>,
    scheme: Option<&Bound<'_, PyAny>>,
    max_body_bytes: Option<&Bound<'_, PyAny>>,
    tolerance: Option<&Bound<'_, PyAny>>,
) -> Result<Options, WebhookError> {
    let mut all = Vec::new();
    let given = |v: Option<&Bound<'_, PyAny>>| v.is_some_and(|v| !v.is_none());
    if given(secret) && given(secrets) {
        return Err(invalid_options("give either secret or secrets, not both"));
    }
    if let Some(secret) = secret.filter(|s| !s.is_none()) {
        all.push(secret_of(secret)?);
    }
    if let Some(list) = secrets.filter(|s| !s.is_none()) {
        // A str is iterable too, but is one secret, not many.
        if list.is_instance_of::<PyString>() || list.is_instance_of::<PyBytes>() {
            return Err(invalid_options(
                "secrets must be a list of secrets; for one, pass secret=…",
            ));
        }
        let items = list
            .try_iter()
            .map_err(|_| invalid_options("secrets must be a list of str or bytes"))?;
        for item in items {
            let item = item.map_err(|_| invalid_options("secrets could not be iterated"))?;
            all.push(secret_of(&item)?);
        }
    }
    let scheme = match scheme.filter(|s| !s.is_none()) {
        None => Scheme::default(),
        Some(name) => name
            .cast::<PyString>()
            .ok()
            .and_then(|n| n.to_str().ok())
            .unwrap_or_default()
            .parse()?,
    };
    let max_body_bytes = match max_body_bytes.filter(|m| !m.is_none()) {
        None => Options::default().max_body_bytes,
        // True is an int too, but not a number of bytes. Anything that is no
        // whole number in range becomes 0, which the core refuses with the range.
        Some(n) if n.is_instance_of::<pyo3::types::PyBool>() => 0,
        Some(n) => n.extract::<usize>().unwrap_or(0),
    };
    Ok(Options {
        secrets: all,
        scheme,
        max_body_bytes,
        tolerance: tolerance_of(tolerance)?,
    })
}

/// Standard Webhooks' freshness window: seconds either way (an int), a
/// `(past, future)` pair, or `"unchecked"`, said in so many words (a zero
/// is a zero-width window, which the core refuses, never "off").
fn tolerance_of(value: Option<&Bound<'_, PyAny>>) -> Result<Tolerance, WebhookError> {
    const EXPECTED: &str = "tolerance must be a whole number of seconds, a (past, future) pair of them, or \"unchecked\"";
    let Some(value) = value.filter(|v| !v.is_none()) else {
        return Ok(Tolerance::default());
    };
    let seconds = |v: &Bound<'_, PyAny>| -> Result<u64, WebhookError> {
        if v.is_instance_of::<pyo3::types::PyBool>() {
            return Err(invalid_options(EXPECTED));
        }
        v.extract::<u64>().map_err(|_| invalid_options(EXPECTED))
    };
    if let Ok(text) = value.cast::<PyString>() {
        return match text.to_str() {
            Ok("unchecked") => Ok(Tolerance::Unchecked),
            _ => Err(invalid_options(EXPECTED)),
        };
    }
    if let Ok(pair) = value.cast::<pyo3::types::PyTuple>() {
        if pair.len() != 2 {
            return Err(invalid_options(EXPECTED));
        }
        let past = seconds(&pair.get_item(0).map_err(|_| invalid_options(EXPECTED))?)?;
        let future = seconds(&pair.get_item(1).map_err(|_| invalid_options(EXPECTED))?)?;
        return Ok(Tolerance::Within { past, future });
    }
    seconds(value).map(Tolerance::seconds)
}

/// One secret: the session's `webhook_secret` (str) or raw key bytes.
fn secret_of(value: &Bound<'_, PyAny>) -> Result<Secret, WebhookError> {
    if let Ok(text) = value.cast::<PyString>() {
        return text
            .to_str()
            .map(Secret::from)
            .map_err(|_| invalid_options("a secret str must be encodable as UTF-8"));
    }
    if let Ok(bytes) = value.cast::<PyBytes>() {
        return Ok(Secret::from(bytes.as_bytes()));
    }
    if let Ok(array) = value.cast::<PyByteArray>() {
        return Ok(Secret::from(array.to_vec()));
    }
    Err(invalid_options(
        &["a secret must be a str or bytes, found ", &type_name(value)].concat(),
    ))
}

fn invalid_options(message: &str) -> WebhookError {
    WebhookError::new(
        ErrorCode::InvalidOptions,
        ["invalid options: ", message].concat(),
    )
}

/// A value's type name: what messages say about a value (never its content).
fn type_name(value: &Bound<'_, PyAny>) -> String {
    value
        .get_type()
        .name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|_| "an unknown type".into())
}
