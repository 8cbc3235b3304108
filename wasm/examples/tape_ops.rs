//! Rewrites the generated op numbers in `wasm/js/interop.js` from the
//! core's `Op` (`wasender_webhook_wasm::tape_js`).

fn main() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/js/interop.js");
    let text = std::fs::read_to_string(path).expect("read wasm/js/interop.js");
    let updated = wasender_webhook_wasm::tape_js::with_tape_ops(&text)
        .expect("the BEGIN/END tape ops markers");
    if updated != text {
        std::fs::write(path, updated).expect("write wasm/js/interop.js");
        println!("updated {path}");
    }
}
