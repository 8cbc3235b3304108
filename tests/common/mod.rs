//! Helpers the Rust tests share: reading a `Tape` (src/event/derived.rs)
//! back into JSON text, as `readTape` in src/js/interop.js reads it into
//! objects, and comparing JSON as JavaScript would.

use wasender_webhook::__private::{Op, Tape, LAYOUTS};
use wasender_webhook::json::Json;

/// Structural equality where numbers compare as JavaScript reads them and
/// object member order does not matter.
pub fn same(a: &Json, b: &Json) -> bool {
    match (a, b) {
        (Json::Number(_), Json::Number(_)) => a.as_f64() == b.as_f64(),
        (Json::Array(x), Json::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(p, q)| same(p, q))
        }
        (Json::Object(x), Json::Object(y)) => {
            x.len() == y.len()
                && x.iter()
                    .all(|(k, v)| y.get(k.as_str()).is_some_and(|w| same(v, w)))
        }
        _ => a == b,
    }
}

/// The tape's value as JSON text, and how many of its texts were places in
/// the body. Panics if the tape is malformed: an unknown entry, a place
/// outside the body or the side text, or a place that cuts a character.
pub fn tape_to_json(tape: &Tape, body: &str) -> (String, usize) {
    let mut reader = Reader {
        ops: &tape.ops,
        at: 0,
        body: body.encode_utf16().collect(),
        side: std::str::from_utf8(&tape.side)
            .unwrap()
            .encode_utf16()
            .collect(),
        body_texts: 0,
    };
    let mut out = String::new();
    assert!(reader.value(&mut out), "the top level is absent");
    assert_eq!(reader.at, tape.ops.len(), "the tape holds one value");
    (out, reader.body_texts)
}

struct Reader<'t> {
    ops: &'t [f64],
    at: usize,
    body: Vec<u16>,
    side: Vec<u16>,
    body_texts: usize,
}

impl Reader<'_> {
    fn next(&mut self) -> f64 {
        let n = self.ops[self.at];
        self.at += 1;
        n
    }

    fn index(&mut self) -> usize {
        let n = self.next();
        assert!(n >= 0.0 && n.fract() == 0.0, "not an index: {n}");
        n as usize
    }

    fn place(&mut self, units: &[u16]) -> String {
        let (start, end) = (self.index(), self.index());
        String::from_utf16(&units[start..end]).expect("a place that cuts a character")
    }

    /// Appends the next value; false if it is `Absent`.
    fn value(&mut self, out: &mut String) -> bool {
        let op = self.next();
        let is = |o: Op| op == f64::from(o as u8);
        if is(Op::Object) {
            let layout = LAYOUTS[self.index()];
            out.push('{');
            let mut first = true;
            for key in layout {
                let mut member = String::new();
                if self.value(&mut member) {
                    if !first {
                        out.push(',');
                    }
                    first = false;
                    out.push_str(&serde_json::to_string(key).unwrap());
                    out.push(':');
                    out.push_str(&member);
                }
            }
            out.push('}');
        } else if is(Op::Array) {
            let n = self.index();
            out.push('[');
            for i in 0..n {
                if i > 0 {
                    out.push(',');
                }
                assert!(self.value(out), "an absent array item");
            }
            out.push(']');
        } else if is(Op::Number) {
            let n = self.next();
            out.push_str(&n.to_string());
        } else if is(Op::True) {
            out.push_str("true");
        } else if is(Op::False) {
            out.push_str("false");
        } else if is(Op::BodyText) {
            self.body_texts += 1;
            let body = std::mem::take(&mut self.body);
            out.push_str(&serde_json::to_string(&self.place(&body)).unwrap());
            self.body = body;
        } else if is(Op::SideText) {
            let side = std::mem::take(&mut self.side);
            out.push_str(&serde_json::to_string(&self.place(&side)).unwrap());
            self.side = side;
        } else if is(Op::NumberText) {
            let side = std::mem::take(&mut self.side);
            let text = self.place(&side);
            self.side = side;
            assert!(text.parse::<f64>().is_ok(), "not a number: {text}");
            out.push_str(&text);
        } else if is(Op::Absent) {
            return false;
        } else if is(Op::Units) {
            // Every code unit escaped: JSON for exactly that UTF-16 string.
            let n = self.index();
            out.push('"');
            for _ in 0..n {
                let unit = self.index();
                assert!(unit <= 0xFFFF, "not a code unit: {unit}");
                out.push_str(&format!("\\u{unit:04x}"));
            }
            out.push('"');
        } else {
            panic!("unknown tape entry {op} at {}", self.at - 1);
        }
        true
    }
}
