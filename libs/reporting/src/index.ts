export { ReportingModule, REPORTING_ENTITIES } from './reporting.module.js';
export { ReportingError, ReportingErrorCode } from './reporting.errors.js';
export { Kpi, EXTERNAL_KPIS, KPI_LABELS } from './kpi/kpi.js';
export { fiscalPeriod, fiscalYearOf, FIRST_FISCAL_YEAR, LAST_FISCAL_YEAR } from './kpi/fiscal-year.js';
export { KpiService } from './kpi/kpi.service.js';
export { KpiTarget } from './target/kpi-target.entity.js';
export { ExternalFigure } from './external-figure/external-figure.entity.js';
export {
  AchievementReportService,
  CHART_YEARS,
  type AchievementReport,
  type ProgramReport,
} from './report/achievement-report.service.js';
