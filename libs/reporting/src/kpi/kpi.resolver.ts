import { Args, Query, Resolver } from '@nestjs/graphql';
import { Allow } from '#libs/core';
import { KpisArgs } from './dto/kpis.args.js';
import { KpiReport } from './kpi.model.js';
import { KpiService } from './kpi.service.js';

@Resolver()
export class KpiResolver {
  constructor(private readonly kpiService: KpiService) {}

  // staff only: the counts include confidential needs and proposals other callers may not know of
  @Allow('coordinator', 'admin')
  @Query(() => KpiReport, {
    description:
      'A program’s KPIs for a fiscal year (April to March, Asia/Tokyo), computed from the records, with targets and % achieved.',
  })
  kpis(@Args() args: KpisArgs) {
    return this.kpiService.kpis(args.fiscalYear, args.programId);
  }
}
