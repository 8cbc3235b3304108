import "reflect-metadata";
import { Module } from "@nestjs/common";
import { NestFactory } from "@nestjs/core";
import type { NestExpressApplication } from "@nestjs/platform-express";
import { WebhookController } from "./webhook.controller.js";

@Module({ controllers: [WebhookController] })
class AppModule {}

async function bootstrap() {
  // rawBody: true keeps the bytes in req.rawBody beside the parsed body.
  const app = await NestFactory.create<NestExpressApplication>(AppModule, { rawBody: true, logger: ["error", "warn"] });
  // Nest's JSON parser refuses bodies over 100 kB; deliveries may be up to
  // the webhook's limit (maxBodyBytes, 1 MiB by default).
  app.useBodyParser("json", { limit: "1mb" });
  await app.listen(Number(process.env.PORT ?? 3000), "127.0.0.1");
  console.log(`listening on ${await app.getUrl()}/webhook`);
}
bootstrap();
