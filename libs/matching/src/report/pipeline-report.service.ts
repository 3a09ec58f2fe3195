import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AccessService, type SignedInViewer } from '#libs/core';
import { SeedQueryService } from '#libs/catalog';
import { MatchingError } from '../matching.errors.js';
import { ProposalQueryService } from '../proposal/proposal-query.service.js';
import { MatchPathway } from '../candidate/candidate.model.js';
import { DeclineReason, ProposalState } from '../proposal/proposal-state-machine.js';
import type { DeclineReasonsArgs } from './dto/decline-reasons.args.js';
import type { DeclineReasonCount, PipelineReport } from './pipeline-report.model.js';

/** A proposal is a program's when its seed or its need names the program ($1). */
const PROGRAM_PROPOSAL = `(EXISTS (SELECT 1 FROM research_seed s WHERE s.id = p.seed_id AND $1 = ANY(s.program_codes))
  OR EXISTS (SELECT 1 FROM company_need n WHERE n.id = p.need_id AND $1 = ANY(n.program_codes)))`;

/** Counting the pipeline: where proposals are, how long they stay, why they are declined. */
@Injectable()
export class PipelineReportService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly seeds: SeedQueryService,
    private readonly proposals: ProposalQueryService,
  ) {}

  async report(): Promise<PipelineReport> {
    const current: { state: ProposalState; current: number; overdue: number }[] = await this.dataSource.query(
      `SELECT state, count(*)::int AS current, count(*) FILTER (WHERE due_at < now())::int AS overdue FROM match_proposal GROUP BY state`,
    );
    // a stay in a state ends with the next transition of the same proposal
    const stays: { state: ProposalState; median_days: number; stays: number }[] = await this.dataSource.query(
      `SELECT to_state AS state, percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM left_at - at) / 86400)::float AS median_days, count(*)::int AS stays
         FROM (SELECT to_state, at, lead(at) OVER (PARTITION BY proposal_id ORDER BY at) AS left_at FROM proposal_transition) t
        WHERE left_at IS NOT NULL GROUP BY to_state`,
    );
    return {
      states: Object.values(ProposalState).map((state) => {
        const now = current.find((row) => row.state === state);
        const stay = stays.find((row) => row.state === state);
        return {
          state,
          current: now?.current ?? 0,
          overdue: now?.overdue ?? 0,
          medianDays: stay ? Math.round(stay.median_days * 100) / 100 : null,
          completedStays: stay?.stays ?? 0,
        };
      }),
      declineReasons: await this.declineCounts(),
    };
  }

  /**
   * Why proposals for a seed, or for an institution's seeds, were declined: for
   * coordinators and those researchers, counting only proposals the viewer is a
   * party to (a decline before the introduction stays the company's business).
   */
  async declineReasons(args: DeclineReasonsArgs, viewer: SignedInViewer): Promise<DeclineReasonCount[]> {
    const { seedId, institutionId } = args;
    if (seedId && !institutionId) {
      await this.access.requireAccess({ viewer, permission: 'seed.matching', ids: [seedId] });
      return this.proposals.declineCounts(viewer, [seedId]);
    }
    if (institutionId && !seedId) {
      await this.access.requireAccess({ viewer, permission: 'institution.matching', ids: [institutionId] });
      return this.proposals.declineCounts(viewer, await this.declinedSeedsOf(institutionId));
    }
    throw MatchingError.oneScope();
  }

  /** The institution's seeds that have declined proposals (the catalog says whose a seed is). */
  private async declinedSeedsOf(institutionId: string): Promise<string[]> {
    const rows: { seed_id: string }[] = await this.dataSource.query(
      `SELECT DISTINCT seed_id FROM match_proposal WHERE state = 'declined'`,
    );
    const seeds = await this.seeds.loadByIds(rows.map((row) => row.seed_id));
    return seeds.filter((seed) => seed.institutionId === institutionId).map((seed) => seed.id);
  }

  /** Declines by reason, most frequent first; over all seeds, or those given. */
  private async declineCounts(seedIds?: string[]): Promise<DeclineReasonCount[]> {
    const rows: { reason: DeclineReason; count: number }[] = await this.dataSource.query(
      `SELECT decline_reason AS reason, count(*)::int AS count FROM match_proposal
        WHERE state = 'declined' ${seedIds ? 'AND seed_id = ANY($1)' : ''}
        GROUP BY decline_reason ORDER BY count DESC, reason`,
      seedIds ? [seedIds] : [],
    );
    return rows;
  }

  /** Proposals whose seed or need names the program, made in [start, end): for staff reports. */
  async countMade(programCode: string, start: Date, end: Date): Promise<number> {
    const [row] = await this.dataSource.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM match_proposal p
        WHERE ${PROGRAM_PROPOSAL} AND p.created_at >= $2 AND p.created_at < $3`,
      [programCode, start, end],
    );
    return row.n;
  }

  /**
   * Proposals of the program that entered `state` in [start, end), each once;
   * with `pathway`, only proposals on it (ventures: venture-creation reaching agreement).
   */
  async countEntered(
    programCode: string,
    state: ProposalState,
    start: Date,
    end: Date,
    pathway?: MatchPathway,
  ): Promise<number> {
    const [row] = await this.dataSource.query<{ n: number }[]>(
      `SELECT count(DISTINCT p.id)::int AS n FROM match_proposal p JOIN proposal_transition t ON t.proposal_id = p.id
        WHERE ${PROGRAM_PROPOSAL} AND t.to_state = $2 AND t.at >= $3 AND t.at < $4 AND ($5::text IS NULL OR p.pathway = $5)`,
      [programCode, state, start, end, pathway ?? null],
    );
    return row.n;
  }
}
