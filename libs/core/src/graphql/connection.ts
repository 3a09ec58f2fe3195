import { ArgsType, Field, Int, ObjectType } from '@nestjs/graphql';
import { IsInt, IsOptional, IsString, isUUID, Max, MaxLength, Min } from 'class-validator';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { CoreError } from '../errors/domain-error.js';

@ArgsType()
export class PageArgs {
  @Field(() => Int, { defaultValue: 20, description: 'Page size, 1 to 100.' })
  @IsInt()
  @Min(1)
  @Max(100)
  first = 20;

  @Field(() => String, { nullable: true, description: 'endCursor of the previous page.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  after?: string;
}

@ObjectType()
export class PageInfo {
  @Field()
  hasNextPage: boolean;

  @Field(() => String, { nullable: true })
  endCursor: string | null;
}

export interface Page<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: PageInfo;
  totalCount: number;
}

/** A Relay-style connection type for T: edges, pageInfo, totalCount. */
export function Connection<T>(node: new () => T, name: string) {
  @ObjectType(`${name}Edge`)
  class Edge {
    @Field()
    cursor: string;

    @Field(() => node)
    node: T;
  }

  @ObjectType(`${name}Connection`)
  class ConnectionType implements Page<T> {
    @Field(() => [Edge])
    edges: Edge[];

    @Field(() => PageInfo)
    pageInfo: PageInfo;

    @Field(() => Int)
    totalCount: number;
  }
  return ConnectionType;
}

interface Keyed {
  id: string;
  createdAt: Date;
}

const encodeCursor = (row: Keyed) =>
  Buffer.from(JSON.stringify([row.createdAt.toISOString(), row.id])).toString('base64url');

/**
 * Exactly what Date#toISOString writes for a real instant (so not "1", nor February 31st),
 * from year 1 on: PostgreSQL has no year 0000.
 */
const isIsoInstant = (value: unknown): value is string => {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/.test(value)) return false;
  if (value.startsWith('0000')) return false;
  const time = Date.parse(value);
  return !Number.isNaN(time) && new Date(time).toISOString() === value;
};

function decodeCursor(cursor: string): [string, string] {
  try {
    const [createdAt, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    // Both end up as SQL parameters: accept only what encodeCursor writes, or PostgreSQL would throw.
    if (isIsoInstant(createdAt) && isUUID(id)) return [createdAt, id as string];
  } catch {
    // fall through to the typed error
  }
  throw CoreError.invalidInput([
    { path: 'after', messages: ['after must be an endCursor returned by this list'] },
  ]);
}

/** Keyset pagination in creation order (`DESC`: newest first); stable under inserts, no OFFSET scans. */
export async function paginate<T extends Keyed & ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  args: PageArgs,
  order: 'ASC' | 'DESC' = 'ASC',
): Promise<Page<T>> {
  const alias = query.alias;
  const totalCount = await query.clone().getCount();
  if (args.after) {
    const [createdAt, id] = decodeCursor(args.after);
    const beyond = order === 'ASC' ? '>' : '<';
    query.andWhere(`(${alias}.createdAt, ${alias}.id) ${beyond} (:cursorCreatedAt, :cursorId)`, {
      cursorCreatedAt: createdAt,
      cursorId: id,
    });
  }
  const rows = await query
    .orderBy(`${alias}.createdAt`, order)
    .addOrderBy(`${alias}.id`, order)
    .take(args.first + 1)
    .getMany();
  const page = rows.slice(0, args.first);
  return {
    edges: page.map((node) => ({ cursor: encodeCursor(node), node })),
    pageInfo: {
      hasNextPage: rows.length > args.first,
      endCursor: page.length ? encodeCursor(page[page.length - 1]) : null,
    },
    totalCount,
  };
}
