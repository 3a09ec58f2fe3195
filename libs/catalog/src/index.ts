export { CatalogModule, CATALOG_ENTITIES } from './catalog.module.js';
export { CatalogError, CatalogErrorCode } from './catalog-errors.js';
export { Program } from './program/program.entity.js';
export { ProgramService } from './program/program.service.js';
export { ResearchSeed, SeedStatus } from './seed/research-seed.entity.js';
export { SeedQueryService } from './seed/seed-query.service.js';
export { CompanyNeed, NeedConfidentiality, NeedStatus } from './need/company-need.entity.js';
export { NeedQueryService } from './need/need-query.service.js';
export { CatalogImporter, MAX_LINE_BYTES, type ImportReport } from './transfer/catalog-importer.js';
export {
  isProblemLine,
  parseRecord,
  readNdjsonLines,
  type ImportProblem,
  type ImportRecord,
} from './import/index.js';
export { exportCatalog } from './transfer/catalog-export.js';
export { DemoCatalog } from './transfer/demo-catalog.js';
export { NEED_CHANGES, PROGRAM_CHANGES, SEED_CHANGES } from './catalog-topics.js';
