//! Finding a repeated key in a large object in constant time, so a body
//! with many members cannot make parsing quadratic.
//!
//! A small open-addressing table of member positions (FNV-1a over the key's
//! text): a general hash map would carry a randomised hasher and far more
//! code into the wasm, and hash flooding needs a sender who can already
//! sign deliveries, since bodies are parsed only after verification.

use crate::prelude::*;

use super::{Json, JsonStr};

pub(super) struct KeyIndex {
    /// 0 = empty, otherwise 1 + the member's position. Length: a power of two.
    slots: Vec<u32>,
}

impl KeyIndex {
    /// An index over `members`, which hold no repeated key.
    pub(super) fn new(members: &[(JsonStr<'_>, Json<'_>)]) -> KeyIndex {
        let mut index = KeyIndex {
            slots: vec![0; (members.len() * 2).next_power_of_two().max(32)],
        };
        for at in 0..members.len() {
            index.place(members, at);
        }
        index
    }

    /// The position of `key` in `members`, if present.
    pub(super) fn find(
        &self,
        members: &[(JsonStr<'_>, Json<'_>)],
        key: &JsonStr<'_>,
    ) -> Option<usize> {
        let mask = self.slots.len() - 1;
        let mut slot = hash(key) & mask;
        loop {
            let at = (*self.slots.get(slot)?).checked_sub(1)? as usize;
            if members.get(at).is_some_and(|(k, _)| k == key) {
                return Some(at);
            }
            slot = (slot + 1) & mask;
        }
    }

    /// Record that `members[at]` (a new key) was just pushed.
    pub(super) fn add(&mut self, members: &[(JsonStr<'_>, Json<'_>)], at: usize) {
        // Keep at most half the slots full, so probes stay short.
        if 2 * members.len() > self.slots.len() {
            *self = KeyIndex::new(members);
        } else {
            self.place(members, at);
        }
    }

    fn place(&mut self, members: &[(JsonStr<'_>, Json<'_>)], at: usize) {
        let Some((key, _)) = members.get(at) else {
            return;
        };
        let mask = self.slots.len() - 1;
        let mut slot = hash(key) & mask;
        while self.slots.get(slot).is_some_and(|&s| s != 0) {
            slot = (slot + 1) & mask;
        }
        if let Some(s) = self.slots.get_mut(slot) {
            // Bodies are capped far below 4 G members.
            *s = at as u32 + 1;
        }
    }
}

/// FNV-1a. Keys that differ only in lone surrogates share a hash (their
/// text shows U+FFFD for both) and are told apart by the equality check.
fn hash(key: &JsonStr<'_>) -> usize {
    let mut h: u32 = 0x811c_9dc5;
    for &b in key.as_str().as_bytes() {
        h = (h ^ u32::from(b)).wrapping_mul(0x0100_0193);
    }
    h as usize
}

#[cfg(test)]
mod tests {
    use super::super::parse;

    #[test]
    fn large_objects_keep_first_position_and_last_value() {
        // Enough keys to grow the table several times, repeats before and
        // after each growth, and keys that differ only in lone surrogates.
        let mut body = String::from("{");
        for i in 0..3000 {
            body.push_str(&format!("\"k{}\":{i},", i % 1000));
        }
        body.push_str(r#""\ud800":1,"\udc00":2,"\ud800":3,"�":4}"#);
        let tree = parse(body.as_bytes()).unwrap();
        let object = tree.as_object().unwrap();
        assert_eq!(object.len(), 1000 + 3);
        for (i, (key, value)) in object.iter().take(1000).enumerate() {
            assert_eq!(key.as_str(), format!("k{i}"));
            assert_eq!(
                value.as_number_text(),
                Some(format!("{}", 2000 + i).as_str())
            );
        }
        let tail: Vec<_> = object
            .iter()
            .skip(1000)
            .map(|(_, v)| v.as_number_text().unwrap())
            .collect();
        assert_eq!(tail, ["3", "2", "4"]);
    }
}
