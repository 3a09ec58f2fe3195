import { Controller, Get, Res } from '@nestjs/common';
import type { Response } from 'express';
import { HealthService } from './health.service.js';

@Controller('health')
export class HealthController {
  constructor(private readonly health: HealthService) {}

  /** 200 when every dependency answers, 503 otherwise (for load balancers). */
  @Get()
  async get(@Res() response: Response) {
    const report = await this.health.report();
    response
      .status(report.status === 'ok' ? 200 : 503)
      .json({ ...report, uptimeSeconds: Math.round(process.uptime()) });
  }
}
