import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DirectoryModule } from '#libs/directory';
import { IdentityModule } from '#libs/identity';
import { AuditEntry } from './audit/audit-entry.entity.js';
import { Program } from './program/program.entity.js';
import { ProgramResolver } from './program/program.resolver.js';
import { ProgramService } from './program/program.service.js';
import { ResearchSeed } from './seed/research-seed.entity.js';
import { SeedQueryService } from './seed/seed-query.service.js';
import { SeedResolver } from './seed/seed.resolver.js';
import { SeedService } from './seed/seed.service.js';

/** What researchers, companies and coordinators put into Kyoso: programs and research seeds (needs next). */
@Module({
  imports: [DirectoryModule, IdentityModule, TypeOrmModule.forFeature([Program, ResearchSeed, AuditEntry])],
  providers: [ProgramService, ProgramResolver, SeedService, SeedQueryService, SeedResolver],
  exports: [ProgramService, SeedQueryService],
})
export class CatalogModule {}

export const CATALOG_ENTITIES = [Program, ResearchSeed, AuditEntry];
