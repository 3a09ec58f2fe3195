import { Connection } from '#libs/core';
import { ResearchSeed } from './research-seed.entity.js';

/** A page of seeds (edges, pageInfo, totalCount). */
export const SeedConnection = Connection(ResearchSeed, 'ResearchSeed');
