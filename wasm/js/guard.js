// The public face of the wasm: what every entry point exports as
// `WasenderWebhook`, `handleWebhookEvent` and `signHmacSha256`.
//
// Why a guard in JS: a JS exception that unwinds through a wasm call skips
// the wasm's own clean-up (its shadow stack pointer stays lowered, what it
// had allocated leaks), so a few thousand of them poison the one instance
// every hook shares. So nothing a caller hands over reaches the wasm until
// it has been read here, with the engine's own intrinsics and inside
// try/catch: options become a plain object of plain values, a body a
// primitive string or a fresh Uint8Array over a live buffer, each signed
// header a string of bounded length (looked up here in a `Headers` or a
// plain object), the time a whole number of seconds from the `now` option
// (the wasm has no clock). The wasm then calls back into no caller code.
// As a last line, a wasm call that ends in anything but a WebhookError (a
// trap, an engine RangeError, stack exhaustion) is answered with an
// INTERNAL_ERROR and the instance is replaced from the compiled module
// before the next call; every hook re-creates its wasm state lazily.
//
// The wasm state of hooks with equal options is shared (a small LRU), so a
// handler that builds `new WasenderWebhook({ secret })` or calls the
// one-shot form per request allocates no wasm memory per request.

const OPTION_NAMES = ["secret", "secrets", "scheme", "maxBodyBytes", "tolerance", "now"];
const STANDARD = "standard-webhooks";
const SIGNATURE_HEADER = "X-Webhook-Signature";
// The headers each scheme signs with, signature first.
const STANDARD_NAMES = ["webhook-signature", "webhook-id", "webhook-timestamp"];
const SIGNATURE_NAMES = [SIGNATURE_HEADER];
// The engine's own Headers#get (a caller's object cannot stand in for it),
// taken when a Headers first arrives: touching Node's global Headers loads
// its fetch implementation, and node:crypto with it, ~2 ms of cold start.
let headersGet;
// Shared by every copy of the class (ES module and CommonJS builds), so a
// hook made by one is recognised by the other's adapters.
const BRAND = Symbol.for("wasender-webhook.WasenderWebhook");
const SHARED_CONFIGS = 16;

// The engine's own accessors, taken once: a subclass or an instance that
// overrides `length`, `buffer` or `byteLength` cannot run code through them.
const typedArrayProto = Object.getPrototypeOf(Uint8Array.prototype);
const getter = (proto, name) => Object.getOwnPropertyDescriptor(proto, name)?.get;
const viewParts = {
  typed: [getter(typedArrayProto, "buffer"), getter(typedArrayProto, "byteOffset"), getter(typedArrayProto, "byteLength")],
  data: [getter(DataView.prototype, "buffer"), getter(DataView.prototype, "byteOffset"), getter(DataView.prototype, "byteLength")],
};
const bufferLengths = [ArrayBuffer, globalThis.SharedArrayBuffer]
  .filter((type) => typeof type === "function")
  .map((type) => getter(type.prototype, "byteLength"));

/**
 * Build the guarded API over the raw wasm-bindgen exports.
 * `raw.renew()` replaces the wasm instance; `raw.loaded()` says whether
 * one is loaded (browsers load it with `await init()`).
 */
