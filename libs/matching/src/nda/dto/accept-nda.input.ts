import { Field, ID, InputType } from '@nestjs/graphql';
import { IsString, IsUUID, MaxLength } from 'class-validator';

@InputType()
export class AcceptNdaInput {
  @Field(() => ID)
  @IsUUID('all')
  proposalId: string;

  @Field({ description: 'The version of the NDA text the person read (ndaText.version).' })
  @IsString()
  @MaxLength(40)
  textVersion: string;
}
