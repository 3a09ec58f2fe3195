import { Connection } from '#libs/core';
import { MatchProposal } from './match-proposal.entity.js';

/** A page of proposals (MatchProposalConnection). */
export const ProposalConnection = Connection(MatchProposal, 'MatchProposal');
