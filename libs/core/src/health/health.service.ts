import { Injectable } from '@nestjs/common';

export interface HealthReport {
  status: 'up' | 'down';
  [detail: string]: unknown;
}

export type HealthCheck = () => Promise<HealthReport>;

/** Collects the checks each module registers (database now; search later). */
@Injectable()
export class HealthService {
  private readonly checks = new Map<string, HealthCheck>();

  register(name: string, check: HealthCheck) {
    this.checks.set(name, check);
  }

  async report(): Promise<{ status: 'ok' | 'degraded'; checks: Record<string, HealthReport> }> {
    const entries = await Promise.all(
      [...this.checks].map(async ([name, check]) => {
        try {
          return [name, await withTimeout(check(), 3000)] as const;
        } catch (error) {
          return [
            name,
            { status: 'down', error: error instanceof Error ? error.message : String(error) },
          ] as const;
        }
      }),
    );
    const checks = Object.fromEntries(entries) as Record<string, HealthReport>;
    const status = Object.values(checks).every((check) => check.status === 'up') ? 'ok' : 'degraded';
    return { status, checks };
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    promise,
    new Promise<never>(
      (_, fail) => (timer = setTimeout(() => fail(new Error(`no answer within ${ms} ms`)), ms)),
    ),
  ]).finally(() => clearTimeout(timer));
}
