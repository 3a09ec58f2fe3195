import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import DataLoader from 'dataloader';
import type { Request, Response } from 'express';
import type { Viewer } from '../access/viewer.js';

/**
 * Per-request DataLoaders. Each domain asks for its loader by a key, so a page
 * of results costs one query per relation, not one per row.
 */
export class RequestLoaders {
  private readonly loaders = new Map<string, DataLoader<unknown, unknown>>();

  get<K, V>(key: string, batch: (keys: readonly K[]) => Promise<(V | Error)[]>): DataLoader<K, V> {
    let loader = this.loaders.get(key) as DataLoader<K, V> | undefined;
    if (!loader) {
      loader = new DataLoader<K, V>(batch, { maxBatchSize: 500 });
      this.loaders.set(key, loader as DataLoader<unknown, unknown>);
    }
    return loader;
  }
}

export interface RequestContext {
  viewer: Viewer;
  loaders: RequestLoaders;
  requestId: string;
  /** The HTTP exchange (client address, response headers such as Retry-After). */
  req?: Request;
  res?: Response;
}

/** The caller of the current operation, as resolved from its access token. */
export const CurrentViewer = createParamDecorator(
  (_data: unknown, context: ExecutionContext): Viewer =>
    GqlExecutionContext.create(context).getContext<RequestContext>().viewer,
);

/** The request's DataLoaders. */
export const Loaders = createParamDecorator(
  (_data: unknown, context: ExecutionContext): RequestLoaders =>
    GqlExecutionContext.create(context).getContext<RequestContext>().loaders,
);

/** Orders batch results to match the requested keys, as DataLoader requires. */
export function byKeys<K, V>(keys: readonly K[], rows: V[], keyOf: (row: V) => K): (V | Error)[] {
  const found = new Map(rows.map((row) => [keyOf(row), row]));
  return keys.map((key) => found.get(key) ?? new Error(`not found: ${String(key)}`));
}
