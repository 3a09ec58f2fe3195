import { ArgsType, Field, ID } from '@nestjs/graphql';
import { ArrayMaxSize, IsUUID } from 'class-validator';

@ArgsType()
export class MarkNotificationsReadArgs {
  @Field(() => [ID])
  @ArrayMaxSize(200)
  @IsUUID('all', { each: true })
  ids: string[];
}
