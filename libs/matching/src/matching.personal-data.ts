import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  PersonalDataService,
  type ClosingAccount,
  type DataOwner,
  type PersonalDataContributor,
} from '#libs/core';
import { NdaAcceptance } from './nda/nda-acceptance.entity.js';
import { Notification } from './notification/notification.entity.js';
import { ProposalTransition } from './proposal/proposal-transition.entity.js';
import { SavedSearch } from './saved-search/saved-search.entity.js';

/** At most this many of the account's latest notifications go into an export. */
const NOTIFICATIONS_EXPORTED = 1000;

/**
 * Matching's share: the account's notifications and saved searches (deleted when it closes),
 * the proposal steps it took with their notes and the NDAs it accepted (kept: they are the
 * proposal's shared history, which the other parties and coordinators rely on; their actor id
 * then names the closed, anonymised account).
 */
@Injectable()
export class MatchingPersonalData implements PersonalDataContributor, OnModuleInit {
  readonly section = 'matching';
  readonly layer = 5;

  constructor(private readonly personalData: PersonalDataService) {}

  onModuleInit() {
    this.personalData.register(this);
  }

  async export({ viewer }: DataOwner, manager: EntityManager) {
    const userId = viewer.userId;
    const [notifications, savedSearches, steps, ndas] = await Promise.all([
      manager.find(Notification, {
        where: { userId },
        order: { createdAt: 'DESC' },
        take: NOTIFICATIONS_EXPORTED,
      }),
      manager.find(SavedSearch, { where: { userId }, order: { createdAt: 'ASC' } }),
      manager.find(ProposalTransition, { where: { actorUserId: userId }, order: { at: 'ASC' } }),
      manager.find(NdaAcceptance, { where: { userId }, order: { acceptedAt: 'ASC' } }),
    ]);
    return {
      notifications: notifications.map((notification) => ({
        kind: notification.kind,
        title: { ...notification.title },
        proposalId: notification.proposalId,
        seedId: notification.seedId,
        createdAt: notification.createdAt,
        readAt: notification.readAt,
      })),
      savedSearches: savedSearches.map((search) => ({
        name: search.name,
        query: search.query,
        filter: search.filter,
        createdAt: search.createdAt,
      })),
      proposalSteps: steps.map((step) => ({
        proposalId: step.proposalId,
        fromState: step.fromState,
        toState: step.toState,
        at: step.at,
        note: step.note,
        declineReason: step.declineReason,
      })),
      ndaAcceptances: ndas.map((nda) => ({
        proposalId: nda.proposalId,
        party: nda.party,
        textVersion: nda.textVersion,
        acceptedAt: nda.acceptedAt,
      })),
    };
  }

  async erase({ userId }: ClosingAccount, manager: EntityManager) {
    await manager.delete(Notification, { userId });
    await manager.delete(SavedSearch, { userId });
  }
}
