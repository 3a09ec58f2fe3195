import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsEnum, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { Kpi } from '../../kpi/kpi.js';

@InputType()
export class SetKpiTargetInput {
  @Field(() => ID)
  @IsUUID('all')
  programId: string;

  @Field(() => Kpi)
  @IsEnum(Kpi)
  kpi: Kpi;

  @Field(() => Int)
  @IsInt()
  fromFiscalYear: number;

  @Field(() => Int, { nullable: true, description: 'For a multi-year target; default fromFiscalYear.' })
  @IsOptional()
  @IsInt()
  toFiscalYear?: number;

  @Field(() => Int)
  @IsInt()
  @Min(0)
  @Max(1_000_000_000)
  value: number;
}
