//! The two encodings an event's derived output (canonical name, timestamp,
//! view) is written in: JSON text ([`JsonSink`], for Rust users and the
//! tests), or the [`Tape`] the wasm binding hands JavaScript.
//!
//! Why a tape: JavaScript receives the body itself through `JSON.parse`,
//! and these few fields beside it. Parsing them as JSON too cost about as
//! much as parsing a 0.4 KB body, whatever the delivery's size (a dozen
//! keys, a small array per view text); reading a tape of numbers that names
//! each object's keys by a layout and each text by its place instead took
//! 10–16 % off a whole delivery at every size (the two builds A/B in one
//! process; BENCHMARKS.md).

use crate::prelude::*;

use super::time::UnixTime;
use crate::json::{write_str, write_text, JsonStr};
use crate::utf16::{units_in, Offsets};

/// Where derived output goes. The writer calls these in document order; a
/// present field is `field` then its value, an absent optional one `absent`.
pub trait Sink {
    /// An object whose keys are `LAYOUTS[layout]`, each present or absent in order.
    fn begin_object(&mut self, layout: usize);
    /// The next key is present: its value follows.
    fn field(&mut self, key: &str);
    /// The next key is absent.
    fn absent(&mut self);
    /// The object is complete.
    fn end_object(&mut self);
    /// An array of `len` items.
    fn begin_array(&mut self, len: usize);
    /// Before each item of an array.
    fn item(&mut self);
    /// The array is complete.
    fn end_array(&mut self);
    /// A string read from the body, exactly as `JSON.parse` makes it.
    fn text(&mut self, text: &JsonStr);
    /// Text made here: names, digits.
    fn made_text(&mut self, text: &str);
    /// A boolean.
    fn bool(&mut self, value: bool);
    /// A time, written as Unix seconds.
    fn seconds(&mut self, time: UnixTime);
}

/// Derived output as compact JSON text.
pub struct JsonSink {
    pub out: Vec<u8>,
    /// No member or item written yet in the innermost open object or array.
    first: bool,
}

impl JsonSink {
    pub fn new() -> JsonSink {
        JsonSink {
            out: Vec::with_capacity(256),
            first: true,
        }
    }

    fn separate(&mut self) {
        if !self.first {
            self.out.push(b',');
        }
        self.first = false;
    }
}

impl Default for JsonSink {
    fn default() -> Self {
        JsonSink::new()
    }
}

impl Sink for JsonSink {
    fn begin_object(&mut self, _layout: usize) {
        self.out.push(b'{');
        self.first = true;
    }
    fn field(&mut self, key: &str) {
        self.separate();
        // Keys are the views' own identifiers: nothing to escape.
        self.out.push(b'"');
        self.out.extend_from_slice(key.as_bytes());
        self.out.extend_from_slice(b"\":");
    }
    fn absent(&mut self) {}
    fn end_object(&mut self) {
        self.out.push(b'}');
        // The enclosing object or array now holds something.
        self.first = false;
    }
    fn begin_array(&mut self, _len: usize) {
        self.out.push(b'[');
        self.first = true;
    }
    fn item(&mut self) {
        self.separate();
    }
    fn end_array(&mut self) {
        self.out.push(b']');
        self.first = false;
    }
    fn text(&mut self, text: &JsonStr) {
        write_str(text, &mut self.out);
    }
    fn made_text(&mut self, text: &str) {
        write_text(text, &mut self.out);
    }
    fn bool(&mut self, value: bool) {
        self.out
            .extend_from_slice(if value { b"true" } else { b"false" });
    }
    fn seconds(&mut self, time: UnixTime) {
        time.write_seconds(&mut self.out);
    }
}

/// What a tape entry is. Each is one number on the tape, then its operands:
///
/// | op | operands | value |
/// |---|---|---|
/// | `Object` | layout | an object with the keys of `LAYOUTS[layout]` (in `layouts`), each followed by its value or `Absent` |
/// | `Array` | n | n values |
/// | `Number` | x | x |
/// | `True`, `False` | | |
/// | `BodyText` | start, end | the body's text from `start` to `end`, in UTF-16 code units |
/// | `SideText` | start, end | the side text's, likewise |
/// | `NumberText` | start, end | the number the side text spells there (as `JSON.parse` reads it) |
/// | `Absent` | | an optional field left out |
/// | `Units` | n, then n numbers | the string of those UTF-16 code units (text with lone surrogates) |
///
/// The reader is `readTape` in `wasm/js/interop.js`.
///
/// Declared once, here: the wasm skin generates the reader's constants
/// (`wasm/js/tape_ops.js`) from [`Op::ALL`].
macro_rules! ops {
    ($($name:ident = $n:literal,)*) => {
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        #[repr(u8)]
        #[allow(missing_docs)] // the table above documents each
        pub enum Op {
            $($name = $n,)*
        }

        impl Op {
            /// Every op with its name, in number order.
            pub const ALL: &'static [(Op, &'static str)] = &[$((Op::$name, stringify!($name)),)*];
        }
    };
}

