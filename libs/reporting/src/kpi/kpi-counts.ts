import type { EntityManager } from 'typeorm';
import { CompanyNeed, ResearchSeed } from '#libs/catalog';
import { MatchProposal, ProposalState, ProposalTransition } from '#libs/matching';
import type { FiscalPeriod } from './fiscal-year.js';
import { Kpi } from './kpi.js';

export interface KpiScope {
  programId: string;
  programCode: string;
  period: FiscalPeriod;
}

type Count = (db: EntityManager, scope: KpiScope) => Promise<number>;

/** A proposal is a program's when its seed or its need names the program. */
function programProposals(db: EntityManager, scope: KpiScope) {
  return db
    .createQueryBuilder(MatchProposal, 'proposal')
    .leftJoin(ResearchSeed, 'seed', 'seed.id = proposal.seedId')
    .leftJoin(CompanyNeed, 'need', 'need.id = proposal.needId')
    .where('(:code = ANY(seed.programCodes) OR :code = ANY(need.programCodes))', { code: scope.programCode });
}

/** Proposals of the program that entered `state` during the period (each proposal once). */
function entered(state: ProposalState, extra?: (query: ReturnType<typeof programProposals>) => void): Count {
  return async (db, scope) => {
    const query = programProposals(db, scope)
      .innerJoin(ProposalTransition, 'step', 'step.proposalId = proposal.id')
      .andWhere('step.toState = :state', { state })
      .andWhere('step.at >= :start AND step.at < :end', scope.period)
      .select('count(DISTINCT proposal.id)::int', 'n');
    extra?.(query);
    return (await query.getRawOne<{ n: number }>())?.n ?? 0;
  };
}

const newSeeds: Count = async (db, scope) =>
  db
    .createQueryBuilder(ResearchSeed, 'seed')
    .where(':code = ANY(seed.programCodes)', { code: scope.programCode })
    .andWhere('seed.publishedAt >= :start AND seed.publishedAt < :end', scope.period)
    .getCount();

const newNeeds: Count = async (db, scope) =>
  db
    .createQueryBuilder(CompanyNeed, 'need')
    .where(':code = ANY(need.programCodes)', { code: scope.programCode })
    .andWhere('need.createdAt >= :start AND need.createdAt < :end', scope.period)
    .getCount();

const proposalsMade: Count = async (db, scope) =>
  programProposals(db, scope)
    .andWhere('proposal.createdAt >= :start AND proposal.createdAt < :end', scope.period)
    .getCount();

/** A venture is created when a proposal on the venture-creation pathway reaches agreement. */
const venturesCreated = entered(ProposalState.AGREEMENT, (query) =>
  query.andWhere('proposal.pathway = :pathway', { pathway: 'venture-creation' }),
);

/** Entered figures of the KPI dated in the period, corrections counted instead of what they correct. */
function external(kpi: Kpi): Count {
  return async (db, scope) => {
    const [row] = await db.query<{ total: number }[]>(
      `SELECT coalesce(sum(figure.value), 0)::int AS total FROM external_figure figure
        WHERE figure.program_id = $1 AND figure.kpi = $2 AND figure.figure_date >= $3 AND figure.figure_date < $4
          AND NOT EXISTS (SELECT 1 FROM external_figure correction WHERE correction.supersedes_id = figure.id)`,
      [scope.programId, kpi, scope.period.startDay, scope.period.endDay],
    );
    return row.total;
  };
}

/** How each KPI is counted: one small function each. */
export const KPI_COUNTS: Record<Kpi, Count> = {
  [Kpi.NEW_SEEDS]: newSeeds,
  [Kpi.NEW_NEEDS]: newNeeds,
  [Kpi.PROPOSALS_MADE]: proposalsMade,
  [Kpi.INTRODUCTIONS]: entered(ProposalState.INTRODUCED),
  [Kpi.NDAS]: entered(ProposalState.NDA),
  [Kpi.AGREEMENTS]: entered(ProposalState.AGREEMENT),
  [Kpi.VENTURES_CREATED]: venturesCreated,
  [Kpi.COHORT_CONSENTS]: external(Kpi.COHORT_CONSENTS),
  [Kpi.HERB_TRIAL_PLOTS]: external(Kpi.HERB_TRIAL_PLOTS),
};
