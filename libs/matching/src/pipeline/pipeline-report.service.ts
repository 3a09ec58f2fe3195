import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { isStaff, type SignedInViewer } from '#libs/core';
import { MatchingError } from '../matching-errors.js';
import type { DeclineReasonCount, DeclineReasonsArgs, PipelineReport } from './pipeline-report.model.js';
import { isListedOnSeed } from './proposal-parties.js';
import { DeclineReason, ProposalState } from './proposal-state-machine.js';

/** Counting the pipeline: where proposals are, how long they stay, why they are declined. */
@Injectable()
export class PipelineReportService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

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
      declineReasons: await this.declineCounts('', []),
    };
  }

  /** Why proposals for a seed, or for an institution's seeds, were declined: for coordinators and those researchers. */
  async declineReasons(args: DeclineReasonsArgs, viewer: SignedInViewer): Promise<DeclineReasonCount[]> {
    if (Boolean(args.seedId) === Boolean(args.institutionId)) throw MatchingError.oneScope();
    if (args.seedId) {
      if (!isStaff(viewer) && !(await isListedOnSeed(this.dataSource.manager, args.seedId, viewer.userId)))
        throw MatchingError.notListedOnSeed('seedId');
      return this.declineCounts('AND p.seed_id = $1', [args.seedId]);
    }
    if (!isStaff(viewer) && viewer.organizationId !== args.institutionId)
      throw MatchingError.notYourInstitution();
    return this.declineCounts('AND s.institution_id = $1', [args.institutionId]);
  }

  private async declineCounts(where: string, params: unknown[]): Promise<DeclineReasonCount[]> {
    const rows: { reason: DeclineReason; count: number }[] = await this.dataSource.query(
      `SELECT p.decline_reason AS reason, count(*)::int AS count FROM match_proposal p JOIN research_seed s ON s.id = p.seed_id
        WHERE p.state = 'declined' ${where} GROUP BY p.decline_reason ORDER BY count DESC, reason`,
      params,
    );
    return rows;
  }
}
