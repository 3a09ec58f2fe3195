import { DomainError, ErrorKind, type FieldProblem, type LocalizedMessage } from '#libs/core';
import { FIRST_FISCAL_YEAR, LAST_FISCAL_YEAR } from './kpi/fiscal-year.js';

export enum ReportingErrorCode {
  FiscalYearOutOfRange = 'FISCAL_YEAR_OUT_OF_RANGE',
  ProgramNotFound = 'PROGRAM_NOT_FOUND',
  NotAnExternalKpi = 'NOT_AN_EXTERNAL_KPI',
  TargetPeriodInvalid = 'TARGET_PERIOD_INVALID',
  TargetPeriodOverlaps = 'TARGET_PERIOD_OVERLAPS',
  ExternalFigureNotFound = 'EXTERNAL_FIGURE_NOT_FOUND',
  ExternalFigureSuperseded = 'EXTERNAL_FIGURE_SUPERSEDED',
  CorrectionChangesKind = 'CORRECTION_CHANGES_KIND',
}

const KINDS: Record<ReportingErrorCode, ErrorKind> = {
  [ReportingErrorCode.FiscalYearOutOfRange]: ErrorKind.BadUserInput,
  [ReportingErrorCode.ProgramNotFound]: ErrorKind.NotFound,
  [ReportingErrorCode.NotAnExternalKpi]: ErrorKind.BadUserInput,
  [ReportingErrorCode.TargetPeriodInvalid]: ErrorKind.BadUserInput,
  [ReportingErrorCode.TargetPeriodOverlaps]: ErrorKind.Conflict,
  [ReportingErrorCode.ExternalFigureNotFound]: ErrorKind.NotFound,
  [ReportingErrorCode.ExternalFigureSuperseded]: ErrorKind.Conflict,
  [ReportingErrorCode.CorrectionChangesKind]: ErrorKind.BadUserInput,
};

export class ReportingError extends DomainError {
  constructor(code: ReportingErrorCode, message: LocalizedMessage, fields: FieldProblem[] = []) {
    super(code, KINDS[code], message, fields);
  }

  static fiscalYearOutOfRange(value: number, path = 'fiscalYear') {
    return new ReportingError(
      ReportingErrorCode.FiscalYearOutOfRange,
      {
        ja: `年度は ${FIRST_FISCAL_YEAR} から ${LAST_FISCAL_YEAR} の間で指定してください: ${value}`,
        en: `The fiscal year must be between ${FIRST_FISCAL_YEAR} and ${LAST_FISCAL_YEAR}: ${value}`,
      },
      [{ path, messages: [`between ${FIRST_FISCAL_YEAR} and ${LAST_FISCAL_YEAR}`] }],
    );
  }

  static programNotFound(value: string, path = 'programId') {
    return new ReportingError(
      ReportingErrorCode.ProgramNotFound,
      { ja: `プログラムが見つかりません: ${value}`, en: `No program ${value}` },
      [{ path, messages: ['no such program'] }],
    );
  }

  static notAnExternalKpi(kpi: string, path = 'input.kpi') {
    return new ReportingError(
      ReportingErrorCode.NotAnExternalKpi,
      {
        ja: `この指標は Kyoso の記録から集計されるため、外部の数値は登録できません: ${kpi}`,
        en: `This KPI is computed from Kyoso's records; external figures cannot be entered for it: ${kpi}`,
      },
      [{ path, messages: ['not an external KPI'] }],
    );
  }

  static targetPeriodInvalid(path = 'input.toFiscalYear') {
    return new ReportingError(
      ReportingErrorCode.TargetPeriodInvalid,
      {
        ja: '目標期間の終わりの年度は始まりの年度より前にできません',
        en: 'The target period cannot end before it starts',
      },
      [{ path, messages: ['before fromFiscalYear'] }],
    );
  }

  static targetPeriodOverlaps(from: number, to: number) {
    return new ReportingError(
      ReportingErrorCode.TargetPeriodOverlaps,
      {
        ja: `この指標には期間の重なる目標（${from}〜${to}年度）があります`,
        en: `This KPI already has a target for an overlapping period (FY${from}–FY${to})`,
      },
      [{ path: 'input.fromFiscalYear', messages: ['overlaps another target of the same KPI'] }],
    );
  }

  static externalFigureNotFound(id: string, path = 'input.supersedesId') {
    return new ReportingError(
      ReportingErrorCode.ExternalFigureNotFound,
      { ja: `外部数値の記録が見つかりません: ${id}`, en: `No external figure ${id}` },
      [{ path, messages: ['no such external figure'] }],
    );
  }

  static externalFigureSuperseded(path = 'input.supersedesId') {
    return new ReportingError(
      ReportingErrorCode.ExternalFigureSuperseded,
      {
        ja: 'この記録はすでに訂正されています。最新の記録を訂正してください',
        en: 'This figure has already been corrected; correct the latest record',
      },
      [{ path, messages: ['already superseded'] }],
    );
  }

  static correctionChangesKind(path = 'input.kpi') {
    return new ReportingError(
      ReportingErrorCode.CorrectionChangesKind,
      {
        ja: '訂正は元の記録と同じプログラム・指標で登録してください',
        en: 'A correction keeps the program and KPI of the figure it corrects',
      },
      [{ path, messages: ['differs from the corrected figure'] }],
    );
  }
}
