import { Field, ID, InputType, Int } from '@nestjs/graphql';
import {
  ArrayMaxSize,
  IsArray,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { BilingualTextInputOf, IsTaxonomyCode } from '#libs/core';
import { CODE_PATTERN, type InputClass } from '../../catalog-inputs.js';

export const SummaryInput = BilingualTextInputOf(10000, 'SummaryInput');
export type SummaryInput = InstanceType<typeof SummaryInput>;

/** The editable content of a seed, shared by create and update (update adds it to RecordVersionInput). */
export function WithSeedContent<Base extends InputClass>(base: Base) {
  @InputType({ isAbstract: true })
  abstract class SeedContentInput extends base {
    @Field(() => [String], { nullable: true, description: 'Keywords in either language, at most 50.' })
    @IsOptional()
    @IsArray()
    @ArrayMaxSize(50)
    @IsString({ each: true })
    @MaxLength(200, { each: true })
    keywords?: string[];

    @Field(() => [ID], {
      nullable: true,
      description:
        'People (directory ids) behind the seed. Researchers list people of their own institution; coordinators list people of another (PERSON_OF_OTHER_INSTITUTION otherwise).',
    })
    @IsOptional()
    @ArrayMaxSize(50)
    @IsUUID('all', { each: true })
    researcherIds?: string[];

    @Field(() => Int, { nullable: true })
    @IsOptional()
    @IsInt()
    @Min(1)
    @Max(9)
    trl?: number | null;

    @Field(() => String, { nullable: true, description: 'ipStatuses code; default none.' })
    @IsOptional()
    @IsTaxonomyCode('ipStatuses')
    ipStatus?: string;

    @Field(() => [String], { nullable: true })
    @IsOptional()
    @ArrayMaxSize(50)
    @IsString({ each: true })
    @MaxLength(200, { each: true })
    patents?: string[];

    @Field(() => [String], { nullable: true, description: 'collaborationTypes codes offered.' })
    @IsOptional()
    @ArrayMaxSize(20)
    @IsTaxonomyCode('collaborationTypes')
    collaborationTypes?: string[];

    @Field(() => [String], { nullable: true })
    @IsOptional()
    @ArrayMaxSize(50)
    @IsString({ each: true })
    @MaxLength(200, { each: true })
    applications?: string[];

    @Field(() => [String], { nullable: true, description: 'Program codes.' })
    @IsOptional()
    @ArrayMaxSize(20)
    @Matches(CODE_PATTERN, { each: true })
    programCodes?: string[];
  }
  return SeedContentInput;
}
