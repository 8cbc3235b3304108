// Start a Worker locally under workerd with `wrangler dev`, for the tests
// and the demo.
import { createServer } from "node:net";
import { startServer } from "./server.mjs";

async function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** @param {{ dir: string, vars?: Record<string, string> }} options */
export async function startWorker({ dir, vars = {} }) {
  const port = await freePort();
  const args = ["dev", "--ip", "127.0.0.1", "--port", String(port), "--inspector-port", String(await freePort())];
  for (const [name, value] of Object.entries(vars)) args.push("--var", `${name}:${value}`);
  const worker = await startServer({
    command: "wrangler",
    args,
    cwd: dir,
    env: { WRANGLER_SEND_METRICS: "false", CI: "true" },
    ready: /Ready on (http:\/\/\S+)/,
  });
  return { ...worker, url: `http://127.0.0.1:${port}/` };
}
