//! Compact JSON output with every non-ASCII character escaped.
//!
//! ASCII-only text crosses into JavaScript on the decoder's fast path, and
//! `\uXXXX` escapes carry lone surrogates, which UTF-8 cannot.

use std::fmt::Write;

use super::{Json, JsonStr};

pub fn write_json(value: &Json, out: &mut String) {
    match value {
        Json::Null => out.push_str("null"),
        Json::Bool(true) => out.push_str("true"),
        Json::Bool(false) => out.push_str("false"),
        Json::Number(text) => out.push_str(text),
        Json::String(s) => write_str(s, out),
        Json::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_json(item, out);
            }
            out.push(']');
        }
        Json::Object(object) => {
            out.push('{');
            for (i, (key, item)) in object.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_str(key, out);
                out.push(':');
                write_json(item, out);
            }
            out.push('}');
        }
    }
}

pub fn write_str(s: &JsonStr, out: &mut String) {
    out.push('"');
    match &s.utf16 {
        Some(units) => units.iter().for_each(|&u| write_unit(u, out)),
        None => {
            for c in s.as_str().chars() {
                let mut buf = [0u16; 2];
                c.encode_utf16(&mut buf)
                    .iter()
                    .for_each(|&u| write_unit(u, out));
            }
        }
    }
    out.push('"');
}

fn write_unit(unit: u16, out: &mut String) {
    match unit {
        0x22 => out.push_str("\\\""),
        0x5c => out.push_str("\\\\"),
        0x0a => out.push_str("\\n"),
        0x0d => out.push_str("\\r"),
        0x09 => out.push_str("\\t"),
        0x20..=0x7e => out.push(unit as u8 as char),
        _ => {
            // Writing to a String cannot fail.
            let _ = write!(out, "\\u{unit:04x}");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::parse;

    #[test]
    fn output_is_ascii_and_reads_back_the_same() {
        let body =
            "{\"t\":\"h\u{e9}llo \u{1f600} \\\"q\\\" \\u0001 \u{2028}\",\"n\":[1.50,-0,1e400]}";
        let tree = parse(body.as_bytes()).unwrap();
        let out = tree.to_json_string();
        assert!(out.is_ascii(), "{out}");
        assert_eq!(
            out,
            r#"{"t":"h\u00e9llo \ud83d\ude00 \"q\" \u0001 \u2028","n":[1.50,-0,1e400]}"#
        );
        assert_eq!(parse(out.as_bytes()).unwrap(), tree);
    }
}
