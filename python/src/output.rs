//! The core's JSON tree as Python values, equal to what `json.loads`
//! makes of the same text.

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyFloat, PyInt, PyList, PyString};
use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::OnceLock;
use wasender_webhook::__private::describe::{event_rows, view_declarations, DeclKind, Ty};
use wasender_webhook::json::{Json, JsonStr};

/// Converts JSON values to Python, as `json.loads` reads them: numbers
/// without a fraction or exponent are `int` of any size, the rest `float`;
/// strings keep lone surrogates; objects are dicts whose repeated keys the
/// core already resolved as `json.loads` does (first position, last value).
/// Like `json.loads`, it makes each distinct key string once per document
/// (arrays of objects repeat the same keys; a shared string also carries its
/// hash, which every dict insert needs).
pub struct Converter<'py, 'k> {
    py: Python<'py>,
    /// Keys made so far: a direct-mapped cache, so a lookup is one probe
    /// whatever the keys are (no hash table to flood with colliding keys).
    keys: Vec<Option<(&'k str, Bound<'py, PyString>)>>,
    /// Long strings made from the body, by where their text lies in it: a
    /// view's text is the very string `data` holds (a message's text is a
    /// third of a text-heavy body), so the view takes the same object
    /// instead of decoding the UTF-8 again.
    texts: HashMap<(usize, usize), Bound<'py, PyString>>,
}

/// How many keys the cache holds (a power of two).
const KEY_SLOTS: usize = 512;

/// A key's slot: its length and three of its bytes, mixed.
fn key_slot(key: &str) -> usize {
    let b = key.as_bytes();
    let (first, mid, last) = match b {
        [] => (0, 0, 0),
        _ => (b[0], b[b.len() / 2], b[b.len() - 1]),
    };
    let h = (b.len() as u32)
        .wrapping_mul(0x9E37_79B1)
        .wrapping_add(u32::from(first).wrapping_mul(0x85EB_CA77))
        .wrapping_add(u32::from(mid).wrapping_mul(0xC2B2_AE3D))
        .wrapping_add(u32::from(last).wrapping_mul(0x27D4_EB2F));
    (h ^ (h >> 15)) as usize & (KEY_SLOTS - 1)
}

/// Strings at least this long are remembered for the views; shorter ones
/// (ids, JIDs, names) cost less to make again than to look up.
const SHARED_TEXT_BYTES: usize = 64;

impl<'py, 'k> Converter<'py, 'k> {
    pub fn new(py: Python<'py>) -> Self {
        Converter {
            py,
            keys: vec![None; KEY_SLOTS],
            texts: HashMap::new(),
        }
    }

    pub fn value(&mut self, json: &'k Json<'_>) -> PyResult<Bound<'py, PyAny>> {
        let py = self.py;
        Ok(match json {
            Json::Null => py.None().into_bound(py),
            Json::Bool(b) => pyo3::types::PyBool::new(py, *b).to_owned().into_any(),
            Json::Number(text) => number(py, text)?,
            Json::String(s) => self.text(s)?.into_any(),
            Json::Array(items) => {
                let items = items
                    .iter()
                    .map(|item| self.value(item))
                    .collect::<PyResult<Vec<_>>>()?;
                PyList::new(py, items)?.into_any()
            }
            Json::Object(object) => {
                let dict = PyDict::new(py);
                for (key, item) in object.iter() {
                    dict.set_item(self.key(key)?, self.value(item)?)?;
                }
                dict.into_any()
            }
        })
    }

    /// A string value; a long one borrowed from the body is remembered.
    pub fn text(&mut self, s: &JsonStr<'_>) -> PyResult<Bound<'py, PyString>> {
        let Some(place) = place(s) else {
            return string(self.py, s);
        };
        if let Some(made) = self.texts.get(&place) {
            return Ok(made.clone());
        }
        let made = string(self.py, s)?;
        self.texts.insert(place, made.clone());
        Ok(made)
    }

    /// An object key, made once per document.
    pub fn key(&mut self, key: &'k JsonStr<'_>) -> PyResult<Bound<'py, PyString>> {
        if key.has_lone_surrogates() {
            return string(self.py, key);
        }
        let text = key.as_str();
        let slot = key_slot(text);
        if let Some((seen, made)) = &self.keys[slot] {
            if *seen == text {
                return Ok(made.clone());
            }
        }
        let made = PyString::new(self.py, text);
        self.keys[slot] = Some((text, made.clone()));
        Ok(made)
    }
}

