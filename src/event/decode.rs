//! Reading typed views out of the JSON tree, leniently where the wire
//! drifts and precisely where it is wrong: a failure names the JSON path of
//! the offending field (`$.data.messages[0].key.id`), never its value.
//!
//! Also the two macros that declare a wire type once and get, from that one
//! declaration, the Rust struct, its decoder and its TypeScript interface.

use crate::json::{Json, Object};
use crate::prelude::*;

/// A type that can be read from a JSON value borrowed from the tree.
pub trait Decode<'a>: Sized {
    fn decode(value: &'a Json<'a>) -> Result<Self, ShapeError>;
}

/// The TypeScript type expression for a Rust type.
pub trait TsType {
    fn ts_type() -> String;
}

/// A named TypeScript declaration (interface or type alias).
pub trait TsDeclare {
    fn ts_declaration() -> String;
}

use super::shape::{read_int64, HasShape, Item, Many, Shape, ShapeError};

macro_rules! leaf_shapes {
    ($($ty:ty => $item:expr),* $(,)?) => {$(
        impl HasShape for $ty {
            const SHAPE: Shape = Shape::one($item);
        }
    )*};
}
leaf_shapes! {
    &str => Item::String,
    bool => Item::Bool,
    Number<'_> => Item::Number,
    &Json<'_> => Item::Any,
    Int64 => Item::Int64,
    StrOrNum<'_> => Item::StrOrNum,
    Bytes<'_> => Item::Bytes,
}

impl<T: HasShape> HasShape for Vec<T> {
    const SHAPE: Shape = Shape {
        many: Many::Array,
        item: T::SHAPE.item,
    };
}
impl<T: HasShape> HasShape for OneOrMany<T> {
    const SHAPE: Shape = Shape {
        many: Many::Either,
        item: T::SHAPE.item,
    };
}
impl<T: HasShape> HasShape for Box<T> {
    const SHAPE: Shape = T::SHAPE;
}

/// An optional member: absent and `null` both read as `None`.
pub fn optional<'a, T: Decode<'a>>(
    object: &'a Object<'a>,
    key: &str,
) -> Result<Option<T>, ShapeError> {
    match object.get(key) {
        None | Some(Json::Null) => Ok(None),
        Some(value) => T::decode(value).map(Some).map_err(|e| e.at_key(key)),
    }
}

/// A required member.
pub fn required<'a, T: Decode<'a>>(object: &'a Object<'a>, key: &str) -> Result<T, ShapeError> {
    match object.get(key) {
        None | Some(Json::Null) => Err(ShapeError::missing(key)),
        Some(value) => T::decode(value).map_err(|e| e.at_key(key)),
    }
}

pub fn expect_object<'a>(value: &'a Json<'a>) -> Result<&'a Object<'a>, ShapeError> {
    value
        .as_object()
        .ok_or_else(|| ShapeError::new("an object", value))
}

impl<'a> Decode<'a> for &'a str {
    fn decode(value: &'a Json<'a>) -> Result<Self, ShapeError> {
        value
            .as_str()
            .ok_or_else(|| ShapeError::new("a string", value))
    }
}
impl TsType for &str {
    fn ts_type() -> String {
        "string".into()
    }
}

impl<'a> Decode<'a> for bool {
    fn decode(value: &'a Json<'a>) -> Result<Self, ShapeError> {
        value
            .as_bool()
            .ok_or_else(|| ShapeError::new("a boolean", value))
    }
}
impl TsType for bool {
    fn ts_type() -> String {
        "boolean".into()
    }
}

/// A JSON number, kept as its text (read it with `as_f64` when needed).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Number<'a>(pub &'a str);

impl Number<'_> {
    /// The number as JavaScript reads it.
    pub fn as_f64(self) -> f64 {
        self.0.parse().unwrap_or(f64::NAN)
    }
}

impl<'a> Decode<'a> for Number<'a> {
    fn decode(value: &'a Json<'a>) -> Result<Self, ShapeError> {
        value
            .as_number_text()
            .map(Number)
            .ok_or_else(|| ShapeError::new("a number", value))
    }
}
impl TsType for Number<'_> {
    fn ts_type() -> String {
        "number".into()
    }
}

