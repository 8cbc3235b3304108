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
    // calls), then cut to what was written.
    let start = out.len();
    out.resize(start + bytes.len(), 0);
    let units = &mut out[start..];
    let (mut i, mut w) = (0, 0);
    // Slice patterns read each sequence with one length check and no panic
    // path; a truncated sequence at the end (invalid input) stops the loop.
    while let (Some(rest), true) = (bytes.get(i..), w < units.len()) {
        let (unit, len) = match *rest {
            [b0, ..] if b0 < 0x80 => (u32::from(b0), 1),
            [b0, b1, ..] if b0 < 0xe0 => ((u32::from(b0 & 0x1f) << 6) | u32::from(b1 & 0x3f), 2),
            [b0, b1, b2, ..] if b0 < 0xf0 => (
                (u32::from(b0 & 0x0f) << 12) | (u32::from(b1 & 0x3f) << 6) | u32::from(b2 & 0x3f),
                3,
            ),
            [b0, b1, b2, b3, ..] => {
                let c = ((u32::from(b0 & 0x07) << 18)
                    | (u32::from(b1 & 0x3f) << 12)
                    | (u32::from(b2 & 0x3f) << 6)
                    | u32::from(b3 & 0x3f))
                    .wrapping_sub(0x1_0000);
                // A 4-byte sequence is 2 units: the high surrogate here,
                // the low one below.
                units[w] = 0xd800 | ((c >> 10) & 0x3ff) as u16;
                w += 1;
                (0xdc00 | (c & 0x3ff), 4)
            }
            _ => break,
        };
        if let Some(slot) = units.get_mut(w) {
            *slot = unit as u16;
        }
        w += 1;
        i += len;
    }
    out.truncate(start + w.min(bytes.len()));
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
