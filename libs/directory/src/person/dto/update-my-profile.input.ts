import { Field, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, IsArray, IsOptional, IsString, MaxLength } from 'class-validator';
import { BilingualTextInputOf, IsTaxonomyCode, NameInput, NestedInput } from '#libs/core';
import { IsHttpsUrl, IsOrcid, IsResearchmapUrl } from '../profile-links.js';

export const BioInput = BilingualTextInputOf(2000, 'BioInput');
export type BioInput = InstanceType<typeof BioInput>;

@InputType({ description: 'Only the fields given are changed; null clears an optional field.' })
export class UpdateMyProfileInput {
  @Field(() => NameInput, { nullable: true })
  @IsOptional()
  @NestedInput(() => NameInput)
  name?: NameInput;

  @Field(() => String, { nullable: true, description: 'e.g. 教授' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  title?: string | null;

  @Field(() => BioInput, { nullable: true })
  @IsOptional()
  @NestedInput(() => BioInput)
  bio?: BioInput | null;

  @Field(() => [String], { nullable: true, description: 'At most 30, each at most 100 characters.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(30)
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  keywords?: string[];

  @Field(() => [String], { nullable: true, description: 'fields codes, at most 20.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsTaxonomyCode('fields')
  fields?: string[];

  @Field(() => String, { nullable: true, description: 'https://researchmap.jp/…' })
  @IsOptional()
  @IsResearchmapUrl()
  @MaxLength(300)
  researchmapUrl?: string | null;

  @Field(() => String, { nullable: true, description: 'e.g. 0000-0002-1825-0097' })
  @IsOptional()
  @IsOrcid()
  orcid?: string | null;

  @Field(() => String, { nullable: true, description: 'Laboratory page (https).' })
  @IsOptional()
  @IsHttpsUrl()
  @MaxLength(500)
  labUrl?: string | null;
}
