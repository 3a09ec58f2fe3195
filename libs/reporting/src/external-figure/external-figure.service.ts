import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { bilingual, isUniqueViolation, recordAudit, type SignedInViewer } from '#libs/core';
import { fiscalYearOf, isReportableFiscalYear } from '../kpi/fiscal-year.js';
import { isExternalKpi } from '../kpi/kpi.js';
import { KpiService } from '../kpi/kpi.service.js';
import { ReportingError } from '../reporting.errors.js';
import type { ExternalFiguresArgs } from './dto/external-figures.args.js';
import type { RecordExternalFigureInput } from './dto/record-external-figure.input.js';
import { ExternalFigure } from './external-figure.entity.js';

/** Figures from outside Kyoso: entered with date and source, corrected only by a superseding record. */
@Injectable()
export class ExternalFigureService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly kpis: KpiService,
  ) {}

  /** Every figure of a program, corrections and what they correct alike, newest first. */
  list(args: ExternalFiguresArgs): Promise<ExternalFigure[]> {
    return this.dataSource.manager.find(ExternalFigure, {
      where: { programId: args.programId },
      order: { figureDate: 'DESC', createdAt: 'DESC' },
    });
  }

  async record(input: RecordExternalFigureInput, viewer: SignedInViewer): Promise<ExternalFigure> {
    if (!isExternalKpi(input.kpi)) throw ReportingError.notAnExternalKpi(input.kpi);
    const year = fiscalYearOf(new Date(`${input.date}T12:00:00+09:00`));
    if (!isReportableFiscalYear(year)) throw ReportingError.fiscalYearOutOfRange(year, 'input.date');
    const program = await this.kpis.program(input.programId, 'input.programId');
    try {
      return await this.dataSource.transaction(async (manager) => {
        if (input.supersedesId) {
          const old = await manager.findOne(ExternalFigure, {
            where: { id: input.supersedesId },
            lock: { mode: 'pessimistic_write' },
          });
          if (!old) throw ReportingError.externalFigureNotFound(input.supersedesId);
          if (old.programId !== program.id) throw ReportingError.correctionChangesKind('input.programId');
          if (old.kpi !== input.kpi) throw ReportingError.correctionChangesKind('input.kpi');
        }
        const figure = await manager.save(
          manager.create(ExternalFigure, {
            programId: program.id,
            kpi: input.kpi,
            label: bilingual(input.label),
            value: input.value,
            figureDate: input.date,
            sourceText: input.sourceText.trim(),
            sourceUrl: input.sourceUrl ?? null,
            enteredByUserId: viewer.userId,
            supersedesId: input.supersedesId ?? null,
          }),
        );
        await recordAudit(manager, {
          actorUserId: viewer.userId,
          entityType: 'external-figure',
          entityId: figure.id,
          action: input.supersedesId ? 'corrected' : 'created',
          before: null,
          after: {
            programId: figure.programId,
            kpi: figure.kpi,
            label: { ...figure.label },
            value: figure.value,
            figureDate: figure.figureDate,
            sourceText: figure.sourceText,
            sourceUrl: figure.sourceUrl,
            supersedesId: figure.supersedesId,
          },
        });
        return figure;
      });
    } catch (error) {
      // each figure is corrected once: a second correction names the newest record instead
      if (isUniqueViolation(error)) throw ReportingError.externalFigureSuperseded();
      throw error;
    }
  }
}
