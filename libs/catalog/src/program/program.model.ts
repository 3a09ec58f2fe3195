import { Connection } from '#libs/core';
import { Program } from './program.entity.js';

/** A page of programs (edges, pageInfo, totalCount). */
export const ProgramConnection = Connection(Program, 'Program');
