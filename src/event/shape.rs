//! The documented shapes as static data, and one small interpreter that
//! checks a JSON value against them.
//!
//! Why beside the typed decoders: the wasm build checks every delivery
//! but never needs the Rust structs, and a table walked by one function is a
//! fraction of the code that one decoder per type compiles to. Both come
//! from the same `wire_object!` declarations, so they cannot disagree.

use super::numbers::parse_integer;
use crate::json::{write_text, Json};
use crate::prelude::*;

/// How many of an item a value holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Many {
    One,
    Array,
    /// An item or an array of items: the wire sends both.
    Either,
}

/// What a single item must be.
#[derive(Clone, Copy)]
pub enum Item {
    Any,
    String,
    Bool,
    Number,
    /// A number, decimal string or Long object holding a 64-bit integer.
    Int64,
    StrOrNum,
    /// Base64 text (or a byte-indexed object or array).
    Bytes,
    /// An object with these fields (given by a function, so shapes can nest
    /// recursively: a wrapped message contains a message).
    Object(fn() -> &'static [Field]),
    /// A bare string (a JID) or an object with these fields.
    StringOrObject(fn() -> &'static [Field]),
    /// A shape that depends on the value's structure.
    Choice(fn(&Json) -> Shape),
}

#[derive(Clone, Copy)]
pub struct Shape {
    pub many: Many,
    pub item: Item,
}

impl Shape {
    pub const fn one(item: Item) -> Shape {
        Shape {
            many: Many::One,
            item,
        }
    }
}

/// A member of an object shape.
#[derive(Clone, Copy)]
pub struct Field {
    /// The name on the wire.
    pub name: &'static str,
    pub required: bool,
    pub shape: Shape,
}

/// The wire name of the field called `rust` in `fields` (`(Rust name, wire
/// name)` pairs). Meant for `const` items (`const ID: &str =
/// MessageKey::wire("id");`), where an unknown name panics at compile time:
/// code that reads the tree by key names each key through the model, so a
/// wire name is spelled once and a renamed field cannot leave a stale
/// literal behind. (A table apart from the shapes' `Field`s, which the wasm
/// keeps at run time: this one is only read while compiling.)
pub const fn wire_name(fields: &[(&str, &'static str)], rust: &str) -> &'static str {
    let mut i = 0;
    while i < fields.len() {
        let (a, b) = (fields[i].0.as_bytes(), rust.as_bytes());
        if a.len() == b.len() {
            let mut j = 0;
            while j < a.len() && a[j] == b[j] {
                j += 1;
            }
            if j == a.len() {
                return fields[i].1;
            }
        }
        i += 1;
    }
    panic!("no such field in the wire model")
}

/// The shape of a typed model type.
pub trait HasShape {
    const SHAPE: Shape;
}

/// Check `value` against `shape`.
///
/// # Errors
///
/// The path of the first offending field, and what it should have been.
pub fn check(shape: &Shape, value: &Json) -> Result<(), ShapeError> {
    match (shape.many, value) {
        (Many::One, _)
        | (
            Many::Either,
            Json::Object(_) | Json::String(_) | Json::Number(_) | Json::Bool(_) | Json::Null,
        ) => check_item(shape.item, value),
        (Many::Array | Many::Either, Json::Array(items)) => {
            for (i, item) in items.iter().enumerate() {
                check_item(shape.item, item).map_err(|e| e.at_index(i))?;
            }
            Ok(())
        }
        (Many::Array, other) => Err(ShapeError::new("an array", other)),
    }
}

fn check_item(item: Item, value: &Json) -> Result<(), ShapeError> {
    let ok = match (item, value) {
        (Item::Any, _)
        | (Item::String, Json::String(_))
        | (Item::Bool, Json::Bool(_))
        | (Item::Number, Json::Number(_))
        | (Item::StrOrNum, Json::String(_) | Json::Number(_))
        | (Item::Bytes, Json::String(_) | Json::Object(_) | Json::Array(_))
        | (Item::StringOrObject(_), Json::String(_)) => true,
        (Item::Int64, _) => return read_int64(value).map(|_| ()),
        (Item::Object(fields) | Item::StringOrObject(fields), Json::Object(object)) => {
            for field in fields() {
                match object.get(field.name) {
                    None | Some(Json::Null) if field.required => {
                        return Err(ShapeError::missing(field.name))
                    }
                    None | Some(Json::Null) => {}
                    Some(member) => {
                        check(&field.shape, member).map_err(|e| e.at_key(field.name))?
                    }
                }
            }
            true
        }
        (Item::Choice(pick), _) => return check(&pick(value), value),
        _ => false,
    };
    if ok {
        Ok(())
    } else {
        Err(ShapeError::new(expected(item), value))
    }
}

fn expected(item: Item) -> &'static str {
    match item {
        Item::Any => "anything",
        Item::String => "a string",
        Item::Bool => "a boolean",
        Item::Number => "a number",
        Item::Int64 => "an integer",
        Item::StrOrNum => "a string or a number",
        Item::Bytes => "base64 text",
        Item::Object(_) | Item::Choice(_) => "an object",
        Item::StringOrObject(_) => "a JID string or an object",
    }
}

const MISSING: &str = "nothing";

/// Where and why data does not fit its documented shape.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShapeError {
    /// Path segments from the innermost outwards (pushed while unwinding).
    reversed_path: Vec<Segment>,
    expected: String,
    found: &'static str,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Segment {
    Key(String),
    Index(usize),
}

impl ShapeError {
    pub fn new(expected: impl Into<String>, found: &Json) -> ShapeError {
        ShapeError {
            reversed_path: Vec::new(),
            expected: expected.into(),
            found: found.type_phrase(),
        }
    }

    pub fn missing(key: &str) -> ShapeError {
        ShapeError {
            reversed_path: vec![Segment::Key(key.into())],
            expected: "a value".into(),
            found: MISSING,
        }
    }

    pub fn at_key(mut self, key: &str) -> ShapeError {
        self.reversed_path.push(Segment::Key(key.into()));
        self
    }

    pub fn at_index(mut self, index: usize) -> ShapeError {
        self.reversed_path.push(Segment::Index(index));
        self
    }

    /// The JSONPath of the offending field, from the body's root.
    pub fn path(&self) -> String {
        let mut path = String::from("$");
        for segment in self.reversed_path.iter().rev() {
            match segment {
                Segment::Key(k)
                    if !k.is_empty()
                        && k.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') =>
                {
                    path.push('.');
                    path.push_str(k);
                }
                Segment::Key(k) => {
                    // Quoted as a JSON string (the plain writer, not the tree one).
                    let mut quoted = Vec::new();
                    write_text(k, &mut quoted);
                    path.push('[');
                    path.push_str(&String::from_utf8(quoted).unwrap_or_default());
                    path.push(']');
                }
                Segment::Index(i) => {
                    path.push('[');
                    path.push_str(&decimal(*i as u64));
                    path.push(']');
                }
            }
        }
        path
    }

    /// "expected a string, found a number at $.data.key.id", or
    /// "a required field is missing at `$.data.messages[0].key`"
    pub fn describe(&self) -> String {
        if self.found == MISSING {
            return ["a required field is missing at ", &self.path()].concat();
        }
        [
            "expected ",
            &self.expected,
            ", found ",
            self.found,
            " at ",
            &self.path(),
        ]
        .concat()
    }
}

/// A protobuf int64 in any of the wire's three forms (see
/// `Int64` in `decode`): what a field of that shape must hold.
pub fn read_int64(value: &Json<'_>) -> Result<i128, ShapeError> {
    let expected = || {
        ShapeError::new(
            "an integer (a number, a decimal string or {low, high, unsigned})",
            value,
        )
    };
    match value {
        Json::Number(text) => parse_integer(text).ok_or_else(expected),
        Json::String(s) => parse_integer(s.as_str().trim_ascii()).ok_or_else(expected),
        Json::Object(o) => {
            let half = |key: &str| -> Result<i64, ShapeError> {
                match o.get(key) {
                    Some(v @ Json::Number(text)) => parse_integer(text)
                        .and_then(|n| i64::try_from(n).ok())
                        .filter(|n| (i64::from(i32::MIN)..=i64::from(u32::MAX)).contains(n))
                        .ok_or_else(|| ShapeError::new("a 32-bit integer", v).at_key(key)),
                    Some(other) => Err(ShapeError::new("a 32-bit integer", other).at_key(key)),
                    None => Err(ShapeError::missing(key)),
                }
            };
            let (low, high) = (half("low")? as u32, half("high")? as u32);
            let unsigned = matches!(o.get("unsigned"), Some(Json::Bool(true)));
            let bits = (u64::from(high) << 32) | u64::from(low);
            Ok(if unsigned {
                i128::from(bits)
            } else {
                i128::from(bits as i64)
            })
        }
        _ => Err(expected()),
    }
}
