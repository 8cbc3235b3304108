// The files a Worker or a page downloads from the package (the wasm, the JS
// glue, which has our src/js modules bundled in, and the Worker entry) and their gzipped size. One definition for the size check
// (check-package.mjs) and the benchmark, so both print the same figure.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

export function shippedFiles(pkgDir) {
  return ["dist/wasender_webhook_bg.wasm", "dist/wasender_webhook.js", "workerd.mjs"];
}

/** Each shipped file's raw and gzip level-9 size (each compressed on its own, as served), and the sums. */
export function shippedSizes(pkgDir) {
  const files = shippedFiles(pkgDir).map((file) => {
    const bytes = readFileSync(join(pkgDir, file));
    return { file, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
  });
  const sum = (key) => files.reduce((s, f) => s + f[key], 0);
  return { files, raw: sum("raw"), gzip: sum("gzip") };
}
