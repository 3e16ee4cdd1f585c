/**
 * A JetStream consumer stopped while it is still setting up its pull (connecting, creating
 * the stream or the durable consumer) must end: stop() once did not see a pull opened after
 * it ran, and an idle pull waits for messages forever, so a subgraph stopped right after it
 * started never finished stopping (seen as a 60 s afterAll timeout in a loaded full run).
 */
import { randomBytes } from "node:crypto";
import { deleteJetStreamNamespace, openJetStream, type JetStreamTransport } from "../../subgraphs/kit/events";

const NATS_URL = process.env.NATS_URL;
const describeNats = NATS_URL ? describe : describe.skip;
if (!NATS_URL) test.skip("skipped: NATS_URL not set", () => undefined);

describeNats("JetStream consumer stopped during set-up", () => {
  const namespace = `js${randomBytes(4).toString("hex")}_`;
  let transport: JetStreamTransport;
  beforeAll(() => {
    transport = openJetStream({ url: NATS_URL!, namespace });
  });
  afterAll(async () => {
    await transport?.close();
    await deleteJetStreamNamespace(NATS_URL!, namespace);
  });

  it("ends every time, whatever step of the set-up it was in", async () => {
    for (const delayMs of [0, 0, 1, 5, 10, 20, 40, 80, 160]) {
      const subscription = transport.subscribe(`stopper-${delayMs}-${randomBytes(2).toString("hex")}`, ["producer"], async () => undefined, { pollMs: 50 });
      await new Promise((resolve) => setTimeout(resolve, delayMs));
      const outcome = await Promise.race([subscription.stop().then(() => "stopped"), new Promise((resolve) => setTimeout(() => resolve("still running after 10 s"), 10_000))]);
      expect(outcome).toBe("stopped");
    }
  }, 120_000);
});
