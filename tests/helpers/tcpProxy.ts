import net from "node:net";

export interface TcpProxy {
  port: number;
  /** Like the server going away: every open connection is cut and new ones are refused. */
  down(): Promise<void>;
  /** Like the server coming back: accepts connections on the same port again. */
  up(): Promise<void>;
  close(): Promise<void>;
}

/**
 * A TCP forwarder in front of a shared server (PostgreSQL): a test can take "the server"
 * down and up for its own client without restarting the server others use.
 */
export async function startTcpProxy(targetHost: string, targetPort: number): Promise<TcpProxy> {
  const sockets = new Set<net.Socket>();
  const track = (socket: net.Socket) => {
    sockets.add(socket);
    socket.once("close", () => sockets.delete(socket));
  };
  const server = net.createServer((client) => {
    const upstream = net.connect(targetPort, targetHost);
    track(client);
    track(upstream);
    client.pipe(upstream).pipe(client);
    client.on("error", () => upstream.destroy());
    upstream.on("error", () => client.destroy());
  });
  const listen = (port: number) => new Promise<void>((resolve, reject) => server.once("error", reject).listen(port, "127.0.0.1", () => resolve()));
  await listen(0);
  const port = (server.address() as net.AddressInfo).port;
  const down = () =>
    new Promise<void>((resolve) => {
      for (const socket of sockets) socket.destroy();
      if (!server.listening) return resolve();
      server.close(() => resolve());
    });
  return { port, down, up: () => listen(port), close: down };
}
