//! The tape reader's op numbers for JavaScript, generated from the core's
//! `Op` (their one definition) into `wasm/js/interop.js`, between its
//! `BEGIN tape ops` and `END tape ops` markers. The file is committed as
//! generated (the wasm tests load the JS snippets as they are), and a test
//! here fails while it is stale.

use crate::prelude::*;
use wasender_webhook::__private::Op;

const BEGIN: &str = "// BEGIN tape ops\n";
const END: &str = "// END tape ops\n";

/// The constants, one `const NAME = n;` per op.
pub fn tape_ops_js() -> String {
    let mut out = String::new();
    for (op, name) in Op::ALL {
        out.push_str("const ");
        out.push_str(&screaming_snake(name));
        out.push_str(" = ");
        out.push_str(&(*op as u8).to_string());
        out.push_str(";\n");
    }
    out
}

/// `interop` (the text of `wasm/js/interop.js`) with the generated block
/// replaced by [`tape_ops_js`]; `None` without both markers.
pub fn with_tape_ops(interop: &str) -> Option<String> {
    let start = interop.find(BEGIN)? + BEGIN.len();
    let end = start + interop[start..].find(END)?;
    Some([&interop[..start], &tape_ops_js(), &interop[end..]].concat())
}

/// `BodyText` → `BODY_TEXT`.
fn screaming_snake(name: &str) -> String {
    let mut out = String::new();
    for (i, c) in name.char_indices() {
        if c.is_ascii_uppercase() && i > 0 {
            out.push('_');
        }
        out.push(c.to_ascii_uppercase());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn interop_js_has_the_generated_op_numbers() {
        let committed = include_str!("../js/interop.js");
        // Not assert_eq: the file is long, and the fix is one command.
        assert!(
            with_tape_ops(committed).as_deref() == Some(committed),
            "wasm/js/interop.js's op numbers are stale: cargo run -p wasender-webhook-wasm --example tape_ops"
        );
    }

    #[test]
    fn names_and_numbers() {
        assert_eq!(screaming_snake("BodyText"), "BODY_TEXT");
        let js = tape_ops_js();
        assert!(js.starts_with("const OBJECT = 0;\n"), "{js}");
        assert!(js.ends_with("const UNITS = 9;\n"), "{js}");
        assert_eq!(
            with_tape_ops("a\n// BEGIN tape ops\nold\n// END tape ops\nb").unwrap(),
            format!("a\n{BEGIN}{js}{END}b")
        );
        assert_eq!(with_tape_ops("no markers"), None);
    }
}
