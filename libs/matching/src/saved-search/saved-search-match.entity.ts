import { CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { SavedSearch } from './saved-search.entity.js';

/** A seed a saved search was told about: each pair once. */
@Entity()
export class SavedSearchMatch {
  @PrimaryColumn({ type: 'uuid' })
  savedSearchId: string;

  @ManyToOne(() => SavedSearch, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'saved_search_id' })
  savedSearch?: Relation<SavedSearch>;

  @PrimaryColumn({ type: 'uuid' })
  seedId: string;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  at: Date;
}
