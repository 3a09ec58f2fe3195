import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DirectoryModule } from '#libs/directory';
import { IdentityModule } from '#libs/identity';
import { CompanyNeed } from './need/company-need.entity.js';
import { NeedQueryService } from './need/need-query.service.js';
import { NeedResolver } from './need/need.resolver.js';
import { NeedService } from './need/need.service.js';
import { Program } from './program/program.entity.js';
import { ProgramResolver } from './program/program.resolver.js';
import { ProgramService } from './program/program.service.js';
import { ResearchSeed } from './seed/research-seed.entity.js';
import { SeedQueryService } from './seed/seed-query.service.js';
import { SeedResolver } from './seed/seed.resolver.js';
import { SeedService } from './seed/seed.service.js';
import { CatalogImporter } from './transfer/catalog-importer.js';
import { DemoCatalog } from './transfer/demo-catalog.js';
import { TransferResolver } from './transfer/transfer.resolver.js';

/** What researchers, companies and coordinators put into Kyoso: programs, research seeds, company needs. */
@Module({
  imports: [DirectoryModule, IdentityModule, TypeOrmModule.forFeature([Program, ResearchSeed, CompanyNeed])],
  providers: [
    ProgramService,
    ProgramResolver,
    SeedService,
    SeedQueryService,
    SeedResolver,
    NeedService,
    NeedQueryService,
    NeedResolver,
    CatalogImporter,
    TransferResolver,
    DemoCatalog,
  ],
  exports: [ProgramService, SeedQueryService, NeedQueryService, CatalogImporter, DemoCatalog],
})
export class CatalogModule {}

export const CATALOG_ENTITIES = [Program, ResearchSeed, CompanyNeed];
