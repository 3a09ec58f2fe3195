import { ArgsType, Field, ID } from '@nestjs/graphql';
import { isUUID, IsOptional, IsString, MaxLength } from 'class-validator';

/** Finds one record by its id or by its catalogue externalId. */
@ArgsType()
export class RecordKeyArgs {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  id?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  externalId?: string;
}

/**
 * The column and value to look a record up by, and the argument to blame when
 * nothing is found. Any string is a GraphQL ID; one that is not a UUID names
 * no record (and would make PostgreSQL throw), so it finds nothing.
 */
export function recordKey(args: RecordKeyArgs): {
  column: 'id' | 'externalId';
  value: string;
  path: string;
  searchable: boolean;
} {
  if (args.id !== undefined && args.id !== null)
    return { column: 'id', value: args.id, path: 'id', searchable: isUUID(args.id) };
  if (args.externalId)
    return { column: 'externalId', value: args.externalId, path: 'externalId', searchable: true };
  return { column: 'id', value: '(none given)', path: 'id', searchable: false };
}