export function guardCore(raw) {
  const { WebhookError } = raw;
  const fail = (code, status, message) => new WebhookError(code, status, message);

  // --- the instance --------------------------------------------------------

  let generation = 0;
  let broken = false;

  /** Run `work` against the wasm; anything but a WebhookError retires the instance. */
  function run(work) {
    if (!raw.loaded()) {
      throw fail("NOT_INITIALIZED", 500, "wasender-webhook is not loaded yet: `await init()` once before using it in a browser");
    }
    if (broken) {
      try {
        raw.renew();
      } catch {
        throw internalError();
      }
      broken = false;
      generation++;
    }
    try {
      return work();
    } catch (error) {
      if (error instanceof WebhookError) throw error;
      broken = true;
      let answer;
      try {
        answer = internalError();
      } catch {
        answer = spareInternalError; // at the stack's limit, nothing new can be made
      }
      throw answer;
    }
  }

  const spareInternalError = internalError();
  function internalError() {
    return fail(
      "INTERNAL_ERROR",
      500,
      "internal error: the WebAssembly instance failed (out of memory or stack?); the call was refused and the instance is replaced before the next call",
    );
  }

  // Each wasm hook is freed by this registry, and only if it belongs to
  // the instance that is still current: a free sent to a replaced instance
  // would corrupt the new one's allocator. (wasm-bindgen's own registry is
  // left out: `__destroy_into_raw` unregisters a hook from it.)
  const finalizer = typeof FinalizationRegistry === "function"
    ? new FinalizationRegistry(({ hook, at }) => {
        if (at === generation && !broken) {
          try {
            hook.free();
          } catch {
            broken = true;
          }
        }
      })
    : { register() {} };

  // --- shared wasm state, one per distinct configuration --------------------

  const shared = new Map(); // config key → entry, least recently used first

  function entryFor(options) {
    const config = readOptions(options);
    const key = configKey(config);
    let entry = shared.get(key);
    if (entry) {
      shared.delete(key);
    } else {
      entry = { config, hook: null, at: -1 };
      wasmHook(entry); // throws on options the core refuses; nothing is kept
    }
    shared.set(key, entry);
    if (shared.size > SHARED_CONFIGS) shared.delete(shared.keys().next().value);
    return entry;
  }

  /** The entry's wasm hook in the current instance, made again after a renewal. */
  function wasmHook(entry) {
    return run(() => {
      if (entry.at !== generation) {
        const { secrets = [], scheme, maxBodyBytes, past, future } = entry.config;
        const hook = new raw.WasenderWebhook(secrets, scheme, maxBodyBytes, past, future);
        // Out of wasm-bindgen's registry, into ours (see `finalizer`).
        hook.__wbg_ptr = hook.__destroy_into_raw();
        entry.hook = hook;
        entry.at = generation;
        entry.summary ??= { scheme: hook.scheme, secretCount: hook.secretCount, maxBodyBytes: hook.maxBodyBytes };
        finalizer.register(entry, { hook, at: generation });
      }
      return entry.hook;
    });
  }

  // --- the public class ------------------------------------------------------

  class WasenderWebhook {
    #entry;
    #now;

    static {
      // Explicit, so that the class keeps its name when minified.
      Object.defineProperty(this, "name", { value: "WasenderWebhook" });
    }

    static [Symbol.hasInstance](value) {
      return value?.[BRAND] === true;
    }

    get [BRAND]() {
      return true;
    }

    constructor(options) {
      this.#entry = entryFor(options);
      this.#now = readClock(options);
    }

    #live() {
      if (this.#entry === null) {
        throw fail("HOOK_FREED", 500, "this WasenderWebhook was freed (free() or `using`): create a new one");
      }
      return this.#entry;
    }

    // Reading the arguments happens inside run() too: at the stack's limit
    // even that can throw, and it is answered like any other failure.
    handleWebhookEvent(body, headers) {
      const entry = this.#live();
      return run(() => {
        const bytes = readBody(body);
        // The common case, a signature header's value for a scheme that
        // signs with it alone, allocates nothing and reads no clock.
        if (entry.summary.scheme !== STANDARD && (headers == null || typeof headers === "string")) {
          return wasmHook(entry).handleWebhookEvent(bytes, readHeader(headers, SIGNATURE_HEADER));
        }
        const [signature, id, timestamp] = readHeaders(headers, entry.summary.scheme);
        return wasmHook(entry).handleWebhookEvent(bytes, signature, id, timestamp, this.#seconds(entry));
      });
    }

    verify(body, headers) {
      const entry = this.#live();
      return run(() => {
        const bytes = readBody(body);
        // The common case, a signature header's value for a scheme that
        // signs with it alone, allocates nothing and reads no clock.
        if (entry.summary.scheme !== STANDARD && (headers == null || typeof headers === "string")) {
          return wasmHook(entry).verify(bytes, readHeader(headers, SIGNATURE_HEADER));
        }
        const [signature, id, timestamp] = readHeaders(headers, entry.summary.scheme);
        return wasmHook(entry).verify(bytes, signature, id, timestamp, this.#seconds(entry));
      });
    }

    /** The time in whole seconds, read only for the scheme that checks it. */
    #seconds(entry) {
      if (entry.summary.scheme !== STANDARD) return 0;
      let ms;
      try {
        ms = this.#now();
      } catch {
        throw invalidOptions("calling the `now` option threw");
      }
      if (typeof ms !== "number" || !(ms >= 0) || ms > 8.64e15) {
        throw invalidOptions(`\`now\` must return milliseconds since 1970, as Date.now() does; found ${typeof ms === "number" ? ms : typeOf(ms)}`);
      }
      return Math.floor(ms / 1000);
    }

    checkBodySize(length) {
      const entry = this.#live();
      const n = typeof length === "number" ? length : NaN;
      run(() => wasmHook(entry).checkBodySize(n));
    }

    get scheme() {
      return this.#live().summary.scheme;
    }

    get secretCount() {
      return this.#live().summary.secretCount;
    }

    get maxBodyBytes() {
      return this.#live().summary.maxBodyBytes;
    }

    /** The configuration's shape, for logs; never a secret. */
    toString() {
      const { scheme, secretCount, maxBodyBytes } = this.#live().summary;
      return `WasenderWebhook { scheme: "${scheme}", secrets: ${secretCount}, maxBodyBytes: ${maxBodyBytes} }`;
    }

    /** What `JSON.stringify(hook)` shows; never a secret. */
    toJSON() {
      return { ...this.#live().summary };
    }

    /**
     * Let this hook go. Its wasm state is shared with hooks of equal options
     * and released when none of them is left; calls after this throw HOOK_FREED.
     */
    free() {
      this.#entry = null;
    }
  }
  if (Symbol.dispose) WasenderWebhook.prototype[Symbol.dispose] = WasenderWebhook.prototype.free;

  function handleWebhookEvent(body, signature, options) {
    return new WasenderWebhook(options).handleWebhookEvent(body, signature);
  }

  function signHmacSha256(secret, body) {
    return run(() => raw.signHmacSha256(readSecret(secret, "secret"), readBody(body)));
  }

  // --- reading what callers hand over ---------------------------------------

  let maxSignature;
  const badHeader = (message) => fail("INVALID_SIGNATURE", 401, `invalid signature: ${message}`);
  const unreadable = () => badHeader("the headers cannot be read (a revoked Proxy, or a getter that throws?)");

  /**
   * The signed headers as [signature, id, timestamp], each a string the
   * wasm may take or undefined. `headers` is the signature header's value
   * (the wasender and hmac-sha256 schemes), or the request's headers: a
   * `Headers`, anything with `get(name)`, or a plain object (names matched
   * case-insensitively).
   */
  function readHeaders(headers, scheme) {
    const names = scheme === STANDARD ? STANDARD_NAMES : SIGNATURE_NAMES;
    if (headers == null || typeof headers === "string") return [readHeader(headers, names[0])];
    if (typeof headers !== "object") throw badHeader(`pass the request's headers or the ${names[0]} header's value, found ${typeOf(headers)}`);
    let get, keys;
    try {
      // The engine's own Headers#get where it is one; a Map or a look-alike's get; else own keys.
      get = Array.isArray(headers) ? undefined : headers.get;
      if (typeof get === "function" && typeof Headers === "function" && headers instanceof Headers) get = headersGet ??= Headers.prototype.get;
    } catch {
      throw unreadable();
    }
    return names.map((name) => {
      const key = name.toLowerCase();
      let value;
      try {
        if (typeof get === "function") value = get.call(headers, key);
        // Node's lower-cased names first; other spellings by scanning the keys.
        else if (Object.hasOwn(headers, key)) value = headers[key];
        else {
          keys ??= Object.keys(headers);
          const found = keys.find((k) => k.toLowerCase() === key);
          if (found !== undefined) value = headers[found];
        }
      } catch {
        throw unreadable();
      }
      return readHeader(value, name);
    });
  }

  /** A header value as a string the wasm may take, or undefined for none. */
  function readHeader(value, name) {
    if (value === undefined || value === null) return undefined;
    if (typeof value !== "string") {
      throw badHeader(`the ${name} header must be the header's value as a string, found ${typeOf(value)}`);
    }
    // UTF-16 units never outnumber UTF-8 bytes: over in units is over in bytes.
    maxSignature ??= run(() => raw.maxSignatureLength());
    if (value.length > maxSignature) {
      throw badHeader(`the ${name} header is longer than any signature can be (${maxSignature} bytes)`);
    }
    return value;
  }

  /** The `now` option: a function returning milliseconds (default Date.now). */
  function readClock(options) {
    let now;
    try {
      now = options.now;
    } catch {
      throw invalidOptions("reading `now` threw");
    }
    if (now === undefined) return Date.now;
    if (typeof now !== "function") throw invalidOptions(`\`now\` must be a function like Date.now, found ${typeOf(now)}`);
    return now;
  }

  /** A body as a primitive string or a fresh Uint8Array over a live buffer. */
  function readBody(body) {
    if (typeof body === "string") return body;
    const bytes = readBytes(body, "body");
    if (bytes === undefined) {
      throw fail(
        "BODY_ALREADY_PARSED",
        500,
        `the body must be the raw request bytes (Uint8Array, ArrayBuffer or string), found ${typeOf(body)}; ` +
          "verification needs the exact bytes sent, so read the raw body (`await request.arrayBuffer()`, " +
          '`express.raw({ type: "application/json" })`) instead of a parsed JSON object',
      );
    }
    return bytes;
  }

  /**
   * The bytes of an ArrayBuffer, SharedArrayBuffer or any view, as a new
   * Uint8Array over the same memory; undefined when `value` is none of them.
   */
  function readBytes(value, what) {
    if (value === null || (typeof value !== "object" && typeof value !== "function")) return undefined;
    try {
      if (ArrayBuffer.isView(value)) {
        const [buffer, offset, length] = viewOf(value);
        return new Uint8Array(buffer.call(value), offset.call(value), length.call(value));
      }
      for (const length of bufferLengths) {
        if (isBuffer(value, length)) return new Uint8Array(value);
      }
    } catch {
      // Detached buffers are the one way left for these to throw.
      throw fail(
        "UNREADABLE_BODY",
        500,
        `the ${what}'s bytes cannot be read: its ArrayBuffer is detached (transferred with postMessage or ` +
          "structuredClone, or handed back to a stream); pass the bytes before giving their buffer away",
      );
    }
    return undefined;
  }

  const viewOf = (view) => {
    try {
      viewParts.typed[0].call(view);
      return viewParts.typed;
    } catch {
      return viewParts.data;
    }
  };

  const isBuffer = (value, length) => {
    try {
      length.call(value);
      return true;
    } catch {
      return false;
    }
  };

  /** A secret as a string, or a copy of its bytes. */
  function readSecret(value, at) {
    if (typeof value === "string") return value;
    if (value === undefined || value === null) {
      throw fail("MISSING_SECRET", 500, `missing secret: \`${at}\` is ${value} (is an environment variable unset?)`);
    }
    const bytes = readBytes(value, at);
    if (bytes === undefined) {
      throw invalidOptions(`\`${at}\` must be a string or a Uint8Array, found ${typeOf(value)}`);
    }
    return bytes.slice();
  }

  /** Options as a plain object of plain values, or the error that says what is wrong. */
  function readOptions(options) {
    if (options === undefined || options === null) {
      throw fail("MISSING_SECRET", 500, "missing secret: pass options such as { secret: env.WASENDER_WEBHOOK_SECRET }");
    }
    if (typeof options !== "object") throw invalidOptions(`options must be an object, found ${typeOf(options)}`);
    const read = (name) => {
      try {
        return options[name];
      } catch {
        throw invalidOptions(`reading \`${name}\` threw`);
      }
    };
    let names;
    try {
      names = Object.keys(options);
    } catch {
      throw invalidOptions("the options object cannot be read (a revoked Proxy?)");
    }
    for (const name of names) {
      if (!OPTION_NAMES.includes(name)) {
        const near = OPTION_NAMES.find((known) => similar(name, known));
        throw invalidOptions(`unknown option \`${name}\`${near ? ` (did you mean \`${near}\`?)` : ""}; the options are ${OPTION_NAMES.join(", ")}`);
      }
    }
    const secret = read("secret");
    const secrets = read("secrets");
    const config = {};
    if (secret !== undefined && secrets !== undefined) throw invalidOptions("give either `secret` or `secrets`, not both");
    if (secrets !== undefined) {
      if (!Array.isArray(secrets)) throw invalidOptions(`\`secrets\` must be an array, found ${typeOf(secrets)}`);
      const list = [];
      let count;
      try {
        count = secrets.length;
      } catch {
        throw invalidOptions("reading `secrets.length` threw");
      }
      for (let i = 0; i < count; i++) {
        let item;
        try {
          item = secrets[i];
        } catch {
          throw invalidOptions(`reading \`secrets[${i}]\` threw`);
        }
        list.push(readSecret(item, `secrets[${i}]`));
      }
      config.secrets = list;
    } else if (names.includes("secret") || secret !== undefined) {
      config.secrets = [readSecret(secret, "secret")];
    }
    // Scheme, limit and tolerance are checked by the core, which names the
    // values it takes; only strings and numbers reach it (anything else as
    // its type's name, which the core refuses with the same message).
    const plain = (value) => (typeof value === "string" || typeof value === "number" ? value : typeOf(value));
    for (const name of ["scheme", "maxBodyBytes"]) {
      const value = read(name);
      if (value !== undefined) config[name] = plain(value);
    }
    // `tolerance`: seconds both ways, { past, future }, or "unchecked".
    const tolerance = read("tolerance");
    if (tolerance !== null && typeof tolerance === "object" && !Array.isArray(tolerance)) {
      for (const side of ["past", "future"]) {
        let value;
        try {
          value = tolerance[side];
        } catch {
          throw invalidOptions(`reading \`tolerance.${side}\` threw`);
        }
        if (value !== undefined) config[side] = plain(value);
      }
    } else if (tolerance !== undefined) {
      config.past = plain(tolerance);
      if (typeof tolerance === "number") config.future = tolerance;
    }
    // `now` is read by the class (it is no part of the shared wasm state).
    return config;
  }

  function invalidOptions(message) {
    return fail("INVALID_OPTIONS", 500, `invalid options: ${message}`);
  }

  return { WasenderWebhook, handleWebhookEvent, signHmacSha256 };
}

/**
 * One string per distinct configuration (secrets included, in order).
 * Each part says its type, so `undefined`, NaN and null cannot meet in one
 * key (as JSON would make them) and a refused value never finds an
 * accepted one's hook.
 */
function configKey({ secrets, scheme, maxBodyBytes, past, future }) {
  const part = (v) => (v === undefined ? "u" : typeof v === "number" ? `n${v}` : `s${JSON.stringify(v)}`);
  const keys = secrets && JSON.stringify(secrets.map((s) => (typeof s === "string" ? s : Array.from(s))));
  return [part(keys), part(scheme), part(maxBodyBytes), part(past), part(future)].join("\u0001");
}

/** Close enough to be a typo: same letters ignoring case, or one edit apart. */
function similar(a, b) {
  if (a.toLowerCase() === b.toLowerCase()) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return [[1, 1], [1, 0], [0, 1]].some(([da, db]) => a.slice(i + da) === b.slice(i + db));
}

function typeOf(value) {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  return typeof value;
}
