//! Does the secret check take the same time whatever the secret? A
//! dudect-style test (Reparaz, Balasch, Verbauwhede, "Dude, is my code
//! constant time?", 2017) of `Webhook::verify`, natively:
//!
//! - two classes of inputs that differ only in something secret-dependent
//!   (never in the attacker's own header length, which may cost time);
//! - one call timed per sample with the monotonic clock (`Instant`, TSC-backed
//!   here: nanoseconds), the class of each sample drawn at random, so drift,
//!   frequency changes and the neighbours' load fall on both classes alike;
//! - the inputs of a batch laid out in one buffer at a fixed stride, so
//!   neither class has its own addresses;
//! - Welch's t-test between the classes, uncropped and cropped above ten
//!   percentiles (dudect's `1 - 0.5^k`, taken from a calibration batch that is
//!   not counted), reporting the largest |t|. |t| < 4.5 is "no leak found".
//!
//! Two positive controls prove the harness sees a leak: a plain `==` of the
//! header with a 512-byte secret (wrong at its first byte vs its last), which
//! must show |t| > 4.5, and, for sensitivity at a real secret's size, a byte
//! loop with an early exit over 32 bytes (reported, not required).
//!
//!   timing [--quick] [--samples N] [--seed S]
//!
//! `--quick`: 1,000,000 samples per comparison (~2 s in all), prints |t| and
//! fails only if the control goes unseen. Full (default, 10,000,000 per
//! comparison, ~20 s): also fails if any comparison that must not differ
//! shows |t| ≥ 4.5. One sample is one call of 0.1-0.4 µs here, and the
//! clock's call-to-call step (printed) is ~15 ns, so no batching of calls
//! per sample is needed.

use std::hint::black_box;
use std::process::ExitCode;
use std::time::Instant;

use wasender_webhook::__private::sign_hmac_sha256;
use wasender_webhook::{Options, Scheme, Secret, Webhook};

/// dudect's threshold: |t| above this is a leak "with high confidence".
const THRESHOLD: f64 = 4.5;
/// Samples per batch: inputs are made for a batch, then it is timed.
const BATCH: usize = 10_000;
/// Crops: keep samples below the `1 - 0.5^k` percentile, k = 1..=CROPS.
const CROPS: usize = 10;

/// splitmix64: enough for class order and random headers, and no dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn hex(&mut self) -> u8 {
        b"0123456789abcdef"[(self.next() & 15) as usize]
    }

    fn hex_string(&mut self, len: usize) -> Vec<u8> {
        (0..len).map(|_| self.hex()).collect()
    }
}

/// Another hex digit of the same kind (digit or letter), so a changed tag
/// decodes along the same path as the original.
fn other_hex(c: u8) -> u8 {
    match c {
        b'0' => b'1',
        b'1'..=b'9' => b'0',
        b'a' => b'b',
        _ => b'a',
    }
}

fn to_hex(bytes: &[u8]) -> Vec<u8> {
    bytes
        .iter()
        .flat_map(|b| {
            [
                b"0123456789abcdef"[(b >> 4) as usize],
                b"0123456789abcdef"[(b & 15) as usize],
            ]
        })
        .collect()
}

/// What one sample calls.
enum Subject {
    Hook(Webhook),
    /// Positive control: the SDKs' `===`, a comparison that stops at the
    /// first differing byte (memcmp).
    PlainEq(Vec<u8>),
    /// Positive control: a byte loop that returns at the first difference
    /// (`black_box` keeps LLVM from turning it into memcmp).
    EarlyExitLoop(Vec<u8>),
}

impl Subject {
    fn hook(scheme: Scheme, secrets: &[&[u8]]) -> Subject {
        let secrets = secrets.iter().map(|s| Secret::from(*s)).collect();
        Subject::Hook(
            Webhook::new(Options {
                secrets,
                scheme,
                ..Options::default()
            })
            .expect("valid options"),
        )
    }

