// Load on loopback against the examples as users run them, each a private
// copy wired to the package under test:
//   node-http     the Node http server (examples/node-http)
//   wrangler-dev  the Worker (examples/cloudflare-worker) under workerd through
//                 `wrangler dev`, as js-tests/helpers/wrangler.mjs starts it for
//                 the tests: its dev server (a proxy worker in a second workerd,
//                 a log line per request through Node) is most of what it costs
//   workerd       the same Worker bundled as `wrangler deploy --dry-run`
//                 bundles it and served by workerd through Miniflare's API
//                 alone (workerd.mjs): the Worker's own figures
//
//   node js-tests/load/load.mjs --pkg <unpacked package> [--quick]
//       [--targets node-http,wrangler-dev,workerd] [--concurrency 1,10,50,100]
//       [--seconds N] [--sequence genuine,forged,…]
//
// Each connection posts the sequence genuine, forged, genuine, malformed,
// genuine, forged, genuine, oversized (4:2:1:1) in a loop, each genuine
// delivery with a fresh message id. Every answer is checked against its own
// request: genuine 200 {received}, forged 401 INVALID_SIGNATURE, oversized
// (1 MiB + 1 byte, correctly signed) 413 BODY_TOO_LARGE, malformed
// (correctly signed, not JSON) 400 INVALID_JSON. Wrong answers, errors and
// timeouts must all be 0: the exit code is 1 otherwise. An oversized delivery
// whose connection the server resets while the body is still being sent
// (refused unread, the 413 overtaken by the reset: bare workerd) is counted
// apart, as "oversized reset".
//
// The generator is Node's http client with a keep-alive Agent, not
// autocannon: autocannon pairs answers with requests by order on a
// connection and keeps that order across a reconnect, so a server that
// drops a connection (bare workerd after an early 413) shifts every later
// answer onto the wrong request. Here each answer belongs to its request.
// The oversized delivery is sent on a keep-alive connection of its own that
// is closed once its answer is in; what a client that reuses the connection
// after a 413 meets is measured on its own (reuseAfter413) and reported, not
// judged. (Asking for `Connection: close` instead makes Node's server close
// at once too, and the client, still sending the body, gets EPIPE.)
//
// Bounded: each run lasts --seconds (10 full, 2 quick; a request in flight
// then finishes, within its 10 s timeout) and sends at most 3,000,000
// requests. Only 127.0.0.1 is ever addressed.

import autocannon from "autocannon";
import { execFileSync } from "node:child_process";
import { Agent, request } from "node:http";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { startServer } from "../helpers/server.mjs";
import { startWorker } from "../helpers/wrangler.mjs";
import { KINDS, MAX_BODY_BYTES, SECRET, genuineText, oversizedText, MALFORMED_TEXT } from "./mix.mjs";

const { values: args } = parseArgs({
  options: {
    pkg: { type: "string" },
    quick: { type: "boolean", default: false },
    targets: { type: "string", default: "node-http,wrangler-dev,workerd" },
    concurrency: { type: "string", default: "1,10,50,100" },
    seconds: { type: "string" },
    sequence: { type: "string" },
    // A second opinion from autocannon on node-http (full run by default).
    autocannon: { type: "boolean" },
  },
});
if (!args.pkg) throw new Error("usage: load.mjs --pkg <unpacked package> [--quick] [--targets …] [--concurrency …] [--seconds N]");
const pkgDir = resolve(args.pkg);
const seconds = Number(args.seconds ?? (args.quick ? 2 : 10));
const warmupSeconds = args.quick ? 0.5 : 2;
const concurrencies = args.concurrency.split(",").map(Number);
const MAX_ANSWERS = 3_000_000;
const REQUEST_TIMEOUT_MS = 10_000;
const log = (...a) => console.error(...a);

// Private copies of the examples, each with the package under test as its
// dependency (the repository's examples link ../../pkg, which a build may be
// rewriting).
const examples = fileURLToPath(new URL("../../examples/", import.meta.url));
const work = mkdtempSync(join(tmpdir(), "wasender-load-"));
function copyExample(name, files) {
  const dir = mkdtempSync(join(work, `${name}-`));
  for (const file of files) cpSync(join(examples, name, file), join(dir, file), { recursive: true });
  mkdirSync(join(dir, "node_modules"), { recursive: true });
  symlinkSync(pkgDir, join(dir, "node_modules", "wasender-webhook"), "dir");
  return dir;
}

