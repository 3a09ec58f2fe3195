import { Field, InputType } from '@nestjs/graphql';
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
