import { readFile } from 'node:fs/promises';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { AchievementReportService, fiscalYearOf } from '#libs/reporting';
import {
  adminEnv,
  createOrganization,
  createStaff,
  dataOf,
  decideAffiliation,
  expectError,
  publishedSeed,
  signInAdmin,
  signUpAs,
  type Account,
} from './support/fixtures.js';
import { waitForIndex } from './support/search.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const KPIS = `query ($fiscalYear: Int!, $programId: ID!) { kpis(fiscalYear: $fiscalYear, programId: $programId) {
  fiscalYear program { code } figures { kpi label { ja en } actual target { value fromFiscalYear toFiscalYear actual achievedPercent } } } }`;
const SET_TARGET = `mutation ($input: SetKpiTargetInput!) { setKpiTarget(input: $input) { id version kpi fromFiscalYear toFiscalYear value } }`;
const RECORD = `mutation ($input: RecordExternalFigureInput!) { recordExternalFigure(input: $input) { id value figureDate supersedesId enteredByUserId } }`;
const FIGURES = `query ($programId: ID!) { externalFigures(programId: $programId) { id value figureDate supersedesId sourceText sourceUrl label { ja en } } }`;
const MOVE = `mutation ($input: MoveProposalInput!) { moveProposal(input: $input) { id version state pathway } }`;

interface Figure {
  kpi: string;
  label: { ja: string; en: string };
  actual: number;
  target: {
    value: number;
    fromFiscalYear: number;
    toFiscalYear: number;
    actual: number;
    achievedPercent: number;
  } | null;
}
interface Proposal {
  id: string;
  version: number;
  state: string;
  pathway: string;
}

/** The activity is made now, so it falls in the current fiscal year; the figures are dated around it. */
const FY = fiscalYearOf(new Date());

let app: TestApp;
let coordinator: Account;
let researcher: Account;
let member: Account;
let programs: Record<'kampo' | 'cohort' | 'quiet', string>;
let institute: string;
let company: string;

const gql = <T>(query: string, variables: Record<string, unknown>, account: Account = coordinator) =>
  app.gql<T>(query, variables, account.accessToken);

const kpis = async (fiscalYear: number, programId: string) =>
  dataOf(
    await gql<{ kpis: { fiscalYear: number; program: { code: string }; figures: Figure[] } }>(KPIS, {
      fiscalYear,
      programId,
    }),
  ).kpis;

/** The figures as { KPI: actual } and the targets apart, so a failure shows every number at once. */
const actuals = (figures: Figure[]) =>
  Object.fromEntries(figures.map((figure) => [figure.kpi, figure.actual]));
const targets = (figures: Figure[]) =>
  Object.fromEntries(figures.filter((figure) => figure.target).map((figure) => [figure.kpi, figure.target]));

const ZEROS = {
  NEW_SEEDS: 0,
  NEW_NEEDS: 0,
  PROPOSALS_MADE: 0,
  INTRODUCTIONS: 0,
  NDAS: 0,
  AGREEMENTS: 0,
  VENTURES_CREATED: 0,
  COHORT_CONSENTS: 0,
  HERB_TRIAL_PLOTS: 0,
};

async function program(code: string, ja: string, en: string): Promise<string> {
  return dataOf(
    await gql<{ createProgram: { id: string } }>(
      'mutation ($input: CreateProgramInput!) { createProgram(input: $input) { id } }',
      { input: { code, name: { ja, en } } },
    ),
  ).createProgram.id;
}

async function seed(
  title: string,
  programCodes: string[],
  options: { publish?: boolean; venture?: boolean } = {},
) {
  const input = {
    title: { ja: title, en: title },
    summary: { ja: `${title}の研究。` },
    fields: ['fermentation-bioprocess'],
    institutionId: institute,
    trl: 4,
    collaborationTypes: options.venture ? ['venture-creation'] : ['joint-research'],
    programCodes,
  };
  if (options.publish === false)
    return dataOf(
      await gql<{ createSeed: { id: string } }>(
        'mutation ($input: CreateSeedInput!) { createSeed(input: $input) { id } }',
        { input },
        researcher,
      ),
    ).createSeed.id;
  return (await publishedSeed(app, researcher, input)).id;
}

async function need(title: string, programCodes: string[], venture = false) {
  return dataOf(
    await gql<{ createNeed: { id: string } }>(
      'mutation ($input: CreateNeedInput!) { createNeed(input: $input) { id } }',
      {
        input: {
          companyId: company,
          title: { ja: title },
          description: { ja: `${title}を探しています。` },
          fields: ['fermentation-bioprocess'],
          desiredCollaboration: venture ? ['venture-creation'] : ['joint-research'],
          programCodes,
        },
      },
      member,
    ),
  ).createNeed.id;
}

async function move(proposal: Proposal, to: string, by: Account = coordinator): Promise<Proposal> {
  return dataOf(
    await gql<{ moveProposal: Proposal }>(
      MOVE,
      { input: { id: proposal.id, version: proposal.version, to } },
      by,
    ),
  ).moveProposal;
}

async function acceptNda(proposal: Proposal) {
  const { version } = dataOf(
    await gql<{ ndaText: { version: string } }>('{ ndaText { version } }', {}, member),
  ).ndaText;
  for (const party of [member, researcher])
    dataOf(
      await gql(
        'mutation ($input: AcceptNdaInput!) { acceptNda(input: $input) { id } }',
        { input: { proposalId: proposal.id, textVersion: version } },
        party,
      ),
    );
}

async function toAgreement(proposal: Proposal): Promise<Proposal> {
  let current = await move(proposal, 'SHORTLISTED');
  current = await move(current, 'INTRODUCED');
  current = await move(current, 'MEETING', researcher);
  await acceptNda(current);
  current = await move(current, 'NDA');
  return move(current, 'AGREEMENT');
}

const propose = async (needId: string, seedId: string) =>
  dataOf(
    await gql<{ proposeMatch: Proposal }>(
      'mutation ($input: ProposeMatchInput!) { proposeMatch(input: $input) { id version state pathway } }',
      { input: { needId, seedId } },
    ),
  ).proposeMatch;

const record = (input: Record<string, unknown>, account: Account = coordinator) =>
  gql<{
    recordExternalFigure: { id: string; value: number; supersedesId: string | null; enteredByUserId: string };
  }>(RECORD, { input }, account);

const writes = async () =>
  (
    await app.db.query(
      `SELECT (SELECT count(*) FROM kpi_target)::int AS targets, (SELECT count(*) FROM external_figure)::int AS figures,
              (SELECT count(*) FROM audit_entry WHERE entity_type IN ('kpi-target', 'external-figure'))::int AS audits,
              (SELECT coalesce(sum(value), 0) FROM kpi_target)::int AS target_values`,
    )
  ).rows[0];

beforeAll(async () => {
  app = await startTestApp({ ...adminEnv(), DEMO_CATALOG: 'false', AUTO_PROPOSALS: 'false' });
  const admin = await signInAdmin(app);
  coordinator = await createStaff(app, admin);
  institute = (
    await createOrganization(app, admin, 'university', {
      name: { ja: '鶴岡研究所', en: 'Tsuruoka Institute' },
    })
  ).id;
  company = (
    await createOrganization(app, admin, 'company', { name: { ja: '庄内食品', en: 'Shonai Foods' } })
  ).id;
  researcher = await signUpAs(app, 'RESEARCHER', institute);
  member = await signUpAs(app, 'COMPANY_MEMBER', company);
  for (const account of [researcher, member])
    await decideAffiliation(app, coordinator.accessToken, account.userId, 'approve');
  programs = {
    kampo: await program('prog-kampo', '鶴岡漢方プロジェクト', 'Tsuruoka Kampo Project'),
    cohort: await program('prog-cohort', '鶴岡みらい健康調査', 'Tsuruoka Future Health Study'),
    quiet: await program('prog-quiet', '休止中の事業', 'Dormant programme'),
  };

  // a small year of activity, all of it now: in fiscal year FY
  const s1 = await seed('生薬の発酵', ['prog-kampo']);
  const s2 = await seed('腸内細菌と健康', ['prog-kampo', 'prog-cohort']);
  await seed('下書きのシーズ', ['prog-kampo'], { publish: false }); // a draft: not new until published
  const s4 = await seed('プログラム外のシーズ', []);
  const s5 = await seed('生薬ベンチャー', ['prog-kampo'], { venture: true });
  const n1 = await need('漢方素材の調達', ['prog-kampo']);
  await need('非公開の漢方ニーズ', ['prog-kampo']); // confidential (coordinators only): counted for staff
  const n3 = await need('健康データの活用', ['prog-cohort']);
  const n4 = await need('生薬で起業したい', ['prog-kampo'], true);
  await waitForIndex(app);

  const a = await toAgreement(await propose(n1, s1));
  const b = await toAgreement(await propose(n4, s5));
  expect([a.state, b.state, b.pathway]).toEqual(['AGREEMENT', 'AGREEMENT', 'VENTURE_CREATION']);
  // a company's request for seed s2 (no need): the program comes from the seed
  const c = dataOf(
    await gql<{ requestIntroduction: Proposal }>(
      'mutation ($input: RequestIntroductionInput!) { requestIntroduction(input: $input) { id version state pathway } }',
      { input: { seedId: s2 } },
      member,
    ),
  ).requestIntroduction;
  expect((await move(await move(c, 'SHORTLISTED'), 'INTRODUCED')).state).toBe('INTRODUCED');
  // a proposal for the cohort's need of a seed outside any program: the program comes from the need
  await propose(n3, s4);
}, 180_000);

afterAll(async () => {
  await app?.close();
});

describe('the achievement report (実績)', () => {
  it('sets targets per program, KPI and period, audited, and refuses bad ones changing nothing', async () => {
    const first = dataOf(
      await gql<{ setKpiTarget: { id: string; version: number } }>(SET_TARGET, {
        input: { programId: programs.kampo, kpi: 'NEW_SEEDS', fromFiscalYear: FY, value: 5 },
      }),
    ).setKpiTarget;
    const changed = dataOf(
      await gql<{ setKpiTarget: { id: string; version: number; toFiscalYear: number; value: number } }>(
        SET_TARGET,
        {
          input: {
            programId: programs.kampo,
            kpi: 'NEW_SEEDS',
            fromFiscalYear: FY,
            toFiscalYear: FY,
            value: 4,
          },
        },
      ),
    ).setKpiTarget;
    expect(changed).toMatchObject({ id: first.id, version: first.version + 1, toFiscalYear: FY, value: 4 });
    dataOf(
      await gql(SET_TARGET, {
        input: {
          programId: programs.cohort,
          kpi: 'COHORT_CONSENTS',
          fromFiscalYear: FY - 1,
          toFiscalYear: FY + 1,
          value: 10000,
        },
      }),
    );
    const audits = await app.db.query(
      `SELECT action, changes FROM audit_entry WHERE entity_type = 'kpi-target' AND entity_id = $1 ORDER BY at`,
      [first.id],
    );
    expect(audits.rows.map((row) => [row.action, row.changes.value])).toEqual([
      ['created', { before: null, after: 5 }],
      ['updated', { before: 5, after: 4 }],
    ]);

    const before = await writes();
    const base = { programId: programs.kampo, kpi: 'NEW_NEEDS', fromFiscalYear: FY, value: 3 };
    expectError(await gql(SET_TARGET, { input: { ...base, value: -1 } }), 'BAD_USER_INPUT', {
      path: 'input.value',
    });
    expectError(await gql(SET_TARGET, { input: { ...base, kpi: 'GOLDEN_SEEDS' } }), 'BAD_USER_INPUT', {
      localized: false,
    });
    expectError(await gql(SET_TARGET, { input: { ...base, programId: randomUUID() } }), 'NOT_FOUND', {
      path: 'input.programId',
    });
    expectError(await gql(SET_TARGET, { input: { ...base, fromFiscalYear: 1999 } }), 'BAD_USER_INPUT', {
      path: 'input.fromFiscalYear',
    });
    expectError(await gql(SET_TARGET, { input: { ...base, toFiscalYear: FY - 1 } }), 'BAD_USER_INPUT', {
      path: 'input.toFiscalYear',
    });
    expectError(
      await gql(SET_TARGET, {
        input: {
          programId: programs.cohort,
          kpi: 'COHORT_CONSENTS',
          fromFiscalYear: FY + 1,
          toFiscalYear: FY + 2,
          value: 1,
        },
      }),
      'CONFLICT',
      { path: 'input.fromFiscalYear' },
    );
    expectError(await gql(SET_TARGET, { input: base }, member), 'FORBIDDEN', { localized: false });
    expect(await writes()).toEqual(before);
  });

  it('keeps external figures with their source; a correction supersedes, both kept', async () => {
    const consents = (value: number, date: string, extra: Record<string, unknown> = {}) => ({
      programId: programs.cohort,
      kpi: 'COHORT_CONSENTS',
      label: { ja: '研究参加同意者数', en: 'Participants who consented' },
      value,
      date,
      sourceText: '鶴岡みらい健康調査 事務局報告',
      sourceUrl: 'https://example.org/cohort/report',
      ...extra,
    });
    dataOf(await record(consents(3000, `${FY - 1}-06-30`)));
    dataOf(await record(consents(7, `${FY}-03-31`))); // the last day of the previous fiscal year
    const wrong = dataOf(await record(consents(5000, `${FY}-05-31`))).recordExternalFigure;
    const fixed = dataOf(
      await record(consents(5014, `${FY}-05-31`, { supersedesId: wrong.id })),
    ).recordExternalFigure;
    expect(fixed).toMatchObject({ supersedesId: wrong.id, enteredByUserId: coordinator.userId });
    dataOf(await record(consents(100, `${FY + 1}-04-01`))); // the next fiscal year
    dataOf(
      await record({
        programId: programs.kampo,
        kpi: 'HERB_TRIAL_PLOTS',
        label: { ja: '試験圃場数', en: 'Trial plots' },
        value: 12,
        date: `${FY}-10-01`,
        sourceText: '農業技術センター 圃場台帳',
      }),
    );

    const before = await writes();
    expectError(await record(consents(1, `${FY}-06-01`, { supersedesId: wrong.id })), 'CONFLICT', {
      path: 'input.supersedesId',
    });
    expectError(await record(consents(1, `${FY}-06-01`, { supersedesId: randomUUID() })), 'NOT_FOUND', {
      path: 'input.supersedesId',
    });
    expectError(
      await record(consents(1, `${FY}-06-01`, { kpi: 'HERB_TRIAL_PLOTS', supersedesId: fixed.id })),
      'BAD_USER_INPUT',
      {
        path: 'input.kpi',
      },
    );
    expectError(await record(consents(-5, `${FY}-06-01`)), 'BAD_USER_INPUT', { path: 'input.value' });
    expectError(await record(consents(1, `${FY}-02-30`)), 'BAD_USER_INPUT', { path: 'input.date' });
    expectError(await record(consents(1, '1990-06-01')), 'BAD_USER_INPUT', { path: 'input.date' });
    expectError(await record(consents(1, `${FY}-06-01`, { kpi: 'NEW_SEEDS' })), 'BAD_USER_INPUT', {
      path: 'input.kpi',
    });
    expectError(await record(consents(1, `${FY}-06-01`, { programId: randomUUID() })), 'NOT_FOUND', {
      path: 'input.programId',
    });
    expectError(await record(consents(1, `${FY}-06-01`, { sourceText: '' })), 'BAD_USER_INPUT', {
      path: 'input.sourceText',
    });
    expectError(await record(consents(1, `${FY}-06-01`), researcher), 'FORBIDDEN', { localized: false });
    expect(await writes()).toEqual(before);

    const listed = dataOf(
      await gql<{ externalFigures: { id: string; value: number; supersedesId: string | null }[] }>(FIGURES, {
        programId: programs.cohort,
      }),
    ).externalFigures;
    expect(listed.map((figure) => figure.value).sort((x, y) => x - y)).toEqual([7, 100, 3000, 5000, 5014]);
  });

  it('computes every KPI of the fiscal year per program from the records, with targets and % achieved', async () => {
    const kampo = await kpis(FY, programs.kampo);
    expect(kampo.program.code).toBe('prog-kampo');
    expect(actuals(kampo.figures)).toEqual({
      NEW_SEEDS: 3, // s1, s2, s5 (the draft is not new)
      NEW_NEEDS: 3, // n1, the confidential one, n4
      PROPOSALS_MADE: 3, // a, b, c
      INTRODUCTIONS: 3,
      NDAS: 2,
      AGREEMENTS: 2,
      VENTURES_CREATED: 1, // b: venture-creation pathway reaching agreement
      COHORT_CONSENTS: 0,
      HERB_TRIAL_PLOTS: 12,
    });
    expect(targets(kampo.figures)).toEqual({
      NEW_SEEDS: { value: 4, fromFiscalYear: FY, toFiscalYear: FY, actual: 3, achievedPercent: 75 },
    });
    expect(kampo.figures[0].label).toEqual({ ja: '新規シーズ', en: 'New seeds' });

    const cohort = await kpis(FY, programs.cohort);
    expect(actuals(cohort.figures)).toEqual({
      ...ZEROS,
      NEW_SEEDS: 1, // s2
      NEW_NEEDS: 1, // n3
      PROPOSALS_MADE: 2, // c (by its seed), the proposal for n3 (by its need)
      INTRODUCTIONS: 1,
      COHORT_CONSENTS: 5014, // the correction counts, not the figure it replaced; the next fiscal year is not in
    });
    expect(targets(cohort.figures)).toEqual({
      COHORT_CONSENTS: {
        value: 10000,
        fromFiscalYear: FY - 1,
        toFiscalYear: FY + 1,
        actual: 8021,
        achievedPercent: 80.2,
      },
    });
    expect(actuals((await kpis(FY - 1, programs.cohort)).figures)).toEqual({
      ...ZEROS,
      COHORT_CONSENTS: 3007,
    });
    expect(actuals((await kpis(FY, programs.quiet)).figures)).toEqual(ZEROS);
  });

  it('answers zeros for a year without data, and typed errors for years out of range or unknown programs', async () => {
    const empty = await kpis(FY - 6, programs.kampo);
    expect(actuals(empty.figures)).toEqual(ZEROS);
    expect(targets(empty.figures)).toEqual({});
    for (const fiscalYear of [1999, 2101, -1])
      expectError(await gql(KPIS, { fiscalYear, programId: programs.kampo }), 'BAD_USER_INPUT', {
        path: 'fiscalYear',
      });
    expectError(await gql(KPIS, { fiscalYear: FY, programId: randomUUID() }), 'NOT_FOUND', {
      path: 'programId',
    });
    expectError(await gql(KPIS, { fiscalYear: FY, programId: programs.kampo }, member), 'FORBIDDEN', {
      localized: false,
    });
  });

  it('writes the report as CSV with a BOM and as self-contained HTML with an SVG chart per program', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kyoso-report-'));
    try {
      const { csvPath, htmlPath, report } = await app.api.app.get(AchievementReportService).write(FY, dir);
      const csv = await readFile(csvPath, 'utf8');
      expect(csv.startsWith('\uFEFF')).toBe(true);
      const rows = csv
        .slice(1)
        .trim()
        .split('\r\n')
        .map((line) => line.split(','));
      expect(rows[0][0]).toBe('年度 / Fiscal year');
      const cell = (code: string, kpi: string) => {
        const row = rows.find((one) => one[1] === code && one[3] === kpi);
        if (!row) throw new Error(`no row for ${code} ${kpi}`);
        return {
          actual: Number(row[5]),
          target: row[6],
          period: row[7],
          periodActual: row[8],
          percent: row[9],
        };
      };
      expect(rows).toHaveLength(1 + 3 * 9);
      const expected: Record<string, Record<string, number>> = {
        'prog-kampo': {
          'new-seeds': 3,
          'new-needs': 3,
          'proposals-made': 3,
          introductions: 3,
          ndas: 2,
          agreements: 2,
          'ventures-created': 1,
          'cohort-consents': 0,
          'herb-trial-plots': 12,
        },
        'prog-cohort': {
          'new-seeds': 1,
          'new-needs': 1,
          'proposals-made': 2,
          introductions: 1,
          ndas: 0,
          agreements: 0,
          'ventures-created': 0,
          'cohort-consents': 5014,
          'herb-trial-plots': 0,
        },
        'prog-quiet': {
          'new-seeds': 0,
          'new-needs': 0,
          'proposals-made': 0,
          introductions: 0,
          ndas: 0,
          agreements: 0,
          'ventures-created': 0,
          'cohort-consents': 0,
          'herb-trial-plots': 0,
        },
      };
      for (const [code, figures] of Object.entries(expected))
        for (const [kpi, actual] of Object.entries(figures))
          expect([code, kpi, cell(code, kpi).actual]).toEqual([code, kpi, actual]);
      expect(cell('prog-kampo', 'new-seeds')).toEqual({
        actual: 3,
        target: '4',
        period: `${FY}-${FY}`,
        periodActual: '3',
        percent: '75',
      });
      expect(cell('prog-cohort', 'cohort-consents')).toEqual({
        actual: 5014,
        target: '10000',
        period: `${FY - 1}-${FY + 1}`,
        periodActual: '8021',
        percent: '80.2',
      });
      expect(cell('prog-kampo', 'ndas').target).toBe('');

      const cohort = report.programs.find((one) => one.program.code === 'prog-cohort');
      expect(
        cohort?.history.map((year) => [year.fiscalYear, year.actual['cohort-consents' as never]]),
      ).toEqual([
        [FY - 4, 0],
        [FY - 3, 0],
        [FY - 2, 0],
        [FY - 1, 3007],
        [FY, 5014],
      ]);

      const html = await readFile(htmlPath, 'utf8');
      expect(html.match(/<svg[\s>]/g)).toHaveLength(3);
      expect(html).not.toMatch(/https?:|<script|<link|<img|@import|url\(/i);
      expect(html).toContain('鶴岡みらい健康調査 / Tsuruoka Future Health Study');
      expect(html).toContain('80.2%');
      expect(html.indexOf('新規シーズ / New seeds')).toBeGreaterThan(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
