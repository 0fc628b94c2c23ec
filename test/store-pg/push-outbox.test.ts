import { describe, expect, it } from 'vitest';
import { bridgeInstancePushes } from '../../src-main/events/instance-pushes.js';
import { PushBus } from '../../src-main/events/bus.js';
import type { InstanceCoordination } from '../../src-main/store/coordination-types.js';

/** A channel whose sends the test finishes by hand, to see what waits while one is on its way. */
function heldChannel() {
  const sent: Array<{ message: unknown; finish: () => void }> = [];
  const coordination = {
    instanceId: 'ins_test',
    sweepEveryMs: 5_000,
    takeOver: async () => ({ relayClaims: 0, passthroughs: 0 }),
    broadcast: (message: string) => new Promise<void>((resolve) => sent.push({ message: JSON.parse(message), finish: resolve })),
    onMessage: () => () => {},
    onListeningAgain: () => () => {},
  } satisfies InstanceCoordination;
  return { coordination, sent };
}

const turn = () => new Promise((resolve) => setImmediate(resolve));

describe('pushes carried to the other instances', () => {
  it('send one message at a time, the id lists of one kind that came meanwhile merged, in order', async () => {
    const { coordination, sent } = heldChannel();
    const bus = new PushBus();
    const stop = bridgeInstancePushes(bus, coordination, () => {});
    bus.publish({ type: 'deliveries.received', ids: ['a'] });
    bus.publish({ type: 'deliveries.received', ids: ['b'] });
    bus.publish({ type: 'deliveries.received', ids: ['c', 'd'] });
    bus.publish({ type: 'deliveries.updated', ids: ['a'] });
    bus.publish({ type: 'deliveries.received', ids: ['e'] });
    await turn();
    expect(sent.map((s) => s.message)).toEqual([{ type: 'deliveries.received', ids: ['a'] }]);
    sent[0]!.finish();
    await turn();
    expect(sent.map((s) => s.message)).toHaveLength(2);
    expect(sent[1]!.message).toEqual({ type: 'deliveries.received', ids: ['b', 'c', 'd'] });
    sent[1]!.finish();
    await turn();
    sent[2]!.finish();
    await turn();
    expect(sent.map((s) => s.message)).toEqual([
      { type: 'deliveries.received', ids: ['a'] },
      { type: 'deliveries.received', ids: ['b', 'c', 'd'] },
      { type: 'deliveries.updated', ids: ['a'] },
      { type: 'deliveries.received', ids: ['e'] },
    ]);
    stop();
  });

  it('keep a merged message within the ids one message may carry', async () => {
    const { coordination, sent } = heldChannel();
    const bus = new PushBus();
    const stop = bridgeInstancePushes(bus, coordination, () => {});
    bus.publish({ type: 'deliveries.received', ids: ['first'] });
    for (let i = 0; i < 150; i++) bus.publish({ type: 'deliveries.received', ids: [`d${i}`] });
    for (let n = 0; n < 3; n++) {
      await turn();
      sent[n]?.finish();
    }
    await turn();
    const lengths = sent.map((s) => (s.message as { ids: string[] }).ids.length);
    expect(lengths).toEqual([1, 100, 50]);
    stop();
  });
});
