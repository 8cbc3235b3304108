// The example Worker, bundled as `wrangler deploy --dry-run` bundles it, run
// by workerd through Miniflare's API alone: what the Worker itself sustains
// without `wrangler dev`'s dev server in front (its proxy worker, second
// workerd and per-request log round trip into Node cost ~1-2 ms a request on
// loopback). Miniflare is wrangler's own, pinned by js-tests' lockfile.
//
//   node js-tests/load/workerd.mjs <bundle dir with index.js> <compatibility date>
// prints "listening on http://127.0.0.1:PORT/" and serves until SIGTERM.
// The secret comes from WASENDER_WEBHOOK_SECRET, as the example's env binding.

import { Miniflare } from "miniflare";
import { join, resolve } from "node:path";

const [dir, compatibilityDate] = process.argv.slice(2);
const mf = new Miniflare({
  modules: true,
  scriptPath: join(resolve(dir), "index.js"),
  modulesRoot: resolve(dir),
  modulesRules: [{ type: "CompiledWasm", include: ["**/*.wasm"] }],
  compatibilityDate,
  bindings: { WASENDER_WEBHOOK_SECRET: process.env.WASENDER_WEBHOOK_SECRET },
  cf: false, // no Request.cf download: this machine reaches only loopback
  host: "127.0.0.1",
  port: 0,
});
const url = await mf.ready;
console.log(`listening on ${url}`);
const stop = () => mf.dispose().then(() => process.exit(0));
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
