import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ANONYMOUS, type SignedInViewer } from '#libs/core';
import {
  SEARCH_ENGINE,
  seedFilters,
  seedVisibilityFilter,
  type Filter,
  type SearchEngine,
  type SeedSearchFilter,
} from '#libs/search';
import { MatchingError } from '../matching.errors.js';
import { NotificationService } from '../notification/notification.service.js';
import type { SaveSearchInput } from './dto/save-search.input.js';
import { SavedSearchMatch } from './saved-search-match.entity.js';
import { SavedSearch } from './saved-search.entity.js';

/** Newly published seeds, as anyone may read them (the catalog's read rule for an anonymous viewer). */
const PUBLISHED: Filter[] = [{ attribute: 'status', in: ['published'] }, seedVisibilityFilter(ANONYMOUS)];
/** How far down a saved search's results a new seed may sit and still count as a match. */
const DEPTH = 1000;
export const MAX_SAVED_SEARCHES = 50;

/** Saved searches of company members, and telling them about newly published seeds that match. */
@Injectable()
export class SavedSearchService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(SEARCH_ENGINE) private readonly engine: SearchEngine,
    private readonly notifications: NotificationService,
  ) {}

  async save(input: SaveSearchInput, viewer: SignedInViewer): Promise<SavedSearch> {
    if ((await this.dataSource.manager.countBy(SavedSearch, { userId: viewer.userId })) >= MAX_SAVED_SEARCHES)
      throw MatchingError.tooManySavedSearches(MAX_SAVED_SEARCHES);
    return this.dataSource.manager.save(
      this.dataSource.manager.create(SavedSearch, {
        userId: viewer.userId,
        name: input.name.trim(),
        query: input.query.trim(),
        filter: { ...(input.filter ?? {}) },
      }),
    );
  }

  list(viewer: SignedInViewer): Promise<SavedSearch[]> {
    return this.dataSource.manager.find(SavedSearch, {
      where: { userId: viewer.userId },
      order: { createdAt: 'ASC' },
    });
  }

  async remove(id: string, viewer: SignedInViewer): Promise<boolean> {
    const result = await this.dataSource.manager.delete(SavedSearch, { id, userId: viewer.userId });
    if (!result.affected) throw MatchingError.savedSearchNotFound(id);
    return true;
  }

  /** Tells each saved search's owner about the newly published seeds it finds, once per pair. */
  async matchPublished(seedIds: string[]): Promise<void> {
    if (seedIds.length === 0) return;
    const wanted = new Set(seedIds);
    for (const saved of await this.dataSource.manager.find(SavedSearch)) {
      const result = await this.engine.search('seeds', {
        query: saved.query,
        filter: { all: [...PUBLISHED, ...seedFilters(saved.filter as SeedSearchFilter)] },
        offset: 0,
        limit: DEPTH,
      });
      for (const hit of result.hits.filter((candidate) => wanted.has(candidate.id))) {
        await this.dataSource.transaction(async (manager) => {
          const inserted = await manager
            .createQueryBuilder()
            .insert()
            .into(SavedSearchMatch)
            .values({ savedSearchId: saved.id, seedId: hit.id })
            .orIgnore()
            .returning(['seed_id'])
            .execute();
          if (!inserted.raw[0]) return;
          await this.notifications.notify(manager, [saved.userId], {
            kind: 'saved-search-match',
            title: {
              ja: `保存した検索「${saved.name}」に新しいシーズが公開されました`,
              en: `A new seed matches your saved search “${saved.name}”`,
            },
            seedId: hit.id,
          });
        });
      }
    }
  }
}
