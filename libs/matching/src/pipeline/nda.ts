import { Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import { IsString, IsUUID, MaxLength } from 'class-validator';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import { BilingualText } from '#libs/core';
import { MatchProposal } from './match-proposal.entity.js';

/**
 * The NDA both sides click through before confidential details are shared.
 * A new text gets a new version; acceptances record the version accepted.
 */
export const NDA_TEXT = {
  version: '2026-11',
  ja: '本提案に関して相手方から開示される技術情報・事業情報は秘密として扱い、共同研究・事業化の検討以外の目的に使用せず、第三者に開示しません。この義務は開示から3年間続きます。',
  en: 'Technical and business information the other party discloses about this proposal is confidential: it is used only to consider joint research or commercialization and is not disclosed to third parties. This obligation lasts three years from disclosure.',
} as const;

@ObjectType({
  description: 'The current NDA text both parties accept before confidential details are shared.',
})
export class NdaText {
  @Field()
  version: string;

  @Field(() => BilingualText)
  text: BilingualText;
}

/** One side's click-through acceptance: who, when, which version. */
@ObjectType()
@Entity()
@Index(['proposalId', 'party'], { unique: true })
export class NdaAcceptance {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  proposalId: string;

  @ManyToOne(() => MatchProposal, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'proposal_id' })
  proposal?: Relation<MatchProposal>;

  @Field({ description: 'company or researcher' })
  @Column({ type: 'text' })
  party: 'company' | 'researcher';

  @Field(() => ID)
  @Column({ type: 'uuid' })
  userId: string;

  @Field()
  @Column({ type: 'text' })
  textVersion: string;

  @Field()
  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  acceptedAt: Date;
}

@InputType()
export class AcceptNdaInput {
  @Field(() => ID)
  @IsUUID('all')
  proposalId: string;

  @Field({ description: 'The version of the NDA text the person read (ndaText.version).' })
  @IsString()
  @MaxLength(40)
  textVersion: string;
}

@ObjectType({ description: 'Someone to contact on the other side, shown once both accepted the NDA.' })
export class ProposalContact {
  @Field()
  party: string;

  @Field(() => BilingualText)
  name: BilingualText;

  @Field()
  email: string;
}
