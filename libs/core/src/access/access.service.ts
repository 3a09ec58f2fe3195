import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { DomainError } from '../errors/domain-error.js';
import type { Viewer } from './viewer.js';

export interface AccessRequest<P extends string = string> {
  viewer: Viewer;
  permission: P;
  ids: Iterable<string>;
  /** The caller's transaction, when it checks inside one (a second pool connection could starve the pool). */
  manager?: EntityManager;
}

/**
 * A domain's answer to "may this viewer do P to these records": one switch
 * over the domain's permissions, each checked for a whole set of ids at once.
 */
export interface AccessPolicy<P extends string = string> {
  readonly permissions: readonly P[];
  /** The ids among `ids` the viewer holds the permission for. */
  allowed(request: AccessRequest<P> & { ids: Set<string> }): Promise<Set<string>>;
  /** The error for ids the viewer does not hold it for (not found, or forbidden where the record is known). */
  denied(request: AccessRequest<P> & { ids: Set<string> }): Promise<DomainError>;
}

/**
 * The access module: every check of who may see or do what to which records
 * goes through here. Domains register their policies at start.
 */
@Injectable()
export class AccessService {
  private readonly policies = new Map<string, AccessPolicy>();

  register(policy: AccessPolicy): void {
    for (const permission of policy.permissions) this.policies.set(permission, policy);
  }

  /** The ids among the requested ones the viewer holds the permission for. */
  async checkAccess(request: AccessRequest): Promise<Set<string>> {
    const ids = new Set(request.ids);
    if (ids.size === 0) return ids;
    return this.policyFor(request.permission).allowed({ ...request, ids });
  }

  /** Throws the domain's error unless the viewer holds the permission for every id. */
  async requireAccess(request: AccessRequest): Promise<void> {
    const ids = new Set(request.ids);
    const allowed = await this.checkAccess({ ...request, ids });
    const refused = new Set([...ids].filter((id) => !allowed.has(id)));
    if (refused.size) throw await this.policyFor(request.permission).denied({ ...request, ids: refused });
  }

  private policyFor(permission: string): AccessPolicy {
    const policy = this.policies.get(permission);
    if (!policy) throw new Error(`no access policy registered for ${permission}`);
    return policy;
  }
}
