import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { HealthService } from '../health/health.service.js';

@Injectable()
export class DatabaseHealth implements OnModuleInit {
  constructor(
    private readonly dataSource: DataSource,
    private readonly health: HealthService,
  ) {}

  onModuleInit() {
    this.health.register('database', async () => {
      const started = performance.now();
      const [{ version }] = await this.dataSource.query('SELECT version() AS version');
      const pending = await this.dataSource.showMigrations();
      return {
        status: 'up',
        latencyMs: Math.round((performance.now() - started) * 10) / 10,
        server: String(version).split(' on ')[0],
        pendingMigrations: pending,
      };
    });
  }
}
