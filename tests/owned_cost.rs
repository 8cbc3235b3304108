//! What an `OwnedEvent`, `Event::to_json` and serde cost, against the
//! parse they follow, over the fixture corpus (BENCHMARKS.md quotes it).
//! A measurement, not a check: run it in release,
//! `cargo test --release --all-features --test owned_cost -- --ignored --nocapture`.
#![cfg(feature = "serde")]

use std::hint::black_box;
use std::path::PathBuf;
use std::time::Instant;

use wasender_webhook::{parse_event, OwnedEvent};

/// Nanoseconds per pass over `bodies` for `work`, best of 7 runs of `rounds`.
fn per_pass(bodies: &[Vec<u8>], rounds: u32, mut work: impl FnMut(&[u8])) -> f64 {
    (0..7)
        .map(|_| {
            let start = Instant::now();
            for _ in 0..rounds {
                for body in bodies {
                    work(body);
                }
            }
            start.elapsed().as_nanos() as f64 / f64::from(rounds)
        })
        .fold(f64::INFINITY, f64::min)
}

#[test]
#[ignore = "a measurement: run in release with --ignored --nocapture"]
fn cost_over_the_fixtures() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/events");
    let bodies: Vec<Vec<u8>> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| std::fs::read(e.unwrap().path()).unwrap())
        .filter(|b| parse_event(b).is_ok())
        .collect();
    let bytes: usize = bodies.iter().map(Vec::len).sum();
    let rounds = 2000;
    let parse = per_pass(&bodies, rounds, |b| {
        black_box(parse_event(b).unwrap());
    });
    // What owning costs where the body is a borrowed slice: a copy of it
    // (the axum extractor moves the bytes it read in, so not even that).
    let owned = per_pass(&bodies, rounds, |b| {
        black_box(OwnedEvent::new(b.to_vec(), parse_event).unwrap());
    });
    let serde = per_pass(&bodies, rounds, |b| {
        black_box(serde_json::to_vec(&parse_event(b).unwrap()).unwrap());
    });
    let exact = per_pass(&bodies, rounds, |b| {
        black_box(parse_event(b).unwrap().to_json());
    });
    let n = bodies.len() as f64;
    println!(
        "{} fixture bodies, {bytes} bytes: per delivery, parse {:.0} ns; copy + OwnedEvent::new (parse) {:.0} ns (+{:.0} %); parse + serde_json {:.0} ns; parse + to_json {:.0} ns",
        bodies.len(),
        parse / n,
        owned / n,
        (owned / parse - 1.0) * 100.0,
        serde / n,
        exact / n
    );
}
