export { openDatabase, type OpenDatabase } from './database.js';
export { ENTITIES, MIGRATIONS } from './persistence.js';
export {
  API_MODULES,
  apiImports,
  apiModules,
  commandImports,
  commonImports,
  COMMANDS,
  workerImports,
  workerModules,
  type CommandName,
  type ModuleList,
} from './processes.js';
export { runCommand } from './run-command.js';
export {
  buildApiSchemaSdl,
  operationPermissions,
  printApiSchema,
  resolverClasses,
  type OperationPermission,
} from './api-schema.js';
