//! The JSON parser against JSONTestSuite: everything a conforming parser
//! must accept is accepted, everything it must refuse is refused, and the
//! implementation-defined cases go the way JavaScript's JSON.parse goes,
//! except where refusing is deliberate (invalid UTF-8, absurd nesting).

use std::path::PathBuf;

use wasender_webhook::__private::parse;

fn cases() -> Vec<(String, Vec<u8>)> {
    let dir =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/json-test-suite/test_parsing");
    let mut cases: Vec<(String, Vec<u8>)> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .map(|p| {
            (
                p.file_name().unwrap().to_string_lossy().into_owned(),
                std::fs::read(&p).unwrap(),
            )
        })
        .collect();
    cases.sort();
    cases
}

#[test]
fn must_accept_and_must_refuse() {
    let (mut accepted, mut refused) = (0, 0);
    for (name, bytes) in cases() {
        let result = parse(&bytes);
        if name.starts_with("y_") {
            assert!(result.is_ok(), "{name} must parse: {:?}", result.err());
            accepted += 1;
        } else if name.starts_with("n_") {
            assert!(result.is_err(), "{name} must be refused");
            refused += 1;
        }
    }
    assert!(
        accepted >= 95 && refused >= 180,
        "{accepted} y_, {refused} n_ cases ran"
    );
}

#[test]
fn implementation_defined_cases_follow_json_parse() {
    for (name, bytes) in cases().into_iter().filter(|(n, _)| n.starts_with("i_")) {
        let accepted = parse(&bytes).is_ok();
        let expected = if name.starts_with("i_number_") {
            true // JSON.parse reads huge numbers as ±Infinity or 0
        } else if name.contains("UTF-16") || name.contains("utf16") || name.contains("BOM") {
            false // not UTF-8 JSON text
        } else if name.starts_with("i_string_") || name.starts_with("i_object_key_") {
            // Escaped lone or inverted surrogates are valid JS strings;
            // raw bytes that are not UTF-8 are refused (a body must be UTF-8).
            std::str::from_utf8(&bytes).is_ok()
        } else if name == "i_structure_500_nested_arrays.json" {
            false // deeper than MAX_DEPTH, deliberately
        } else {
            panic!("unclassified case {name}");
        };
        assert_eq!(accepted, expected, "{name}");
    }
}
