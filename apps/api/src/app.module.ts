import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { Module, type DynamicModule } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import type { Request, Response } from 'express';
import { AppConfig, currentRequestId, RequestLoaders, toGraphQLError, type RequestContext } from '#libs/core';
import { IdentityModule, SessionService } from '#libs/identity';
import { apiImports } from '#libs/platform';
import { DemoCatalogAtStart } from './demo-catalog-at-start.js';
import { queryLimitsPlugin, withTokenLimit } from './query-limits.js';
import { isTooManyVariableErrors, withVariableErrorCode } from './variable-errors.js';
import { withoutSuggestions } from './without-suggestions.js';

/** The API: the api process's modules (#libs/platform) under one GraphQL endpoint. No logic lives here. */
@Module({})
export class AppModule {
  static register(config: AppConfig, databaseUrl: string): DynamicModule {
    return {
      module: AppModule,
      providers: [DemoCatalogAtStart],
      imports: [
        ...apiImports(config, databaseUrl),
        GraphQLModule.forRootAsync<ApolloDriverConfig>({
          driver: ApolloDriver,
          imports: [IdentityModule],
          inject: [SessionService],
          useFactory: (sessions: SessionService) => ({
            autoSchemaFile: true,
            sortSchema: true,
            graphiql: config.sandboxEnabled,
            introspection: config.introspectionEnabled,
            // "Did you mean …?" names the schema's fields as much as introspection does
            hideSchemaDetailsFromClientErrors: !config.introspectionEnabled,
            includeStacktraceInErrorResponses: false,
            // the parser stops at this many tokens, before a huge document costs time and memory
            parseOptions: { maxTokens: config.GRAPHQL_MAX_TOKENS },
            plugins: [
              queryLimitsPlugin({
                maxAliases: config.GRAPHQL_MAX_ALIASES,
                maxDepth: config.GRAPHQL_MAX_DEPTH,
                maxCost: config.GRAPHQL_MAX_COST,
              }),
            ],
            context: async ({ req, res }: { req: Request; res: Response }): Promise<RequestContext> => ({
              req,
              res,
              viewer: await sessions.authenticate(req.headers.authorization),
              loaders: new RequestLoaders(),
              requestId: currentRequestId() ?? '',
            }),
            formatError: (formatted, error) =>
              formatted.extensions?.code === 'INTERNAL_SERVER_ERROR' &&
              !formatted.extensions?.requestId &&
              !isTooManyVariableErrors(formatted.message)
                ? toGraphQLError(error).toJSON()
                : {
                    // Apollo's hiding misses the hints of variable coercion errors (apollo-server#8086)
                    message: config.introspectionEnabled
                      ? formatted.message
                      : withoutSuggestions(formatted.message),
                    locations: formatted.locations,
                    path: formatted.path,
                    extensions: withVariableErrorCode(
                      formatted.message,
                      withTokenLimit(formatted.message, formatted.extensions),
                    ),
                  },
          }),
        }),
      ],
    };
  }
}
