import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CatalogModule } from '#libs/catalog';
import { DirectoryModule } from '#libs/directory';
import { IdentityModule } from '#libs/identity';
import { MatchingModule } from '#libs/matching';
import { AgendaService } from './agenda/agenda.service.js';
import { EventSession } from './agenda/event-session.entity.js';
import { PresentationResolver } from './agenda/presentation.resolver.js';
import { Presentation } from './agenda/presentation.entity.js';
import { SessionResolver } from './agenda/session.resolver.js';
import { Award } from './award/award.entity.js';
import { AwardResolver } from './award/award.resolver.js';
import { AwardService } from './award/award.service.js';
import { EventQueryService } from './event/event-query.service.js';
import { Event } from './event/event.entity.js';
import { EventResolver } from './event/event.resolver.js';
import { EventService } from './event/event.service.js';
import { EventsPersonalData } from './events.personal-data.js';
import { RegistrationCountsResolver } from './registration/registration-counts.resolver.js';
import { RegistrationQueryService } from './registration/registration-query.service.js';
import { Registration } from './registration/registration.entity.js';
import { RegistrationResolver } from './registration/registration.resolver.js';
import { RegistrationService } from './registration/registration.service.js';

export const EVENTS_ENTITIES = [Event, EventSession, Presentation, Award, Registration];

/**
 * Events coordinators run (exchange meetings, presentation meetings, the
 * summit…), their agenda and awards. Registrations and 1:1 partnering attach
 * to an Event by its id.
 */
@Module({
  imports: [
    DirectoryModule,
    CatalogModule,
    IdentityModule,
    MatchingModule,
    TypeOrmModule.forFeature(EVENTS_ENTITIES),
  ],
  providers: [
    EventsPersonalData,
    EventService,
    EventQueryService,
    EventResolver,
    AgendaService,
    SessionResolver,
    PresentationResolver,
    AwardService,
    AwardResolver,
    RegistrationService,
    RegistrationQueryService,
    RegistrationResolver,
    RegistrationCountsResolver,
  ],
  exports: [EventService, EventQueryService],
})
export class EventsModule {}
