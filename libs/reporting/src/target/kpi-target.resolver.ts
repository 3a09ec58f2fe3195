import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { Allow, CurrentViewer, type SignedInViewer } from '#libs/core';
import { SetKpiTargetInput } from './dto/set-kpi-target.input.js';
import { KpiTarget } from './kpi-target.entity.js';
import { KpiTargetService } from './kpi-target.service.js';

@Resolver(() => KpiTarget)
export class KpiTargetResolver {
  constructor(private readonly targets: KpiTargetService) {}

  @Allow('coordinator', 'admin')
  @Mutation(() => KpiTarget, {
    description:
      'Sets a program’s target for a KPI over a fiscal year or a multi-year period (the same period again changes its value); audited.',
  })
  setKpiTarget(@Args('input') input: SetKpiTargetInput, @CurrentViewer() viewer: SignedInViewer) {
    return this.targets.set(input, viewer);
  }
}
