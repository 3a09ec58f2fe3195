import { describe, expect, it } from '@jest/globals';
import {
  MeilisearchApiError,
  type EnqueuedTask,
  type EnqueuedTaskPromise,
  type Meilisearch,
  type MeilisearchErrorResponse,
  type Task,
  type TaskType,
} from 'meilisearch';
import { MeilisearchEngine, MeilisearchTaskError } from './meilisearch-engine.js';

interface Call {
  index: string | null;
  type: TaskType | 'getDocument';
  payload: unknown;
}

/** Just the client methods the engine's write paths use; every task finishes at once, failing where told to. */
class FakeClient {
  readonly calls: Call[] = [];
  readonly outcomes = new Map<
    string,
    { status: 'failed' | 'canceled'; error: MeilisearchErrorResponse | null }
  >();
  private readonly finished = new Map<number, Task>();
  readonly tasks = { waitForTask: async (task: EnqueuedTask) => this.finished.get(task.taskUid) as Task };

  failing(
    index: string,
    type: TaskType,
    status: 'failed' | 'canceled',
    error: MeilisearchErrorResponse | null,
  ): this {
    this.outcomes.set(`${index}:${type}`, { status, error });
    return this;
  }

  enqueue(index: string | null, type: TaskType, payload: unknown): EnqueuedTaskPromise {
    const uid = this.calls.push({ index, type, payload });
    const outcome = this.outcomes.get(`${index}:${type}`) ??
      this.outcomes.get(`*:${type}`) ?? { status: 'succeeded' as const, error: null };
    const task: Task = {
      uid,
      indexUid: index,
      type,
      enqueuedAt: '',
      batchUid: null,
      canceledBy: null,
      duration: null,
      startedAt: null,
      finishedAt: null,
      ...outcome,
    };
    this.finished.set(uid, task);
    const enqueued: EnqueuedTask = {
      taskUid: uid,
      indexUid: index,
      status: 'enqueued',
      type,
      enqueuedAt: '',
    };
    return Object.assign(Promise.resolve(enqueued), { waitTask: async () => task });
  }

  index(uid: string) {
    return {
      uid,
      addDocuments: (documents: unknown) => this.enqueue(uid, 'documentAdditionOrUpdate', documents),
      deleteDocuments: (ids: unknown) => this.enqueue(uid, 'documentDeletion', ids),
      updateSettings: (settings: unknown) => this.enqueue(uid, 'settingsUpdate', settings),
      getDocument: async (id: string) => {
        this.calls.push({ index: uid, type: 'getDocument', payload: id });
        const body = {
          message: `Document \`${id}\` not found.`,
          code: 'document_not_found',
          type: 'invalid_request',
          link: '',
        };
        throw new MeilisearchApiError(new Response(null, { status: 404 }), body);
      },
    };
  }

  createIndex = (uid: string) => this.enqueue(uid, 'indexCreation', null);
  deleteIndex = (uid: string) => this.enqueue(uid, 'indexDeletion', null);
  swapIndexes = (pairs: unknown) => this.enqueue(null, 'indexSwap', pairs);
  deleteIndexIfExists = async (uid: string) => this.enqueue(uid, 'indexDeletion', null).then(() => true);
}

const engineWith = (fake: FakeClient) =>
  new MeilisearchEngine({ url: 'http://meili.invalid', synonyms: {} }, fake as unknown as Meilisearch);
const doc = (id: string) => ({ id, titleJa: '発酵' });

describe('MeilisearchEngine', () => {
  it('applies upserts and deletes per index, then records the change in the meta index', async () => {
    const fake = new FakeClient();
    await engineWith(fake).apply(
      { seeds: { upserts: [doc('s1')], deletes: ['s2'] }, needs: { upserts: [], deletes: ['n1'] } },
      7,
    );
    expect(fake.calls).toEqual([
      { index: 'kyoso_seeds', type: 'documentAdditionOrUpdate', payload: [doc('s1')] },
      { index: 'kyoso_seeds', type: 'documentDeletion', payload: ['s2'] },
      { index: 'kyoso_needs', type: 'documentDeletion', payload: ['n1'] },
      {
        index: 'kyoso_meta',
        type: 'documentAdditionOrUpdate',
        payload: [{ id: 'outbox', lastAppliedChange: 7 }],
      },
    ]);
  });

  it('throws a failed task with the index and the server error, and records no change', async () => {
    const error = {
      message: 'Document identifier `a b` is invalid.',
      code: 'invalid_document_id',
      type: 'invalid_request',
      link: '',
    };
    const fake = new FakeClient().failing('kyoso_needs', 'documentAdditionOrUpdate', 'failed', error);
    const applying = engineWith(fake).apply(
      { seeds: { upserts: [doc('s1')], deletes: [] }, needs: { upserts: [doc('a b')], deletes: [] } },
      8,
    );
    await expect(applying).rejects.toThrow(MeilisearchTaskError);
    await expect(applying).rejects.toThrow(
      /kyoso_needs.*failed: Document identifier `a b` is invalid\. \(invalid_document_id\)/,
    );
    expect(fake.calls.map((call) => call.index)).not.toContain('kyoso_meta');
  });

  it('treats a canceled task as a failure too', async () => {
    const fake = new FakeClient().failing('kyoso_seeds', 'documentDeletion', 'canceled', null);
    await expect(engineWith(fake).apply({ seeds: { upserts: [], deletes: ['s1'] } }, 9)).rejects.toThrow(
      /kyoso_seeds.*canceled/,
    );
  });

  it('answers null for a missing document, and never puts an impossible id into a URL', async () => {
    const fake = new FakeClient();
    const engine = engineWith(fake);
    await expect(engine.getDocument('seeds', 'missing-1')).resolves.toBeNull();
    await expect(engine.getDocument('seeds', '../../keys')).resolves.toBeNull();
    await expect(engine.getDocument('seeds', 'a?b')).resolves.toBeNull();
    expect(fake.calls).toEqual([{ index: 'kyoso_seeds', type: 'getDocument', payload: 'missing-1' }]);
  });

  it('rebuilds beside the live index, swaps the two, then drops the old one', async () => {
    const fake = new FakeClient();
    const rebuild = await engineWith(fake).beginRebuild('seeds');
    await rebuild.add([doc('s1')]);
    await rebuild.swap();
    const rebuildUid = fake.calls[0].index as string;
    expect(rebuildUid).toMatch(/^kyoso_seeds_rebuild_\d+$/);
    expect(fake.calls.map(({ index, type }) => [index, type])).toEqual([
      [rebuildUid, 'indexCreation'],
      [rebuildUid, 'settingsUpdate'],
      [rebuildUid, 'documentAdditionOrUpdate'],
      [null, 'indexSwap'],
      [rebuildUid, 'indexDeletion'],
    ]);
    expect(fake.calls[3].payload).toEqual([{ indexes: ['kyoso_seeds', rebuildUid] }]);
  });

  it('drops the rebuild index when its settings fail, leaving the live one alone', async () => {
    const fake = new FakeClient().failing('*', 'settingsUpdate', 'failed', null);
    await expect(engineWith(fake).beginRebuild('needs')).rejects.toThrow(
      /settings of kyoso_needs_rebuild_\d+ failed/,
    );
    const rebuildUid = fake.calls[0].index as string;
    expect(rebuildUid).toMatch(/^kyoso_needs_rebuild_\d+$/);
    expect(fake.calls.map(({ index, type }) => [index, type])).toEqual([
      [rebuildUid, 'indexCreation'],
      [rebuildUid, 'settingsUpdate'],
      [rebuildUid, 'indexDeletion'],
    ]);
  });
});
