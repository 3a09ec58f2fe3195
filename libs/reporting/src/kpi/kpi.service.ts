import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { bilingual } from '#libs/core';
import {
  CatalogError,
  CatalogErrorCode,
  NeedQueryService,
  Program,
  ProgramService,
  SeedQueryService,
} from '#libs/catalog';
import { PipelineReportService } from '#libs/matching';
import { ReportingError } from '../reporting.errors.js';
import { KpiTarget } from '../target/kpi-target.entity.js';
import { fiscalPeriod, isReportableFiscalYear } from './fiscal-year.js';
import { ALL_KPIS, Kpi, KPI_LABELS } from './kpi.js';
import { KPI_COUNTS } from './kpi-counts.js';
import type { KpiFigure, KpiReport, KpiTargetProgress } from './kpi.model.js';

/** KPIs computed from the records, never typed in; a year without activity counts zeros. */
@Injectable()
export class KpiService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly programs: ProgramService,
    private readonly seeds: SeedQueryService,
    private readonly needs: NeedQueryService,
    private readonly pipeline: PipelineReportService,
  ) {}

  async kpis(fiscalYear: number, programId: string): Promise<KpiReport> {
    if (!isReportableFiscalYear(fiscalYear)) throw ReportingError.fiscalYearOutOfRange(fiscalYear);
    const program = await this.program(programId);
    return this.report(program, fiscalYear);
  }

  /** The program by id, or the reporting error naming the field. */
  async program(programId: string, path = 'programId'): Promise<Program> {
    try {
      return await this.programs.get({ id: programId });
    } catch (error) {
      if (error instanceof CatalogError && error.code === CatalogErrorCode.ProgramNotFound)
        throw ReportingError.programNotFound(programId, path);
      throw error;
    }
  }

  async report(program: Program, fiscalYear: number): Promise<KpiReport> {
    const targets = await this.dataSource.manager.findBy(KpiTarget, { programId: program.id });
    const figures: KpiFigure[] = [];
    for (const kpi of ALL_KPIS) {
      const actual = await this.count(program, kpi, fiscalYear, fiscalYear);
      const target = targets.find(
        (one) => one.kpi === kpi && one.fromFiscalYear <= fiscalYear && fiscalYear <= one.toFiscalYear,
      );
      figures.push({
        kpi,
        label: bilingual(KPI_LABELS[kpi]),
        actual,
        target: target ? await this.progress(program, target, fiscalYear) : null,
      });
    }
    return { fiscalYear, program, figures };
  }

  /** One KPI over fiscal years `from` to `to`. */
  count(program: Program, kpi: Kpi, from: number, to: number): Promise<number> {
    const sources = {
      seeds: this.seeds,
      needs: this.needs,
      pipeline: this.pipeline,
      db: this.dataSource.manager,
    };
    return KPI_COUNTS[kpi](sources, {
      programId: program.id,
      programCode: program.code,
      period: fiscalPeriod(from, to),
    });
  }

  private async progress(
    program: Program,
    target: KpiTarget,
    fiscalYear: number,
  ): Promise<KpiTargetProgress> {
    const actual = await this.count(program, target.kpi, target.fromFiscalYear, fiscalYear);
    return {
      value: target.value,
      fromFiscalYear: target.fromFiscalYear,
      toFiscalYear: target.toFiscalYear,
      actual,
      achievedPercent: target.value === 0 ? 0 : Math.round((actual / target.value) * 1000) / 10,
    };
  }
}