/// Any JSON value, untouched.
impl<'a> Decode<'a> for &'a Json<'a> {
    fn decode(value: &'a Json<'a>) -> Result<Self, ShapeError> {
        Ok(value)
    }
}
impl TsType for &Json<'_> {
    fn ts_type() -> String {
        "unknown".into()
    }
}

impl<'a, T: Decode<'a>> Decode<'a> for Vec<T> {
    fn decode(value: &'a Json<'a>) -> Result<Self, ShapeError> {
        let items = value
            .as_array()
            .ok_or_else(|| ShapeError::new("an array", value))?;
        items
            .iter()
            .enumerate()
            .map(|(i, item)| T::decode(item).map_err(|e| e.at_index(i)))
            .collect()
    }
}
impl<T: TsType> TsType for Vec<T> {
    fn ts_type() -> String {
        let inner = T::ts_type();
        if inner.contains(' ') {
            format!("Array<{inner}>")
        } else {
            format!("{inner}[]")
        }
    }
}

impl<'a, T: Decode<'a>> Decode<'a> for Box<T> {
    fn decode(value: &'a Json<'a>) -> Result<Self, ShapeError> {
        T::decode(value).map(Box::new)
    }
}
impl<T: TsType> TsType for Box<T> {
    fn ts_type() -> String {
        T::ts_type()
    }
}

/// One item or an array of them: the wire sends both for the same event.
#[derive(Debug, Clone, PartialEq)]
pub enum OneOrMany<T> {
    One(T),
    Many(Vec<T>),
}

impl<T> OneOrMany<T> {
    pub fn as_slice(&self) -> &[T] {
        match self {
            OneOrMany::One(one) => core::slice::from_ref(one),
            OneOrMany::Many(many) => many,
        }
    }
}

impl<'a, T: Decode<'a>> Decode<'a> for OneOrMany<T> {
    fn decode(value: &'a Json<'a>) -> Result<Self, ShapeError> {
        match value {
            Json::Array(_) => Vec::decode(value).map(OneOrMany::Many),
            _ => T::decode(value).map(OneOrMany::One),
        }
    }
}
impl<T: TsType> TsType for OneOrMany<T> {
    fn ts_type() -> String {
        let inner = T::ts_type();
        format!("{inner} | {}", Vec::<T>::ts_type())
    }
}

/// A protobuf int64/uint64 as the wire sends it: a number, a decimal string
/// (protobufjs `longs: String`), or a Long object `{low, high, unsigned}`.
/// Values beyond i64 (u64::MAX "muted forever") and -1 both occur.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Int64(pub i128);

impl Int64 {
    pub fn get(self) -> i128 {
        self.0
    }

    /// As a JavaScript number would hold it (rounded beyond 2^53).
    pub fn as_f64(self) -> f64 {
        self.0 as f64
    }
}

impl<'a> Decode<'a> for Int64 {
    fn decode(value: &'a Json<'a>) -> Result<Self, ShapeError> {
        read_int64(value).map(Int64)
    }
}
impl TsType for Int64 {
    fn ts_type() -> String {
        "Int64".into()
    }
}

/// A string or a number (ids that some senders quote and some do not).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct StrOrNum<'a>(pub &'a Json<'a>);

impl<'a> Decode<'a> for StrOrNum<'a> {
    fn decode(value: &'a Json<'a>) -> Result<Self, ShapeError> {
        match value {
            Json::String(_) | Json::Number(_) => Ok(StrOrNum(value)),
            _ => Err(ShapeError::new("a string or a number", value)),
        }
    }
}
impl TsType for StrOrNum<'_> {
    fn ts_type() -> String {
        "string | number".into()
    }
}

/// Binary fields (`mediaKey`, `jpegThumbnail` …): base64 strings on the wire;
/// some gateways send byte-indexed objects, which we accept rather than
/// refuse a genuine delivery over a field nobody reads as text.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Bytes<'a>(pub &'a Json<'a>);

