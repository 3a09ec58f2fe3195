import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Program } from '#libs/catalog';
import { isReportableFiscalYear } from '../kpi/fiscal-year.js';
import { ALL_KPIS, type Kpi } from '../kpi/kpi.js';
import type { KpiReport } from '../kpi/kpi.model.js';
import { KpiService } from '../kpi/kpi.service.js';
import { ReportingError } from '../reporting.errors.js';
import { reportCsv } from './report-csv.js';
import { reportHtml } from './report-html.js';

/** How many fiscal years each program's chart shows, the reported one last. */
export const CHART_YEARS = 5;

export interface ProgramReport {
  program: Program;
  kpis: KpiReport;
  /** The last CHART_YEARS fiscal years, oldest first. */
  history: { fiscalYear: number; actual: Record<Kpi, number> }[];
}

export interface AchievementReport {
  fiscalYear: number;
  generatedAt: Date;
  programs: ProgramReport[];
}

/** The 実績 report: every program's KPIs for a fiscal year, as CSV and as a self-contained HTML page. */
@Injectable()
export class AchievementReportService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly kpis: KpiService,
  ) {}

  async build(fiscalYear: number): Promise<AchievementReport> {
    if (!isReportableFiscalYear(fiscalYear))
      throw ReportingError.fiscalYearOutOfRange(fiscalYear, '--fiscal-year');
    const programs = await this.dataSource.manager.find(Program, { order: { code: 'ASC' } });
    const reports: ProgramReport[] = [];
    for (const program of programs) {
      const history: ProgramReport['history'] = [];
      for (let year = fiscalYear - CHART_YEARS + 1; year <= fiscalYear; year++) {
        const actual = {} as Record<Kpi, number>;
        for (const kpi of ALL_KPIS) actual[kpi] = await this.kpis.count(program, kpi, year, year);
        history.push({ fiscalYear: year, actual });
      }
      reports.push({ program, kpis: await this.kpis.report(program, fiscalYear), history });
    }
    return { fiscalYear, generatedAt: new Date(), programs: reports };
  }

  async render(fiscalYear: number): Promise<{ report: AchievementReport; csv: string; html: string }> {
    const report = await this.build(fiscalYear);
    return { report, csv: reportCsv(report), html: reportHtml(report) };
  }

  /** Writes achievement-report-FY<year>.csv and .html into `dir`; returns their paths. */
  async write(
    fiscalYear: number,
    dir: string,
  ): Promise<{ report: AchievementReport; csvPath: string; htmlPath: string }> {
    const { report, csv, html } = await this.render(fiscalYear);
    await mkdir(dir, { recursive: true });
    const base = join(dir, `achievement-report-FY${fiscalYear}`);
    await writeFile(`${base}.csv`, csv, 'utf8');
    await writeFile(`${base}.html`, html, 'utf8');
    return { report, csvPath: `${base}.csv`, htmlPath: `${base}.html` };
  }
}
