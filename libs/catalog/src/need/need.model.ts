import { Connection } from '#libs/core';
import { CompanyNeed } from './company-need.entity.js';

/** A page of needs (edges, pageInfo, totalCount). */
export const NeedConnection = Connection(CompanyNeed, 'CompanyNeed');
