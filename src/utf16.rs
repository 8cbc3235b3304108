//! UTF-16 offsets into UTF-8 text: where a string on the tape handed to
//! JavaScript starts and ends, counted in the units JS strings index by.
//! (The checked UTF-8 to UTF-16 conversion itself lives in the wasm skin,
//! `wasm/src/utf16.rs`: only the JS hand-off needs it.)

/// How many UTF-16 code units valid UTF-8 `bytes` make: one per
/// character, two for those beyond U+FFFF. Counted a u64 word at a time:
/// continuation bytes (`10xxxxxx`) add none, 4-byte leads (`11110xxx`) two.
pub fn units_in(bytes: &[u8]) -> usize {
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    let mut words = bytes.chunks_exact(8);
    let mut units = bytes.len();
    for chunk in &mut words {
        let Ok(word) = <[u8; 8]>::try_from(chunk).map(u64::from_le_bytes) else {
            break;
        };
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
    use super::*;

    #[test]
    fn units_in_counts_like_the_standard_library() {
        let every_scalar: String = (0..=0x10ffffu32).filter_map(char::from_u32).collect();
        assert_eq!(
            units_in(every_scalar.as_bytes()),
            every_scalar.encode_utf16().count()
        );
        for text in ["", "a", "héllo 😀 wörld, привет", "12345678é12345678😀"] {
            assert_eq!(
                units_in(text.as_bytes()),
                text.encode_utf16().count(),
                "{text}"
            );
        }
    }

    #[test]
    fn offsets_agree_with_the_standard_library_in_any_order() {
        let text = "ab é 😀 नमस्ते 👨‍👩‍👧 x 你好 \u{10ffff}!";
        let bounds: Vec<usize> = (0..=text.len())
            .filter(|&i| text.is_char_boundary(i))
            .collect();
        let units = |at: usize| text[..at].encode_utf16().count();
        let mut offsets = super::Offsets::new(text.as_bytes());
        // Ascending, then descending, then jumping about (near and far from
        // the places it last answered).
        let jumps: Vec<usize> = (0..bounds.len())
            .map(|i| bounds[i * 7 % bounds.len()])
            .collect();
        let order = bounds
            .iter()
            .chain(bounds.iter().rev())
            .chain(bounds.iter().step_by(3).rev())
            .chain(&jumps);
        for &at in order {
            assert_eq!(offsets.of(at), units(at), "at byte {at}");
        }
        let mut ascii = super::Offsets::new(b"plain ascii");
        assert_eq!(ascii.of(7), 7);
    }
}
