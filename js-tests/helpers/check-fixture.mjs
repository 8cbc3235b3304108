// Checks one fixture's result against tests/fixtures/expected.json. Plain
// JS with no runtime imports, so Node, Chromium and workerd run the very
// same checks. Returns a list of problems (empty when all is well).

/** Deep equality as a user would need it: Object.is on leaves (so -0 and NaN count), own keys only. */
export function deepEqual(a, b) {
  if (Object.is(a, b)) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((k) => Object.prototype.hasOwnProperty.call(b, k) && deepEqual(a[k], b[k]));
}

const VIEWS = ["messages", "statuses", "reactions", "sessionStatus"];

/**
 * @param {string} bodyText the fixture as text (for JSON.parse)
 * @param {object} expected its entry in expected.json
 * @param {() => any} handle runs handleWebhookEvent on the fixture's bytes
 */
export function checkFixture(bodyText, expected, handle) {
  const problems = [];
  let event;
  try {
    event = handle();
  } catch (error) {
    if (!expected.error) return [`threw ${error?.code}: ${error?.message}`];
    if (error?.code !== expected.error.code) problems.push(`code ${error?.code}, want ${expected.error.code}`);
    if (!String(error?.message).endsWith(`at ${expected.error.path}`)) problems.push(`message "${error?.message}" does not end with the path ${expected.error.path}`);
    return problems;
  }
  if (expected.error) return [`accepted; want ${expected.error.code} at ${expected.error.path}`];
  const sent = JSON.parse(bodyText);
  const { data, ...envelope } = sent;
  if (event.event !== expected.event) problems.push(`event ${event.event}, want ${expected.event}`);
  if (event.receivedEvent !== (expected.receivedEvent ?? sent.event)) problems.push(`receivedEvent ${event.receivedEvent}`);
  if (!deepEqual(event.data, data)) problems.push("data is not deep-equal to JSON.parse(body).data");
  if (!deepEqual(event.envelope, envelope)) problems.push("envelope is not the body's other members");
  for (const view of VIEWS) {
    if (!deepEqual(event[view], expected[view])) {
      problems.push(`${view}: got ${JSON.stringify(event[view])}, want ${JSON.stringify(expected[view])}`);
    }
  }
  let ts = expected.timestamp ?? (sent.timestamp == null ? undefined : Number(sent.timestamp));
  if (ts !== undefined && Math.abs(ts) > 1e11) ts /= 1000;
  if (event.timestamp !== ts) problems.push(`timestamp ${event.timestamp}, want ${ts}`);
  if (("sessionId" in event) !== (typeof sent.sessionId === "string")) problems.push("sessionId presence");
  return problems;
}