ops! {
    Object = 0,
    Array = 1,
    Number = 2,
    True = 3,
    False = 4,
    BodyText = 5,
    SideText = 6,
    NumberText = 7,
    Absent = 8,
    Units = 9,
}

/// Derived output as numbers plus one string of the text made here. Text
/// that is a run of the body is written as where it lies in the body's
/// UTF-16 code units (a JavaScript string's indices), so a host that has
/// the body as a string already slices it instead of receiving a copy.
pub struct Tape<'b> {
    /// The entries: each op, then its operands.
    pub ops: Vec<f64>,
    /// Made text, end to end (UTF-8; positions in `ops` count its UTF-16 units).
    pub side: Vec<u8>,
    side_units: usize,
    body: &'b [u8],
    offsets: Offsets<'b>,
}

impl<'b> Tape<'b> {
    /// An empty tape for an event parsed from `body`.
    pub fn new(body: &'b [u8]) -> Tape<'b> {
        Tape {
            ops: Vec::with_capacity(64),
            side: Vec::new(),
            side_units: 0,
            body,
            offsets: Offsets::new(body),
        }
    }

    fn op(&mut self, op: Op) {
        self.ops.push(f64::from(op as u8));
    }

    fn op_with(&mut self, op: Op, operands: &[usize]) {
        self.op(op);
        self.ops.extend(operands.iter().map(|&n| n as f64));
    }

    /// Append `text` to the side text; its UTF-16 start and end there.
    fn side_text(&mut self, text: &[u8]) -> [usize; 2] {
        let start = self.side_units;
        self.side.extend_from_slice(text);
        self.side_units += units_in(text);
        [start, self.side_units]
    }
}

impl Sink for Tape<'_> {
    fn begin_object(&mut self, layout: usize) {
        self.op_with(Op::Object, &[layout]);
    }
    fn field(&mut self, _key: &str) {}
    fn absent(&mut self) {
        self.op(Op::Absent);
    }
    fn end_object(&mut self) {}
    fn begin_array(&mut self, len: usize) {
        self.op_with(Op::Array, &[len]);
    }
    fn item(&mut self) {}
    fn end_array(&mut self) {}
    fn text(&mut self, text: &JsonStr) {
        // Lone surrogates have no UTF-8: their code units cross as numbers
        // (rare: a client that cut an emoji in half).
        if let Some(units) = text.lone_surrogate_units() {
            self.op_with(Op::Units, &[units.len()]);
            self.ops.extend(units.iter().map(|&u| f64::from(u)));
            return;
        }
        let text = text.as_str();
        // Text borrowed from the body lies inside it; comparing addresses
        // is how a slice tells where it came from, no unsafe needed.
        let at = (text.as_ptr() as usize).wrapping_sub(self.body.as_ptr() as usize);
        if at <= self.body.len() && text.len() <= self.body.len() - at {
            let (start, end) = (self.offsets.of(at), self.offsets.of(at + text.len()));
            self.op_with(Op::BodyText, &[start, end]);
        } else {
            self.made_text(text);
        }
    }
    fn made_text(&mut self, text: &str) {
        let place = self.side_text(text.as_bytes());
        self.op_with(Op::SideText, &place);
    }
    fn bool(&mut self, value: bool) {
        self.op(if value { Op::True } else { Op::False });
    }
    fn seconds(&mut self, time: UnixTime) {
        match time.seconds_exactly() {
            Some(seconds) => {
                self.op(Op::Number);
                self.ops.push(seconds);
            }
            None => {
                let mut text = Vec::new();
                time.write_seconds(&mut text);
                let place = self.side_text(&text);
                self.op_with(Op::NumberText, &place);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seconds_are_numbers_unless_a_float_cannot_hold_them_as_parsed() {
        let mut tape = Tape::new(b"");
        tape.seconds(UnixTime::from_millis(1_763_776_803_123).unwrap());
        assert_eq!(tape.ops, [f64::from(Op::Number as u8), 1763776803.123]);
        // Past 2^53 ms the cast would round before the division does: the
        // exact decimal goes as text, for the reader to parse once.
        let mut tape = Tape::new(b"");
        tape.made_text("é");
        tape.seconds(UnixTime::from_millis(9_007_199_254_740_993).unwrap());
        assert_eq!(tape.side, "é9007199254740.993".as_bytes());
        assert_eq!(&tape.ops[3..], [f64::from(Op::NumberText as u8), 1.0, 18.0]);
    }
}
