/**
 * Server-sent events on a raw HTTP response: `data: <json>` events, then `data: [DONE]`. Writes after
 * the client went away are dropped (the generation is cancelled by whoever watches `closed`).
 */
import type { ServerResponse } from "node:http";

export class SseStream {
  constructor(private readonly res: ServerResponse) {
    res.writeHead(200, {
      "content-type": "text/event-stream; charset=utf-8",
      "cache-control": "no-cache",
      connection: "keep-alive",
      // Proxies such as nginx would otherwise buffer the stream.
      "x-accel-buffering": "no",
    });
    // The status line and headers go out now: a client sees the stream open before the first token.
    res.flushHeaders();
  }

  /** The client closed the connection before the stream ended. */
  get closed(): boolean {
    return this.res.destroyed || this.res.writableEnded;
  }

  send(data: unknown): void {
    if (!this.closed) this.res.write(`data: ${JSON.stringify(data)}\n\n`);
  }

  /** `data: [DONE]` and the end of the response. */
  done(): void {
    if (this.closed) return;
    this.res.write("data: [DONE]\n\n");
    this.res.end();
  }
}
