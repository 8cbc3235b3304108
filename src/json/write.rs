//! Compact JSON output, UTF-8. Lone surrogates (which UTF-8 cannot hold)
//! are written as `\uXXXX` escapes, so the text reads back as the same tree.

use super::scan::plain_run;
use super::{Json, JsonStr};
use crate::prelude::*;

type Sink = Vec<u8>;

/// `value` as compact JSON text, strings escaped as `JSON.stringify` would
/// (lone surrogates as `\uXXXX`).
pub fn write_json(value: &Json, out: &mut Sink) {
    match value {
        Json::Null => out.extend_from_slice(b"null"),
        Json::Bool(true) => out.extend_from_slice(b"true"),
        Json::Bool(false) => out.extend_from_slice(b"false"),
        Json::Number(text) => out.extend_from_slice(text.as_bytes()),
        Json::String(s) => write_str(s, out),
        Json::Array(items) => {
            out.extend_from_slice(b"[");
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.extend_from_slice(b",");
                }
                write_json(item, out);
            }
            out.extend_from_slice(b"]");
        }
        Json::Object(object) => {
            out.extend_from_slice(b"{");
            for (i, (key, item)) in object.iter().enumerate() {
                if i > 0 {
                    out.extend_from_slice(b",");
                }
                write_str(key, out);
                out.extend_from_slice(b":");
                write_json(item, out);
            }
            out.extend_from_slice(b"}");
        }
    }
}

/// A quoted string: runs of plain text in one piece, escapes where JSON
/// requires them (quote, backslash, control characters).
pub fn write_str(s: &JsonStr, out: &mut Sink) {
    match &s.utf16 {
        Some(units) => {
            out.push(b'"');
            write_units(units, out);
            out.push(b'"');
        }
        None => write_text(s.as_str(), out),
    }
}

/// A quoted string from plain text (no lone surrogates to keep).
pub fn write_text(text: &str, out: &mut Sink) {
    out.push(b'"');
    let mut rest = text.as_bytes();
    loop {
        let run = plain_run(rest);
        out.extend_from_slice(rest.get(..run).unwrap_or_default());
        match rest.get(run) {
            Some(&special) => escape(u16::from(special), out),
            None => break,
        }
        rest = rest.get(run + 1..).unwrap_or_default();
    }
    out.push(b'"');
}

/// A string that holds lone surrogates: pairs become text, lone halves
/// become escapes.
fn write_units(units: &[u16], out: &mut Sink) {
    for decoded in char::decode_utf16(units.iter().copied()) {
        match decoded {
            Ok(c) if c == '"' || c == '\\' || (c as u32) < 0x20 => escape(c as u16, out),
            Ok(c) => out.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes()),
            Err(lone) => escape(lone.unpaired_surrogate(), out),
        }
    }
}

fn escape(unit: u16, out: &mut Sink) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    match unit {
        0x22 => out.extend_from_slice(b"\\\""),
        0x5c => out.extend_from_slice(b"\\\\"),
        0x0a => out.extend_from_slice(b"\\n"),
        0x0d => out.extend_from_slice(b"\\r"),
        0x09 => out.extend_from_slice(b"\\t"),
        _ => {
            let nibble = |shift: u16| HEX[usize::from((unit >> shift) & 0xf)];
            out.extend_from_slice(&[b'\\', b'u', nibble(12), nibble(8), nibble(4), nibble(0)]);
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
}
