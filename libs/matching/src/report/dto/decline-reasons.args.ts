import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsOptional, IsUUID } from 'class-validator';

@ArgsType()
export class DeclineReasonsArgs {
  @Field(() => ID, { nullable: true, description: 'One seed; coordinators and its listed researchers.' })
  @IsOptional()
  @IsUUID('all')
  seedId?: string;

  @Field(() => ID, {
    nullable: true,
    description: 'All seeds of an institution; coordinators and the institution’s researchers.',
  })
  @IsOptional()
  @IsUUID('all')
  institutionId?: string;
}
