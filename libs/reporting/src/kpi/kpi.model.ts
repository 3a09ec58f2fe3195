import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { BilingualText } from '#libs/core';
import { Program } from '#libs/catalog';
import { Kpi } from './kpi.js';

@ObjectType({ description: 'A target with what was reached over its period up to the reported year.' })
export class KpiTargetProgress {
  @Field(() => Int)
  value: number;

  @Field(() => Int)
  fromFiscalYear: number;

  @Field(() => Int)
  toFiscalYear: number;

  @Field(() => Int, { description: 'The KPI summed from fromFiscalYear to the reported year.' })
  actual: number;

  @Field(() => Float, { description: 'actual / value × 100, one decimal.' })
  achievedPercent: number;
}

@ObjectType()
export class KpiFigure {
  @Field(() => Kpi)
  kpi: Kpi;

  @Field(() => BilingualText)
  label: BilingualText;

  @Field(() => Int, { description: 'In the fiscal year.' })
  actual: number;

  @Field(() => KpiTargetProgress, { nullable: true })
  target: KpiTargetProgress | null;
}

@ObjectType({ description: 'A program’s KPIs for one fiscal year (April to March, Asia/Tokyo).' })
export class KpiReport {
  @Field(() => Int)
  fiscalYear: number;

  @Field(() => Program)
  program: Program;

  @Field(() => [KpiFigure])
  figures: KpiFigure[];
}
