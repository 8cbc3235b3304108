// The targets, checked against a results object (run.mjs writes
// it; report.mjs re-reads it). Each check is one row of the pass/fail table,
// per size where the target is per size, with the gap spelled out when missed.
//
// A per-size target is checked on each body family (emoji-heavy text
// messages, ASCII-dominant group metadata and image messages) separately,
// one row per family and size: a target counts as met only where it is met
// on both. Deliveries come in both kinds, in a mix that differs from one
// application to the next, so neither family alone nor an average of the two
// would say whether a user's traffic meets it; per family shows where not.

export const LIMITS = {
  gzipBytes: 30 * 1024, // "≤ 30 KB": read as KiB, like the body sizes
  coldStartMs: 2,
  // "Flat": the wasm linear memory does not grow after warm-up (it can never
  // shrink, so growth is the leak signal), and RSS grows less than this.
  rssGrowthBytes: 8 * 1024 * 1024,
};

const SMALL = ["0.4 KB", "1.5 KB"];
const UP_TO_4K = ["0.4 KB", "1.5 KB", "4 KB"];
const FROM_4K = ["4 KB", "64 KB", "1024 KB"];

export const x = (v) => `${v >= 10 ? v.toFixed(1) : v.toFixed(2)}×`;

export const FAMILY_NAMES = { emoji: "emoji", ascii: "ASCII" };

/** The results' bodies, each with its family (results from before the ASCII family have none: emoji). */
export const bodiesOf = (results) => results.bodies.map((b) => ({ ...b, family: b.family ?? "emoji", id: b.id ?? b.label }));

export function evaluate(results) {
  const bodies = bodiesOf(results);
  const families = [...new Set(bodies.map((b) => b.family))];
  const t = (id, body) => results.timings[id][body.id].median;
  const rows = [];
  const each = (labels, fn) => {
    for (const family of families) for (const body of bodies) if (body.family === family && labels.includes(body.label)) fn(body);
  };
  const all = bodies.map((b) => b.label);

  // Time ratio `mine / theirs` must be ≤ `max` (or the speed-up `theirs / mine` ≥ `min`).
  const slower = (target, mine, theirs, labels, max, theirName) => {
    each(labels, (body) => {
      const r = t(mine, body) / t(theirs, body);
      rows.push({
        target,
        family: body.family,
        size: `${FAMILY_NAMES[body.family] ?? body.family} ${body.label}`,
        required: `time ≤ ${x(max)} ${theirName}'s`,
        measured: `${x(r)} ${theirName}'s time`,
        pass: r <= max,
        gap: r <= max ? "" : max === 1 ? `${x(r)} slower than ${theirName}` : `needs ${x(r / max)} less time`,
      });
    });
  };
  const faster = (target, mine, theirs, labels, min, theirName) => {
    each(labels, (body) => {
      const s = t(theirs, body) / t(mine, body);
      rows.push({
        target,
        family: body.family,
        size: `${FAMILY_NAMES[body.family] ?? body.family} ${body.label}`,
        required: `≥ ${x(min)} faster than ${theirName}`,
        measured: s >= 1 ? `${x(s)} faster` : `${x(1 / s)} slower`,
        pass: s >= min,
        gap: s >= min ? "" : `needs ${x(min / s)} less time`,
      });
    });
  };

  slower("wasender, bytes in: no slower than the SDK (bytes body)", "pkg-wasender-bytes", "sdk-bytes", all, 1, "the SDK");
  // "At least 20 % faster", read strictly: at most 80 % of the SDK's time.
  slower("wasender, bytes in: ≥ 20 % faster than the SDK (bytes body) from 4 KB", "pkg-wasender-bytes", "sdk-bytes", FROM_4K, 0.8, "the SDK");
  faster("hmac-sha256, bytes in: ≥ 3× faster than WebCrypto up to 1.5 KB", "pkg-hmac-bytes", "webcrypto", SMALL, 3, "WebCrypto");
  faster("hmac-sha256, bytes in: ≥ 2× faster than standardwebhooks", "pkg-hmac-bytes", "standardwebhooks", all, 2, "standardwebhooks");
  slower("hmac-sha256, bytes in: within 1.4× of node:crypto up to 4 KB", "pkg-hmac-bytes", "node-crypto", UP_TO_4K, 1.4, "node:crypto");
  faster("standard-webhooks, bytes in: ≥ 2× faster than standardwebhooks", "pkg-standard-bytes", "standardwebhooks", all, 2, "standardwebhooks");

  const { gzip } = results.size;
  rows.push({
    target: "wasm + JS glue, gzip -9",
    size: "",
    required: `≤ ${(LIMITS.gzipBytes / 1024).toFixed(0)} KiB`,
    measured: `${(gzip / 1024).toFixed(1)} KiB`,
    pass: gzip <= LIMITS.gzipBytes,
    gap: gzip <= LIMITS.gzipBytes ? "" : `${(gzip / 1024).toFixed(1)} KiB, ${((gzip - LIMITS.gzipBytes) / 1024).toFixed(1)} KiB over`,
  });

  const cold = results.coldStart.firstEventMs.median;
  rows.push({
    target: "import → first verified event, fresh Node (median)",
    size: `emoji ${results.coldStart.body}`,
    required: `≤ ${LIMITS.coldStartMs} ms`,
    measured: `${cold.toFixed(2)} ms`,
    pass: cold <= LIMITS.coldStartMs,
    gap: cold <= LIMITS.coldStartMs ? "" : `${cold.toFixed(2)} ms, ${x(cold / LIMITS.coldStartMs)} the limit`,
  });

  const { warm, end, calls } = results.memory;
  const wasmGrowth = end.wasmBytes - warm.wasmBytes;
  const rssGrowth = end.rss - warm.rss;
  const flat = wasmGrowth === 0 && rssGrowth <= LIMITS.rssGrowthBytes;
  rows.push({
    target: `memory flat over ${calls.toLocaleString("en-US")} calls`,
    size: `emoji ${results.memory.bodyLabel}`,
    required: `wasm memory +0, RSS < +${LIMITS.rssGrowthBytes / 2 ** 20} MiB after warm-up`,
    measured: `wasm ${signedMiB(wasmGrowth)}, RSS ${signedMiB(rssGrowth)}`,
    pass: flat,
    gap: flat ? "" : wasmGrowth ? `wasm memory grew ${signedMiB(wasmGrowth)}` : `RSS grew ${signedMiB(rssGrowth)}`,
  });
  return rows;
}

export const signedMiB = (b) => `${b < 0 ? "−" : "+"}${(Math.abs(b) / 2 ** 20).toFixed(2)} MiB`;
