// For the framework examples' tests (js-tests/examples/*.test.mjs): pack
// the package, install the tarball into an example the way a user's
// project gets it, and send an endpoint the deliveries every host must
// answer the same way.
import { execFileSync } from "node:child_process";
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { request } from "node:http";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { SECRET, SESSION_ID, bodyOf, deliveries } from "./deliveries.mjs";

export const ROOT = fileURLToPath(new URL("../../", import.meta.url));
export const exampleDir = (name) => join(ROOT, "examples", name);

/** `npm pack` of pkg/ (as scripts/build left it) into a fresh folder; returns the tarball's path and a clean-up. */
export function packTarball() {
  mkdirSync(join(ROOT, "js-tests", ".tmp"), { recursive: true });
  const dir = mkdtempSync(join(ROOT, "js-tests", ".tmp", "pack-"));
  const name = execFileSync("npm", ["pack", "--silent", "--pack-destination", dir], { cwd: join(ROOT, "pkg"), encoding: "utf8" }).trim();
  return { tarball: join(dir, name), remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * Install the tarball into an example whose other dependencies scripts/setup
 * installed from its lockfile: npm replaces the `file:../../pkg` link with the
 * packed files, leaving package.json and the lockfile as they are.
 */
export function installTarball(dir, tarball) {
  if (!existsSync(join(dir, "node_modules", ".setup-stamp"))) {
    throw new Error(`${dir} has no dependencies installed: run scripts/setup first`);
  }
  execFileSync("npm", ["install", "--no-save", "--offline", "--no-audit", "--no-fund", "--silent", tarball], { cwd: dir, stdio: "inherit" });
  const installed = join(dir, "node_modules", "wasender-webhook");
  if (lstatSync(installed).isSymbolicLink()) throw new Error(`${installed} is still a link, not the tarball's files`);
  return JSON.parse(readFileSync(join(installed, "package.json"), "utf8")).version;
}

const MiB = 1 << 20;
const genuineBody = bodyOf(deliveries.messageUpsert);
/** A well-formed session.status delivery of exactly `size` bytes (padded with an extra member). */
export function deliveryOfSize(size) {
  const head = JSON.stringify({ ...deliveries.sessionStatus, padding: "" });
  return new TextEncoder().encode(head.replace('"padding":""', `"padding":"${"x".repeat(size - head.length)}"`));
}

/**
 * What a WasenderAPI endpoint must answer, whatever hosts it: a delivery
 * of exactly the default limit (maxBodyBytes, 1 MiB) is accepted, one byte
 * more is refused, whether by the package or by the framework's own parser.
 */
export const EXPECTED = { genuine: 200, sessionStatus: 200, largest: 200, forged: 401, unsigned: 401, oversized: 413, streamedOversized: 413, malformed: 400, stillUp: 200 };

/**
 * POST `body` on a connection of its own (so no case meets a connection the
 * server closed after an earlier one), with a Content-Length, or `streamed`
 * in 16 KiB chunks without one. Resolves with the answer's status and text,
 * even when the server answers before the whole body is sent.
 */
function post(url, { body, headers, streamed = false }) {
  return new Promise((resolve, reject) => {
    const all = streamed ? headers : { ...headers, "content-length": String(body.length) };
    const req = request(url, { method: "POST", headers: all, agent: false }, (res) => {
      const chunks = [];
      res.on("data", (chunk) => chunks.push(chunk));
      res.on("end", () => resolve({ status: res.statusCode, text: Buffer.concat(chunks).toString("utf8") }));
      res.on("error", reject);
    });
    req.on("error", reject); // ignored once an answer has come
    if (!streamed) return req.end(body);
    for (let at = 0; at < body.length; at += 16384) req.write(body.subarray(at, at + 16384));
    req.end();
  });
}

/**
 * Send `url` a genuine delivery (signed as the default scheme signs: the
 * secret itself in x-webhook-signature), a second genuine event, one of
 * exactly the size limit, a forged and an unsigned one, one a byte over the
 * limit, one over it streamed without Content-Length, a malformed one, and
 * a genuine one again (the server survived them). Returns each answer's
 * status and text; `statuses` compares with EXPECTED.
 */
export async function sendDeliveries(url) {
  const cases = {
    genuine: [genuineBody, SECRET],
    sessionStatus: [bodyOf(deliveries.sessionStatus), SECRET],
    largest: [deliveryOfSize(MiB), SECRET],
    forged: [genuineBody, "not-the-secret"],
    unsigned: [genuineBody, undefined],
    oversized: [deliveryOfSize(MiB + 1), SECRET],
    // Over the limit with no Content-Length: refused while reading, and the server lives on.
    streamedOversized: [deliveryOfSize(MiB + 65536), SECRET, { streamed: true }],
    malformed: [new TextEncoder().encode('{"event":'), SECRET],
    stillUp: [genuineBody, SECRET],
  };
  const answers = {};
  for (const [name, [body, signature, { streamed } = {}]] of Object.entries(cases)) {
    const headers = { "content-type": "application/json" };
    if (signature !== undefined) headers["x-webhook-signature"] = signature;
    try {
      answers[name] = await post(url, { body, headers, streamed });
    } catch (error) {
      // A reset connection or a server that died shows as this case's status.
      answers[name] = { status: `no answer (${error.code ?? error.message})`, text: "" };
    }
  }
  const statuses = Object.fromEntries(Object.entries(answers).map(([name, { status }]) => [name, status]));
  // No answer may carry a credential: the secret, or the sessionId a genuine delivery holds.
  const leaks = Object.entries(answers)
    .filter(([, { text }]) => text.includes(SECRET) || text.includes(SESSION_ID))
    .map(([name]) => name);
  return { answers, statuses, leaks };
}

// --- the steps every framework test shares ----------------------------------

/** Pack the package and install it into the example, noting the version in the test's output. */
export function installPackage(t, dir) {
  const { tarball, remove } = packTarball();
  try {
    t.diagnostic(`installed wasender-webhook ${installTarball(dir, tarball)} from the tarball`);
  } finally {
    remove();
  }
}

/** Start an example's server with the test secret, on a free port. */
export async function startExample(dir, args, command = "node") {
  const { startServer } = await import("./server.mjs");
  return startServer({ command, args, cwd: dir, env: { WASENDER_WEBHOOK_SECRET: SECRET, PORT: "0" }, ready: /listening on (http:\/\/\S+)/ });
}

/**
 * Send every delivery and check the answers every host must give: the
 * statuses, no credential in any answer, `genuine` (parsed) for the genuine
 * delivery, INVALID_SIGNATURE for the forged one. The answers, for more checks.
 */
export async function checkWebhook(server, url = server.url, genuine = { ok: true }) {
  const { default: assert } = await import("node:assert/strict");
  const { answers, statuses, leaks } = await sendDeliveries(url);
  assert.deepEqual(statuses, EXPECTED, `${url}: ${JSON.stringify(answers.genuine)}\n${server.logs()}`);
  assert.deepEqual(leaks, [], `${url} answered with a credential`);
  assert.deepEqual(JSON.parse(answers.genuine.text), genuine);
  assert.equal(JSON.parse(answers.forged.text).error.code, "INVALID_SIGNATURE");
  return answers;
}

/** A JSON route outside the webhook still gets its parsed body (answered with `status`). */
export async function checkOtherRoute(server, path, status = 200) {
  const { default: assert } = await import("node:assert/strict");
  const order = { id: 7, items: ["olá"] };
  const res = await fetch(new URL(path, server.url), { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(order) });
  assert.deepEqual([res.status, await res.json()], [status, { received: order }], `${path} lost its framework's JSON parsing`);
}
