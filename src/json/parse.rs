//! A strict RFC 8259 parser with JSON.parse's semantics (see the module above).

use crate::prelude::*;
use core::fmt;

use super::key_index::KeyIndex;
use super::scan::plain_run;
use super::{Json, JsonStr, Object};

/// Nesting deeper than this is refused: no real delivery comes close, and
/// the limit keeps recursion bounded on the wasm stack.
pub const MAX_DEPTH: usize = 128;

/// Objects with more members than this get a hash index to find repeated
/// keys, so a hostile body cannot make insertion quadratic.
const INDEX_OBJECTS_OVER: usize = 16;

/// Why a body is not JSON, and where (a byte offset; never the content).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError {
    /// The byte offset of the first byte that does not fit.
    pub offset: usize,
    /// What was expected there, in words.
    pub reason: &'static str,
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.describe())
    }
}

impl ParseError {
    /// "unexpected end of input in an array at byte 17"
    pub fn describe(&self) -> String {
        [self.reason, " at byte ", &decimal(self.offset as u64)].concat()
    }
}

/// Parse a whole document. Leading and trailing JSON whitespace is allowed;
/// anything else after the value is an error.
///
/// # Errors
///
/// The byte offset of the first byte that is not JSON, and why.
pub fn parse(bytes: &[u8]) -> Result<Json<'_>, ParseError> {
    let text = core::str::from_utf8(bytes).map_err(|e| ParseError {
        offset: e.valid_up_to(),
        reason: "invalid UTF-8",
    })?;
    parse_text(text)
}

/// [`parse`] for text already known to be UTF-8.
///
/// # Errors
///
/// As [`parse`].
pub fn parse_text(text: &str) -> Result<Json<'_>, ParseError> {
    let mut p = Parser {
        s: text.as_bytes(),
        text,
        pos: 0,
    };
    p.skip_ws();
    let value = p.value(0)?;
    p.skip_ws();
    if p.pos != p.s.len() {
        return Err(p.error("unexpected data after the JSON value"));
    }
    Ok(value)
}

struct Parser<'a> {
    s: &'a [u8],
    text: &'a str,
    pos: usize,
}

impl<'a> Parser<'a> {
    fn error(&self, reason: &'static str) -> ParseError {
        ParseError {
            offset: self.pos,
            reason,
        }
    }