const env = { WASENDER_WEBHOOK_SECRET: SECRET };
// Miniflare would otherwise try to download Request.cf's placeholder data
// (a DNS lookup off this machine) when wrangler starts it.
process.env.CLOUDFLARE_CF_FETCH_ENABLED = "false";

/** The Worker bundled as `wrangler deploy --dry-run` makes it, served by workerd.mjs. */
async function startBundledWorker() {
  const dir = copyExample("cloudflare-worker", ["src", "wrangler.toml", "package.json"]);
  execFileSync("wrangler", ["deploy", "--dry-run", "--outdir", "bundle"], {
    cwd: dir,
    timeout: 120_000,
    stdio: ["ignore", "ignore", "pipe"],
    env: { ...process.env, WRANGLER_SEND_METRICS: "false", CI: "true" },
  });
  const date = /compatibility_date\s*=\s*"([^"]+)"/.exec(readFileSync(join(dir, "wrangler.toml"), "utf8"))[1];
  return startServer({
    command: process.execPath,
    args: [fileURLToPath(new URL("./workerd.mjs", import.meta.url)), join(dir, "bundle"), date],
    cwd: dir,
    env,
    ready: /listening on (http:\/\/\S+)/,
  });
}
const TARGETS = {
  "node-http": {
    label: "Node http (examples/node-http)",
    start: () =>
      startServer({
        command: process.execPath,
        args: ["server.mjs"],
        cwd: copyExample("node-http", ["server.mjs", "package.json"]),
        env: { ...env, PORT: "0" },
        ready: /listening on (http:\/\/\S+)/,
      }),
  },
  "wrangler-dev": {
    label: "Worker under workerd through wrangler dev (examples/cloudflare-worker)",
    start: () => startWorker({ dir: copyExample("cloudflare-worker", ["src", "wrangler.toml", "package.json"]), vars: env }),
  },
  workerd: {
    label: "Worker bundled, under workerd through Miniflare's API (examples/cloudflare-worker)",
    start: startBundledWorker,
  },
};

const OVERSIZED = oversizedText();
if (Buffer.byteLength(OVERSIZED) !== MAX_BODY_BYTES + 1) throw new Error("oversized body is not limit + 1 bytes");
let serial = 0;

const SEQUENCE = args.sequence?.split(",") ?? ["genuine", "forged", "genuine", "malformed", "genuine", "forged", "genuine", "oversized"];
if (SEQUENCE.some((kind) => !KINDS[kind])) throw new Error(`--sequence: kinds are ${Object.keys(KINDS).join(", ")}`);

const FORGED_BODY = Buffer.from(genuineText(0));
const MALFORMED_BODY = Buffer.from(MALFORMED_TEXT);
const OVERSIZED_BODY = Buffer.from(OVERSIZED);
const bodyFor = (kind) =>
  ({ genuine: () => Buffer.from(genuineText(serial++)), forged: () => FORGED_BODY, malformed: () => MALFORMED_BODY, oversized: () => OVERSIZED_BODY })[kind]();

/** Is `body` (with `status`) the answer a `kind` request must get? */
function rightAnswer(kind, status, body) {
  const want = KINDS[kind];
  if (status !== want.status) return false;
  try {
    const json = JSON.parse(body);
    return want.code ? json?.error?.code === want.code : json?.received === "messages.upsert";
  } catch {
    return false;
  }
}

/**
 * POST one delivery; resolves with { status, body, ms } or { error }.
 * `fresh`: on a keep-alive connection of its own, closed by us once the
 * answer is in (the request still says keep-alive, so the server does what
 * it does with a keep-alive connection after an early answer).
 */
function post(url, agent, kind, { fresh = false } = {}) {
  const body = bodyFor(kind);
  const headers = {
    "content-type": "application/json",
    "content-length": body.length,
    "x-webhook-signature": KINDS[kind].signature,
  };
  const own = fresh ? new Agent({ keepAlive: true, maxSockets: 1 }) : null;
  return new Promise((resolvePromise) => {
    const done = (result) => {
      own?.destroy();
      resolvePromise(result);
    };
    const t0 = performance.now();
    const req = request(url, { method: "POST", agent: own ?? agent, headers, timeout: REQUEST_TIMEOUT_MS }, (res) => {
      const chunks = [];
      res.on("data", (chunk) => chunks.push(chunk));
      res.on("end", () => done({ status: res.statusCode, body: Buffer.concat(chunks).toString(), ms: performance.now() - t0 }));
      res.on("error", (error) => done({ error, reused: req.reusedSocket }));
    });
    req.on("timeout", () => req.destroy(Object.assign(new Error("timed out"), { code: "TIMEOUT" })));
    req.on("error", (error) => done({ error, reused: req.reusedSocket }));
    req.end(body);
  });
}

