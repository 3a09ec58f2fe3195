export { CatalogModule, CATALOG_ENTITIES } from './catalog.module.js';
export { CatalogError, CatalogErrorCode } from './catalog.errors.js';
export {
  CatalogAccessPolicy,
  needReadCondition,
  seedReadCondition,
  type CatalogPermission,
} from './catalog.access.js';
export { NEED_CHANGES, PROGRAM_CHANGES, SEED_CHANGES } from './catalog.topics.js';
export { Program } from './program/program.entity.js';
export { ProgramService } from './program/program.service.js';
export { ResearchSeed, SeedStatus } from './seed/research-seed.entity.js';
export { SeedQueryService } from './seed/seed-query.service.js';
export { CompanyNeed, NeedConfidentiality, NeedStatus } from './need/company-need.entity.js';
export { NeedQueryService } from './need/need-query.service.js';
export {
  CatalogImportService,
  MAX_LINE_BYTES,
  type ImportReport,
} from './transfer/catalog-import.service.js';
export { DemoCatalogService } from './transfer/demo-catalog.service.js';
export { TransferService } from './transfer/transfer.service.js';
export { parseRecord } from './transfer/import-record-schema.js';
export type { ImportProblem, ImportRecord } from './transfer/import-records.js';
export { isProblemLine, readNdjsonLines } from './transfer/ndjson-lines.js';
