//! The documented shapes as static data, and one small interpreter that
//! checks a JSON value against them.
//!
//! Why beside the typed decoders: the wasm build checks every delivery
//! but never needs the Rust structs, and a table walked by one function is a
//! fraction of the code that one decoder per type compiles to. Both come
//! from the same `wire_object!` declarations, so they cannot disagree.

use super::decode::{Int64, ShapeError};
use crate::json::Json;

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
    pub name: &'static str,
    pub required: bool,
    pub shape: Shape,
}

/// The shape of a typed model type.
pub trait HasShape {
    const SHAPE: Shape;
}

/// Check `value` against `shape`; the error names the path of the first
/// offending field.
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
        (Item::Int64, _) => return <Int64 as super::decode::Decode>::decode(value).map(|_| ()),
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
