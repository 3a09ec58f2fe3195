import {
  Meilisearch,
  MeilisearchApiError,
  type EnqueuedTask,
  type EnqueuedTaskPromise,
  type IndexSwap,
  type Task,
} from 'meilisearch';
import { INDEX_DEFINITIONS } from '../index-definitions.js';
import {
  INDEX_NAMES,
  type EngineStats,
  type IndexBatch,
  type IndexName,
  type IndexRebuild,
  type SearchDocument,
  type SearchEngine,
  type SearchRequest,
  type SearchResult,
} from '../search-engine.js';
import { fromSearchResponse, toSearchParams } from './meilisearch-documents.js';
import { indexSettings, settingsDiffer } from './meilisearch-settings.js';

export interface MeilisearchEngineOptions {
  url: string;
  apiKey?: string;
  /** Prepended to every index uid, so several deployments can share one server. */
  indexPrefix?: string;
  synonyms: Record<string, string[]>;
  /** How long to wait for one task (settings changes re-index everything, so generous). */
  taskTimeoutMs?: number;
}

const PRIMARY_KEY = 'id';
const META_ID = 'outbox';
const PAGE = 1000;
/** Meilisearch's own rule for document ids; anything else cannot be in an index (and must not reach a URL path). */
const DOCUMENT_ID = /^[A-Za-z0-9_-]{1,511}$/;

export class MeilisearchTaskError extends Error {
  constructor(
    readonly what: string,
    readonly task: Task,
  ) {
    const reason = task.error ? `${task.error.message} (${task.error.code})` : 'no error reported';
    super(`Meilisearch task ${task.uid} (${task.type}) for ${what} ${task.status}: ${reason}`);
  }
}

/** waitForTask resolves on any final status; only `succeeded` means the change is in. */
export function confirmTask(task: Task, what: string): Task {
  if (task.status !== 'succeeded') throw new MeilisearchTaskError(what, task);
  return task;
}

/** Waits for an enqueued task and throws unless it succeeded. */
export async function awaitTask(pending: EnqueuedTaskPromise, what: string): Promise<Task> {
  return confirmTask(await pending.waitTask(), what);
}

const errorCode = (error: unknown): string | undefined =>
  error instanceof MeilisearchApiError ? error.cause?.code : undefined;

export class MeilisearchEngine implements SearchEngine {
  readonly kind = 'meilisearch' as const;
  private readonly prefix: string;
  private readonly client: Meilisearch;

  constructor(
    private readonly options: MeilisearchEngineOptions,
    client?: Meilisearch,
  ) {
    this.prefix = options.indexPrefix ?? 'kyoso_';
    this.client =
      client ??
      new Meilisearch({
        host: options.url,
        apiKey: options.apiKey,
        defaultWaitOptions: { timeout: options.taskTimeoutMs ?? 60_000 },
      });
  }

  uid(index: IndexName): string {
    return `${this.prefix}${index}`;
  }

  private get metaUid(): string {
    return `${this.prefix}meta`;
  }

  private settings(index: IndexName) {
    return indexSettings(INDEX_DEFINITIONS[index], this.options.synonyms);
  }

  async ensureIndexes(): Promise<void> {
    for (const index of INDEX_NAMES) {
      const uid = this.uid(index);
      await this.ensureIndex(uid);
      const wanted = this.settings(index);
      if (settingsDiffer(await this.client.index(uid).getSettings(), wanted)) {
        await awaitTask(this.client.index(uid).updateSettings(wanted), `settings of ${uid}`);
      }
    }
    await this.ensureIndex(this.metaUid);
  }

  private async ensureIndex(uid: string): Promise<void> {
    try {
      await this.client.getRawIndex(uid);
    } catch (error) {
      if (errorCode(error) !== 'index_not_found') throw error;
      await awaitTask(this.client.createIndex(uid, { primaryKey: PRIMARY_KEY }), `creating ${uid}`);
    }
  }

