import { registerEnumType } from '@nestjs/graphql';
import type { LocalizedMessage } from '#libs/core';

/**
 * The achievement report's KPIs. Computed ones are counted from Kyoso's
 * records (kpi-counts.ts); external ones are summed from the figures entered
 * with their source. The event KPIs (events held, participants,
 * organizations, schools, presentations, partnering meetings) join when
 * libs/events keeps those records.
 */
export enum Kpi {
  NEW_SEEDS = 'new-seeds',
  NEW_NEEDS = 'new-needs',
  PROPOSALS_MADE = 'proposals-made',
  INTRODUCTIONS = 'introductions',
  NDAS = 'ndas',
  AGREEMENTS = 'agreements',
  VENTURES_CREATED = 'ventures-created',
  COHORT_CONSENTS = 'cohort-consents',
  HERB_TRIAL_PLOTS = 'herb-trial-plots',
}

registerEnumType(Kpi, {
  name: 'Kpi',
  description:
    'Computed from the records: NEW_SEEDS (published in the year), NEW_NEEDS (registered), PROPOSALS_MADE, INTRODUCTIONS, NDAS, AGREEMENTS (proposals entering the state), VENTURES_CREATED (venture-creation proposals reaching agreement). External, entered with their source: COHORT_CONSENTS, HERB_TRIAL_PLOTS.',
});

export const EXTERNAL_KPIS: readonly Kpi[] = [Kpi.COHORT_CONSENTS, Kpi.HERB_TRIAL_PLOTS];
export const isExternalKpi = (kpi: Kpi) => EXTERNAL_KPIS.includes(kpi);

/** Report order and labels, Japanese first. */
export const KPI_LABELS: Record<Kpi, LocalizedMessage> = {
  [Kpi.NEW_SEEDS]: { ja: '新規シーズ', en: 'New seeds' },
  [Kpi.NEW_NEEDS]: { ja: '新規ニーズ', en: 'New needs' },
  [Kpi.PROPOSALS_MADE]: { ja: 'マッチング提案', en: 'Proposals made' },
  [Kpi.INTRODUCTIONS]: { ja: '紹介', en: 'Introductions' },
  [Kpi.NDAS]: { ja: '秘密保持契約', en: 'NDAs' },
  [Kpi.AGREEMENTS]: { ja: '契約締結', en: 'Agreements' },
  [Kpi.VENTURES_CREATED]: { ja: 'ベンチャー創出', en: 'Ventures created' },
  [Kpi.COHORT_CONSENTS]: { ja: 'コホート同意数', en: 'Cohort consents' },
  [Kpi.HERB_TRIAL_PLOTS]: { ja: '生薬試験圃場', en: 'Herb trial plots' },
};

export const ALL_KPIS = Object.values(Kpi);
