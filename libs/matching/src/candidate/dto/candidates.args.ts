import { ArgsType, Field, Int } from '@nestjs/graphql';
import { IsInt, Max, Min } from 'class-validator';

/** How many candidates, best first: shared by the three candidate queries. */
@ArgsType()
export class CandidatesArgs {
  @Field(() => Int, { defaultValue: 10, description: '1 to 50.' })
  @IsInt()
  @Min(1)
  @Max(50)
  first = 10;
}
