import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import { CoreError } from '../errors/domain-error.js';
import type { RequestContext } from '../graphql/request-context.js';
import { RATE_LIMIT_METADATA, type RateLimitClass } from './rate-limit.decorator.js';
import { RateLimitService } from './rate-limit.service.js';

/** Global guard: an operation marked @RateLimit spends from its class's budget for the caller's IP. */
@Injectable()
export class RateLimitGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly limits: RateLimitService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType<string>() !== 'graphql') return true;
    const limitClass = this.reflector.get<RateLimitClass | undefined>(
      RATE_LIMIT_METADATA,
      context.getHandler(),
    );
    if (!limitClass) return true;
    const { req, res } = GqlExecutionContext.create(context).getContext<RequestContext>();
    try {
      await this.limits.consume(limitClass, req?.ip ?? req?.socket.remoteAddress ?? 'unknown');
    } catch (error) {
      if (error instanceof CoreError && error.retryAfterSeconds !== undefined) {
        res?.setHeader('Retry-After', String(error.retryAfterSeconds));
      }
      throw error;
    }
    return true;
  }
}
