import { Field, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { BilingualText, PageInfo } from '#libs/core';
import { CompanyNeed, ResearchSeed } from '#libs/catalog';

@ObjectType({ description: 'A piece of text; matched pieces are what the query found.' })
export class TextFragment {
  @Field()
  text: string;

  @Field()
  matched: boolean;
}

export enum TextLanguage {
  JA = 'ja',
  EN = 'en',
}
registerEnumType(TextLanguage, { name: 'TextLanguage' });

@ObjectType({
  description: 'Text in one language, split into fragments so clients mark matches without parsing HTML.',
})
export class HighlightedText {
  @Field(() => TextLanguage)
  language: TextLanguage;

  @Field(() => [TextFragment])
  fragments: TextFragment[];

  @Field({ description: 'The fragments joined: the text (cropped, with …, for long texts).' })
  text: string;
}

@ObjectType()
export class FacetValue {
  @Field()
  value: string;

  @Field(() => BilingualText, {
    nullable: true,
    description: 'Name of the code, organization or program, where it has one.',
  })
  label: BilingualText | null;

  @Field(() => Int)
  count: number;
}

@ObjectType({ description: "How the matching results spread over one attribute's values." })
export class Facet {
  @Field()
  attribute: string;

  @Field(() => [FacetValue])
  values: FacetValue[];
}

@ObjectType()
export class SeedSearchHit {
  @Field(() => ResearchSeed)
  seed: ResearchSeed;

  @Field(() => HighlightedText, { nullable: true, description: 'The title in the language that matched.' })
  title: HighlightedText | null;

  @Field(() => HighlightedText, {
    nullable: true,
    description: 'A snippet of the summary around the match, in the language that matched.',
  })
  summary: HighlightedText | null;
}

@ObjectType()
export class NeedSearchHit {
  @Field(() => CompanyNeed)
  need: CompanyNeed;

  @Field(() => HighlightedText, { nullable: true })
  title: HighlightedText | null;

  @Field(() => HighlightedText, { nullable: true })
  description: HighlightedText | null;
}

function SearchResultOf<T>(hit: new () => T, name: string) {
  @ObjectType(name)
  class Result {
    @Field(() => [hit])
    hits: T[];

    @Field(() => Int, {
      description: 'All matching results the viewer may see (an estimate on very large result sets).',
    })
    totalHits: number;

    @Field(() => [Facet])
    facets: Facet[];

    @Field(() => Int, {
      nullable: true,
      description:
        'Time the search engine took, in milliseconds; null unless the viewer may see every document searched, since the time depends on documents the viewer may not see.',
    })
    processingTimeMs: number | null;

    @Field(() => PageInfo)
    pageInfo: PageInfo;
  }
  return Result;
}

export const SeedSearchResult = SearchResultOf(SeedSearchHit, 'SeedSearchResult');
export type SeedSearchResult = InstanceType<typeof SeedSearchResult>;
export const NeedSearchResult = SearchResultOf(NeedSearchHit, 'NeedSearchResult');
export type NeedSearchResult = InstanceType<typeof NeedSearchResult>;
