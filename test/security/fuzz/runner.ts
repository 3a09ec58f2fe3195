import { performance } from 'node:perf_hooks';
import { variablesFor } from './arguments.js';
import { outcomeCodes, responseProblems, wasRefused, type FuzzResponse } from './checks.js';
import type { Operation } from './operations.js';
import type { Random } from './random.js';
import { ROLES, type Role, type World } from './world.js';

export interface FuzzCase {
  index: number;
  operation: Operation;
  role: Role;
  body: string;
  count: { values: number; hostile: number };
}

export interface Finding {
  case: number;
  operation: string;
  role: Role;
  problems: string[];
  body: string;
  response: string;
}

export interface Totals {
  sent: number;
  values: number;
  hostileValues: number;
  outcomes: Record<string, number>;
  operationsCalled: Set<string>;
  operationsAnswered: Set<string>;
  refusedMutations: number;
  refusedBatchesChecked: number;
  findings: Finding[];
  writeLeaks: string[];
  ms: number;
  msByOperation: Record<string, number>;
}

/** A quarter of the calls valid-looking (to reach services), the rest with more and more hostile values. */
const HOSTILITY = [0, 0.2, 0.5, 1];
/** They answer UNAUTHENTICATED about their own input, not about the caller's session. */
const SIGN_IN_OPERATIONS = new Set(['signIn', 'refreshToken']);
/** They end the caller's own session when they get through. */
const SIGN_OUT_OPERATIONS = new Set(['signOut', 'signOutEverywhere']);
/** They take the caller out of its organization (or into another) when they get through. */
const AFFILIATION_OPERATIONS = new Set(['leaveOrganization', 'requestAffiliation']);
/** Reads that write an audit entry when they get through (the owner's data export is audited). */
const AUDITED_READS = new Set(['exportMyData']);
const clip = (text: string, max = 600) =>
  text.length > max ? `${text.slice(0, max)}… (${text.length})` : text;

/** The i-th case of the run: which operation, as whom, with which variables. */
export function makeCase(
  index: number,
  operations: readonly Operation[],
  world: World,
  random: Random,
): FuzzCase {
  const operation = operations[index % operations.length];
  const role = random.pick(ROLES);
  const hostility = random.pick(HOSTILITY);
  const count = { values: 0, hostile: 0 };
  const generation = { random, pools: world.pools, operation: operation.name, hostility, count };
  const variables = variablesFor(operation, generation);
  // JSON.stringify writes a lone surrogate as the escape \ud800, so the server receives it as sent.
  const body = JSON.stringify({ query: operation.document, variables });
  return { index, operation, role, body, count };
}

function parseJson(text: string): FuzzResponse['body'] {
  try {
    return JSON.parse(text) as FuzzResponse['body'];
  } catch {
    return null;
  }
}

export async function send(world: World, fuzzCase: FuzzCase): Promise<FuzzResponse> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  const token = world.token(fuzzCase.role);
  if (token) headers.authorization = `Bearer ${token}`;
  const response = await fetch(`${world.app.url}/graphql`, { method: 'POST', headers, body: fuzzCase.body });
  const text = await response.text();
  return { status: response.status, body: parseJson(text), text };
}

/** Runs one case, recording its outcome; says whether it was a writing call (a mutation, an audited read) the server accepted. */
export async function runCase(world: World, fuzzCase: FuzzCase, totals: Totals): Promise<boolean> {
  const { operation, role } = fuzzCase;
  const started = performance.now();
  const response = await send(world, fuzzCase);
  const took = performance.now() - started;
  totals.msByOperation[operation.name] = (totals.msByOperation[operation.name] ?? 0) + took;
  totals.sent += 1;
  totals.values += fuzzCase.count.values;
  totals.hostileValues += fuzzCase.count.hostile;
  totals.operationsCalled.add(operation.name);
  const codes = outcomeCodes(response);
  for (const code of codes) totals.outcomes[code] = (totals.outcomes[code] ?? 0) + 1;
  if (codes.includes('OK')) totals.operationsAnswered.add(operation.name);
  const problems = responseProblems(response, fuzzCase.body);
  if (problems.length)
    totals.findings.push({
      case: fuzzCase.index,
      operation: operation.name,
      role,
      problems,
      body: clip(fuzzCase.body),
      response: clip(response.text),
    });
  const refused = wasRefused(response, operation.name);
  if (operation.kind === 'mutation' && refused) totals.refusedMutations += 1;
  // Signing out (or out everywhere) ends the role's own session; sign it in again (a write of ours).
  let signedInAgain = false;
  if (role !== 'anonymous' && codes.includes('UNAUTHENTICATED') && !SIGN_IN_OPERATIONS.has(operation.name)) {
    const me = await send(world, { ...fuzzCase, body: JSON.stringify({ query: '{ me { id } }' }) });
    if (outcomeCodes(me).includes('UNAUTHENTICATED')) signedInAgain = await world.resignIn(role);
  }
  if (SIGN_OUT_OPERATIONS.has(operation.name) && role !== 'anonymous' && !refused)
    signedInAgain = await world.resignIn(role);
  // Leaving (or asking for another organization) would leave the role acting for none from then on.
  if (AFFILIATION_OPERATIONS.has(operation.name) && !refused) await world.reaffiliate(role);
  const writes = operation.kind === 'mutation' || AUDITED_READS.has(operation.name);
  return (writes && !refused) || signedInAgain;
}

export function newTotals(): Totals {
  return {
    sent: 0,
    values: 0,
    hostileValues: 0,
    outcomes: {},
    operationsCalled: new Set(),
    operationsAnswered: new Set(),
    refusedMutations: 0,
    refusedBatchesChecked: 0,
    findings: [],
    writeLeaks: [],
    ms: 0,
    msByOperation: {},
  };
}

/** Runs cases with `concurrency` requests in flight. */
export async function runBatch(world: World, cases: FuzzCase[], totals: Totals, concurrency: number) {
  let next = 0;
  let accepted = 0;
  const worker = async () => {
    while (next < cases.length) {
      const fuzzCase = cases[next++];
      if (await runCase(world, fuzzCase, totals)) accepted += 1;
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  totals.ms += performance.now() - started;
  return { accepted };
}
