import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Organization } from './organization.entity.js';
import { Person } from './person.entity.js';
import { PersonResolver } from './person.resolver.js';
import { PersonService } from './person.service.js';
import { OrganizationResolver } from './organization.resolver.js';
import { OrganizationService } from './organization.service.js';

/** Organizations (and, with the catalog, the people in them). */
@Module({
  imports: [TypeOrmModule.forFeature([Organization, Person])],
  providers: [OrganizationService, OrganizationResolver, PersonService, PersonResolver],
  exports: [OrganizationService, PersonService],
})
export class DirectoryModule {}

export const DIRECTORY_ENTITIES = [Organization, Person];
