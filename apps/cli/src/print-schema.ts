import 'reflect-metadata';
import { buildApiSchemaSdl } from '#libs/platform';

/** npm run schema: prints the GraphQL schema (the committed schema.gql). */
buildApiSchemaSdl().then(
  (sdl) => process.stdout.write(sdl),
  (error: Error) => {
    console.error(`could not build the schema: ${error.message}`);
    process.exit(1);
  },
);
