import { readFileSync } from 'node:fs';
import {
  buildSchema,
  getNamedType,
  isLeafType,
  isNonNullType,
  isObjectType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLOutputType,
} from 'graphql';

/** One root field of the schema, ready to be called with variables. */
export interface Operation {
  kind: 'query' | 'mutation';
  name: string;
  args: readonly { name: string; type: GraphQLInputType }[];
  /** The document, with one variable per argument ($name); omitted variables leave the argument out. */
  document: string;
}

const SELECTION_DEPTH = 2;

/** Leaf fields, and one level of object fields below, so field resolvers run too. */
function selection(type: GraphQLOutputType, depth: number): string {
  const named = getNamedType(type);
  if (isLeafType(named)) return '';
  if (!isObjectType(named)) return '{ __typename }';
  const fields = Object.values(named.getFields())
    .filter((field) => field.args.every((arg) => !isNonNullType(arg.type) || arg.defaultValue !== undefined))
    .flatMap((field) => {
      if (isLeafType(getNamedType(field.type))) return [field.name];
      return depth < SELECTION_DEPTH ? [`${field.name} ${selection(field.type, depth + 1)}`] : [];
    });
  return `{ __typename ${fields.join(' ')} }`;
}

function operationOf(kind: Operation['kind'], field: GraphQLField<unknown, unknown>): Operation {
  const args = field.args.map((arg) => ({ name: arg.name, type: arg.type }));
  const variables = args.map((arg) => `$${arg.name}: ${String(arg.type)}`).join(', ');
  const passed = args.map((arg) => `${arg.name}: $${arg.name}`).join(', ');
  const document =
    `${kind} Fuzz${variables ? `(${variables})` : ''} ` +
    `{ ${field.name}${passed ? `(${passed})` : ''} ${selection(field.type, 1)} }`;
  return { kind, name: field.name, args, document };
}

/** Every Query and Mutation field of schema.gql. */
export function schemaOperations(schemaFile: string): Operation[] {
  const schema = buildSchema(readFileSync(schemaFile, 'utf8'));
  const roots = [
    ['query', schema.getQueryType()],
    ['mutation', schema.getMutationType()],
  ] as const;
  return roots.flatMap(([kind, root]) =>
    root ? Object.values(root.getFields()).map((field) => operationOf(kind, field)) : [],
  );
}
