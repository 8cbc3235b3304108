// Start a server process for a test or the demo, wait until it prints the
// URL it listens on, and stop it (with its children) afterwards.
import { spawn } from "node:child_process";

/**
 * @param {{ command: string, args?: string[], cwd: string, env?: Record<string, string>,
 *           ready: RegExp, timeoutMs?: number }} options  `ready`'s first group is the URL
 * @returns {Promise<{ url: string, logs: () => string, stop: () => Promise<void> }>}
 */
export async function startServer({ command, args = [], cwd, env = {}, ready, timeoutMs = 60_000 }) {
  // `detached` gives the server its own process group, so stop() ends its children too.
  const child = spawn(command, args, { cwd, detached: true, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, NO_COLOR: "1", ...env } });
  let output = "";
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${command} not ready after ${timeoutMs} ms:\n${output}`)), timeoutMs);
    const onData = (chunk) => {
      output += chunk;
      const match = ready.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.on("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`${command} exited with ${code}:\n${output}`));
    });
  });
  const exited = new Promise((resolve) => child.on("exit", resolve));
  return {
    url,
    logs: () => output,
    async stop() {
      try {
        process.kill(-child.pid, "SIGTERM");
      } catch {
        return; // already gone
      }
      const force = setTimeout(() => {
        try {
          process.kill(-child.pid, "SIGKILL");
        } catch {}
      }, 5_000);
      await exited;
      clearTimeout(force);
    },
  };
}
