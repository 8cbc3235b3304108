//! Compact JSON output into a byte sink: UTF-8, or UTF-16LE code units.
//!
//! Why two: JavaScript turns UTF-16LE into a string almost at memcpy speed,
//! while decoding non-ASCII UTF-8 costs several times more; for ASCII text
//! UTF-8 is the fast one. The caller picks per body. Lone surrogates (which
//! neither UTF-8 nor a UTF-16 decoder keeps) are written as `\uXXXX` escapes.

use super::{Json, JsonStr};

/// Where JSON text goes.
pub trait Sink {
    /// ASCII bytes: structure, numbers, escapes.
    fn ascii(&mut self, bytes: &[u8]);
    /// Text that needs no escaping.
    fn text(&mut self, text: &str);
}

/// UTF-8 output.
impl Sink for Vec<u8> {
    fn ascii(&mut self, bytes: &[u8]) {
        self.extend_from_slice(bytes);
    }
    fn text(&mut self, text: &str) {
        self.extend_from_slice(text.as_bytes());
    }
}

/// UTF-16LE output, as bytes.
#[derive(Debug, Default)]
pub struct Utf16Le(pub Vec<u8>);

impl Sink for Utf16Le {
    fn ascii(&mut self, bytes: &[u8]) {
        // Grow once (a memset), then fill every other byte: per-unit pushes
        // were the hot spot of the whole call.
        let start = self.0.len();
        self.0.resize(start + bytes.len() * 2, 0);
        let out = &mut self.0[start..];
        // A plain indexed loop: the crate is built for size, which keeps
        // iterator adapters as calls.
        let mut i = 0;
        while i < bytes.len() {
            out[2 * i] = bytes[i];
            i += 1;
        }
    }
    fn text(&mut self, text: &str) {
        if text.is_ascii() {
            return self.ascii(text.as_bytes());
        }
        // UTF-16 never needs more units than UTF-8 has bytes.
        let start = self.0.len();
        self.0.resize(start + text.len() * 2, 0);
        let out = &mut self.0[start..];
        let mut written = 0;
        for unit in text.encode_utf16() {
            out[written] = unit as u8;
            out[written + 1] = (unit >> 8) as u8;
            written += 2;
        }
        self.0.truncate(start + written);
    }
}

pub fn write_json<S: Sink>(value: &Json, out: &mut S) {
    match value {
        Json::Null => out.ascii(b"null"),
        Json::Bool(true) => out.ascii(b"true"),
        Json::Bool(false) => out.ascii(b"false"),
        Json::Number(text) => out.ascii(text.as_bytes()),
        Json::String(s) => write_str(s, out),
        Json::Array(items) => {
            out.ascii(b"[");
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.ascii(b",");
                }
                write_json(item, out);
            }
            out.ascii(b"]");
        }
        Json::Object(object) => {
            out.ascii(b"{");
            for (i, (key, item)) in object.iter().enumerate() {
                if i > 0 {
                    out.ascii(b",");
                }
                write_str(key, out);
                out.ascii(b":");
                write_json(item, out);
            }
            out.ascii(b"}");
        }
    }
}

/// A quoted string: runs of plain text in one piece, escapes where JSON
/// requires them (quote, backslash, control characters).
pub fn write_str<S: Sink>(s: &JsonStr, out: &mut S) {
    out.ascii(b"\"");
    match &s.utf16 {
        Some(units) => write_units(units, out),
        None => {
            let text = s.as_str();
            let mut run = 0;
            for (i, b) in text.bytes().enumerate() {
                if b == b'"' || b == b'\\' || b < 0x20 {
                    // Delimiters are ASCII, so `run..i` ends on a char boundary.
                    out.text(text.get(run..i).unwrap_or_default());
                    escape(u16::from(b), out);
                    run = i + 1;
                }
            }
            out.text(text.get(run..).unwrap_or_default());
        }
    }
    out.ascii(b"\"");
}

/// A string that holds lone surrogates: pairs become text, lone halves
/// become escapes.
fn write_units<S: Sink>(units: &[u16], out: &mut S) {
    for decoded in char::decode_utf16(units.iter().copied()) {
        match decoded {
            Ok(c) if c == '"' || c == '\\' || (c as u32) < 0x20 => escape(c as u16, out),
            Ok(c) => out.text(c.encode_utf8(&mut [0; 4])),
            Err(lone) => escape(lone.unpaired_surrogate(), out),
        }
    }
}

fn escape<S: Sink>(unit: u16, out: &mut S) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    match unit {
        0x22 => out.ascii(b"\\\""),
        0x5c => out.ascii(b"\\\\"),
        0x0a => out.ascii(b"\\n"),
        0x0d => out.ascii(b"\\r"),
        0x09 => out.ascii(b"\\t"),
        _ => {
            let nibble = |shift: u16| HEX[usize::from((unit >> shift) & 0xf)];
            out.ascii(&[b'\\', b'u', nibble(12), nibble(8), nibble(4), nibble(0)]);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::parse;
    use super::*;

    const BODY: &str = "{\"t\":\"h\u{e9}llo \u{1f600} \\\"q\\\" \\u0001 \u{2028}\",\"lone\":\"a\\ud83db\",\"n\":[1.50,-0,1e400]}";

    #[test]
    fn utf8_output_reads_back_the_same() {
        let tree = parse(BODY.as_bytes()).unwrap();
        let mut out = Vec::new();
        write_json(&tree, &mut out);
        let text = String::from_utf8(out).unwrap();
        assert_eq!(text, "{\"t\":\"h\u{e9}llo \u{1f600} \\\"q\\\" \\u0001 \u{2028}\",\"lone\":\"a\\ud83db\",\"n\":[1.50,-0,1e400]}");
        assert_eq!(parse(text.as_bytes()).unwrap(), tree);
    }

    #[test]
    fn utf16_output_is_the_same_text() {
        let tree = parse(BODY.as_bytes()).unwrap();
        let mut utf8 = Vec::new();
        write_json(&tree, &mut utf8);
        let mut utf16 = Utf16Le::default();
        write_json(&tree, &mut utf16);
        let units: Vec<u16> = utf16.0.chunks(2).map(|p| u16::from_le_bytes([p[0], p[1]])).collect();
        assert_eq!(String::from_utf16(&units).unwrap(), String::from_utf8(utf8).unwrap());
    }
}
