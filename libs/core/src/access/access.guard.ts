import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import { CoreError, CoreErrorCode } from '../errors/domain-error.js';
import { ALLOW_METADATA } from './allow.decorator.js';
import { audiencesOf, type Audience, type Viewer } from './viewer.js';
import type { RequestContext } from '../graphql/request-context.js';

/** Global guard: enforces each operation's @Allow declaration; no declaration, no access. */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    if (context.getType<string>() !== 'graphql') return true; // REST routes (health) are public by design
    const allowed = this.reflector.get<Audience[] | undefined>(ALLOW_METADATA, context.getHandler());
    const viewer = GqlExecutionContext.create(context).getContext<RequestContext>().viewer;
    checkAudience(viewer, allowed);
    return true;
  }
}

export function checkAudience(viewer: Viewer, allowed: Audience[] | undefined): void {
  if (!allowed || allowed.length === 0) {
    throw new CoreError(CoreErrorCode.NotAllowed, {
      ja: 'この操作は許可されていません',
      en: 'This operation is not open to anyone',
    });
  }
  if (allowed.includes('anyone')) return;
  if (viewer.kind !== 'user') {
    throw new CoreError(CoreErrorCode.NotSignedIn, {
      ja:
        viewer.kind === 'invalid-token'
          ? 'ログインの有効期限が切れました。再度ログインしてください'
          : 'ログインが必要です',
      en:
        viewer.kind === 'invalid-token'
          ? 'Your session has expired or is invalid; sign in again'
          : 'You must sign in first',
    });
  }
  const audiences = audiencesOf(viewer);
  if (allowed.some((audience) => audiences.includes(audience))) return;
  if (
    viewer.affiliation === 'pending' &&
    (viewer.role === 'researcher' || viewer.role === 'company-member')
  ) {
    throw new CoreError(CoreErrorCode.AffiliationPending, {
      ja: '所属の承認待ちです。コーディネーターの承認後に利用できます',
      en: 'Your affiliation is awaiting a coordinator’s approval',
    });
  }
  throw new CoreError(CoreErrorCode.NotAllowed, {
    ja: 'この操作を行う権限がありません',
    en: 'You are not allowed to do this',
  });
}
