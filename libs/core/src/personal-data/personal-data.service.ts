import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { SignedInViewer } from '../access/viewer.js';

/**
 * One library's share of an account's personal data: what the owner gets in their export,
 * and what closing the account removes or anonymises. Both run in the caller's transaction.
 */
export interface PersonalDataContributor {
  /** The export's key for this library's part (`account`, `profile`, `catalog`…). */
  readonly section: string;
  /**
   * The library's place in the dependency chain counted from core (core 0, directory 1, identity 2,
   * catalog 3, search 4, matching 5): exports are gathered from core up, erasures run from the top
   * down, so a library still sees the rows of the libraries beneath it (a person's account link)
   * before they are erased.
   */
  readonly layer: number;
  /** The owner's own records and what they wrote, as plain JSON values: never hashes or others' private data. */
  export(owner: DataOwner, manager: EntityManager): Promise<unknown>;
  /** Deletes or anonymises the account's data; `email` is the address before closing. */
  erase(account: ClosingAccount, manager: EntityManager): Promise<void>;
}

/** The account whose data is exported: its viewer (for the read rules) and its address. */
export interface DataOwner {
  viewer: SignedInViewer;
  email: string;
}

/** The account being closed, as it was before anything was erased. */
export interface ClosingAccount {
  userId: string;
  email: string;
}

/**
 * The registry of every library's personal data: each registers its contributor at start
 * (as access policies register with AccessService), so the export and the account closure
 * cannot forget a library that keeps data about people.
 */
@Injectable()
export class PersonalDataService {
  private readonly contributors: PersonalDataContributor[] = [];

  register(contributor: PersonalDataContributor): void {
    if (this.contributors.some((known) => known.section === contributor.section)) {
      throw new Error(`personal data section ${contributor.section} registered twice`);
    }
    this.contributors.push(contributor);
  }

  /** Every section of the account's export, from core up. */
  async export(owner: DataOwner, manager: EntityManager): Promise<Record<string, unknown>> {
    const sections: Record<string, unknown> = {};
    for (const contributor of this.inOrder('up')) {
      sections[contributor.section] = await contributor.export(owner, manager);
    }
    return sections;
  }

  /** Erases the account's data in every library, from the top of the chain down, in the caller's transaction. */
  async erase(account: ClosingAccount, manager: EntityManager): Promise<void> {
    for (const contributor of this.inOrder('down')) await contributor.erase(account, manager);
  }

  /** The sections registered, in export order. */
  sections(): string[] {
    return this.inOrder('up').map((contributor) => contributor.section);
  }

  private inOrder(direction: 'up' | 'down'): PersonalDataContributor[] {
    const sign = direction === 'up' ? 1 : -1;
    return [...this.contributors].sort((a, b) => sign * (a.layer - b.layer));
  }
}
