import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Organization } from './organization/organization.entity.js';
import { OrganizationResolver } from './organization/organization.resolver.js';
import { OrganizationService } from './organization/organization.service.js';
import { Person } from './person/person.entity.js';
import { PersonPersonalData } from './directory.personal-data.js';
import { PersonResolver } from './person/person.resolver.js';
import { PersonService } from './person/person.service.js';

/** Organizations (and, with the catalog, the people in them). */
@Module({
  imports: [TypeOrmModule.forFeature([Organization, Person])],
  providers: [
    // organizations
    OrganizationService,
    OrganizationResolver,
    // people
    PersonService,
    PersonResolver,
    PersonPersonalData,
  ],
  exports: [OrganizationService, PersonService],
})
export class DirectoryModule {}

export const DIRECTORY_ENTITIES = [Organization, Person];
