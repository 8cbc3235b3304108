//! The fuzz targets' checks (fuzz/src/checks.rs, compiled here as well) in
//! the normal test suite: over the seeds scripts/fuzz starts the fuzzer
//! from, and over every input the fuzzer has failed on, which stay in
//! tests/data/fuzz/<target>/ (raw bytes; JSON cases for `handle`, written
//! by `scripts/fuzz --keep`). Fuzzing itself is `scripts/fuzz`.

use std::path::{Path, PathBuf};

#[path = "../../fuzz/src/checks.rs"]
mod checks;

/// The repository's root (this crate is wasm/; the checks cover the core
/// and the skin's UTF-16 path, so they run here).
fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .unwrap()
        .to_path_buf()
}

/// Every file in `dir` (none if it does not exist), by name.
fn files(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut files: Vec<_> = entries
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file())
        .map(|p| {
            (
                p.file_name().unwrap().to_string_lossy().into_owned(),
                std::fs::read(&p).unwrap(),
            )
        })
        .collect();
    files.sort();
    files
}

fn regressions(target: &str) -> Vec<(String, Vec<u8>)> {
    files(&root().join("tests/data/fuzz").join(target))
}

/// The fixture bodies and the extra seeds: what the fuzzer starts from.
fn body_seeds() -> Vec<(String, Vec<u8>)> {
    let mut seeds = files(&root().join("tests/fixtures/events"));
    seeds.extend(files(&root().join("fuzz/seeds/parse_event")));
    assert!(seeds.len() > 60, "the seeds are missing");
    seeds
}

/// Runs `check` on each input, naming the one that fails.
fn each<T>(what: &str, inputs: &[(String, T)], check: impl Fn(&T)) {
    for (name, input) in inputs {
        if let Err(panic) = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| check(input)))
        {
            eprintln!("{what}: {name} failed");
            std::panic::resume_unwind(panic);
        }
    }
}

#[test]
fn parse_event_checks_hold_on_the_seeds() {
    each("parse_event seed", &body_seeds(), |body| {
        checks::parse_event_body(body)
    });
}

#[test]
fn parse_event_regressions() {
    each(
        "tests/data/fuzz/parse_event",
        &regressions("parse_event"),
        |body| checks::parse_event_body(body),
    );
}

#[test]
fn signature_checks_hold_on_the_seeds() {
    let mut seeds = files(&root().join("fuzz/seeds/signature"));
    assert!(seeds.len() >= 10, "the seeds are missing");
    // Every spelling the checks make, of a tag whose base64 spellings differ.
    let tag: [u8; 32] = std::array::from_fn(|i| (i as u8).wrapping_mul(37) ^ 0xfb);
    for spelling in 0..checks::SPELLINGS {
        seeds.push((
            format!("spelling {spelling}"),
            checks::spell(&tag, spelling).into_bytes(),
        ));
    }
    let accepted = seeds
        .iter()
        .filter(|(_, s)| {
            wasender_webhook::__private::decode_hmac_sha256_tag(checks::utf8_prefix(s)).is_some()
        })
        .count();
    assert!(
        accepted >= checks::SPELLINGS + 8,
        "{accepted} of the seeds are tags"
    );
    each("signature seed", &seeds, |header| {
        checks::signature_header(header)
    });
}

#[test]
fn signature_regressions() {
    each(
        "tests/data/fuzz/signature",
        &regressions("signature"),
        |header| checks::signature_header(header),
    );
}

#[test]
fn handle_checks_hold_on_cases_made_from_the_seeds() {
    let bodies: Vec<Vec<u8>> = body_seeds().into_iter().map(|(_, body)| body).collect();
    let cases: Vec<(String, checks::HandleCase)> = checks::handle_seed_cases(&bodies)
        .into_iter()
        .map(|case| (checks::describe(&case), case))
        .collect();
    each("handle seed case", &cases, checks::handle_case);
}

#[test]
fn handle_regressions() {
    let cases: Vec<(String, checks::HandleCase)> = regressions("handle")
        .into_iter()
        .map(|(name, json)| {
            (
                name,
                checks::HandleCase::from_json(std::str::from_utf8(&json).unwrap()),
            )
        })
        .collect();
    each("tests/data/fuzz/handle", &cases, checks::handle_case);
}

#[test]
fn a_handle_case_survives_its_file_format() {
    let case = checks::HandleCase {
        secrets: vec![b"s3cret".to_vec(), vec![0, 0xff, b'"'], Vec::new()],
        scheme: wasender_webhook::Scheme::HmacSha256,
        max_body_bytes: usize::MAX,
        signature: checks::Signature::Raw("é\u{0}\"".into()),
        body: b"{\"event\":\xff}".to_vec(),
    };
    assert_eq!(checks::HandleCase::from_json(&case.to_json()), case);
    for signature in [
        checks::Signature::None,
        checks::Signature::Secret(3),
        checks::Signature::Hmac {
            secret: 1,
            spelling: 8,
        },
    ] {
        let case = checks::HandleCase {
            signature,
            ..case.clone()
        };
        assert_eq!(checks::HandleCase::from_json(&case.to_json()), case);
    }
}
