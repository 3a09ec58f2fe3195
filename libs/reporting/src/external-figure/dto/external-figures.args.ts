import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsUUID } from 'class-validator';

@ArgsType()
export class ExternalFiguresArgs {
  @Field(() => ID)
  @IsUUID('all')
  programId: string;
}
