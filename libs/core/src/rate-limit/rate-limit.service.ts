import { Injectable, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { AppConfig } from '../config/app-config.js';
import { CoreError } from '../errors/domain-error.js';
import { RATE_LIMIT_CLASSES, type RateLimitClass } from './rate-limit.decorator.js';

/** Per-client budgets of expensive operations, in this process's memory (one limiter per class). */
@Injectable()
export class RateLimitService implements OnModuleInit {
  private readonly limiters: Record<RateLimitClass, RateLimiterMemory>;

  constructor(
    private readonly config: AppConfig,
    private readonly http: HttpAdapterHost,
  ) {
    this.limiters = Object.fromEntries(
      RATE_LIMIT_CLASSES.map((limitClass) => [
        limitClass,
        new RateLimiterMemory({
          keyPrefix: limitClass,
          points: config.rateLimit(limitClass),
          duration: config.RATE_LIMIT_WINDOW_SECONDS,
        }),
      ]),
    ) as Record<RateLimitClass, RateLimiterMemory>;
  }

  /** Behind a proxy, req.ip is the client's address only once express trusts the proxy. */
  onModuleInit() {
    const trust = this.config.trustProxy;
    const express = this.http.httpAdapter?.getInstance() as { set?: (key: string, value: unknown) => void };
    if (trust !== undefined) express?.set?.('trust proxy', trust);
  }

  /** Spends one call of the client's budget; throws RATE_LIMITED with the seconds to wait when it is spent. */
  async consume(limitClass: RateLimitClass, client: string): Promise<void> {
    try {
      await this.limiters[limitClass].consume(client);
    } catch (outcome) {
      if (!(outcome instanceof RateLimiterRes)) throw outcome;
      throw CoreError.rateLimited(limitClass, Math.max(1, Math.ceil(outcome.msBeforeNext / 1000)));
    }
  }
}
