// A WasenderAPI webhook endpoint as a NestJS controller. main.ts creates the
// app with { rawBody: true }, so req.rawBody holds the bytes the signature
// covers while every route still gets the parsed body.
import { Body, Catch, Controller, HttpCode, Post, Req, UseFilters } from "@nestjs/common";
import type { ArgumentsHost, ExceptionFilter, RawBodyRequest } from "@nestjs/common";
import type { Request } from "express";
import { WasenderWebhook, WebhookError } from "wasender-webhook";
import { verifyNodeRequest } from "wasender-webhook/node";

// Made at start-up, so an unset secret stops the server here with the fix.
const hook = new WasenderWebhook({ secret: process.env.WASENDER_WEBHOOK_SECRET });

/** A WebhookError answered with its status; a 5xx logged, and answered without details. */
@Catch(WebhookError)
export class WebhookErrorFilter implements ExceptionFilter {
  catch(error: WebhookError, host: ArgumentsHost) {
    if (error.status >= 500) console.error(error);
    const body = error.status >= 500 ? { code: "INTERNAL_ERROR", message: "see the server's log" } : { code: error.code, message: error.message };
    host.switchToHttp().getResponse().status(error.status).json({ error: body });
  }
}

@Controller()
export class WebhookController {
  @Post("webhook")
  @HttpCode(200)
  @UseFilters(WebhookErrorFilter)
  async receive(@Req() req: RawBodyRequest<Request>) {
    const event = await verifyNodeRequest(req, hook);
    console.log(`wasender delivery: ${event.event}`);
    return { ok: true }; // never the event: its sessionId is a credential
  }

  // Any other route: Nest's parsed JSON body, as before.
  @Post("orders")
  orders(@Body() order: unknown) {
    return { received: order };
  }
}
