import { Injectable } from '@nestjs/common';
import { ANONYMOUS, type Viewer } from '../access/viewer.js';
import { AppConfig } from '../config/app-config.js';

export interface HealthReport {
  status: 'up' | 'down';
  [detail: string]: unknown;
}

export type HealthCheck = () => Promise<HealthReport>;

/** Turns an Authorization header into a viewer (libs/identity's sessions provide it). */
export type HealthViewerResolver = (authorization: string | undefined) => Promise<Viewer>;

/**
 * Collects the checks each module registers (database, search). Their details
 * (versions, index sizes, write counters) are for admins, or for everyone when
 * HEALTH_DETAILS is on; others learn up or down only.
 */
@Injectable()
export class HealthService {
  private readonly checks = new Map<string, HealthCheck>();
  private resolveViewer: HealthViewerResolver = () => Promise.resolve(ANONYMOUS);

  constructor(private readonly config: AppConfig) {}

  register(name: string, check: HealthCheck) {
    this.checks.set(name, check);
  }

  /** How a bearer token becomes a viewer, so an admin's token unlocks the details. */
  authenticateWith(resolve: HealthViewerResolver) {
    this.resolveViewer = resolve;
  }

  async showsDetailsTo(authorization: string | undefined): Promise<boolean> {
    if (this.config.healthDetailsPublic) return true;
    if (!authorization) return false;
    const viewer = await this.resolveViewer(authorization).catch(() => ANONYMOUS);
    return viewer.kind === 'user' && viewer.role === 'admin';
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
