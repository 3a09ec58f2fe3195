import { Field, InputType, Int, ObjectType } from '@nestjs/graphql';
import { IsBoolean, IsOptional, IsString, MaxLength } from 'class-validator';

export const MAX_GRAPHQL_IMPORT_BYTES = 20 * 1024 * 1024;

@InputType()
export class ImportCatalogInput {
  @Field(() => String, {
    nullable: true,
    description: 'The catalogue in the NDJSON import format, up to 20 MB; or upload it as `file`.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_GRAPHQL_IMPORT_BYTES)
  ndjson?: string | null;

  @Field({ defaultValue: false, description: 'Write the good lines and report the bad ones.' })
  @IsOptional()
  @IsBoolean()
  partial: boolean;

  @Field({ defaultValue: false, description: 'Check and count only; nothing is written.' })
  @IsOptional()
  @IsBoolean()
  dryRun: boolean;
}

@ObjectType()
export class ImportProblemView {
  @Field(() => Int)
  line: number;

  @Field(() => String, { nullable: true, description: 'The offending key, e.g. title.ja or fields[2].' })
  key: string | null;

  @Field()
  reason: string;
}

@ObjectType({ description: 'What an import did (or, refused or dry, would have done).' })
export class ImportReportView {
  @Field(() => Int)
  created: number;

  @Field(() => Int)
  updated: number;

  @Field(() => Int)
  unchanged: number;

  @Field(() => Int, { description: 'Lines refused.' })
  rejected: number;

  @Field(() => Int)
  lines: number;

  @Field({
    description: 'False when nothing was written: a dry run, or an all-or-nothing import with a bad line.',
  })
  written: boolean;

  @Field(() => [ImportProblemView], { description: 'The first 1,000 problems, by line.' })
  problems: ImportProblemView[];
}