const zero = () => Object.fromEntries(Object.keys(KINDS).map((k) => [k, 0]));

/**
 * `connections` senders, each posting SEQUENCE in a loop over its own
 * keep-alive connection, for `seconds` (and at most MAX_ANSWERS requests in
 * all). Every answer is paired with its own request, so a dropped
 * connection cannot shift answers onto the wrong requests.
 */
async function run(url, connections, seconds) {
  const agent = new Agent({ keepAlive: true, maxSockets: connections, maxFreeSockets: connections, scheduling: "fifo" });
  const tally = { answers: zero(), wrong: zero(), errors: 0, timeouts: 0, resetOversized: 0, examples: [], latencies: [], byKind: Object.fromEntries(Object.keys(KINDS).map((k) => [k, []])) };
  const started = performance.now();
  const deadline = started + seconds * 1000;
  let sent = 0;
  const sender = async (offset) => {
    for (let i = offset; performance.now() < deadline && sent < MAX_ANSWERS; i++) {
      const kind = SEQUENCE[i % SEQUENCE.length];
      sent++;
      // The oversized body goes on a connection of its own, which is not
      // reused: a server may drop a keep-alive connection after an early
      // 413 without saying `Connection: close` (bare workerd does;
      // reuseAfter413 measures it on its own), which would count as the
      // next request's error here.
      const r = await post(url, agent, kind, { fresh: kind === "oversized" });
      if (r.error && kind === "oversized" && !r.reused && (r.error.code === "ECONNRESET" || r.error.code === "EPIPE")) {
        // The server closed the connection while the body was still being
        // sent: refused before reading it, but without the 413 reaching us
        // (bare workerd answers early and closes; the reset can overtake
        // its answer). Counted apart, not as an error.
        tally.resetOversized++;
        continue;
      }
      if (r.error) {
        tally.errors++;
        if (r.error.code === "TIMEOUT") tally.timeouts++;
        if (tally.examples.length < 5) tally.examples.push(`${kind}: ${r.error.code ?? r.error.message}${r.reused ? " (reused connection)" : ""}`);
        continue;
      }
      tally.answers[kind]++;
      tally.latencies.push(r.ms);
      tally.byKind[kind].push(r.ms);
      if (!rightAnswer(kind, r.status, r.body)) {
        tally.wrong[kind]++;
        if (tally.examples.length < 5) tally.examples.push(`${kind}: ${r.status} ${r.body.slice(0, 160)}`);
      }
    }
  };
  // Senders start at different places in the sequence, so the kinds are
  // mixed at every moment, not sent in waves.
  await Promise.all(Array.from({ length: connections }, (_, c) => sender(c)));
  const elapsed = (performance.now() - started) / 1000;
  agent.destroy();
  return { tally, elapsed };
}

/**
 * The same mix from autocannon, a faster generator, as a check that the
 * figures above are the server's and not the client's. Only for a server
 * that keeps its connections (Node's reads and drops the rest of an
 * oversized body): autocannon pairs answers with requests by order on a
 * connection, which a dropped connection would shift. Its histogram keeps
 * whole milliseconds, so latency is taken per answer from its own clock.
 */
function autocannonRun(url, connections, seconds) {
  const tally = { answers: zero(), wrong: zero(), examples: [], latencies: [] };
  const requests = SEQUENCE.map((kind) => {
    const want = KINDS[kind];
    const req = {
      method: "POST",
      path: "/",
      headers: { "content-type": "application/json", "x-webhook-signature": want.signature },
      onResponse: (status, body) => {
        tally.answers[kind]++;
        if (!rightAnswer(kind, status, body)) {
          tally.wrong[kind]++;
          if (tally.examples.length < 5) tally.examples.push(`${kind}: ${status} ${String(body).slice(0, 160)}`);
        }
      },
    };
    if (kind === "genuine") req.setupRequest = (r) => ({ ...r, body: genuineText(serial++) });
    else req.body = bodyFor(kind);
    return req;
  });
  return new Promise((resolvePromise, reject) => {
    const instance = autocannon({ url, connections, duration: seconds, timeout: REQUEST_TIMEOUT_MS / 1000, requests });
    const watchdog = setTimeout(() => instance.stop(), (seconds + 30) * 1000);
    instance.on("response", (_client, _status, _bytes, ms) => {
      tally.latencies.push(ms);
      if (tally.latencies.length >= MAX_ANSWERS) instance.stop();
    });
    instance.on("done", (result) => {
      clearTimeout(watchdog);
      resolvePromise({ tally, result });
    });
    instance.on("error", reject);
  });
}

