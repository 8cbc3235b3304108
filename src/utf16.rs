//! UTF-8 text as UTF-16 code units: the form a JavaScript engine stores
//! non-ASCII strings in.
//!
//! Why it is here: handing the engine UTF-16 lets it make the string almost
//! at memcpy speed, while its own UTF-8 decoder is several times slower on
//! text full of emoji and non-Latin scripts (js-tests/bench measures both).
//! The body is checked as UTF-8 in the same pass that converts it: checking
//! first (`core::str::from_utf8`) and converting after took 10–15 % more of
//! a delivery's time from 4 KB up.

use crate::prelude::*;

/// `bytes` as text if they are valid UTF-8, checked in the same pass that
/// appends its UTF-16 code units to `out` (one pass over the body where
/// checking and then converting took two); ASCII, which needs no units,
/// leaves `out` as it was.
pub fn checked_utf16<'a>(bytes: &'a [u8], out: &mut Vec<u16>) -> Option<&'a str> {
    if !bytes.is_ascii() {
        convert_checked(bytes, out)?;
    }
    debug_assert!(core::str::from_utf8(bytes).is_ok());
    // SAFETY: ASCII is UTF-8, and anything else passed `convert_checked`,
    // which accepts only well-formed sequences (tests compare it with
    // `core::str::from_utf8` on every sequence of up to three bytes and on
    // four-byte ones at every range edge).
    Some(unsafe { core::str::from_utf8_unchecked(bytes) })
}

/// Append the UTF-16 code units of `bytes`, or `None` (and nothing
/// appended) at the first byte not in a well-formed UTF-8 sequence.
///
/// One character per step, branching on its lead byte, except that after
/// an ASCII byte the ASCII that follows is taken 8 bytes at a time while
/// it lasts (keys, ids and numbers in a delivery; the words' spaces in
/// other scripts, where the 8-byte test fails at once and costs little).
/// Measured in wasm against the byte-at-a-time loop it replaced: 0.5× the
/// time at 0.4 KB, 0.9× at 4 KB, 0.7–0.9× from 64 KB up (BENCHMARKS.md).
fn convert_checked(bytes: &[u8], out: &mut Vec<u16>) -> Option<()> {
    let start = out.len();
    // Room for the worst case (one unit per byte), not zero-filled first:
    // the units are written once, in order, and only those are kept.
    out.reserve(bytes.len());
    let spare = out.spare_capacity_mut();
    let room = spare.len();
    // Never more units than bytes: `w` never passes `i`, so every write
    // has its slot; the `get`s below only keep a bounds check from
    // becoming a panic path.
    let units = spare.get_mut(..bytes.len()).unwrap_or_default();
    let tail = |b: u8| b & 0xc0 == 0x80;
    let (mut i, mut w) = (0, 0);
    while let Some(&b0) = bytes.get(i) {
        // The well-formed sequences of the Unicode Standard's table 3-7:
        // the second byte's range excludes overlong forms, surrogates and
        // anything beyond U+10FFFF.
        let unit = if b0 < 0x80 {
            if let Some(slot) = units.get_mut(w) {
                slot.write(u16::from(b0));
            }
            (i, w) = (i + 1, w + 1);
            while let (Some(eight), Some(slots)) = (bytes.get(i..i + 8), units.get_mut(w..w + 8)) {
                let Ok(word) = <[u8; 8]>::try_from(eight).map(u64::from_le_bytes) else { break };
                if word & 0x8080_8080_8080_8080 != 0 {
                    break;
                }
                for (slot, &b) in slots.iter_mut().zip(eight) {
                    slot.write(u16::from(b));
                }
                (i, w) = (i + 8, w + 8);
            }
            continue;
        } else if b0 < 0xe0 {
            let &[b1] = bytes.get(i + 1..i + 2)? else { return None };
            if b0 < 0xc2 || !tail(b1) {
                return None;
            }
            i += 2;
            (u32::from(b0 & 0x1f) << 6) | u32::from(b1 & 0x3f)
        } else if b0 < 0xf0 {
            let &[b1, b2] = bytes.get(i + 1..i + 3)? else { return None };
            let b1_ok = match b0 {
                0xe0 => (0xa0..=0xbf).contains(&b1),
                0xed => (0x80..=0x9f).contains(&b1),
                _ => tail(b1),
            };
            if !b1_ok || !tail(b2) {
                return None;
            }
            i += 3;
            (u32::from(b0 & 0x0f) << 12) | (u32::from(b1 & 0x3f) << 6) | u32::from(b2 & 0x3f)
        } else {
            let &[b1, b2, b3] = bytes.get(i + 1..i + 4)? else { return None };
            let b1_ok = match b0 {
                0xf0 => (0x90..=0xbf).contains(&b1),
                0xf1..=0xf3 => tail(b1),
                0xf4 => (0x80..=0x8f).contains(&b1),
                _ => false,
            };
            if !b1_ok || !tail(b2) || !tail(b3) {
                return None;
            }
            i += 4;
            let c = ((u32::from(b0 & 0x07) << 18)
                | (u32::from(b1 & 0x3f) << 12)
                | (u32::from(b2 & 0x3f) << 6)
                | u32::from(b3 & 0x3f))
                - 0x1_0000;
            // Beyond U+FFFF: the high surrogate here, the low one below.
            if let Some(slot) = units.get_mut(w) {
                slot.write(0xd800 | (c >> 10) as u16);
            }
            w += 1;
            0xdc00 | (c & 0x3ff)
        };
        if let Some(slot) = units.get_mut(w) {
            slot.write(unit as u16);
        }
        w += 1;
    }
    // SAFETY: each step writes slot w (when it is among `units`, which it
    // always is: w never passes the bytes read) and then counts it, so
    // every slot below min(w, room) is written.
    unsafe { out.set_len(start + w.min(room)) };
    Some(())
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
/// closest of the last few answered (forwards or back) or from the start.
/// Views ask in nearly ascending order, with detours: a message's sender
/// name lies after its text in the body but is asked for before it. Three
/// recent places keep one from before the detour, so each byte is counted
/// about once, not three times over the text (one place was all it kept).
pub struct Offsets<'b> {
    bytes: &'b [u8],
    ascii: bool,
    /// Recent (byte offset, UTF-16 offset) pairs; the oldest is replaced.
    known: [(usize, usize); 3],
    oldest: usize,
}

