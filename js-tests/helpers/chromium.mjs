// Headless Chromium (Debian's) for the browser tests: serve a folder over
// http and read back what the page wrote between RESULT and END.
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { extname, join, normalize } from "node:path";

const types = { ".html": "text/html", ".mjs": "text/javascript", ".js": "text/javascript", ".wasm": "application/wasm", ".json": "application/json" };

/** Serve `routes` (path prefix → folder) and `pages` (path → HTML) on a free port. */
export function serve({ routes = {}, pages = {} }) {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url, "http://x").pathname);
    if (pages[path] !== undefined) return res.writeHead(200, { "content-type": "text/html" }).end(pages[path]);
    const prefix = Object.keys(routes).filter((p) => path.startsWith(p)).sort((a, b) => b.length - a.length)[0];
    if (prefix === undefined) return res.writeHead(404).end();
    const root = routes[prefix];
    const file = normalize(join(root, path.slice(prefix.length)));
    if (!file.startsWith(root)) return res.writeHead(404).end();
    let content;
    try {
      content = readFileSync(file);
    } catch {
      return res.writeHead(404).end();
    }
    res.writeHead(200, { "content-type": types[extname(file)] ?? "application/octet-stream" }).end(content);
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

/** Load `url` and return the JSON the page put between RESULT and END. */
export function pageResult(url) {
  const profile = mkdtempSync(join(tmpdir(), "chromium-"));
  // The flags keep Chromium off the (closed) network and quiet as root.
  const args = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic",
    `--user-data-dir=${profile}`, "--virtual-time-budget=20000", "--dump-dom", url,
  ];
  return new Promise((resolve, reject) => {
    execFile("chromium", args, { timeout: 60_000, maxBuffer: 1 << 20 }, (error, stdout, stderr) => {
      rmSync(profile, { recursive: true, force: true });
      const match = /RESULT(.*)END/s.exec(stdout);
      if (match) resolve(JSON.parse(match[1].replaceAll("&lt;", "<").replaceAll("&gt;", ">").replaceAll("&amp;", "&")));
      else reject(new Error(`no result from Chromium (${error?.message ?? "exit 0"}):\n${stdout}\n${stderr}`));
    });
  });
}
