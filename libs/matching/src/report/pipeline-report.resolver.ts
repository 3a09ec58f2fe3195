import { Args, Query, Resolver } from '@nestjs/graphql';
import { Allow, CurrentViewer, type SignedInViewer } from '#libs/core';
import { DeclineReasonsArgs } from './dto/decline-reasons.args.js';
import { DeclineReasonCount, PipelineReport } from './pipeline-report.model.js';
import { PipelineReportService } from './pipeline-report.service.js';

@Resolver()
export class PipelineReportResolver {
  constructor(private readonly reports: PipelineReportService) {}

  @Allow('coordinator', 'admin')
  @Query(() => PipelineReport, {
    description: 'Proposals per state, overdue ones, median days spent in each state, decline reasons.',
  })
  pipelineReport() {
    return this.reports.report();
  }

  @Allow('researcher', 'coordinator', 'admin')
  @Query(() => [DeclineReasonCount], {
    description:
      'Why proposals for one seed (seedId) or an institution’s seeds (institutionId) were declined.',
  })
  declineReasons(@Args() args: DeclineReasonsArgs, @CurrentViewer() viewer: SignedInViewer) {
    return this.reports.declineReasons(args, viewer);
  }
}
