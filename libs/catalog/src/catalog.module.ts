import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DirectoryModule } from '#libs/directory';
import { IdentityModule } from '#libs/identity';
import { CatalogAccessPolicy } from './catalog.access.js';
import { CatalogPersonalData } from './catalog.personal-data.js';
import { CompanyNeed } from './need/company-need.entity.js';
import { NeedQueryService } from './need/need-query.service.js';
import { NeedResolver } from './need/need.resolver.js';
import { NeedService } from './need/need.service.js';
import { Program } from './program/program.entity.js';
import { ProgramResolver } from './program/program.resolver.js';
import { ProgramService } from './program/program.service.js';
import { ResearchSeed } from './seed/research-seed.entity.js';
import { OrganizationPageResolver } from './seed/organization-page.resolver.js';
import { PersonSeedsResolver } from './seed/person-seeds.resolver.js';
import { SeedQueryService } from './seed/seed-query.service.js';
import { SeedResolver } from './seed/seed.resolver.js';
import { SeedService } from './seed/seed.service.js';
import { CatalogImportService } from './transfer/catalog-import.service.js';
import { DemoCatalogService } from './transfer/demo-catalog.service.js';
import { TransferResolver } from './transfer/transfer.resolver.js';
import { TransferService } from './transfer/transfer.service.js';

export const CATALOG_ENTITIES = [Program, ResearchSeed, CompanyNeed];

/** What researchers, companies and coordinators put into Kyoso: programs, research seeds, company needs. */
@Module({
  imports: [DirectoryModule, IdentityModule, TypeOrmModule.forFeature(CATALOG_ENTITIES)],
  providers: [
    CatalogAccessPolicy,
    CatalogPersonalData,
    ProgramService,
    ProgramResolver,
    SeedService,
    SeedQueryService,
    SeedResolver,
    PersonSeedsResolver,
    OrganizationPageResolver,
    NeedService,
    NeedQueryService,
    NeedResolver,
    CatalogImportService,
    TransferService,
    TransferResolver,
    DemoCatalogService,
  ],
  exports: [
    ProgramService,
    SeedQueryService,
    NeedQueryService,
    CatalogImportService,
    DemoCatalogService,
    TransferService,
  ],
})
export class CatalogModule {}
