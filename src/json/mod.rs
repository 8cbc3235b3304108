//! A JSON tree that reads bodies exactly as JavaScript's `JSON.parse` does.
//!
//! Why not `serde_json::Value`: a webhook body can hold what JSON.parse
//! accepts but serde_json's value model cannot: strings with lone UTF-16
//! surrogates (`"\ud83d"`, a client cutting an emoji in half). And the data
//! we hand back must be deep-equal to `JSON.parse(body).data`: numbers keep
//! their text (big integers round in JavaScript, not here), duplicate keys
//! keep the first key's position and the last value. One parse, here, is
//! the only interpretation of the body: everything we derive and everything
//! we return comes from it.
//!
//! The tree borrows from the body: keys, numbers and strings without
//! escapes (nearly all of them) are slices of it, not copies, so parsing
//! allocates only for containers and the rare escaped string.

pub(crate) mod key_index;
pub(crate) mod parse;
pub(crate) mod scan;
pub(crate) mod write;

use crate::prelude::*;
use alloc::borrow::Cow;
pub(crate) use parse::{parse, parse_text, ParseError};
pub(crate) use write::{write_json, write_str, write_text};

/// A JSON value.
#[derive(Debug, Clone, PartialEq)]
pub enum Json<'a> {
    /// `null`
    Null,
    /// `true` or `false`
    Bool(bool),
    /// The number's text as written (valid JSON number syntax).
    Number(&'a str),
    /// A string, lone surrogates included
    String(JsonStr<'a>),
    /// An array
    Array(Vec<Json<'a>>),
    /// An object, its members in body order
    Object(Object<'a>),
}

/// A JSON string. `text` is always valid UTF-8: any lone surrogate in the
/// source reads as U+FFFD there, which is what derived text should show.
/// `utf16` keeps the exact code units in that case, for output.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct JsonStr<'a> {
    text: Cow<'a, str>,
    utf16: Option<Box<[u16]>>,
}

impl<'a> JsonStr<'a> {
    /// The text, with lone surrogates (if any) replaced by U+FFFD.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The text as a `Cow` of the body's lifetime: borrowed from the body
    /// when the source had no escapes (nearly always), else a copy.
    pub fn text(&self) -> Cow<'a, str> {
        match &self.text {
            Cow::Borrowed(text) => Cow::Borrowed(text),
            Cow::Owned(text) => Cow::Owned(text.clone()),
        }
    }

    /// Whether the source had lone surrogates that `as_str` cannot show.
    pub fn has_lone_surrogates(&self) -> bool {
        self.utf16.is_some()
    }

    /// The exact UTF-16 code units when the source had lone surrogates
    /// (what `JSON.parse` makes of it); `None` when `as_str` is exact.
    pub fn lone_surrogate_units(&self) -> Option<&[u16]> {
        self.utf16.as_deref()
    }

    /// Whether the string is empty.
    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }

    pub(crate) fn from_utf16(units: Vec<u16>) -> JsonStr<'a> {
        let text: String = char::decode_utf16(units.iter().copied())
            .map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
            .collect();
        JsonStr {
            text: Cow::Owned(text),
            utf16: Some(units.into()),
        }
    }
}

impl<'a> From<&'a str> for JsonStr<'a> {
    fn from(s: &'a str) -> Self {
        JsonStr {
            text: Cow::Borrowed(s),
            utf16: None,
        }
    }
}

impl From<String> for JsonStr<'_> {
    fn from(s: String) -> Self {
        JsonStr {
            text: Cow::Owned(s),
            utf16: None,
        }
    }
}

/// An object's members in source order, each key once.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Object<'a> {
    members: Vec<(JsonStr<'a>, Json<'a>)>,
}

