//! The key layouts of the objects an event's derived output is made of
//! (the top level, then each view's item). The tape names an object by its
//! layout's index here instead of writing its keys; its reader receives
//! [`layouts_json`] once.

use crate::prelude::*;

use super::views::{NormalizedMessage, NormalizedReaction, StatusUpdate};
use crate::json::write_text;

/// The objects derived output is made of, each as its keys in order: the
/// top level, then each view's item.
pub const LAYOUTS: [&[&str]; 4] = [
    DERIVED_KEYS,
    NormalizedMessage::KEYS,
    StatusUpdate::KEYS,
    NormalizedReaction::KEYS,
];

/// The top-level object's layout (index in [`LAYOUTS`]).
pub const DERIVED: usize = 0;
const DERIVED_KEYS: &[&str] = &["event", "timestamp", "view", "value"];

/// [`LAYOUTS`] as JSON, `[["event","timestamp",…],["id",…],…]`: what a
/// tape's reader needs once to know the keys.
pub fn layouts_json() -> String {
    let mut out = Vec::new();
    let mut separator = b'[';
    for keys in LAYOUTS {
        out.push(separator);
        separator = b',';
        let mut key_separator = b'[';
        for key in keys {
            out.push(key_separator);
            key_separator = b',';
            write_text(key, &mut out);
        }
        out.push(b']');
    }
    out.push(b']');
    // The writer emits valid UTF-8 only.
    String::from_utf8(out).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_view_names_its_own_layout() {
        assert_eq!(LAYOUTS[DERIVED], DERIVED_KEYS);
        assert_eq!(LAYOUTS[NormalizedMessage::LAYOUT], NormalizedMessage::KEYS);
        assert_eq!(LAYOUTS[StatusUpdate::LAYOUT], StatusUpdate::KEYS);
        assert_eq!(
            LAYOUTS[NormalizedReaction::LAYOUT],
            NormalizedReaction::KEYS
        );
    }

    #[test]
    fn layouts_json_lists_every_layout_s_keys() {
        let json = layouts_json();
        assert!(
            json.starts_with(r#"[["event","timestamp","view","value"],["id","chatJid","isGroup""#),
            "{json}"
        );
        let parsed = crate::json::parse(json.as_bytes()).unwrap();
        assert_eq!(parsed.as_array().map(|a| a.len()), Some(LAYOUTS.len()));
    }
}
