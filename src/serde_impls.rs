//! `Serialize` for events and every model and view type (the `serde`
//! feature): the JSON the npm package returns for the same delivery. What
//! it gives for numbers and lone surrogates is documented on the impls for
//! [`Event`] and [`Json`], where users see it.

use crate::event::decode::{Bytes, Int64, Number, OneOrMany, StrOrNum};
use crate::event::js_object::{is_data, parts, Derived, Part};
use crate::event::model::{MessageReceiptData, MessagesData, MessagesDeleteData, ParticipantRef};
use crate::event::{EventKind, NormalizedMessage, NormalizedReaction, StatusUpdate, UnixTime};
use crate::json::{Json, JsonStr, Object};
use crate::{Event, OwnedEvent};
use serde::ser::{Serialize, SerializeMap, SerializeSeq, Serializer};

/// A JSON number's text as the closest value serde's data model holds
/// (see the module's notes).
fn serialize_number<S: Serializer>(text: &str, serializer: S) -> Result<S::Ok, S::Error> {
    let integer = !text.bytes().any(|b| matches!(b, b'.' | b'e' | b'E'));
    // `-0` is an integer to JSON's grammar but negative zero to JSON.parse.
    if integer && text != "-0" {
        if let Ok(v) = text.parse::<i64>() {
            return serializer.serialize_i64(v);
        }
        if let Ok(v) = text.parse::<u64>() {
            return serializer.serialize_u64(v);
        }
        if let Ok(v) = text.parse::<i128>() {
            return serializer.serialize_i128(v);
        }
        if let Ok(v) = text.parse::<u128>() {
            return serializer.serialize_u128(v);
        }
    }
    // Rust's parse rounds correctly, as JSON.parse does; the parser checked
    // the syntax, so it cannot fail.
    serializer.serialize_f64(text.parse::<f64>().unwrap_or(f64::NAN))
}

impl Serialize for JsonStr<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl Serialize for Object<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.len()))?;
        for (key, value) in self.iter() {
            map.serialize_entry(key, value)?;
        }
        map.end()
    }
}

/// The value as `JSON.parse` reads it, within serde's data model (numbers
/// and lone surrogates: see the impl for [`Event`]).
impl Serialize for Json<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Json::Null => serializer.serialize_unit(),
            Json::Bool(b) => serializer.serialize_bool(*b),
            Json::Number(text) => serialize_number(text, serializer),
            Json::String(s) => s.serialize(serializer),
            Json::Array(items) => {
                let mut seq = serializer.serialize_seq(Some(items.len()))?;
                for item in items {
                    seq.serialize_element(item)?;
                }
                seq.end()
            }
            Json::Object(object) => object.serialize(serializer),
        }
    }
}

/// The event as the npm package returns it:
/// `{event, receivedEvent, timestamp?, sessionId?, data, envelope, <view>?}`
/// (see [`Event::to_json`]), a model type as the part of `data` it was read
/// from, a view as the package's view item, a name as its string. It holds
/// the `sessionId`: not for logs.
///
/// Two things serde's data model cannot carry exactly, and what it gets:
/// - **Numbers** keep the body's value where the data model can hold it:
///   integers as `i64`/`u64`, then `i128`/`u128` (serde_json writes them
///   exactly; `JSON.parse` then rounds them as it rounds the body); `-0`,
///   fractions and exponents as the `f64` `JSON.parse` makes of the text;
///   an integer beyond 128 bits as that `f64` too; a number beyond `f64`'s
///   range (`1e400`) as infinity, which serde_json writes as `null`, as
///   `JSON.stringify` does with the JS package's `Infinity`. A format
///   without 128-bit integers fails on the rare integer beyond 64 bits.
/// - **Lone UTF-16 surrogates** (a client that cut an emoji in half;
///   `JSON.parse` keeps them): a Rust `str` cannot hold them, so serde gets
///   the text with each one as U+FFFD.
///
/// [`Event::to_json`] has neither limit: it writes the same object with the
/// core's own writer, numbers as sent and lone surrogates as `\uXXXX`.
impl Serialize for Event<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let derived = Derived::of(self);
        let derived = derived.tree();
        let parts = parts(self, &derived);
        let mut map = serializer.serialize_map(Some(parts.len()))?;
        for (key, part) in &parts {
            match part {
                Part::Name(name) => map.serialize_entry(key, name)?,
                Part::Value(value) => map.serialize_entry(key, value)?,
                Part::Envelope(body) => map.serialize_entry(key, &Envelope(body))?,
            }
        }
        map.end()
    }
}

/// As its [`OwnedEvent::event`].
impl Serialize for OwnedEvent {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.event().serialize(serializer)
    }
}

/// The body without `data`.
struct Envelope<'e>(&'e Object<'e>);

impl Serialize for Envelope<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let len = self.0.iter().filter(|(key, _)| !is_data(key)).count();
        let mut map = serializer.serialize_map(Some(len))?;
        for (key, value) in self.0.iter().filter(|(key, _)| !is_data(key)) {
            map.serialize_entry(key, value)?;
        }
        map.end()
    }
}

/// The canonical name (`"messages.upsert"`, `"unknown"`).
impl Serialize for EventKind {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.name())
    }
}

/// Unix seconds, as the JS package's `timestamp` (`1763776803.123`).
impl Serialize for UnixTime {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serialize_number(&self.seconds_text(), serializer)
    }
}

/// Views serialise through their own writer, the one the wasm's tape comes
/// from: the JS package's view item, key for key.
macro_rules! serialize_views {
    ($($view:ident),*) => {$(
        impl Serialize for $view<'_> {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                Derived::written(|sink| self.write(sink)).tree().serialize(serializer)
            }
        }
    )*};
}
serialize_views!(NormalizedMessage, StatusUpdate, NormalizedReaction);

// The model's types that are not `wire_object!`s (those serialise as
// their `raw` object; the name sets as their names: see the macros).

impl<T: Serialize> Serialize for OneOrMany<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            OneOrMany::One(one) => one.serialize(serializer),
            OneOrMany::Many(many) => many.serialize(serializer),
        }
    }
}

impl Serialize for MessagesData<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            MessagesData::Wrapped { raw, .. } => raw.serialize(serializer),
            MessagesData::Flat(message) => message.serialize(serializer),
        }
    }
}

impl Serialize for MessagesDeleteData<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            MessagesDeleteData::Keys(keys) => keys.serialize(serializer),
            MessagesDeleteData::All(all) => all.serialize(serializer),
        }
    }
}

impl Serialize for MessageReceiptData<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            MessageReceiptData::Wrapped(wrapped) => wrapped.serialize(serializer),
            MessageReceiptData::Receipts(receipts) => receipts.serialize(serializer),
        }
    }
}

impl Serialize for ParticipantRef<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            ParticipantRef::Jid(jid) => jid.serialize(serializer),
            ParticipantRef::Participant(p) => p.serialize(serializer),
        }
    }
}

impl Serialize for Number<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serialize_number(self.0, serializer)
    }
}

/// The integer, whichever wire form it came in (number, string, Long).
impl Serialize for Int64 {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match i64::try_from(self.0) {
            Ok(v) => serializer.serialize_i64(v),
            Err(_) => serializer.serialize_i128(self.0),
        }
    }
}

impl Serialize for StrOrNum<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(serializer)
    }
}

impl Serialize for Bytes<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(serializer)
    }
}
