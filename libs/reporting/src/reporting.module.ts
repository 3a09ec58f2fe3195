import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CatalogModule } from '#libs/catalog';
import { MatchingModule } from '#libs/matching';
import { ExternalFigure } from './external-figure/external-figure.entity.js';
import { ExternalFigureResolver } from './external-figure/external-figure.resolver.js';
import { ExternalFigureService } from './external-figure/external-figure.service.js';
import { KpiResolver } from './kpi/kpi.resolver.js';
import { KpiService } from './kpi/kpi.service.js';
import { AchievementReportService } from './report/achievement-report.service.js';
import { KpiTarget } from './target/kpi-target.entity.js';
import { KpiTargetResolver } from './target/kpi-target.resolver.js';
import { KpiTargetService } from './target/kpi-target.service.js';

export const REPORTING_ENTITIES = [KpiTarget, ExternalFigure];

/** The achievement report (実績): KPIs per program and fiscal year, targets, external figures. */
@Module({
  imports: [CatalogModule, MatchingModule, TypeOrmModule.forFeature(REPORTING_ENTITIES)],
  providers: [
    KpiService,
    KpiResolver,
    KpiTargetService,
    KpiTargetResolver,
    ExternalFigureService,
    ExternalFigureResolver,
    AchievementReportService,
  ],
  exports: [KpiService, AchievementReportService],
})
export class ReportingModule {}