    #[inline(never)]
    fn run(&self, body: &[u8], header: &str) -> bool {
        match self {
            Subject::Hook(hook) => hook.verify(body, Some(header)).is_ok(),
            Subject::PlainEq(secret) => header.as_bytes() == secret.as_slice(),
            Subject::EarlyExitLoop(secret) => {
                let header = header.as_bytes();
                if header.len() != secret.len() {
                    return false;
                }
                for (a, b) in header.iter().zip(secret) {
                    if black_box(*a) != *b {
                        return false;
                    }
                }
                true
            }
        }
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Expect {
    /// Must not differ: |t| < 4.5 in the full run.
    Same,
    /// A positive control that must show |t| > 4.5.
    Leak,
    /// A control for sensitivity: reported, not required.
    LeakReported,
    /// May differ for a public reason (the request's outcome): reported.
    Reported,
}

/// Writes class `class`'s header into `out` (always `len` bytes) and says
/// which subject to call.
type Fill = Box<dyn Fn(usize, &mut Rng, &mut [u8]) -> usize>;

struct Comparison {
    name: &'static str,
    expect: Expect,
    subjects: Vec<Subject>,
    body: Vec<u8>,
    len: usize,
    fill: Fill,
    /// What the calls must return for each class (a check that the inputs
    /// are what the name says).
    outcome: [bool; 2],
}

#[derive(Clone, Copy, Default)]
struct Welford {
    n: f64,
    mean: f64,
    m2: f64,
}

impl Welford {
    fn push(&mut self, x: f64) {
        self.n += 1.0;
        let d = x - self.mean;
        self.mean += d / self.n;
        self.m2 += d * (x - self.mean);
    }

    fn var(&self) -> f64 {
        self.m2 / (self.n - 1.0)
    }
}

/// Welch's t between the two classes.
fn welch(c: &[Welford; 2]) -> f64 {
    if c[0].n < 2.0 || c[1].n < 2.0 {
        return 0.0;
    }
    let se = (c[0].var() / c[0].n + c[1].var() / c[1].n).sqrt();
    if se == 0.0 {
        return 0.0;
    }
    (c[0].mean - c[1].mean) / se
}

struct Outcome {
    samples: usize,
    max_t: f64,
    /// Which test gave it: "none" (uncropped) or the percentile kept.
    at: String,
    /// Class means (ns) below the 99.9th percentile (the widest crop).
    means: [f64; 2],
}

fn measure(c: &Comparison, samples: usize, rng: &mut Rng) -> Outcome {
    let stride = c.len.next_multiple_of(64);
    let mut buf = vec![0u8; BATCH * stride];
    let mut classes = vec![0usize; BATCH];
    let mut which = vec![0usize; BATCH];
    let mut times = vec![0f64; BATCH];
    let mut tests = [[Welford::default(); 2]; CROPS + 1];
    let mut thresholds = [f64::INFINITY; CROPS + 1];
    let mut counted = 0;
    let mut calibrated = false;
    while counted < samples {
        let n = if calibrated {
            BATCH.min(samples - counted)
        } else {
            BATCH
        };
        for j in 0..n {
            let class = (rng.next() & 1) as usize;
            let slot = &mut buf[j * stride..j * stride + c.len];
            classes[j] = class;
            which[j] = (c.fill)(class, rng, slot);
        }
        for j in 0..n {
            let subject = &c.subjects[which[j]];
            let header =
                std::str::from_utf8(&buf[j * stride..j * stride + c.len]).expect("ASCII header");
            let body = black_box(c.body.as_slice());
            let header = black_box(header);
            let t0 = Instant::now();
            let result = subject.run(body, header);
            let elapsed = t0.elapsed();
            times[j] = elapsed.as_nanos() as f64;
            if black_box(result) != c.outcome[classes[j]] {
                panic!(
                    "{}: class {} returned {result}, not what its inputs mean",
                    c.name, classes[j]
                );
            }
        }
        if !calibrated {
            // dudect: the crops' thresholds from a first batch, not counted.
            let mut sorted = times[..n].to_vec();
            sorted.sort_by(f64::total_cmp);
            for (k, t) in thresholds.iter_mut().enumerate().skip(1) {
                let p = 1.0 - 0.5f64.powi(k as i32);
                *t = sorted[((p * n as f64) as usize).min(n - 1)];
            }
            calibrated = true;
            continue;
        }
        for j in 0..n {
            let (x, class) = (times[j], classes[j]);
            for (test, limit) in tests.iter_mut().zip(&thresholds) {
                if x < *limit {
                    test[class].push(x);
                }
            }
        }
        counted += n;
    }
    let (mut max_t, mut at) = (0.0f64, String::from("none"));
    for (k, test) in tests.iter().enumerate() {
        // A crop too narrow to hold a tenth of the samples says little.
        if test[0].n + test[1].n < samples as f64 / 10.0 {
            continue;
        }
        let t = welch(test).abs();
        if t > max_t {
            max_t = t;
            at = if k == 0 {
                "none".into()
            } else {
                format!("p{:.1}", 100.0 * (1.0 - 0.5f64.powi(k as i32)))
            };
        }
    }
    Outcome {
        samples: counted,
        max_t,
        at,
        means: [tests[CROPS][0].mean, tests[CROPS][1].mean],
    }
}

/// A delivery as WasenderAPI sends one (fake ids), for the HMAC scheme.
const BODY: &[u8] = br#"{"event":"messages.upsert","timestamp":1763776800,"sessionId":"SESSION-API-KEY-5f2a9c","data":{"messages":{"key":{"id":"3EB0C767D26A1D8E2F4B","fromMe":false,"remoteJid":"15550001111@s.whatsapp.net","senderPn":"15550001111@s.whatsapp.net","cleanedSenderPn":"15550001111"},"messageBody":"Is the order ready?","message":{"conversation":"Is the order ready?"},"pushName":"Ana","messageTimestamp":"1763776799"}}}"#;

fn comparisons(rng: &mut Rng) -> Vec<Comparison> {
    let s32 = rng.hex_string(32); // a real secret's shape: 32 hex characters
    let s512 = rng.hex_string(512);
    let s8 = rng.hex_string(8);
    let (a, b) = (rng.hex_string(32), rng.hex_string(32));
    let stranger = rng.hex_string(32);
    let tag = to_hex(&sign_hmac_sha256(&s32, BODY));
    let wasender = |secrets: &[&[u8]]| Subject::hook(Scheme::Wasender, secrets);
    let wrong_at = |secret: Vec<u8>, first: usize, second: usize| -> Fill {
        Box::new(move |class, _: &mut Rng, out: &mut [u8]| {
            out.copy_from_slice(&secret);
            let at = if class == 0 { first } else { second };
            out[at] = other_hex(out[at]);
            0
        })
    };
    vec![
        Comparison {
            name: "(1a) wasender: header wrong at byte 0 vs byte 31 (32-byte secret)",
            expect: Expect::Same,
            subjects: vec![wasender(&[&s32])],
            body: BODY.to_vec(),
            len: 32,
            fill: wrong_at(s32.clone(), 0, 31),
            outcome: [false, false],
        },
        Comparison {
            name: "(1b) wasender: header wrong at byte 0 vs byte 511 (512-byte secret)",
            expect: Expect::Same,
            subjects: vec![wasender(&[&s512])],
            body: BODY.to_vec(),
            len: 512,
            fill: wrong_at(s512.clone(), 0, 511),
            outcome: [false, false],
        },
        Comparison {
            name: "(2) wasender: secret but its last byte vs a random header (32 B)",
            expect: Expect::Same,
            subjects: vec![wasender(&[&s32])],
            body: BODY.to_vec(),
            len: 32,
            fill: {
                let secret = s32.clone();
                Box::new(move |class, rng: &mut Rng, out: &mut [u8]| {
                    if class == 0 {
                        out.copy_from_slice(&secret);
                        out[31] = other_hex(out[31]);
                    } else {
                        for byte in out.iter_mut() {
                            *byte = rng.hex();
                        }
                        if out == secret.as_slice() {
                            out[0] = other_hex(out[0]);
                        }
                    }
                    0
                })
            },
            outcome: [false, false],
        },
        Comparison {
            name: "(3) wasender: one 32-byte header, secret of 8 vs 512 bytes",
            expect: Expect::Same,
            subjects: vec![wasender(&[&s8]), wasender(&[&s512])],
            body: BODY.to_vec(),
            len: 32,
            fill: {
                let header = stranger.clone();
                Box::new(move |class, _: &mut Rng, out: &mut [u8]| {
                    out.copy_from_slice(&header);
                    class
                })
            },
            outcome: [false, false],
        },
        Comparison {
            name: "(4a) rotation [a, b]: header a vs header b (which one matched)",
            expect: Expect::Same,
            subjects: vec![wasender(&[&a, &b])],
            body: BODY.to_vec(),
            len: 32,
            fill: {
                let (a, b) = (a.clone(), b.clone());
                Box::new(move |class, _: &mut Rng, out: &mut [u8]| {
                    out.copy_from_slice(if class == 0 { &a } else { &b });
                    0
                })
            },
            outcome: [true, true],
        },
        Comparison {
            name: "(4b) rotation [a, b]: matching neither vs matching b",
            expect: Expect::Reported,
            subjects: vec![wasender(&[&a, &b])],
            body: BODY.to_vec(),
            len: 32,
            fill: {
                let (neither, b) = (stranger.clone(), b.clone());
                Box::new(move |class, _: &mut Rng, out: &mut [u8]| {
                    out.copy_from_slice(if class == 0 { &neither } else { &b });
                    0
                })
            },
            outcome: [false, true],
        },
        Comparison {
            name: "(5) hmac-sha256: tag wrong in byte 0 vs byte 31 (hex, same body)",
            expect: Expect::Same,
            subjects: vec![Subject::hook(Scheme::HmacSha256, &[&s32])],
            body: BODY.to_vec(),
            len: 64,
            fill: wrong_at(tag, 0, 63),
            outcome: [false, false],
        },
        Comparison {
            name: "control: `==` with a 512-byte secret, wrong at byte 0 vs 511",
            expect: Expect::Leak,
            subjects: vec![Subject::PlainEq(s512.clone())],
            body: BODY.to_vec(),
            len: 512,
            fill: wrong_at(s512.clone(), 0, 511),
            outcome: [false, false],
        },
        Comparison {
            name: "control: early-exit byte loop, 32-byte secret, byte 0 vs 31",
            expect: Expect::LeakReported,
            subjects: vec![Subject::EarlyExitLoop(s32.clone())],
            body: BODY.to_vec(),
            len: 32,
            fill: wrong_at(s32.clone(), 0, 31),
            outcome: [false, false],
        },
    ]
}

/// The smallest step the clock shows, in ns.
fn clock_step() -> u128 {
    let mut step = u128::MAX;
    for _ in 0..1000 {
        let t0 = Instant::now();
        let mut t1 = Instant::now();
        while t1 == t0 {
            t1 = Instant::now();
        }
        step = step.min((t1 - t0).as_nanos());
    }
    step
}

fn main() -> ExitCode {
    let mut quick = false;
    let mut samples = None;
    let mut seed = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--quick" => quick = true,
            "--samples" => samples = args.next().and_then(|n| n.parse::<usize>().ok()),
            "--seed" => seed = args.next().and_then(|n| n.parse::<u64>().ok()),
            _ => {
                eprintln!("usage: timing [--quick] [--samples N] [--seed S]");
                return ExitCode::from(2);
            }
        }
    }
    let samples = samples.unwrap_or(if quick { 1_000_000 } else { 10_000_000 });
    let seed = seed.unwrap_or_else(|| {
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(1, |d| d.as_nanos() as u64)
    });
    let mut rng = Rng(seed);
    println!(
        "dudect-style timing of Webhook::verify: {samples} samples per comparison (+{BATCH} calibration), \
         classes in random order, seed {seed}, clock step (call to call) {} ns, threshold |t| < {THRESHOLD}",
        clock_step()
    );
    println!();
    println!(
        "| {:<70} | {:>9} | {:>8} | {:>6} | {:>17} | {:<32} |",
        "comparison", "samples", "max |t|", "crop", "means < p99.9, ns", "verdict"
    );
    println!(
        "|{:-<72}|{:->11}|{:->10}|{:->8}|{:->19}|{:-<34}|",
        "", "", "", "", "", ""
    );
    let started = Instant::now();
    let mut failed = false;
    for c in comparisons(&mut rng) {
        let o = measure(&c, samples, &mut rng);
        let leak = o.max_t >= THRESHOLD;
        let verdict = match (c.expect, leak) {
            (Expect::Same, false) => "ok: no difference found",
            (Expect::Same, true) if quick => "differs (quick run: not judged)",
            (Expect::Same, true) => {
                failed = true;
                "FAIL: timing differs"
            }
            (Expect::Leak, true) => "ok: leak detected, as it must be",
            (Expect::Leak, false) => {
                failed = true;
                "FAIL: control leak not detected"
            }
            (Expect::LeakReported, true) => "leak detected (sensitivity)",
            (Expect::LeakReported, false) => "not detected at this count",
            (Expect::Reported, true) => "differs (outcome differs)",
            (Expect::Reported, false) => "no difference found",
        };
        println!(
            "| {:<70} | {:>9} | {:>8.2} | {:>6} | {:>8.1} {:>8.1} | {:<32} |",
            c.name, o.samples, o.max_t, o.at, o.means[0], o.means[1], verdict
        );
    }
    println!();
    println!("{:.1} s", started.elapsed().as_secs_f64());
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}