/// Where a long string's text lies in the body (its address and length),
/// when it is a slice of the body (no escapes, no lone surrogates).
fn place(s: &JsonStr<'_>) -> Option<(usize, usize)> {
    match s.text() {
        Cow::Borrowed(text) if text.len() >= SHARED_TEXT_BYTES && !s.has_lone_surrogates() => {
            Some((text.as_ptr() as usize, text.len()))
        }
        _ => None,
    }
}

/// A number's text as `json.loads` reads it.
pub fn number<'py>(py: Python<'py>, text: &str) -> PyResult<Bound<'py, PyAny>> {
    if text.bytes().any(|b| matches!(b, b'.' | b'e' | b'E')) {
        // Rust's parse rounds correctly, as Python's float() does, and
        // overflows to ±inf as json.loads does.
        let float: f64 = text
            .parse()
            .map_err(|_| PyValueError::new_err("a JSON number the core accepted did not parse"))?;
        return Ok(PyFloat::new(py, float).into_any());
    }
    if let Ok(small) = text.parse::<i64>() {
        return Ok(small.into_pyobject(py)?.into_any());
    }
    // Beyond 64 bits: Python's int() of the digits, exact. (It refuses more
    // than sys.get_int_max_str_digits() digits, as json.loads does.)
    py.get_type::<PyInt>().call1((text,))
}

/// A JSON string: its text, or its exact UTF-16 code units when it holds
/// lone surrogates (decoded with surrogatepass, as json.loads keeps them).
pub fn string<'py>(py: Python<'py>, s: &JsonStr<'_>) -> PyResult<Bound<'py, PyString>> {
    match s.lone_surrogate_units() {
        None => Ok(PyString::new(py, s.as_str())),
        Some(units) => {
            let bytes: Vec<u8> = units.iter().flat_map(|u| u.to_le_bytes()).collect();
            Ok(PyBytes::new(py, &bytes)
                .call_method1("decode", ("utf-16-le", "surrogatepass"))?
                .cast_into::<PyString>()?)
        }
    }
}

/// One view's Python class: the event member it fills (as the core's
/// derived output names it), the class name, and its fields as (wire key,
/// attribute) in the core's order.
pub type ViewClass = (
    &'static str,
    &'static str,
    Vec<(&'static str, &'static str)>,
);

/// Every view's class, from the core's description of its model: the
/// Python package makes the classes from this (`_views.py`), and the stubs
/// declare them from the same description (`stubs.rs`).
pub fn views_table() -> &'static [ViewClass] {
    static TABLE: OnceLock<Vec<ViewClass>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let declarations = view_declarations();
        let mut table: Vec<ViewClass> = Vec::new();
        for (.., view) in event_rows() {
            let Some((member, Ty::Array(item))) = view else {
                continue;
            };
            let Ty::Named(class) = *item else { continue };
            if table.iter().any(|(m, ..)| *m == member) {
                continue;
            }
            let fields = declarations
                .iter()
                .find(|d| d.name == class)
                .map(|d| match &d.kind {
                    DeclKind::View(fields) => fields.iter().map(|f| (f.wire, f.rust)).collect(),
                    _ => Vec::new(),
                })
                .unwrap_or_default();
            table.push((member, class, fields));
        }
        table
    })
}
