/**
 * JetStream-specific delivery (kit/events/jetStreamTransport.ts): a second publish with the same
 * msgID is stored once; an event whose consumer died before the ack comes again to the restarted
 * durable consumer (and an inbox keyed by event id applies it once); a NATS that is down makes
 * publish reject quickly instead of hanging; a consumer stopped while it sets up its pull ends. Each run uses its own namespace, deleted afterwards.
 */
import { randomBytes } from "node:crypto";
import { deleteJetStreamNamespace, openJetStream, type DomainEvent, type JetStreamTransport } from "../../subgraphs/kit/events";

const NATS_URL = process.env.NATS_URL;
const describeNats = NATS_URL ? describe : describe.skip;
if (!NATS_URL) test.skip("skipped: NATS_URL not set", () => undefined);

async function waitFor(what: string, probe: () => boolean | Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

const event = (id: string): DomainEvent => ({ id, source: "producer", type: "visit.cancelled", version: 1, occurredAt: new Date().toISOString(), actor: null, ownerId: "FS-CUST-1", payload: { subjectId: id }, history: false });

describeNats("JetStream transport", () => {
  const namespace = `j${randomBytes(4).toString("hex")}_`;
  let transport: JetStreamTransport;
  beforeAll(() => {
    transport = openJetStream({ url: NATS_URL!, namespace });
  });
  afterAll(async () => {
    await transport?.close();
    await deleteJetStreamNamespace(NATS_URL!, namespace);
  });

  it("stores a second publish with the same msgID once", async () => {
    const first = await transport.publishOne(event("E-dup"));
    const again = await transport.publishOne(event("E-dup"));
    await transport.publish([event("E-dup"), event("E-other")]);
    expect(first.duplicate).toBe(false);
    expect(again.duplicate).toBe(true);
    expect(await transport.storedCount("producer", "E-dup")).toBe(1);
    expect(await transport.storedCount("producer")).toBe(2);
    expect(await transport.sources()).toEqual(["producer"]);
  });

  it("redelivers an event whose consumer died before the ack; an inbox applies it once", async () => {
    const inbox = new Set<string>();
    const deliveries: string[] = [];
    const effects: string[] = [];
    let dying = true;
    const handler = async (e: DomainEvent) => {
      deliveries.push(e.id);
      if (!inbox.has(e.id)) {
        inbox.add(e.id);
        effects.push(e.id);
      }
      if (dying && e.id === "E-dup") {
        // The effect committed, the process dies before its ack.
        await new Promise((resolve) => setTimeout(resolve, 100_000_000).unref());
      }
    };
    const first = transport.subscribe("consumer.redelivery", ["producer"], handler, { pollMs: 20 });
    await waitFor("the first delivery", () => deliveries.includes("E-dup"));
    // Stopping does not wait for the hung handler's ack: it is abandoned like a killed process.
    const stopping = first.stop();
    dying = false;
    const second = transport.subscribe("consumer.redelivery", ["producer"], handler, { pollMs: 20 });
    await waitFor("the redelivery and the next event", () => deliveries.filter((id) => id === "E-dup").length >= 2 && deliveries.includes("E-other"));
    expect(effects).toEqual(["E-dup", "E-other"]);
    await waitFor("nothing pending", async () => (await transport.pending("consumer.redelivery", "producer")) === 0);
    await second.stop();
    void stopping;
  });

  it("rejects a publish quickly when NATS is down, and does not hang close", async () => {
    const down = openJetStream({ url: "nats://127.0.0.1:1", namespace });
    await expect(down.publish([event("E-down")])).rejects.toThrow();
    await down.close();
  });

  it("a consumer stopped during its set-up ends, whatever step it was in (an idle pull opened after stop() once held it forever)", async () => {
    for (const delayMs of [0, 0, 1, 5, 10, 20, 40, 80, 160]) {
      const subscription = transport.subscribe(`stopper-${delayMs}-${randomBytes(2).toString("hex")}`, ["producer"], async () => undefined, { pollMs: 50 });
      await new Promise((resolve) => setTimeout(resolve, delayMs));
      const outcome = await Promise.race([subscription.stop().then(() => "stopped"), new Promise((resolve) => setTimeout(() => resolve("still running after 10 s"), 10_000))]);
      expect(outcome).toBe("stopped");
    }
  }, 120_000);
});