impl<'b> Offsets<'b> {
    pub fn new(bytes: &'b [u8]) -> Offsets<'b> {
        Offsets {
            bytes,
            ascii: bytes.is_ascii(),
            known: [(0, 0); 3],
            oldest: 0,
        }
    }

    /// The UTF-16 offset of byte offset `at` (a character boundary).
    pub fn of(&mut self, at: usize) -> usize {
        if self.ascii {
            return at;
        }
        // The start is always known; otherwise the closest recent place.
        let mut from: (usize, usize) = (0, 0);
        for &place in &self.known {
            if place.0.abs_diff(at) < from.0.abs_diff(at) {
                from = place;
            }
        }
        let (byte, unit) = from;
        if byte == at {
            return unit;
        }
        let unit = if at > byte {
            unit + units_in(self.bytes.get(byte..at).unwrap_or_default())
        } else {
            unit - units_in(self.bytes.get(at..byte).unwrap_or_default())
        };
        if let Some(slot) = self.known.get_mut(self.oldest) {
            *slot = (at, unit);
        }
        self.oldest = (self.oldest + 1) % self.known.len();
        unit
    }
}

#[cfg(test)]
mod tests {
    use super::checked_utf16;

    /// `checked_utf16` must agree with the standard library exactly: the
    /// same verdict on every input, and the same code units when valid.
    fn agrees_with_std(bytes: &[u8], out: &mut Vec<u16>) {
        out.clear();
        out.push(7);
        let text = checked_utf16(bytes, out);
        assert_eq!(out[0], 7, "appends");
        match core::str::from_utf8(bytes) {
            Ok(expected) => {
                assert_eq!(text, Some(expected), "{bytes:x?}");
                if !bytes.is_ascii() {
                    assert!(out[1..].iter().copied().eq(expected.encode_utf16()), "{bytes:x?}");
                } else {
                    assert_eq!(out.len(), 1, "no units for ASCII");
                }
            }
            Err(_) => {
                assert_eq!(text, None, "{bytes:x?}");
                assert_eq!(out.len(), 1, "nothing left behind: {bytes:x?}");
            }
        }
    }

