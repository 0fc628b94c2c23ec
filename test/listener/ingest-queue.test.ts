import { describe, expect, it } from 'vitest';
import { IngestQueue } from '../../src-main/listener/ingest-queue.js';
import type { DeliveryStore, NewDelivery } from '../../src-main/store/types.js';
import { paychantDelivery } from '../helpers/store.js';

/** A store whose commits the test finishes by hand, in any order, to see what the queue has under way. */
function heldStore(concurrentInserts?: number) {
  const commits: Array<{ ids: string[]; finish: (error?: unknown) => void }> = [];
  const store = {
    concurrentInserts,
    insertBatch: (batch: readonly NewDelivery[]) =>
      new Promise<void>((resolve, reject) => commits.push({ ids: batch.map((d) => d.id), finish: (error) => (error ? reject(error) : resolve()) })),
  } as unknown as DeliveryStore;
  return { store, commits };
}

const turn = () => new Promise((resolve) => setImmediate(resolve));
const settledState = async (promise: Promise<void>) => {
  let state = 'pending';
  promise.then(
    () => (state = 'committed'),
    () => (state = 'refused'),
  );
  await turn();
  return state;
};

describe('the ingest queue', () => {
  it('keeps one commit under way where the store says nothing (a single writer), the next batch gathering meanwhile', async () => {
    const { store, commits } = heldStore();
    const queue = new IngestQueue(store, () => {});
    const first = queue.enqueue(paychantDelivery('{"n":1}'));
    await turn();
    const later = [queue.enqueue(paychantDelivery('{"n":2}')), queue.enqueue(paychantDelivery('{"n":3}'))];
    await turn();
    await turn();
    expect(commits).toHaveLength(1);
    commits[0]!.finish();
    await first;
    await turn();
    expect(commits).toHaveLength(2);
    expect(commits[1]!.ids).toHaveLength(2);
    commits[1]!.finish();
    await Promise.all(later);
  });

  it('has as many commits under way as the store takes, never more, and answers each request after its own commit only', async () => {
    const { store, commits } = heldStore(3);
    const committed: string[] = [];
    const queue = new IngestQueue(store, (ids) => committed.push(...ids));
    const requests: Promise<void>[] = [];
    for (let i = 0; i < 5; i++) {
      requests.push(queue.enqueue(paychantDelivery(`{"n":${i}}`)));
      await turn();
    }
    await turn();
    // Three batches of one under way; the last two wait together for a free slot.
    expect(commits.map((c) => c.ids.length)).toEqual([1, 1, 1]);
    commits[1]!.finish();
    expect(await settledState(requests[1]!)).toBe('committed');
    expect(await settledState(requests[0]!)).toBe('pending');
    expect(committed).toEqual(commits[1]!.ids);
    await turn();
    expect(commits.map((c) => c.ids.length)).toEqual([1, 1, 1, 2]);
    for (const c of [commits[0]!, commits[2]!, commits[3]!]) c.finish();
    await Promise.all(requests);
    expect(committed.sort()).toEqual(commits.flatMap((c) => c.ids).sort());
  });

  it('answers 503 only for the batch that met an unreachable store, while another one under way commits', async () => {
    const { store, commits } = heldStore(2);
    const queue = new IngestQueue(store, () => {});
    const first = queue.enqueue(paychantDelivery('{"n":1}'));
    await turn();
    const second = queue.enqueue(paychantDelivery('{"n":2}'));
    await turn();
    expect(commits).toHaveLength(2);
    commits[0]!.finish(Object.assign(new Error('Connection terminated'), { storeUnavailable: true }));
    commits[1]!.finish();
    await expect(first).rejects.toThrow('Connection terminated');
    await expect(second).resolves.toBeUndefined();
    // Unreachable: the batch is not retried row by row.
    expect(commits).toHaveLength(2);
  });
});
