import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsOptional, IsUUID, Matches, MaxLength } from 'class-validator';
import { CODE_PATTERN } from '../../catalog-inputs.js';

/** One program, by id or by code. */
@ArgsType()
export class ProgramArgs {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  id?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(CODE_PATTERN)
  @MaxLength(100)
  code?: string;
}
