import { Field, Int, ObjectType } from '@nestjs/graphql';

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