    #[test]
    fn every_text_kind_converts_like_the_standard_library() {
        let mut out = Vec::new();
        for text in [
            "",
            "a",
            "plain ASCII longer than eight bytes, with \"quotes\"",
            "olá, ¿qué tal? привет नमस्ते مرحبا 你好 こんにちは",
            "👍🏽 👨‍👩‍👧‍👦 🇧🇷 ❤️ \u{10ffff} \u{ffff} \u{800} \u{7ff} \u{80}",
            "12345678é12345678😀",
        ] {
            agrees_with_std(text.as_bytes(), &mut out);
        }
        let every_scalar: String = (0..=0x10ffffu32).filter_map(char::from_u32).collect();
        agrees_with_std(every_scalar.as_bytes(), &mut out);
        assert_eq!(super::units_in(every_scalar.as_bytes()), every_scalar.encode_utf16().count());
    }

    /// The `unsafe` in `checked_utf16` rests on this: every byte sequence
    /// of up to three bytes, and every four-byte one whose last two bytes
    /// are at or next to a range boundary, gets the standard library's verdict,
    /// alone and between ASCII (so truncated sequences are met mid-text too).
    #[test]
    fn every_short_sequence_gets_the_standard_librarys_verdict() {
        let mut out = Vec::new();
        let mut framed = Vec::new();
        let mut check = |seq: &[u8]| {
            agrees_with_std(seq, &mut out);
            framed.clear();
            framed.push(b'a');
            framed.extend_from_slice(seq);
            framed.push(b'z');
            agrees_with_std(&framed, &mut out);
        };
        for b0 in 0..=255u8 {
            check(&[b0]);
            for b1 in 0..=255u8 {
                check(&[b0, b1]);
                for b2 in 0..=255u8 {
                    check(&[b0, b1, b2]);
                }
            }
        }
        let edges = [0x00, 0x7f, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0, 0xff];
        for b0 in 0xc0..=0xffu8 {
            for b1 in 0..=255u8 {
                for b2 in edges {
                    for b3 in edges {
                        check(&[b0, b1, b2, b3]);
                    }
                }
            }
        }
    }

    /// The converter takes ASCII 8 bytes at a time after an ASCII byte: a
    /// sequence (well-formed or not, whole or cut short) must get the same
    /// verdict and units whatever run of ASCII comes before it (every length
    /// up to beyond two blocks) and whatever follows.
    #[test]
    fn sequences_after_ascii_runs_of_every_length() {
        let edges = [0x00, 0x41, 0x7f, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0, 0xc1, 0xc2, 0xdf, 0xe0, 0xed, 0xef, 0xf0, 0xf4, 0xf5, 0xff];
        let mut sequences: Vec<Vec<u8>> = Vec::new();
        for b0 in edges {
            sequences.push(vec![b0]);
            for b1 in edges {
                sequences.push(vec![b0, b1]);
                for b2 in edges {
                    sequences.push(vec![b0, b1, b2]);
                    sequences.push(vec![b0, b1, b2, 0x80]);
                    sequences.push(vec![b0, b1, b2, 0xbf]);
                }
            }
        }
        sequences.extend(["é", "✅", "😀", "é😀✅ab"].map(|s| s.as_bytes().to_vec()));
        let mut out = Vec::new();
        let mut text = Vec::new();
        for sequence in &sequences {
            for before in 0..=18 {
                for after in [0, 1, 7, 8, 9, 17] {
                    text.clear();
                    text.extend((0..before).map(|k| b'a' + (k % 26) as u8));
                    text.extend_from_slice(sequence);
                    text.extend((0..after).map(|k| b'0' + (k % 10) as u8));
                    agrees_with_std(&text, &mut out);
                }
            }
        }
    }

    #[test]
    fn offsets_agree_with_the_standard_library_in_any_order() {
        let text = "ab é 😀 नमस्ते 👨‍👩‍👧 x 你好 \u{10ffff}!";
        let bounds: Vec<usize> = (0..=text.len()).filter(|&i| text.is_char_boundary(i)).collect();
        let units = |at: usize| text[..at].encode_utf16().count();
        let mut offsets = super::Offsets::new(text.as_bytes());
        // Ascending, then descending, then jumping about (near and far from
        // the places it last answered).
        let jumps: Vec<usize> = (0..bounds.len()).map(|i| bounds[i * 7 % bounds.len()]).collect();
        let order = bounds.iter().chain(bounds.iter().rev()).chain(bounds.iter().step_by(3).rev()).chain(&jumps);
        for &at in order {
            assert_eq!(offsets.of(at), units(at), "at byte {at}");
        }
        let mut ascii = super::Offsets::new(b"plain ascii");
        assert_eq!(ascii.of(7), 7);
    }
}
