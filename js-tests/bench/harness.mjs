// Proofs, then interleaved timing rounds.
//
// Interleaving (every row on every size in each round, the order rotated
// from round to round) spreads slow drifts — turbo, thermal, a neighbour
// process — across all rows instead of charging them to whichever ran last.
// Each cell's figure is the median of its per-round samples.

import { mutate, tamper } from "./contenders.mjs";

const gc = globalThis.gc ?? (() => {}); // run.mjs starts node with --expose-gc

/** Accept the genuine delivery with the right data, and refuse every forgery for the right reason. */
export async function prove(c, body) {
  const fail = (what) => {
    throw new Error(`${c.id} on ${body.id}: ${what}`);
  };
  const sig = c.sign(body.bytes);
  let out;
  try {
    out = await c.run(c.input(body.bytes, sig));
  } catch (e) {
    fail(`refused the genuine delivery: ${e?.code ?? ""} ${e?.message ?? e}`);
  }
  const { event } = JSON.parse(body.text);
  if (out?.event !== event) fail(`returned ${JSON.stringify(out?.event)}, not ${event}`);
  if (JSON.stringify(out.data) !== JSON.stringify(JSON.parse(body.text).data)) fail("data is not JSON.parse(body).data");

  const forgeries = [
    ["a signature with one character changed", body.bytes, () => mutate(c.sign(body.bytes))],
    ["a signature with a character appended", body.bytes, () => c.sign(body.bytes) + "0"],
    ["no signature header", body.bytes, () => undefined],
  ];
  if (c.bindsBody) forgeries.push(["a tampered body (envelope timestamp changed) with the original signature", tamper(body.bytes), () => c.sign(body.bytes)]);
  for (const [what, bytes, forge] of forgeries) {
    let accepted = false;
    try {
      await c.run(c.input(bytes, forge()));
      accepted = true;
    } catch (e) {
      if (!c.rejected(e)) fail(`${what}: threw, but not as a signature failure: ${e?.name} ${e?.code ?? ""} ${e?.message ?? e}`);
    }
    if (accepted) fail(`ACCEPTED ${what}`);
  }
  return forgeries.length;
}

/** Seconds per call over `n` back-to-back calls (awaited one by one when async). */
async function sample(row, input, n) {
  let sink;
  const t0 = performance.now();
  if (row.async) for (let i = 0; i < n; i++) sink = await row.run(input);
  else for (let i = 0; i < n; i++) sink = row.run(input);
  const t = (performance.now() - t0) / n / 1e3;
  if (sink === undefined) throw new Error(`${row.id} returned nothing`);
  return t;
}

const rotate = (list, k) => list.map((_, i) => list[(i + k) % list.length]);
const quantile = (sorted, q) => {
  const at = (sorted.length - 1) * q;
  const lo = Math.floor(at);
  return sorted[lo] + (sorted[Math.min(lo + 1, sorted.length - 1)] - sorted[lo]) * (at - lo);
};

/**
 * Time every row on every body. Warm-up also calibrates how many calls make
 * one sample of about `sampleMs`, so fast rows are not just timer noise and
 * slow rows (1 MiB bodies) still get one call per round.
 */
export async function measure(rows, bodies, { rounds, sampleMs, warmupMs, onRound }) {
  const cells = new Map(); // `${row.id}|${body.id}` → { calls, samples[] }
  const fresh = (row, body) => row.input(body.bytes, row.sign(body.bytes)); // re-signed: standardwebhooks' clock check
  for (const body of bodies) {
    for (const row of rows) {
      const input = fresh(row, body);
      let calls = 0;
      const t0 = performance.now();
      do {
        await sample(row, input, 1);
        calls++;
      } while (performance.now() - t0 < warmupMs || calls < 3);
      const perCall = (performance.now() - t0) / calls;
      cells.set(`${row.id}|${body.id}`, { calls: Math.max(1, Math.round(sampleMs / perCall)), samples: [] });
    }
  }
  for (let r = 0; r < rounds; r++) {
    const t0 = performance.now();
    for (const body of rotate(bodies, r)) {
      for (const row of rotate(rows, r)) {
        const cell = cells.get(`${row.id}|${body.id}`);
        const input = fresh(row, body);
        gc({ type: "minor" }); // don't bill one row for the young garbage the previous one left
        cell.samples.push(await sample(row, input, cell.calls));
      }
    }
    onRound?.(r + 1, rounds, performance.now() - t0);
  }
  const out = {};
  for (const [key, { calls, samples }] of cells) {
    const [id, bodyId] = key.split("|");
    const s = [...samples].sort((a, b) => a - b);
    (out[id] ??= {})[bodyId] = {
      median: quantile(s, 0.5),
      p25: quantile(s, 0.25),
      p75: quantile(s, 0.75),
      min: s[0],
      samples: s.length,
      callsPerSample: calls,
    };
  }
  return out;
}
