import { stringify } from 'csv-stringify/sync';
import type { AchievementReport } from './achievement-report.service.js';

const HEADER = [
  '年度 / Fiscal year',
  'プログラムコード / Program code',
  'プログラム / Program',
  '指標 / KPI',
  '指標名 / KPI name',
  '実績 / Actual',
  '目標 / Target',
  '目標期間 / Target period',
  '期間実績 / Actual over the period',
  '達成率 (%) / Achieved (%)',
];

const both = (text: { ja: string | null; en: string | null }) =>
  [text.ja, text.en].filter((part) => part).join(' / ');

/** One row per program and KPI; UTF-8 with a BOM so Excel reads the Japanese. */
export function reportCsv(report: AchievementReport): string {
  const rows = report.programs.flatMap(({ program, kpis }) =>
    kpis.figures.map((figure) => [
      report.fiscalYear,
      program.code,
      both(program.name),
      figure.kpi,
      both(figure.label),
      figure.actual,
      figure.target?.value ?? '',
      figure.target ? `${figure.target.fromFiscalYear}-${figure.target.toFiscalYear}` : '',
      figure.target?.actual ?? '',
      figure.target?.achievedPercent ?? '',
    ]),
  );
  return stringify([HEADER, ...rows], { bom: true, record_delimiter: 'windows' });
}
