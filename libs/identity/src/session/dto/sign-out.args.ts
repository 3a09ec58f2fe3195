import { ArgsType, Field } from '@nestjs/graphql';
import { IsOptional, IsString, MaxLength } from 'class-validator';

@ArgsType()
export class SignOutArgs {
  @Field(() => String, { nullable: true, description: 'Omit to end the session of the access token sent.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  refreshToken?: string;
}
