import { ArgsType, Field, ID, Int } from '@nestjs/graphql';
import { IsInt, IsUUID } from 'class-validator';

@ArgsType()
export class KpisArgs {
  @Field(() => Int, {
    description: 'The fiscal year by its starting April: 2026 is April 2026 to March 2027.',
  })
  @IsInt()
  fiscalYear: number;

  @Field(() => ID)
  @IsUUID('all')
  programId: string;
}
