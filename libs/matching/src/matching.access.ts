import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { isUUID } from 'class-validator';
import { DataSource, In, type EntityManager } from 'typeorm';
import {
  AccessService,
  audiencesOf,
  EVERYTHING,
  isStaff,
  idsAsAttribute,
  idsMeeting,
  NOTHING,
  type RecordAttributes,
  type AccessCondition,
  type AccessPolicy,
  type AccessRequest,
  type DomainError,
  type Viewer,
} from '#libs/core';
import { CatalogError, SeedQueryService } from '#libs/catalog';
import { MatchingError } from './matching.errors.js';
import { MatchProposal } from './proposal/match-proposal.entity.js';
import { partiesOf, partyConditions, partyOfAny, proposalAttributes } from './proposal/proposal-parties.js';
import type { ProposalParty } from './proposal/proposal-state-machine.js';

/** Staff, or someone of that organization (a company's member, an institution's researcher). */
function ownOrganization(viewer: Viewer): AccessCondition {
  if (isStaff(viewer)) return EVERYTHING;
  if (viewer.kind !== 'user' || !viewer.organizationId) return NOTHING;
  return { attribute: 'organization', in: [viewer.organizationId] };
}

export const MATCHING_PERMISSIONS = [
  /** ids: proposal ids. The viewer is a party to it (see partyConditions). */
  'proposal.read',
  /** ids: seed ids. Staff, or a researcher listed on the seed: its candidate needs and decline reasons. */
  'seed.matching',
  /** ids: company ids. Staff, or a member of the company: candidates for it and its needs. */
  'company.matching',
  /** ids: institution ids. Staff, or someone of the institution: its seeds' decline reasons. */
  'institution.matching',
] as const;
export type MatchingPermission = (typeof MATCHING_PERMISSIONS)[number];

type MatchingRequest = AccessRequest<MatchingPermission> & { ids: Set<string> };

/** Matching's access rules: one switch over its permissions, registered with the core AccessService. */
@Injectable()
export class MatchingAccessPolicy implements AccessPolicy<MatchingPermission>, OnModuleInit {
  readonly permissions = MATCHING_PERMISSIONS;

  constructor(
    private readonly access: AccessService,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly seeds: SeedQueryService,
  ) {}

  onModuleInit() {
    this.access.register(this);
  }

  async allowed({ viewer, permission, ids, manager }: MatchingRequest): Promise<Set<string>> {
    switch (permission) {
      case 'proposal.read':
        return idsMeeting(
          await this.proposalReadCondition(viewer, manager),
          await this.proposals(ids, manager),
        );
      case 'seed.matching':
        return idsMeeting(await this.listedOrStaff(viewer, manager), idsAsAttribute(ids, 'seed'));
      case 'company.matching':
      case 'institution.matching':
        return idsMeeting(ownOrganization(viewer), idsAsAttribute(ids, 'organization'));
    }
  }

  /** A proposal the viewer is no party to does not exist for them; the rest are forbidden. */
  denied({ permission, ids }: MatchingRequest): Promise<DomainError> {
    const [first] = ids;
    switch (permission) {
      case 'proposal.read':
        return Promise.resolve(MatchingError.proposalNotFound(first));
      case 'seed.matching':
        return Promise.resolve(CatalogError.notListedOnSeed('seedId'));
      case 'company.matching':
        return Promise.resolve(CatalogError.notYourCompany('organizationId'));
      case 'institution.matching':
        return Promise.resolve(CatalogError.notYourInstitution('institutionId'));
    }
  }

  /** The roles the viewer could hold on proposals; for a researcher, one query for the seeds they are listed on. */
  async partyConditions(
    viewer: Viewer,
    manager?: EntityManager,
  ): Promise<[ProposalParty, AccessCondition][]> {
    const researcher = viewer.kind === 'user' && audiencesOf(viewer).includes('researcher');
    const listed = researcher ? await this.seeds.seedIdsListing(viewer.userId, manager) : [];
    return partyConditions(viewer, listed);
  }

  /** The viewer's roles on one proposal: the state machine's input. */
  async parties(proposal: MatchProposal, viewer: Viewer, manager?: EntityManager): Promise<ProposalParty[]> {
    return partiesOf(proposal, await this.partyConditions(viewer, manager));
  }

  /** Who reads which proposals, over proposalAttributes: lists (as SQL) and checks by id alike. */
  async proposalReadCondition(viewer: Viewer, manager?: EntityManager): Promise<AccessCondition> {
    return partyOfAny(await this.partyConditions(viewer, manager));
  }

  private async listedOrStaff(viewer: Viewer, manager?: EntityManager): Promise<AccessCondition> {
    if (isStaff(viewer)) return EVERYTHING;
    if (viewer.kind !== 'user') return NOTHING;
    return { attribute: 'seed', in: await this.seeds.seedIdsListing(viewer.userId, manager) };
  }

  /** proposalAttributes of the proposals among `ids` that exist. */
  private async proposals(ids: Set<string>, manager = this.dataSource.manager): Promise<RecordAttributes> {
    const wanted = [...ids].filter((id) => isUUID(id));
    if (wanted.length === 0) return new Map();
    const found = await manager.find(MatchProposal, {
      select: { id: true, companyId: true, seedId: true, introducedAt: true },
      where: { id: In(wanted) },
    });
    return new Map(found.map((proposal) => [proposal.id, proposalAttributes(proposal)]));
  }
}
