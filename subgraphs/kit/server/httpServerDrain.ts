import type { Server } from "node:http";
import type { Socket } from "node:net";

/** How long in-flight requests get to finish at stop before their connections are cut. */
const STOP_GRACE_MS = 10_000;

export interface HttpServerDrain {
  /** Stops accepting, lets requests in flight finish (up to 10 s), closes every connection. */
  stop(): Promise<void>;
}

/**
 * Graceful stop for a subgraph's HTTP server, what ApolloServerPluginDrainHttpServer did:
 * server.close() alone waits for every kept-alive connection (the gateway keeps them open), so
 * the drain counts requests per connection, ends idle connections at once, ends a busy one as
 * soon as its last response is sent, and destroys what is left after the grace period.
 * Must be attached before the server listens.
 */
export function drainOnStop(server: Server): HttpServerDrain {
  const inFlight = new Map<Socket, number>();
  let stopping = false;
  server.on("connection", (socket: Socket) => {
    inFlight.set(socket, 0);
    socket.once("close", () => inFlight.delete(socket));
  });
  server.on("request", (req, res) => {
    inFlight.set(req.socket, (inFlight.get(req.socket) ?? 0) + 1);
    res.once("finish", () => {
      const pending = (inFlight.get(req.socket) ?? 0) - 1;
      inFlight.set(req.socket, pending);
      if (stopping && pending === 0) req.socket.end();
    });
  });
  return {
    async stop() {
      // A request whose connection just arrived gets counted first.
      await new Promise<void>((resolve) => setImmediate(resolve));
      stopping = true;
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const [socket, pending] of inFlight) if (pending === 0) socket.end();
      const cut = setTimeout(() => {
        for (const socket of inFlight.keys()) socket.end();
        setImmediate(() => {
          for (const socket of inFlight.keys()) socket.destroy();
        });
      }, STOP_GRACE_MS);
      await closed;
      clearTimeout(cut);
    },
  };
}