function percentile(sorted, p) {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] : NaN;
}

/**
 * What a keep-alive client meets after a 413: an oversized delivery, then a
 * genuine one on the same connection, `tries` times. Reported, not judged:
 * a server that drops the connection after refusing the body early (without
 * `Connection: close`) makes that next request fail with a reset.
 */
async function reuseAfter413(url, tries) {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const out = { tries, answered: 0, reset: 0, other: 0 };
  for (let i = 0; i < tries; i++) {
    const big = await post(url, agent, "oversized");
    if (big.error || big.status !== 413) {
      out.other++;
      continue;
    }
    const next = await post(url, agent, "genuine");
    if (next.error) out.reset++;
    else if (rightAnswer("genuine", next.status, next.body)) out.answered++;
    else out.other++;
  }
  agent.destroy();
  return out;
}

/**
 * A single request of each kind before the load: the right answers at all?
 * Each on a keep-alive connection of its own (a `Connection: close` request
 * lets the server close before reading an oversized body, and the client,
 * still sending, gets EPIPE); an oversized one is tried up to 3 times, since
 * a reset may overtake its 413, and one 413 must come back.
 */
async function sanity(url) {
  const problems = [];
  for (const kind of Object.keys(KINDS)) {
    let r;
    for (let attempt = 0; attempt < (kind === "oversized" ? 3 : 1); attempt++) {
      r = await post(url, null, kind, { fresh: true });
      if (!r.error) break;
    }
    if (r.error) problems.push(`${kind}: ${r.error.code ?? r.error.message}`);
    else if (!rightAnswer(kind, r.status, r.body)) problems.push(`${kind}: ${r.status} ${r.body.slice(0, 160)}`);
  }
  return problems;
}

