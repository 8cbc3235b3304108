//! What the core derives from an event (canonical name, timestamp, view),
//! built as Python objects straight from the core's [`Sink`] calls: view
//! items become instances of their classes (tuples of their fields in the
//! core's key order), with no JSON text in between.

use crate::output;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyList, PyString, PyTuple};
use wasender_webhook::__private::{Sink, LAYOUTS};
use wasender_webhook::event::UnixTime;
use wasender_webhook::json::JsonStr;

/// The derived members, by the top level's keys: event, timestamp, view, value.
pub struct Derived<'py> {
    pub event: Bound<'py, PyAny>,
    pub timestamp: Bound<'py, PyAny>,
    pub view: Option<String>,
    pub value: Bound<'py, PyAny>,
}

/// Per layout: the view class its objects are instances of (None for the top level).
static CLASSES: PyOnceLock<Vec<Option<Py<PyAny>>>> = PyOnceLock::new();
/// `tuple.__new__`.
static TUPLE_NEW: PyOnceLock<Py<PyAny>> = PyOnceLock::new();

/// Build the derived members of `event`.
pub fn derived<'py, 'k>(
    py: Python<'py>,
    event: &wasender_webhook::Event<'_>,
    convert: &mut output::Converter<'py, 'k>,
) -> PyResult<Derived<'py>> {
    let classes = CLASSES.get_or_try_init(py, || layout_classes(py))?;
    let tuple_new = TUPLE_NEW.get_or_try_init(py, || {
        py.import("builtins")?
            .getattr("tuple")?
            .getattr("__new__")
            .map(Bound::unbind)
    })?;
    let mut sink = PySink {
        py,
        classes,
        tuple_new: tuple_new.bind(py),
        convert,
        stack: Vec::new(),
        top: None,
        error: None,
    };
    event.write_derived_into(&mut sink);
    if let Some(error) = sink.error {
        return Err(error);
    }
    let none = || py.None().into_bound(py);
    let mut top = sink.top.unwrap_or_default().into_iter();
    let mut next = || top.next().unwrap_or_else(none);
    let (event, timestamp, view, value) = (next(), next(), next(), next());
    let view = if view.is_none() {
        None
    } else {
        Some(view.extract::<String>()?)
    };
    Ok(Derived {
        event,
        timestamp,
        view,
        value,
    })
}

/// Each layout's class: the view whose wire keys are that layout's keys.
fn layout_classes(py: Python<'_>) -> PyResult<Vec<Option<Py<PyAny>>>> {
    let by_view = py.import("wasender_webhook._views")?.getattr("BY_VIEW")?;
    LAYOUTS
        .iter()
        .map(|keys| {
            let found = output::views_table().iter().find(|(_, _, fields)| {
                fields.len() == keys.len()
                    && fields
                        .iter()
                        .zip(keys.iter())
                        .all(|((wire, _), key)| wire == key)
            });
            found
                .map(|(member, ..)| by_view.get_item(*member).map(Bound::unbind))
                .transpose()
        })
        .collect()
}

enum Frame<'py> {
    Object {
        layout: usize,
        values: Vec<Bound<'py, PyAny>>,
    },
    Array(Vec<Bound<'py, PyAny>>),
}

struct PySink<'py, 'c, 'k> {
    py: Python<'py>,
    /// `data`'s converter: the view's long texts are its strings.
    convert: &'c mut output::Converter<'py, 'k>,
    classes: &'c [Option<Py<PyAny>>],
    tuple_new: &'c Bound<'py, PyAny>,
    stack: Vec<Frame<'py>>,
    /// The top-level object's values, once it is complete.
    top: Option<Vec<Bound<'py, PyAny>>>,
    /// The first failure (the sink's calls cannot return one).
    error: Option<PyErr>,
}

impl<'py> PySink<'py, '_, '_> {
    fn put(&mut self, value: PyResult<Bound<'py, PyAny>>) {
        let value = match value {
            Ok(value) => value,
            Err(error) => {
                self.error.get_or_insert(error);
                self.py.None().into_bound(self.py)
            }
        };
        match self.stack.last_mut() {
            Some(Frame::Object { values, .. }) | Some(Frame::Array(values)) => values.push(value),
            None => {}
        }
    }

    fn make_view(
        &self,
        layout: usize,
        values: Vec<Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let class = self.classes.get(layout).and_then(Option::as_ref);
        let fields = PyTuple::new(self.py, values)?;
        match class {
            Some(class) => self.tuple_new.call1((class.bind(self.py), fields)),
            None => Ok(fields.into_any()),
        }
    }
}

impl Sink for PySink<'_, '_, '_> {
    fn begin_object(&mut self, layout: usize) {
        self.stack.push(Frame::Object {
            layout,
            values: Vec::new(),
        });
    }
    fn field(&mut self, _key: &str) {}
    fn absent(&mut self) {
        let none = self.py.None().into_bound(self.py);
        self.put(Ok(none));
    }
    fn end_object(&mut self) {
        let Some(Frame::Object { layout, values }) = self.stack.pop() else {
            return;
        };
        if self.stack.is_empty() {
            self.top = Some(values);
        } else {
            let view = self.make_view(layout, values);
            self.put(view);
        }
    }
    fn begin_array(&mut self, len: usize) {
        self.stack.push(Frame::Array(Vec::with_capacity(len)));
    }
    fn item(&mut self) {}
    fn end_array(&mut self) {
        if let Some(Frame::Array(items)) = self.stack.pop() {
            let list = PyList::new(self.py, items).map(Bound::into_any);
            self.put(list);
        }
    }
    fn text(&mut self, text: &JsonStr) {
        let made = self.convert.text(text).map(Bound::into_any);
        self.put(made);
    }
    fn made_text(&mut self, text: &str) {
        // Names: the same few every time.
        let made = PyString::intern(self.py, text).into_any();
        self.put(Ok(made));
    }
    fn bool(&mut self, value: bool) {
        let made = pyo3::types::PyBool::new(self.py, value)
            .to_owned()
            .into_any();
        self.put(Ok(made));
    }
    fn seconds(&mut self, time: UnixTime) {
        // Whole seconds as an int (as json.loads reads `1763776799`), else
        // the exact decimal read as json.loads would.
        let made = if time.millis() % 1000 == 0 {
            (time.millis() / 1000)
                .into_pyobject(self.py)
                .map(Bound::into_any)
                .map_err(Into::into)
        } else {
            output::number(self.py, &time.seconds_text())
        };
        self.put(made);
    }
}
