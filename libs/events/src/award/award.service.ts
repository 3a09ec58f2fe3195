import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { bilingual, VersionedWriter, type RecordVersionInput, type SignedInViewer } from '#libs/core';
import { Presentation } from '../agenda/presentation.entity.js';
import { EventService } from '../event/event.service.js';
import { EventsError } from '../events.errors.js';
import { Award } from './award.entity.js';
import type { GiveAwardInput } from './dto/give-award.input.js';

const awardSnapshot = (award: Award) => ({
  eventId: award.eventId,
  prize: { ...award.prize },
  presentationId: award.presentationId,
});

const awardWriter = new VersionedWriter<Award>({
  entity: Award,
  auditType: 'award',
  snapshot: awardSnapshot,
  notFound: (id) => EventsError.awardNotFound(id),
});

/** Prizes given at an event, each to one of its own presentations. */
@Injectable()
export class AwardService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: EventService,
  ) {}

  give(input: GiveAwardInput, actor: SignedInViewer): Promise<Award> {
    return this.dataSource.transaction(async (manager) => {
      const event = await this.events.lockForAgenda(manager, input.eventId);
      const presentation = await manager.findOneBy(Presentation, {
        id: input.presentationId,
        eventId: event.id,
      });
      if (!presentation) throw EventsError.presentationNotFound(input.presentationId);
      const award = manager.create(Award, {
        eventId: event.id,
        prize: bilingual(input.prize),
        presentationId: presentation.id,
      });
      return awardWriter.create(manager, award, actor.userId, 'given');
    });
  }

  remove(input: RecordVersionInput, actor: SignedInViewer): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      const found = await manager.findOneBy(Award, { id: input.id });
      if (!found) throw EventsError.awardNotFound(input.id);
      await this.events.lockForAgenda(manager, found.eventId, 'input.id');
      await awardWriter.remove(manager, { ...input, actorUserId: actor.userId });
      return true;
    });
  }
}
