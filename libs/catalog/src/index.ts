export { CatalogModule, CATALOG_ENTITIES } from './catalog.module.js';
export { CatalogError, CatalogErrorCode } from './catalog-errors.js';
export { AuditEntry } from './audit/audit-entry.entity.js';
export { Program } from './program/program.entity.js';
export { ProgramService } from './program/program.service.js';
export { ResearchSeed, SeedStatus } from './seed/research-seed.entity.js';
export { SeedQueryService } from './seed/seed-query.service.js';
export { CompanyNeed, NeedConfidentiality, NeedStatus } from './need/company-need.entity.js';
export { NeedQueryService } from './need/need-query.service.js';
