import { Field, ID, InputType, Int } from '@nestjs/graphql';
import {
  IsEnum,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { NameInput, NestedInput } from '#libs/core';
import { Kpi } from '../../kpi/kpi.js';

@InputType()
export class RecordExternalFigureInput {
  @Field(() => ID)
  @IsUUID('all')
  programId: string;

  @Field(() => Kpi, { description: 'An external KPI: COHORT_CONSENTS or HERB_TRIAL_PLOTS.' })
  @IsEnum(Kpi)
  kpi: Kpi;

  @Field(() => NameInput, { description: 'What the number counts, e.g. 鶴岡みらい健康調査 同意者数.' })
  @NestedInput(() => NameInput)
  label: NameInput;

  @Field(() => Int)
  @IsInt()
  @Min(0)
  @Max(1_000_000_000)
  value: number;

  @Field({ description: 'The day the figure stands for, YYYY-MM-DD.' })
  @IsISO8601({ strict: true })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'date must be a date YYYY-MM-DD' })
  date: string;

  @Field({ description: 'Where the number comes from (a report, a letter, a register).' })
  @IsString()
  @MinLength(1)
  @MaxLength(1000)
  sourceText: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true })
  @MaxLength(2000)
  sourceUrl?: string;

  @Field(() => ID, { nullable: true, description: 'The figure this one corrects; it stays on record.' })
  @IsOptional()
  @IsUUID('all')
  supersedesId?: string;
}
