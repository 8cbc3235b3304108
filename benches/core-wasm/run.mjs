// Times the wasm core's parts side by side (lib.rs says what each is) on the
// benchmark's bodies: one module, interleaved rounds in alternating order,
// medians of the times and of each round's ratio to the whole (the event and
// its tape). Usage: node benches/core-wasm/run.mjs <module.wasm> [--quick]
import { readFileSync } from "node:fs";
import { makeBodies } from "../../js-tests/bench/bodies.mjs";

const [file, flag] = process.argv.slice(2);
const quick = flag === "--quick";
const module = new WebAssembly.Module(readFileSync(file));
// The library's wasm-bindgen surface comes along and imports its JS glue;
// none of it runs here, so each import only fails loudly if it ever did.
const imports = {};
for (const { module: from, name } of WebAssembly.Module.imports(module)) {
  (imports[from] ??= {})[name] = () => {
    throw new Error(`core bench: unexpected call to ${from}.${name}`);
  };
}
const core = new WebAssembly.Instance(module, imports).exports;
const REFUSED = 0xffffffff;
const PARTS = ["event + tape", "event", "tree parse", "syntax floor"];

function load(bytes) {
  const at = core.input(bytes.length);
  new Uint8Array(core.memory.buffer, at, bytes.length).set(bytes);
}

const median = (values) => [...values].sort((a, b) => a - b)[values.length >> 1];
const rows = [];
for (const { label, bytes } of makeBodies()) {
  // Proofs first: every part takes the genuine body and refuses it cut short.
  load(bytes.subarray(0, bytes.length - 1));
  PARTS.forEach((part, k) => {
    if (core.run(k, 1) >>> 0 !== REFUSED) throw new Error(`${part} accepted a body cut short (${label})`);
  });
  load(bytes);
  PARTS.forEach((part, k) => {
    if (core.run(k, 1) >>> 0 === REFUSED) throw new Error(`${part} refused the ${label} body`);
  });

  const times = PARTS.map(() => []);
  const rounds = quick ? 3 : 31;
  const reps = quick ? 1 : Math.max(1, Math.round(2e6 / bytes.length));
  for (let round = 0; round < rounds; round++) {
    const order = PARTS.map((_, k) => (round % 2 ? k : PARTS.length - 1 - k));
    for (const k of order) {
      const start = process.hrtime.bigint();
      core.run(k, reps);
      times[k].push(Number(process.hrtime.bigint() - start) / reps / 1000);
    }
  }
  rows.push({
    label,
    micros: times.map(median),
    shares: times.map((t) => median(t.map((value, round) => value / times[0][round]))),
  });
}

console.log("| body | " + PARTS.map((p) => `${p} (µs, share)`).join(" | ") + " | tree over the floor |");
console.log("|---|" + PARTS.map(() => "---:|").join("") + "---:|");
for (const { label, micros, shares } of rows) {
  const cells = micros.map((m, k) => `${m.toFixed(2)} (${(100 * shares[k]).toFixed(0)} %)`);
  console.log(`| ${label} | ${cells.join(" | ")} | ${(100 * (shares[2] - shares[3])).toFixed(0)} % |`);
}