impl<'a> Object<'a> {
    /// An empty object.
    pub fn new() -> Object<'a> {
        Object::default()
    }

    /// The value of `key` (keys with lone surrogates never match plain text).
    pub fn get(&self, key: &str) -> Option<&Json<'a>> {
        self.members
            .iter()
            .find(|(k, _)| !k.has_lone_surrogates() && k.as_str() == key)
            .map(|(_, v)| v)
    }

    /// Whether a member is named `key`.
    pub fn contains_key(&self, key: &str) -> bool {
        self.get(key).is_some()
    }

    /// The members, in body order.
    pub fn iter(&self) -> impl Iterator<Item = (&JsonStr<'a>, &Json<'a>)> {
        self.members.iter().map(|(k, v)| (k, v))
    }

    /// The member names, in body order.
    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.members.iter().map(|(k, _)| k.as_str())
    }

    /// How many members.
    pub fn len(&self) -> usize {
        self.members.len()
    }

    /// Whether the object has no members.
    pub fn is_empty(&self) -> bool {
        self.members.is_empty()
    }

    /// Append a member whose key is known not to be present yet.
    pub(crate) fn push_unique(&mut self, key: JsonStr<'a>, value: Json<'a>) {
        self.members.push((key, value));
    }

    /// Insert as JSON.parse does: a repeated key keeps its first position
    /// and takes the new value.
    pub fn insert(&mut self, key: JsonStr<'a>, value: Json<'a>) {
        match self.members.iter_mut().find(|(k, _)| *k == key) {
            Some((_, slot)) => *slot = value,
            None => self.members.push((key, value)),
        }
    }

    /// Remove `key`, returning its value.
    pub fn remove(&mut self, key: &str) -> Option<Json<'a>> {
        let at = self
            .members
            .iter()
            .position(|(k, _)| !k.has_lone_surrogates() && k.as_str() == key)?;
        Some(self.members.remove(at).1)
    }

    pub(crate) fn members_mut(&mut self) -> &mut Vec<(JsonStr<'a>, Json<'a>)> {
        &mut self.members
    }
}

impl<'a> Json<'a> {
    /// The object, if this is one.
    pub fn as_object(&self) -> Option<&Object<'a>> {
        match self {
            Json::Object(o) => Some(o),
            _ => None,
        }
    }

    /// The items, if this is an array.
    pub fn as_array(&self) -> Option<&[Json<'a>]> {
        match self {
            Json::Array(a) => Some(a),
            _ => None,
        }
    }

    /// A string's text (lone surrogates as U+FFFD).
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Json::String(s) => Some(s.as_str()),
            _ => None,
        }
    }

    /// A string as it was sent, lone surrogates included (see [`JsonStr`]);
    /// its text is borrowed from the body where it can be.
    pub fn string(&self) -> Option<JsonStr<'a>> {
        match self {
            Json::String(s) => Some(s.clone()),
            _ => None,
        }
    }

    /// A string's text, borrowed from the body where it can be (see
    /// [`JsonStr::text`]).
    pub fn text(&self) -> Option<Cow<'a, str>> {
        match self {
            Json::String(s) => Some(s.text()),
            _ => None,
        }
    }

    /// The boolean, if this is one.
    pub fn as_bool(&self) -> Option<bool> {
        match self {
            Json::Bool(b) => Some(*b),
            _ => None,
        }
    }

    /// A number's source text.
    pub fn as_number_text(&self) -> Option<&str> {
        match self {
            Json::Number(n) => Some(n),
            _ => None,
        }
    }

    /// A number as JavaScript reads it (an f64, rounded the same way).
    pub fn as_f64(&self) -> Option<f64> {
        self.as_number_text().and_then(|t| t.parse().ok())
    }

    /// Whether this is `null`.
    pub fn is_null(&self) -> bool {
        matches!(self, Json::Null)
    }

    /// Member `key` of an object; `None` for other values.
    pub fn get(&self, key: &str) -> Option<&Json<'a>> {
        self.as_object().and_then(|o| o.get(key))
    }

    /// The JSON type as a phrase for messages ("a string", "an array", …).
    pub fn type_phrase(&self) -> &'static str {
        match self {
            Json::Null => "null",
            Json::Bool(_) => "a boolean",
            Json::Number(_) => "a number",
            Json::String(_) => "a string",
            Json::Array(_) => "an array",
            Json::Object(_) => "an object",
        }
    }

    /// Compact JSON text (lone surrogates escaped; see `write`).
    pub fn to_json_string(&self) -> String {
        let mut out = Vec::new();
        write_json(self, &mut out);
        // The writer emits valid UTF-8 only.
        String::from_utf8(out).unwrap_or_default()
    }
}

impl<'a> From<&'a str> for Json<'a> {
    fn from(s: &'a str) -> Self {
        Json::String(s.into())
    }
}

impl From<String> for Json<'_> {
    fn from(s: String) -> Self {
        Json::String(s.into())
    }
}

impl From<bool> for Json<'_> {
    fn from(b: bool) -> Self {
        Json::Bool(b)
    }
}
