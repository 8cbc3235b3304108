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

/// How many UTF-16 code units valid UTF-8 `bytes` make: one per
/// character, two for those beyond U+FFFF. Counted a u64 word at a time:
/// continuation bytes (`10xxxxxx`) add none, 4-byte leads (`11110xxx`) two.
pub fn units_in(bytes: &[u8]) -> usize {
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    let mut words = bytes.chunks_exact(8);
    let mut units = bytes.len();
    for chunk in &mut words {
        let Ok(word) = <[u8; 8]>::try_from(chunk).map(u64::from_le_bytes) else { break };
        // Each byte's bit 7 and, shifted up to it, its bits 6, 5 and 4.
        let continuations = word & !(word << 1) & HIGHS;
        let four_byte_leads = word & (word << 1) & (word << 2) & (word << 3) & HIGHS;
        units = units - continuations.count_ones() as usize + four_byte_leads.count_ones() as usize;
    }
    for &b in words.remainder() {
        units = units - usize::from(b & 0xc0 == 0x80) + usize::from(b >= 0xf0);
    }
    units
}

/// UTF-16 offsets of byte offsets into valid UTF-8, each counted from the
/// one asked before (forwards or back) or from the start, whichever is
/// closer: callers that ask in nearly ascending order, as views walk a
/// body, count each byte about once.
pub struct Offsets<'b> {
    bytes: &'b [u8],
    ascii: bool,
    byte: usize,
    unit: usize,
}

impl<'b> Offsets<'b> {
    pub fn new(bytes: &'b [u8]) -> Offsets<'b> {
        Offsets {
            bytes,
            ascii: bytes.is_ascii(),
            byte: 0,
            unit: 0,
        }
    }

    /// The UTF-16 offset of byte offset `at` (a character boundary).
    pub fn of(&mut self, at: usize) -> usize {
        if self.ascii {
            return at;
        }
        if at < self.byte && at < self.byte - at {
            // Closer to the start than to the last offset asked: count from there.
            (self.byte, self.unit) = (0, 0);
        }
        if at >= self.byte {
            self.unit += units_in(self.bytes.get(self.byte..at).unwrap_or_default());
        } else {
            self.unit -= units_in(self.bytes.get(at..self.byte).unwrap_or_default());
        }
        self.byte = at;
        self.unit
    }
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
        assert_eq!(super::units_in(text.as_bytes()), text.encode_utf16().count());
    }

    #[test]
    fn offsets_agree_with_the_standard_library_in_any_order() {
        let text = "ab é 😀 नमस्ते 👨‍👩‍👧 x 你好 \u{10ffff}!";
        let bounds: Vec<usize> = (0..=text.len()).filter(|&i| text.is_char_boundary(i)).collect();
        let units = |at: usize| text[..at].encode_utf16().count();
        let mut offsets = super::Offsets::new(text.as_bytes());
        // Ascending, then descending, then jumping about.
        let order = bounds.iter().chain(bounds.iter().rev()).chain(bounds.iter().step_by(3).rev());
        for &at in order {
            assert_eq!(offsets.of(at), units(at), "at byte {at}");
        }
        let mut ascii = super::Offsets::new(b"plain ascii");
        assert_eq!(ascii.of(7), 7);
    }

    #[test]
    fn invalid_utf8_never_panics() {
        for bytes in [&b"\xff"[..], b"\xf0\x9f", b"a\xe2\x82", b"\x80\x80", b"\xc3", b"\xf4\x90\x80"] {
            let _ = encode(bytes);
        }
    }
}
