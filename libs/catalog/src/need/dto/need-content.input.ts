import { Field, InputType, Int } from '@nestjs/graphql';
import { ArrayMaxSize, IsEnum, IsInt, IsISO8601, IsOptional, Matches, Max, Min } from 'class-validator';
import { BilingualTextInputOf, IsTaxonomyCode } from '#libs/core';
import { CODE_PATTERN, type InputClass } from '../../catalog-inputs.js';
import { NeedConfidentiality } from '../company-need.entity.js';

export const NeedDescriptionInput = BilingualTextInputOf(10000, 'NeedDescriptionInput');
export type NeedDescriptionInput = InstanceType<typeof NeedDescriptionInput>;

/** The editable content of a need, shared by create and update (update adds it to RecordVersionInput). */
export function WithNeedContent<Base extends InputClass>(base: Base) {
  @InputType({ isAbstract: true })
  abstract class NeedContentInput extends base {
    @Field(() => [String], { nullable: true })
    @IsOptional()
    @ArrayMaxSize(20)
    @IsTaxonomyCode('fields')
    fields?: string[];

    @Field(() => [String], { nullable: true })
    @IsOptional()
    @ArrayMaxSize(20)
    @IsTaxonomyCode('collaborationTypes')
    desiredCollaboration?: string[];

    @Field(() => Int, { nullable: true })
    @IsOptional()
    @IsInt()
    @Min(1)
    @Max(9)
    trlMin?: number | null;

    @Field(() => Int, { nullable: true })
    @IsOptional()
    @IsInt()
    @Min(1)
    @Max(9)
    trlMax?: number | null;

    @Field(() => [String], { nullable: true })
    @IsOptional()
    @ArrayMaxSize(20)
    @Matches(CODE_PATTERN, { each: true })
    programCodes?: string[];

    @Field(() => NeedConfidentiality, { nullable: true, description: 'Default COORDINATORS.' })
    @IsOptional()
    @IsEnum(NeedConfidentiality)
    confidentiality?: NeedConfidentiality;

    @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' })
    @IsOptional()
    @IsISO8601({ strict: true })
    @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'deadline must be a date YYYY-MM-DD' })
    deadline?: string | null;
  }
  return NeedContentInput;
}
