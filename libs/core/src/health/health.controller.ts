import { Controller, Get, Headers, Res } from '@nestjs/common';
import type { Response } from 'express';
import { HealthService } from './health.service.js';

@Controller('health')
export class HealthController {
  constructor(private readonly health: HealthService) {}

  /**
   * 200 when every dependency answers, 503 otherwise (for load balancers).
   * Everyone learns that much only; the details go to admins (or everyone with HEALTH_DETAILS).
   */
  @Get()
  async get(@Res() response: Response, @Headers('authorization') authorization?: string) {
    const report = await this.health.report();
    const code = report.status === 'ok' ? 200 : 503;
    if (!(await this.health.showsDetailsTo(authorization))) {
      response.status(code).json({ status: report.status === 'ok' ? 'ok' : 'down' });
      return;
    }
    response.status(code).json({ ...report, uptimeSeconds: Math.round(process.uptime()) });
  }
}
