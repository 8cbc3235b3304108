//! UTF-8 text as UTF-16 code units: the form a JavaScript engine stores
//! non-ASCII strings in.
//!
//! Why it is here: handing the engine UTF-16 lets it make the string almost
//! at memcpy speed, while its own UTF-8 decoder is several times slower on
//! text full of emoji and non-Latin scripts (js-tests/bench measures both).
//! The input is text the JSON parser has already validated as UTF-8, so it
//! is not checked a second time.

/// Append the UTF-16 code units of `bytes`, which must be valid UTF-8 (as a
/// `&str`'s bytes are). Invalid input gives meaningless units, never a panic.
use crate::prelude::*;

pub fn encode_into(bytes: &[u8], out: &mut Vec<u16>) {
    // Never more code units than UTF-8 bytes: grow once, fill by index (the
    // crate is built for size, which leaves `push` and iterator adapters as
    // calls), then cut to what was written. The spare unit keeps a truncated
    // 4-byte sequence at the very end in bounds.
    let start = out.len();
    out.resize(start + bytes.len() + 1, 0);
    let units = &mut out[start..];
    let (mut i, mut w) = (0, 0);
    while i < bytes.len() {
        let lead = bytes[i];
        if lead < 0x80 {
            units[w] = u16::from(lead);
            i += 1;
            w += 1;
            continue;
        }
        let (mut code, len) = match lead {
            0xc0..=0xdf => (u32::from(lead & 0x1f), 2),
            0xe0..=0xef => (u32::from(lead & 0x0f), 3),
            _ => (u32::from(lead & 0x07), 4),
        };
        let mut k = 1;
        while k < len {
            code = (code << 6) | u32::from(bytes.get(i + k).copied().unwrap_or(0) & 0x3f);
            k += 1;
        }
        if code < 0x1_0000 {
            units[w] = code as u16;
            w += 1;
        } else {
            let c = code - 0x1_0000;
            units[w] = 0xd800 | (c >> 10) as u16;
            units[w + 1] = 0xdc00 | (c & 0x3ff) as u16;
            w += 2;
        }
        i += len;
    }
    out.truncate(start + w);
}

#[cfg(test)]
mod tests {
    use super::encode_into;

    fn encode(bytes: &[u8]) -> Vec<u16> {
        let mut out = vec![7];
        encode_into(bytes, &mut out);
        assert_eq!(out[0], 7, "appends");
        out.split_off(1)
    }

    #[test]
    fn matches_the_standard_library_on_every_kind_of_text() {
        for text in [
            "",
            "a",
            "plain ASCII longer than eight bytes, with \"quotes\"",
            "olá, ¿qué tal? привет नमस्ते مرحبا 你好 こんにちは",
            "👍🏽 👨‍👩‍👧‍👦 🇧🇷 ❤️ \u{10ffff} \u{ffff} \u{800} \u{7ff} \u{80}",
            "12345678é12345678😀",
        ] {
            assert_eq!(encode(text.as_bytes()), text.encode_utf16().collect::<Vec<_>>(), "{text}");
        }
    }

    #[test]
    fn every_scalar_value() {
        let text: String = (0..=0x10ffffu32).filter_map(char::from_u32).collect();
        assert_eq!(encode(text.as_bytes()), text.encode_utf16().collect::<Vec<_>>());
    }

    #[test]
    fn invalid_utf8_never_panics() {
        for bytes in [&b"\xff"[..], b"\xf0\x9f", b"a\xe2\x82", b"\x80\x80", b"\xc3", b"\xf4\x90\x80"] {
            let _ = encode(bytes);
        }
    }
}
