// Every JavaScript and TypeScript snippet in the README is code from a file
// in the repository, so it is type-checked (and run) like any other code: a
// snippet's first line names its file (`// examples/readme/worker.ts`), and
// the snippet must be that file to the character, or (for the framework
// projects, whose files are longer) whole lines of it, in one piece.
// scripts/test type-checks examples/readme/ under `strict`, and each
// framework project type-checks its own files. Usage: node readme.mjs [README.md]
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";

const readme = resolve(process.argv[2] ?? join(dirname(new URL(import.meta.url).pathname), "../../README.md"));
const root = dirname(readme);
const text = readFileSync(readme, "utf8");
const CODE = new Set(["js", "mjs", "cjs", "ts", "tsx", "javascript", "typescript"]);

let failed = 0;
let checked = 0;
for (const [, lang, body] of text.matchAll(/^```(\w*)\n([\s\S]*?)^```$/gm)) {
  if (!CODE.has(lang)) continue;
  const first = body.split("\n", 1)[0];
  const file = /^\/\/ (examples\/\S+)$/.exec(first)?.[1];
  if (file === undefined) {
    console.log(`FAIL a ${lang} snippet that names no file: ${JSON.stringify(first)}`);
    failed++;
    continue;
  }
  if (!existsSync(join(root, file))) {
    console.log(`FAIL ${file}: no such file`);
    failed++;
    continue;
  }
  const content = readFileSync(join(root, file), "utf8");
  const excerpt = body.slice(first.length + 1);
  const whole = content === body;
  const lines = `\n${content}`.includes(`\n${excerpt}`) && excerpt.endsWith("\n") && excerpt.trim() !== "";
  if (!whole && !lines) {
    console.log(`FAIL ${file}: the README's snippet is neither the file nor whole lines of it`);
    failed++;
    continue;
  }
  checked++;
}
console.log(failed ? `README snippets: ${failed} failed` : `README snippets: all ${checked} are their files`);
process.exit(failed || checked === 0 ? 1 : 0);