impl<'a> Decode<'a> for Bytes<'a> {
    fn decode(value: &'a Json<'a>) -> Result<Self, ShapeError> {
        match value {
            Json::String(_) | Json::Object(_) | Json::Array(_) => Ok(Bytes(value)),
            _ => Err(ShapeError::new("base64 text", value)),
        }
    }
}
impl TsType for Bytes<'_> {
    fn ts_type() -> String {
        "Base64Bytes".into()
    }
}

/// Doc comment lines as a JSDoc block, indented.
pub fn jsdoc(lines: &[&str], indent: &str) -> String {
    let lines: Vec<&str> = lines
        .iter()
        .map(|l| l.trim())
        .filter(|l| !l.is_empty())
        .collect();
    match lines.as_slice() {
        [] => String::new(),
        [one] => format!("{indent}/** {one} */\n"),
        many => {
            let mut s = format!("{indent}/**\n");
            for l in many {
                s.push_str(&format!("{indent} * {l}\n"));
            }
            s.push_str(&format!("{indent} */\n"));
            s
        }
    }
}

/// Declare a wire object once: the Rust struct (borrowing from the tree, plus
/// `raw`, the whole object, so nothing is out of reach), its decoder, and
/// its TypeScript interface. Unknown fields are normal on this wire and are
/// kept in the returned data, but the interfaces declare no index signature:
/// one would make typos compile and stop `"key" in data` from narrowing.
///
/// Each field is `name: required Type = "wireName"` or `name: optional Type = "wireName"`.
macro_rules! wire_object {
    (
        $(#[doc = $doc:literal])*
        pub struct $name:ident as $ts:literal {
            $( $(#[doc = $fdoc:literal])* $field:ident : $kind:ident $ty:ty = $wire:literal ),* $(,)?
        }
    ) => {
        $(#[doc = $doc])*
        #[doc = ""]
        #[doc = concat!("The wire's `", $ts, "` object (TypeScript: `", $ts, "`).")]
        #[derive(Debug, Clone, PartialEq)]
        pub struct $name<'a> {
            $( $(#[doc = $fdoc])* #[doc = ""] #[doc = concat!("Wire name: `", $wire, "`.")] pub $field: wire_object!(@type $kind $ty), )*
            /// Every member of the object as sent, known or not.
            pub raw: &'a $crate::json::Object<'a>,
        }

        impl<'a> $crate::event::decode::Decode<'a> for $name<'a> {
            fn decode(value: &'a $crate::json::Json<'a>) -> Result<Self, $crate::event::shape::ShapeError> {
                let object = $crate::event::decode::expect_object(value)?;
                Ok($name {
                    $( $field: $crate::event::decode::$kind(object, $wire)?, )*
                    raw: object,
                })
            }
        }

        /// `serde`: the object as sent (`raw`), as the JS package has it.
        #[cfg(feature = "serde")]
        impl ::serde::Serialize for $name<'_> {
            fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                ::serde::Serialize::serialize(self.raw, serializer)
            }
        }

        impl<'a> $crate::event::decode::TsType for $name<'a> {
            fn ts_type() -> String {
                $ts.into()
            }
        }

        impl<'a> $name<'a> {
            const FIELDS: &'static [$crate::event::shape::Field] = &[
                $( $crate::event::shape::Field {
                    name: $wire,
                    required: wire_object!(@required $kind),
                    shape: <$ty as $crate::event::shape::HasShape>::SHAPE,
                }, )*
            ];

            fn fields() -> &'static [$crate::event::shape::Field] {
                Self::FIELDS
            }

            /// The wire name of the field called `rust` (see `shape::wire_name`).
            #[allow(dead_code)] // only some types are read by key
            pub(crate) const fn wire(rust: &str) -> &'static str {
                $crate::event::shape::wire_name(&[$((stringify!($field), $wire)),*], rust)
            }
        }

        impl<'a> $crate::event::shape::HasShape for $name<'a> {
            const SHAPE: $crate::event::shape::Shape =
                $crate::event::shape::Shape::one($crate::event::shape::Item::Object(Self::fields));
        }

        impl<'a> $crate::event::decode::TsDeclare for $name<'a> {
            fn ts_declaration() -> String {
                let mut s = $crate::event::decode::jsdoc(&[$($doc),*], "");
                s.push_str(concat!("export interface ", $ts, " {\n"));
                $(
                    s.push_str(&$crate::event::decode::jsdoc(&[$($fdoc),*], "  "));
                    s.push_str(&wire_object!(@member $kind $wire, <$ty as $crate::event::decode::TsType>::ts_type()));
                )*
                s.push_str("}\n");
                s
            }
        }

        impl<'a> $crate::event::describe::Describe for $name<'a> {
            fn describe() -> $crate::event::describe::Ty {
                $crate::event::describe::Ty::Named($ts)
            }
        }

        impl<'a> $crate::event::describe::Declare for $name<'a> {
            fn declare() -> $crate::event::describe::Decl {
                $crate::event::describe::Decl {
                    name: $ts,
                    doc: &[$($doc),*],
                    kind: $crate::event::describe::DeclKind::Wire(vec![$(
                        $crate::event::describe::Field {
                            wire: $wire,
                            rust: stringify!($field),
                            required: wire_object!(@required $kind),
                            ty: <$ty as $crate::event::describe::Describe>::describe(),
                            doc: &[$($fdoc),*],
                        },
                    )*]),
                }
            }
        }
    };
    (@required optional) => { false };
    (@required required) => { true };
    (@type optional $ty:ty) => { Option<$ty> };
    (@type required $ty:ty) => { $ty };
    (@member required $wire:literal, $ts:expr) => { format!("  {}: {};\n", $wire, $ts) };
    (@member optional $wire:literal, $ts:expr) => { format!("  {}?: {} | null;\n", $wire, $ts) };
}
pub(crate) use wire_object;