const rows = [];
const reuse = [];
const crossCheck = [];
let failed = false;
try {
  for (const name of args.targets.split(",")) {
    const target = TARGETS[name];
    if (!target) throw new Error(`unknown target ${name}: use ${Object.keys(TARGETS).join(", ")}`);
    log(`load: starting ${target.label}`);
    const server = await target.start();
    try {
      const problems = await sanity(server.url);
      if (problems.length) {
        failed = true;
        log(`load: ${name} answers wrongly before any load:\n  ${problems.join("\n  ")}`);
        continue;
      }
      await run(server.url, 10, warmupSeconds); // JIT and connection warm-up, not reported
      for (const connections of concurrencies) {
        const { tally, elapsed } = await run(server.url, connections, seconds);
        const sorted = Float64Array.from(tally.latencies).sort();
        const answers = Object.values(tally.answers).reduce((a, b) => a + b, 0);
        const wrong = Object.values(tally.wrong).reduce((a, b) => a + b, 0);
        const byKind = Object.fromEntries(
          Object.entries(tally.byKind).map(([k, list]) => {
            const s = Float64Array.from(list).sort();
            return [k, { p50: percentile(s, 0.5), p99: percentile(s, 0.99) }];
          }),
        );
        const row = {
          target: name,
          connections,
          seconds: elapsed,
          answers,
          perKind: tally.answers,
          rps: answers / elapsed,
          p50: percentile(sorted, 0.5),
          p99: percentile(sorted, 0.99),
          byKind,
          wrong,
          errors: tally.errors,
          timeouts: tally.timeouts,
          resetOversized: tally.resetOversized,
        };
        rows.push(row);
        if (wrong || tally.errors) {
          failed = true;
          log(`load: ${name} at ${connections} connections: ${wrong} wrong answers, ${tally.errors} errors (${tally.timeouts} timeouts)`);
          for (const e of tally.examples) log(`  ${e}`);
        }
        const kinds = Object.entries(byKind).map(([k, q]) => `${k} ${q.p50.toFixed(2)}/${q.p99.toFixed(2)}`);
        log(
          `load: ${name} c=${connections}: ${answers} answers in ${elapsed.toFixed(2)} s, ${row.rps.toFixed(0)}/s, ` +
            `p50 ${row.p50.toFixed(2)} ms, p99 ${row.p99.toFixed(2)} ms (p50/p99 by kind: ${kinds.join(", ")}), wrong ${wrong}, errors ${tally.errors}`,
        );
      }
      reuse.push({ target: name, ...(await reuseAfter413(server.url, args.quick ? 5 : 20)) });
      if (name === "node-http" && (args.autocannon ?? !args.quick)) {
        for (const connections of concurrencies) {
          const { tally, result } = await autocannonRun(server.url, connections, seconds);
          const sorted = Float64Array.from(tally.latencies).sort();
          const answers = Object.values(tally.answers).reduce((a, b) => a + b, 0);
          const wrong = Object.values(tally.wrong).reduce((a, b) => a + b, 0);
          const row = {
            target: "node-http (autocannon)",
            connections,
            seconds: result.duration,
            answers,
            perKind: tally.answers,
            rps: answers / result.duration,
            p50: percentile(sorted, 0.5),
            p99: percentile(sorted, 0.99),
            wrong,
            errors: result.errors,
            timeouts: result.timeouts,
          };
          crossCheck.push(row);
          if (wrong || result.errors) {
            failed = true;
            log(`load: autocannon on ${name} at ${connections} connections: ${wrong} wrong answers, ${result.errors} errors`);
            for (const e of tally.examples) log(`  ${e}`);
          }
          log(`load: autocannon on ${name} c=${connections}: ${answers} answers, ${row.rps.toFixed(0)}/s, p50 ${row.p50.toFixed(2)} ms, p99 ${row.p99.toFixed(2)} ms, wrong ${wrong}, errors ${result.errors}`);
        }
      }
    } finally {
      await server.stop();
    }
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

const pad = (s, n) => String(s).padStart(n);
const ms = (x) => pad(x.toFixed(2), 6);
console.log(`\nLoad on 127.0.0.1: ${seconds} s per run; each connection sends ${SEQUENCE.join(" ")} in a loop (oversized: 1 MiB + 1 byte, on a connection of its own)\n`);
console.log(`| target       | conns | answers | genuine/forged/malformed/oversized | req/s  | p50 ms | p99 ms | p99 ms w/o oversized | wrong | errors | oversized reset |`);
console.log(`|--------------|------:|--------:|-----------------------------------:|-------:|-------:|-------:|---------------------:|------:|-------:|----------------:|`);
for (const r of rows) {
  const k = r.perKind;
  const small = Math.max(r.byKind.genuine.p99, r.byKind.forged.p99, r.byKind.malformed.p99);
  console.log(
    `| ${r.target.padEnd(12)} | ${pad(r.connections, 5)} | ${pad(r.answers, 7)} | ${pad(`${k.genuine}/${k.forged}/${k.malformed}/${k.oversized}`, 34)} | ` +
      `${pad(r.rps.toFixed(0), 6)} | ${ms(r.p50)} | ${ms(r.p99)} | ${pad(small.toFixed(2), 20)} | ${pad(r.wrong, 5)} | ${pad(r.errors, 6)} | ${pad(r.resetOversized, 15)} |`,
  );
}
console.log(
  `\n"oversized reset": oversized deliveries whose connection the server reset while the body was still being sent, before its 413 ` +
    `reached the client (refused unread; not counted as errors). "errors" (must be 0) are every other request that got no answer, timeouts included.`,
);
if (crossCheck.length) {
  console.log(`\nThe same mix from autocannon 9 against node-http (oversized bodies on the shared keep-alive connections; a second opinion on the generator):\n`);
  console.log(`| conns | answers | genuine/forged/malformed/oversized | req/s  | p50 ms | p99 ms | wrong | errors |`);
  console.log(`|------:|--------:|-----------------------------------:|-------:|-------:|-------:|------:|-------:|`);
  for (const r of crossCheck) {
    const k = r.perKind;
    console.log(
      `| ${pad(r.connections, 5)} | ${pad(r.answers, 7)} | ${pad(`${k.genuine}/${k.forged}/${k.malformed}/${k.oversized}`, 34)} | ` +
        `${pad(r.rps.toFixed(0), 6)} | ${ms(r.p50)} | ${ms(r.p99)} | ${pad(r.wrong, 5)} | ${pad(r.errors, 6)} |`,
    );
  }
}
console.log(`\nA keep-alive client reusing its connection after a 413 (oversized, then genuine, on one connection; reported, not judged):`);
for (const r of reuse) {
  console.log(`  ${r.target.padEnd(12)} ${r.answered}/${r.tries} next requests answered, ${r.reset} failed (connection dropped after the 413)${r.other ? `, ${r.other} other` : ""}`);
}
console.log(failed ? "\nload: FAILED (wrong answers or errors above)" : "\nload: every answer right, no errors, no timeouts");
process.exitCode = failed ? 1 : 0;