    /// The text between two offsets. They always fall on ASCII delimiters
    /// (so on char boundaries); `get` instead of indexing keeps the panic
    /// path, and its formatting code, out of the wasm.
    fn slice(&self, from: usize, to: usize) -> &'a str {
        self.text.get(from..to).unwrap_or_default()
    }

    fn peek(&self) -> Option<u8> {
        self.s.get(self.pos).copied()
    }

    fn skip_ws(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.peek() {
            self.pos += 1;
        }
    }

    fn expect_literal(&mut self, literal: &[u8], value: Json<'a>) -> Result<Json<'a>, ParseError> {
        if self.s[self.pos..].starts_with(literal) {
            self.pos += literal.len();
            Ok(value)
        } else {
            Err(self.error("invalid literal"))
        }
    }

    fn value(&mut self, depth: usize) -> Result<Json<'a>, ParseError> {
        match self.peek() {
            Some(b'{') => self.object(depth + 1),
            Some(b'[') => self.array(depth + 1),
            Some(b'"') => self.string().map(Json::String),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(b't') => self.expect_literal(b"true", Json::Bool(true)),
            Some(b'f') => self.expect_literal(b"false", Json::Bool(false)),
            Some(b'n') => self.expect_literal(b"null", Json::Null),
            Some(_) => Err(self.error("expected a JSON value")),
            None => Err(self.error("unexpected end of input")),
        }
    }

    fn array(&mut self, depth: usize) -> Result<Json<'a>, ParseError> {
        if depth > MAX_DEPTH {
            return Err(self.error("nested too deeply"));
        }
        self.pos += 1; // [
        let mut items = Vec::new();
        self.skip_ws();
        if self.peek() == Some(b']') {
            self.pos += 1;
            return Ok(Json::Array(items));
        }
        loop {
            self.skip_ws();
            items.push(self.value(depth)?);
            self.skip_ws();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b']') => {
                    self.pos += 1;
                    return Ok(Json::Array(items));
                }
                Some(_) => return Err(self.error("expected ',' or ']' in an array")),
                None => return Err(self.error("unexpected end of input in an array")),
            }
        }
    }

    fn object(&mut self, depth: usize) -> Result<Json<'a>, ParseError> {
        if depth > MAX_DEPTH {
            return Err(self.error("nested too deeply"));
        }
        self.pos += 1; // {
        let mut object = Object::new();
        // Built only for large objects: key → position in `members`.
        let mut index: Option<KeyIndex> = None;
        self.skip_ws();
        if self.peek() == Some(b'}') {
            self.pos += 1;
            return Ok(Json::Object(object));
        }
        loop {
            self.skip_ws();
            if self.peek() != Some(b'"') {
                return Err(self.error("expected a string key in an object"));
            }
            let key = self.string()?;
            self.skip_ws();
            if self.peek() != Some(b':') {
                return Err(self.error("expected ':' after an object key"));
            }
            self.pos += 1;
            self.skip_ws();
            let value = self.value(depth)?;
            insert_member(&mut object, &mut index, key, value);
            self.skip_ws();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b'}') => {
                    self.pos += 1;
                    return Ok(Json::Object(object));
                }
                Some(_) => return Err(self.error("expected ',' or '}' in an object")),
                None => return Err(self.error("unexpected end of input in an object")),
            }
        }
    }

    fn number(&mut self) -> Result<Json<'a>, ParseError> {
        let start = self.pos;
        if self.peek() == Some(b'-') {
            self.pos += 1;
        }
        match self.peek() {
            Some(b'0') => self.pos += 1,
            Some(b'1'..=b'9') => self.digits(),
            _ => return Err(self.error("invalid number")),
        }
        if self.peek() == Some(b'.') {
            self.pos += 1;
            if !matches!(self.peek(), Some(b'0'..=b'9')) {
                return Err(self.error("invalid number: a digit must follow '.'"));
            }
            self.digits();
        }
        if let Some(b'e' | b'E') = self.peek() {
            self.pos += 1;
            if let Some(b'+' | b'-') = self.peek() {
                self.pos += 1;
            }
            if !matches!(self.peek(), Some(b'0'..=b'9')) {
                return Err(self.error("invalid number: a digit must follow the exponent"));
            }
            self.digits();
        }
        Ok(Json::Number(self.slice(start, self.pos)))
    }

    fn digits(&mut self) {
        while let Some(b'0'..=b'9') = self.peek() {
            self.pos += 1;
        }
    }

    /// A string starting at the opening quote. The common case (no escapes)
    /// borrows a slice of the body; escapes are decoded to UTF-16 code units so a lone
    /// surrogate survives exactly as JSON.parse keeps it.
    fn string(&mut self) -> Result<JsonStr<'a>, ParseError> {
        self.pos += 1; // opening quote
        let start = self.pos;
        self.pos += plain_run(self.s.get(start..).unwrap_or_default());
        match self.peek() {
            Some(b'"') => {
                let s = self.slice(start, self.pos);
                self.pos += 1;
                Ok(JsonStr::from(s))
            }
            Some(b'\\') => self.escaped_string(start),
            Some(_) => Err(self.error("control character in a string")),
            None => Err(self.error("unterminated string")),
        }
    }

    fn escaped_string(&mut self, start: usize) -> Result<JsonStr<'a>, ParseError> {
        let mut units: Vec<u16> = self.slice(start, self.pos).encode_utf16().collect();
        loop {
            match self.peek() {
                Some(b'"') => {
                    self.pos += 1;
                    break;
                }
                Some(b'\\') => {
                    self.pos += 1;
                    let unit = match self.peek() {
                        Some(b'"') => u16::from(b'"'),
                        Some(b'\\') => u16::from(b'\\'),
                        Some(b'/') => u16::from(b'/'),
                        Some(b'b') => 0x08,
                        Some(b'f') => 0x0c,
                        Some(b'n') => u16::from(b'\n'),
                        Some(b'r') => u16::from(b'\r'),
                        Some(b't') => u16::from(b'\t'),
                        Some(b'u') => {
                            let hex = self
                                .s
                                .get(self.pos + 1..self.pos + 5)
                                .ok_or_else(|| self.error("truncated \\u escape"))?;
                            let hex = core::str::from_utf8(hex)
                                .map_err(|_| self.error("invalid \\u escape"))?;
                            if !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
                                return Err(self.error("invalid \\u escape"));
                            }
                            self.pos += 4;
                            u16::from_str_radix(hex, 16)
                                .map_err(|_| self.error("invalid \\u escape"))?
                        }
                        _ => return Err(self.error("invalid escape")),
                    };
                    self.pos += 1;
                    units.push(unit);
                }
                Some(0x00..=0x1f) => return Err(self.error("control character in a string")),
                Some(_) => {
                    // Copy the run of plain characters up to the next quote or escape.
                    let run_start = self.pos;
                    self.pos += plain_run(self.s.get(run_start..).unwrap_or_default());
                    units.extend(self.slice(run_start, self.pos).encode_utf16());
                }
                None => return Err(self.error("unterminated string")),
            }
        }
        Ok(match String::from_utf16(&units) {
            Ok(text) => JsonStr::from(text),
            Err(_) => JsonStr::from_utf16(units),
        })
    }
}