/// Declare a closed set of names: a Rust enum, its wire names, and the
/// TypeScript string-literal union.
macro_rules! name_set {
    (
        $(#[doc = $doc:literal])*
        pub enum $name:ident as $ts:literal { $( $(#[doc = $vdoc:literal])* $variant:ident = $wire:literal ),* $(,)? }
    ) => {
        $(#[doc = $doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum $name { $( $(#[doc = $vdoc])* #[doc = concat!("`\"", $wire, "\"`")] $variant ),* }

        impl $name {
            /// Every value, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$variant),*];

            /// The name on the wire (and in the JS package).
            pub const fn as_str(self) -> &'static str {
                match self { $( $name::$variant => $wire ),* }
            }
        }

        /// `serde`: the wire name.
        #[cfg(feature = "serde")]
        impl ::serde::Serialize for $name {
            fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl $crate::event::decode::TsType for $name {
            fn ts_type() -> String {
                $ts.into()
            }
        }

        impl $crate::event::decode::TsDeclare for $name {
            fn ts_declaration() -> String {
                let mut s = $crate::event::decode::jsdoc(&[$($doc),*], "");
                s.push_str(concat!("export type ", $ts, " ="));
                $( s.push_str(concat!("\n  | \"", $wire, "\"")); )*
                s.push_str(";\n");
                s
            }
        }

        impl $crate::event::describe::Describe for $name {
            fn describe() -> $crate::event::describe::Ty {
                $crate::event::describe::Ty::Named($ts)
            }
        }

        impl $crate::event::describe::Declare for $name {
            fn declare() -> $crate::event::describe::Decl {
                $crate::event::describe::Decl {
                    name: $ts,
                    doc: &[$($doc),*],
                    kind: $crate::event::describe::DeclKind::Names(&[$($wire),*]),
                }
            }
        }
    };
}
pub(crate) use name_set;

// How the leaf types of the model are described (super::describe).
impl Describe for Number<'_> {
    fn describe() -> Ty {
        Ty::Number
    }
}
impl<T: Describe> Describe for OneOrMany<T> {
    fn describe() -> Ty {
        Ty::Union(vec![T::describe(), Ty::Array(Box::new(T::describe()))])
    }
}
impl Describe for Int64 {
    fn describe() -> Ty {
        Ty::Named("Int64")
    }
}
impl Describe for StrOrNum<'_> {
    fn describe() -> Ty {
        Ty::Union(vec![Ty::String, Ty::Number])
    }
}
impl Describe for Bytes<'_> {
    fn describe() -> Ty {
        Ty::Named("Base64Bytes")
    }
}
use super::describe::{Describe, Ty};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::event::numbers::parse_scaled;
    use crate::json::parse;

    fn int64(s: &str) -> Result<i128, ShapeError> {
        Int64::decode(&parse(s.as_bytes()).unwrap()).map(Int64::get)
    }

    #[test]
    fn int64_in_every_wire_form() {
        assert_eq!(int64("1763776799"), Ok(1763776799));
        assert_eq!(int64("\"1763776799\""), Ok(1763776799));
        assert_eq!(int64("\"18446744073709551615\""), Ok(u64::MAX as i128));
        assert_eq!(int64("18446744073709551615"), Ok(u64::MAX as i128));
        assert_eq!(int64("-1"), Ok(-1));
        assert_eq!(int64("1e3"), Ok(1000));
        assert_eq!(int64("1.5e1"), Ok(15));
        assert_eq!(int64("0"), Ok(0));
        assert_eq!(int64("-0"), Ok(0));
        assert_eq!(
            int64(r#"{"low":1763776799,"high":0,"unsigned":false}"#),
            Ok(1763776799)
        );
        assert_eq!(
            int64(r#"{"low":-1,"high":-1,"unsigned":true}"#),
            Ok(u64::MAX as i128)
        );
        assert_eq!(int64(r#"{"low":-1,"high":-1,"unsigned":false}"#), Ok(-1));
        assert_eq!(int64(r#"{"low":0,"high":1}"#), Ok(1 << 32));
        for bad in [
            "1.5",
            "1e-1",
            "18446744073709551616",
            "\"\"",
            "\"1.\"",
            "\"abc\"",
            "true",
            "[]",
            r#"{"low":1}"#,
            r#"{"low":"x","high":0}"#,
            r#"{"low":1e12,"high":0}"#,
        ] {
            assert!(int64(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn scaled_decimal_text() {
        assert_eq!(
            parse_scaled("1633456789.5", 3, false),
            Some(1_633_456_789_500)
        );
        assert_eq!(parse_scaled("1633456789.12345", 3, false), None);
        assert_eq!(
            parse_scaled("1633456789.12345", 3, true),
            Some(1_633_456_789_123)
        );
        assert_eq!(parse_scaled("-2", 3, false), Some(-2000));
        assert_eq!(parse_scaled("1.7637768E9", 0, false), Some(1_763_776_800));
        // Plain digits take the short path: at its edges (19 digits; 20,
        // the longest u64; scaling past u64) it answers as the long one.
        assert_eq!(
            parse_scaled("9999999999999999999", 0, false),
            Some(9_999_999_999_999_999_999)
        );
        assert_eq!(
            parse_scaled("18446744073709551615", 0, false),
            Some(u64::MAX.into())
        );
        assert_eq!(parse_scaled("18446744073709551616", 0, false), None);
        assert_eq!(
            parse_scaled("18446744073709551", 3, false),
            Some(18_446_744_073_709_551_000)
        );
        assert_eq!(parse_scaled("18446744073709552", 3, false), None);
        assert_eq!(parse_scaled("-0007", 1, false), Some(-70));
        assert_eq!(parse_scaled("-0", 0, false), Some(0));
        for bad in [
            "", "-", "+1", "1..2", ".5", "1e", "0x10", " 1", "1 ", "12a4", "--1", "1/",
        ] {
            assert_eq!(parse_scaled(bad, 0, true), None, "{bad:?}");
        }
    }

    #[test]
    fn paths_read_as_jsonpath() {
        let e = ShapeError::new("a string", &Json::Null)
            .at_key("id")
            .at_key("key")
            .at_index(2)
            .at_key("messages")
            .at_key("data");
        assert_eq!(e.path(), "$.data.messages[2].key.id");
        assert_eq!(
            ShapeError::missing("a b").at_key("data").path(),
            "$.data[\"a b\"]"
        );
        assert_eq!(
            e.describe(),
            "expected a string, found null at $.data.messages[2].key.id"
        );
    }
}
