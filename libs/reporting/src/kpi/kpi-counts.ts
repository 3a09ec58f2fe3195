import type { EntityManager } from 'typeorm';
import type { NeedQueryService, SeedQueryService } from '#libs/catalog';
import { MatchPathway, ProposalState, type PipelineReportService } from '#libs/matching';
import type { FiscalPeriod } from './fiscal-year.js';
import { Kpi } from './kpi.js';

/** Where the KPIs are read: each lib's public service, and reporting's own records. */
export interface KpiSources {
  seeds: SeedQueryService;
  needs: NeedQueryService;
  pipeline: PipelineReportService;
  db: EntityManager;
}

export interface KpiScope {
  programId: string;
  programCode: string;
  period: FiscalPeriod;
}

type Count = (sources: KpiSources, scope: KpiScope) => Promise<number>;

/** Proposals of the program that entered `state` during the period, each once. */
const entered =
  (state: ProposalState, pathway?: MatchPathway): Count =>
  ({ pipeline }, { programCode, period }) =>
    pipeline.countEntered(programCode, state, period.start, period.end, pathway);

/** Entered figures of the KPI dated in the period, corrections counted instead of what they correct. */
function external(kpi: Kpi): Count {
  return async ({ db }, scope) => {
    const [row] = await db.query<{ total: number }[]>(
      `SELECT coalesce(sum(figure.value), 0)::int AS total FROM external_figure figure
        WHERE figure.program_id = $1 AND figure.kpi = $2 AND figure.figure_date >= $3 AND figure.figure_date < $4
          AND NOT EXISTS (SELECT 1 FROM external_figure correction WHERE correction.supersedes_id = figure.id)`,
      [scope.programId, kpi, scope.period.startDay, scope.period.endDay],
    );
    return row.total;
  };
}

/** How each KPI is counted: one small function each (see docs/architecture.md, The achievement report). */
export const KPI_COUNTS: Record<Kpi, Count> = {
  [Kpi.NEW_SEEDS]: ({ seeds }, { programCode, period }) =>
    seeds.countPublished(programCode, period.start, period.end),
  [Kpi.NEW_NEEDS]: ({ needs }, { programCode, period }) =>
    needs.countCreated(programCode, period.start, period.end),
  [Kpi.PROPOSALS_MADE]: ({ pipeline }, { programCode, period }) =>
    pipeline.countMade(programCode, period.start, period.end),
  [Kpi.INTRODUCTIONS]: entered(ProposalState.INTRODUCED),
  [Kpi.NDAS]: entered(ProposalState.NDA),
  [Kpi.AGREEMENTS]: entered(ProposalState.AGREEMENT),
  // a venture is created when a proposal on the venture-creation pathway reaches agreement
  [Kpi.VENTURES_CREATED]: entered(ProposalState.AGREEMENT, MatchPathway.VENTURE_CREATION),
  [Kpi.COHORT_CONSENTS]: external(Kpi.COHORT_CONSENTS),
  [Kpi.HERB_TRIAL_PLOTS]: external(Kpi.HERB_TRIAL_PLOTS),
};