fn insert_member<'a>(
    object: &mut Object<'a>,
    index: &mut Option<KeyIndex>,
    key: JsonStr<'a>,
    value: Json<'a>,
) {
    let Some(index) = index else {
        object.insert(key, value);
        if object.len() > INDEX_OBJECTS_OVER {
            *index = Some(KeyIndex::new(object.members_mut()));
        }
        return;
    };
    match index.find(object.members_mut(), &key) {
        Some(at) => {
            if let Some(member) = object.members_mut().get_mut(at) {
                member.1 = value;
            }
        }
        None => {
            object.push_unique(key, value);
            let members = object.members_mut();
            index.add(members, members.len() - 1);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(s: &str) -> Json<'_> {
        parse(s.as_bytes()).unwrap_or_else(|e| panic!("{s:?}: {e}"))
    }

    #[test]
    fn scalars_and_containers() {
        assert_eq!(ok(" null "), Json::Null);
        assert_eq!(ok("true"), Json::Bool(true));
        assert_eq!(ok("-0.5e+10"), Json::Number("-0.5e+10"));
        assert_eq!(ok(r#""a\u00e9\n""#).as_str(), Some("aé\n"));
        assert_eq!(ok("[1,[],{}]").as_array().map(<[Json]>::len), Some(3));
    }

    #[test]
    fn lone_surrogates_are_kept_as_code_units() {
        let v = ok(r#""x\ud83dy""#);
        let Json::String(s) = &v else { panic!() };
        assert!(s.has_lone_surrogates());
        assert_eq!(s.as_str(), "x\u{fffd}y");
        assert_eq!(v.to_json_string(), r#""x\ud83dy""#);
        // A proper pair is just text.
        assert_eq!(ok(r#""\ud83d\ude00""#).as_str(), Some("😀"));
    }

    #[test]
    fn duplicate_keys_keep_first_position_and_last_value() {
        let v = ok(r#"{"a":1,"b":2,"a":3}"#);
        assert_eq!(v.to_json_string(), r#"{"a":3,"b":2}"#);
        // However the key is spelled: borrowed, escaped, or with the same
        // lone surrogate; a lone surrogate is not the U+FFFD it shows as.
        let v = ok(r#"{"a":1,"\u0061":2,"\ud800":3,"\ud800":4,"\ufffd":5}"#);
        assert_eq!(v.to_json_string(), "{\"a\":2,\"\\ud800\":4,\"\u{fffd}\":5}");
        // The same through the hash index of a large object.
        let mut body = String::from("{");
        for i in 0..40 {
            body.push_str(&format!("\"k{i}\":{i},"));
        }
        body.push_str("\"k3\":\"last\"}");
        let v = ok(&body);
        assert_eq!(v.as_object().unwrap().len(), 40);
        assert_eq!(v.get("k3").and_then(Json::as_str), Some("last"));
        assert_eq!(v.as_object().unwrap().keys().nth(3), Some("k3"));
    }

    #[test]
    fn malformed_input_is_refused_with_an_offset() {
        for bad in [
            "",
            "{",
            "[1,]",
            "{\"a\" 1}",
            "01",
            "1.",
            "-",
            "\"\t\"",
            "[1] x",
            "tru",
            "\"\\x\"",
            "\"\\u12\"",
            "{1:2}",
            "NaN",
        ] {
            assert!(parse(bad.as_bytes()).is_err(), "{bad:?}");
        }
        assert_eq!(parse(b"[1, \xff]").unwrap_err().reason, "invalid UTF-8");
        assert_eq!(parse(b"[1,]").unwrap_err().offset, 3);
    }

    #[test]
    fn depth_is_bounded() {
        let deep_ok = "[".repeat(MAX_DEPTH) + &"]".repeat(MAX_DEPTH);
        assert!(parse(deep_ok.as_bytes()).is_ok());
        let too_deep = "[".repeat(MAX_DEPTH + 1) + &"]".repeat(MAX_DEPTH + 1);
        assert_eq!(
            parse(too_deep.as_bytes()).unwrap_err().reason,
            "nested too deeply"
        );
        let hostile = "{\"a\":".repeat(100_000);
        assert!(parse(hostile.as_bytes()).is_err());
    }
}
