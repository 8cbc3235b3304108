//! Nothing panics on hostile input (a panic in wasm traps and takes the
//! instance down): every fixture and JSONTestSuite case, mutated many ways by
//! a seeded generator, goes through verification and parsing; each gives an
//! event or a typed error, and the hook keeps answering correctly.

use std::path::PathBuf;

use wasender_webhook::__private::parse;
use wasender_webhook::{ErrorCode, Options, Scheme, Webhook};

mod common;
use common::{same, tape_to_json};

/// xorshift64*: deterministic, so a failure reproduces.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

fn corpus() -> Vec<Vec<u8>> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests");
    let mut files = Vec::new();
    for dir in ["fixtures/events", "data/json-test-suite/test_parsing"] {
        for entry in std::fs::read_dir(root.join(dir)).unwrap() {
            files.push(std::fs::read(entry.unwrap().path()).unwrap());
        }
    }
    files
}

/// Bytes and tokens that matter to a JSON parser and to the event model.
const TOKENS: &[&[u8]] = &[
    b"{",
    b"}",
    b"[",
    b"]",
    b",",
    b":",
    b"\"",
    b"\\",
    b"\\u",
    b"\\ud83d",
    b"\\udc00",
    b"null",
    b"true",
    b"-",
    b"0",
    b"1e999",
    b"18446744073709551616",
    b"\xf0\x9f\x98",
    b"\xff",
    b"\x00",
    b"\"messages\":",
    b"\"key\":",
    b"\"event\":",
    b"\"data\":",
    b"{\"low\":1,\"high\":-1}",
    b"\"timestamp\":",
    b"[[[[[[[[",
    b"\xe2\x80\xa8",
];

fn mutate(rng: &mut Rng, input: &[u8]) -> Vec<u8> {
    let mut out = input.to_vec();
    for _ in 0..=rng.below(2) {
        let at = rng.below(out.len() + 1);
        match rng.below(4) {
            0 if !out.is_empty() => {
                let end = (at + rng.below(16)).min(out.len());
                out.drain(at.min(end)..end);
            }
            1 => {
                let token = TOKENS[rng.below(TOKENS.len())];
                out.splice(at..at, token.iter().copied());
            }
            2 if at < out.len() => out[at] = rng.next() as u8,
            _ => {
                let len = rng.below(out.len().saturating_sub(at) + 1).min(64);
                let copy: Vec<u8> = out[at..at + len].to_vec();
                out.splice(at..at, copy);
            }
        }
    }
    out
}

#[test]
fn mutated_inputs_give_events_or_typed_errors() {
    let hook = Webhook::new(Options {
        max_body_bytes: 64 * 1024,
        ..Options::with_secret("s")
    })
    .unwrap();
    let corpus = corpus();
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let (mut accepted, mut refused) = (0, 0);
    for round in 0..200_000 {
        let input = mutate(&mut rng, &corpus[round % corpus.len()]);
        match hook.handle(&input, Some("s")) {
            Ok(event) => {
                accepted += 1;
                // Everything the event hands out must be producible, too.
                let _ = (event.typed(), event.messages().len());
                // The text entry point (the wasm's path once it has checked
                // the UTF-8) makes the same event.
                let text = std::str::from_utf8(&input).expect("accepted bodies are UTF-8");
                let same_event = hook
                    .handle_text(text, Some("s"))
                    .expect("handle accepted it");
                let (tape, again) = (event.derived_tape(), same_event.derived_tape());
                assert_eq!((&tape.ops, &tape.side), (&again.ops, &again.side));
                // The wasm's form reads back as what the JSON says, every
                // place of view text within the body and on its characters.
                let (read, _) = tape_to_json(&tape, text);
                let read = parse(read.as_bytes()).expect("the tape reads as JSON");
                let derived = event.derived_json();
                assert!(same(
                    &read,
                    &parse(derived.as_bytes()).expect("the writer emits JSON")
                ));
            }
            Err(e) => {
                refused += 1;
                if let Ok(text) = std::str::from_utf8(&input) {
                    let same = hook
                        .handle_text(text, Some("s"))
                        .expect_err("handle refused it");
                    assert_eq!((same.code(), same.message()), (e.code(), e.message()));
                }
                assert!(
                    matches!(
                        e.code(),
                        ErrorCode::InvalidJson
                            | ErrorCode::InvalidPayload
                            | ErrorCode::BodyTooLarge
                    ),
                    "{:?}",
                    e.code()
                );
                assert!(!e.message().is_empty());
            }
        }
    }
    assert!(
        accepted > 2_000 && refused > 10_000,
        "{accepted} accepted, {refused} refused: the mutations reach both paths"
    );
    let fine = br#"{"event":"session.status","data":{"status":"connected"}}"#;
    assert_eq!(
        hook.handle(fine, Some("s")).unwrap().name(),
        "session.status"
    );
}

#[test]
fn hostile_signatures_never_panic() {
    let mut rng = Rng(42);
    for scheme in [Scheme::Wasender, Scheme::HmacSha256] {
        let hook = Webhook::new(Options {
            scheme,
            ..Options::with_secret("s")
        })
        .unwrap();
        for _ in 0..20_000 {
            let len = rng.below(100);
            let bytes: Vec<u8> = (0..len).map(|_| rng.next() as u8).collect();
            let header = String::from_utf8_lossy(&bytes);
            let err = hook.verify(b"{}", Some(&header)).unwrap_err();
            assert!(matches!(
                err.code(),
                ErrorCode::InvalidSignature | ErrorCode::MissingSignature
            ));
        }
    }
}
