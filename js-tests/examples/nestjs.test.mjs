// examples/nestjs (NestJS 11 on Express, TypeScript strict, compiled by
// tsc) with the packed tarball: NestFactory.create(AppModule, { rawBody:
// true }) keeps req.rawBody for verifyNodeRequest, a filter answers
// WebhookErrors with their status, and another route still gets the parsed
// JSON body. The compiled app is CommonJS, so it runs the package's
// require() entries.
import { test } from "node:test";
import { execFileSync } from "node:child_process";
import { rmSync } from "node:fs";
import { join } from "node:path";
import { checkOtherRoute, checkWebhook, exampleDir, installPackage, startExample } from "../helpers/frameworks.mjs";

const dir = exampleDir("nestjs");

test("NestJS: rawBody: true, a controller and an exception filter", async (t) => {
  installPackage(t, dir);
  rmSync(join(dir, "dist"), { recursive: true, force: true });
  execFileSync(join(dir, "node_modules", ".bin", "tsc"), ["-p", dir], { stdio: "inherit" });

  const server = await startExample(dir, ["dist/main.js"]);
  try {
    await checkWebhook(server);
    await checkOtherRoute(server, "/orders", 201);
  } finally {
    await server.stop();
  }
});
