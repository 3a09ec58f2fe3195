import { NestFactory } from '@nestjs/core';
import {
  GraphQLSchemaBuilderModule,
  GraphQLSchemaFactory,
  RESOLVER_NAME_METADATA,
  RESOLVER_TYPE_METADATA,
} from '@nestjs/graphql';
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { ALLOW_METADATA, type Audience } from '#libs/core';
import type { DynamicModule } from '@nestjs/common';
import { API_MODULES } from './processes.js';

type Constructor = new (...args: never[]) => unknown;

/** The resolver classes the domain modules provide. */
export function resolverClasses(): Constructor[] {
  const providersOf = (module: Constructor | DynamicModule) =>
    ('module' in module
      ? (module.providers ?? [])
      : (Reflect.getMetadata('providers', module) ?? [])) as Constructor[];
  return API_MODULES.flatMap(providersOf).filter(
    (provider) => typeof provider === 'function' && Reflect.hasMetadata(RESOLVER_TYPE_METADATA, provider),
  );
}

export interface OperationPermission {
  operation: string;
  allow: Audience[] | 'UNDECLARED';
}

/** Every Query and Mutation with the audiences its @Allow declares. */
export function operationPermissions(): OperationPermission[] {
  const rows: OperationPermission[] = [];
  for (const resolver of resolverClasses()) {
    const prototype = resolver.prototype as Record<string, unknown>;
    for (const method of Object.getOwnPropertyNames(prototype)) {
      const handler = prototype[method];
      if (typeof handler !== 'function') continue;
      const type = Reflect.getMetadata(RESOLVER_TYPE_METADATA, handler) as string | undefined;
      if (type !== 'Query' && type !== 'Mutation') continue;
      const name = (Reflect.getMetadata(RESOLVER_NAME_METADATA, handler) as string | undefined) ?? method;
      rows.push({
        operation: `${type}.${name}`,
        allow: (Reflect.getMetadata(ALLOW_METADATA, handler) as Audience[] | undefined) ?? 'UNDECLARED',
      });
    }
  }
  return rows.sort((a, b) => a.operation.localeCompare(b.operation));
}

export const printApiSchema = (schema: GraphQLSchema) => printSchema(lexicographicSortSchema(schema));

/** Builds the schema from the resolvers alone (no database), as `npm run schema` writes it. */
export async function buildApiSchemaSdl(): Promise<string> {
  const app = await NestFactory.create(GraphQLSchemaBuilderModule, { logger: false });
  try {
    await app.init();
    return `${printApiSchema(await app.get(GraphQLSchemaFactory).create(resolverClasses()))}\n`;
  } finally {
    await app.close();
  }
}
