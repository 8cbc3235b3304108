//! Prints the generated TypeScript declarations of the event types
//! (`cargo run --example typescript`); scripts/build writes them to
//! pkg/dist/events.d.ts. The text comes from `wasender_webhook_wasm::events_ts`.

fn main() {
    print!("{}", wasender_webhook_wasm::events_ts::declarations());
}
