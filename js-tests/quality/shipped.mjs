// The files a Worker or a page downloads from the package: the wasm, the JS
// glue with its snippets, the error class's stable path and the Worker
// entry. One list for the size check (check-package.mjs) and the benchmark.
import { readdirSync } from "node:fs";
import { join } from "node:path";

export function shippedFiles(pkgDir) {
  const snippets = readdirSync(join(pkgDir, "dist/snippets"), { recursive: true })
    .filter((f) => f.endsWith(".js"))
    .map((f) => join("dist/snippets", f));
  return ["dist/wasender_webhook_bg.wasm", "dist/wasender_webhook.js", ...snippets, "dist/webhook_error.js", "workerd.mjs"];
}
