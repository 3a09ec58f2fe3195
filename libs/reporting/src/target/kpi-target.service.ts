import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { recordAudit, type SignedInViewer } from '#libs/core';
import { isReportableFiscalYear } from '../kpi/fiscal-year.js';
import { KpiService } from '../kpi/kpi.service.js';
import { ReportingError } from '../reporting.errors.js';
import type { SetKpiTargetInput } from './dto/set-kpi-target.input.js';
import { KpiTarget } from './kpi-target.entity.js';

const snapshot = (target: KpiTarget) => ({
  programId: target.programId,
  kpi: target.kpi,
  fromFiscalYear: target.fromFiscalYear,
  toFiscalYear: target.toFiscalYear,
  value: target.value,
});

/** Coordinators set a target per program, KPI and period; setting the same period again changes its value. */
@Injectable()
export class KpiTargetService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly kpis: KpiService,
  ) {}

  async set(input: SetKpiTargetInput, viewer: SignedInViewer): Promise<KpiTarget> {
    const from = input.fromFiscalYear;
    const to = input.toFiscalYear ?? from;
    if (!isReportableFiscalYear(from))
      throw ReportingError.fiscalYearOutOfRange(from, 'input.fromFiscalYear');
    if (!isReportableFiscalYear(to)) throw ReportingError.fiscalYearOutOfRange(to, 'input.toFiscalYear');
    if (to < from) throw ReportingError.targetPeriodInvalid();
    const program = await this.kpis.program(input.programId, 'input.programId');
    return this.dataSource.transaction(async (manager) => {
      // one writer at a time per program, so two overlapping periods cannot both pass the check
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`kpi-target:${program.id}`]);
      const existing = await manager.findBy(KpiTarget, { programId: program.id, kpi: input.kpi });
      const overlapping = existing.find(
        (one) =>
          one.fromFiscalYear <= to &&
          from <= one.toFiscalYear &&
          !(one.fromFiscalYear === from && one.toFiscalYear === to),
      );
      if (overlapping)
        throw ReportingError.targetPeriodOverlaps(overlapping.fromFiscalYear, overlapping.toFiscalYear);
      const same = existing.find((one) => one.fromFiscalYear === from && one.toFiscalYear === to);
      const before = same ? snapshot(same) : null;
      const target =
        same ??
        manager.create(KpiTarget, {
          programId: program.id,
          kpi: input.kpi,
          fromFiscalYear: from,
          toFiscalYear: to,
        });
      target.value = input.value;
      target.setByUserId = viewer.userId;
      const saved = await manager.save(target);
      await recordAudit(manager, {
        actorUserId: viewer.userId,
        entityType: 'kpi-target',
        entityId: saved.id,
        action: same ? 'updated' : 'created',
        before,
        after: snapshot(saved),
      });
      return saved;
    });
  }
}