  async apply(batches: Partial<Record<IndexName, IndexBatch>>, change: number): Promise<void> {
    // enqueue everything first so Meilisearch can batch the tasks, then confirm each in order
    const enqueued: { task: EnqueuedTask; what: string }[] = [];
    for (const index of INDEX_NAMES) {
      const batch = batches[index];
      if (!batch) continue;
      const target = this.client.index<SearchDocument>(this.uid(index));
      if (batch.upserts.length)
        enqueued.push({
          task: await target.addDocuments(batch.upserts, { primaryKey: PRIMARY_KEY }),
          what: `upserts into ${target.uid}`,
        });
      if (batch.deletes.length)
        enqueued.push({
          task: await target.deleteDocuments(batch.deletes),
          what: `deletes from ${target.uid}`,
        });
    }
    for (const { task, what } of enqueued) confirmTask(await this.client.tasks.waitForTask(task), what);
    // only after every batch is confirmed, so a crash never records a change the index lacks
    await awaitTask(
      this.client
        .index(this.metaUid)
        .addDocuments([{ id: META_ID, lastAppliedChange: change }], { primaryKey: PRIMARY_KEY }),
      `recording change ${change}`,
    );
  }

  async search(index: IndexName, request: SearchRequest): Promise<SearchResult> {
    const definition = INDEX_DEFINITIONS[index];
    const params = toSearchParams(request, definition);
    const response = await this.client.index(this.uid(index)).search(params.q, params);
    return fromSearchResponse(response, definition, request.facets);
  }

  async documentIds(index: IndexName): Promise<string[]> {
    const target = this.client.index(this.uid(index));
    const ids: string[] = [];
    for (let offset = 0; ; offset += PAGE) {
      const page = await target.getDocuments({ fields: ['id'], offset, limit: PAGE });
      ids.push(...page.results.map((document) => String(document.id)));
      if (page.results.length < PAGE || offset + PAGE >= page.total) return ids;
    }
  }

  async getDocument(index: IndexName, id: string): Promise<SearchDocument | null> {
    if (!DOCUMENT_ID.test(id)) return null;
    try {
      return await this.client.index<SearchDocument>(this.uid(index)).getDocument(id);
    } catch (error) {
      if (errorCode(error) === 'document_not_found') return null;
      throw error;
    }
  }

  async stats(): Promise<EngineStats> {
    const counts = await Promise.all(
      INDEX_NAMES.map(
        async (index) =>
          [
            index,
            { documents: (await this.client.index(this.uid(index)).getStats()).numberOfDocuments },
          ] as const,
      ),
    );
    return {
      engine: 'meilisearch',
      indexes: Object.fromEntries(counts) as EngineStats['indexes'],
      lastAppliedChange: await this.lastAppliedChange(),
    };
  }

  private async lastAppliedChange(): Promise<number | null> {
    try {
      const meta = await this.client.index(this.metaUid).getDocument(META_ID);
      return typeof meta.lastAppliedChange === 'number' ? meta.lastAppliedChange : null;
    } catch (error) {
      if (errorCode(error) === 'document_not_found' || errorCode(error) === 'index_not_found') return null;
      throw error;
    }
  }

  async health(): Promise<void> {
    const { status } = await this.client.health();
    if (status !== 'available') throw new Error(`Meilisearch at ${this.options.url} is ${String(status)}`);
  }

  async beginRebuild(index: IndexName): Promise<IndexRebuild> {
    const live = this.uid(index);
    const rebuild = `${live}_rebuild_${Date.now()}`;
    await awaitTask(this.client.createIndex(rebuild, { primaryKey: PRIMARY_KEY }), `creating ${rebuild}`);
    try {
      await awaitTask(
        this.client.index(rebuild).updateSettings(this.settings(index)),
        `settings of ${rebuild}`,
      );
    } catch (error) {
      await this.client.deleteIndexIfExists(rebuild).catch(() => false); // best effort: the settings error is the one to report
      throw error;
    }
    return {
      add: async (documents) => {
        if (documents.length)
          await awaitTask(
            this.client.index<SearchDocument>(rebuild).addDocuments(documents, { primaryKey: PRIMARY_KEY }),
            `upserts into ${rebuild}`,
          );
      },
      swap: async () => {
        // no `rename` field: servers before 1.18 reject it as unknown, and false is the default
        const pair = { indexes: [live, rebuild] } as IndexSwap;
        await awaitTask(this.client.swapIndexes([pair]), `swapping ${live} and ${rebuild}`);
        // after the swap `rebuild` names the old live index
        await awaitTask(this.client.deleteIndex(rebuild), `deleting the old ${live}`);
      },
      abort: async () => {
        await awaitTask(this.client.deleteIndex(rebuild), `deleting ${rebuild}`);
      },
    };
  }

  async close(): Promise<void> {
    // the client holds no connection of its own (one fetch per request)
  }
}
