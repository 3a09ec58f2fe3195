import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { BilingualText } from '#libs/core';
import { Kpi } from '../kpi/kpi.js';

/**
 * A number that lives outside Kyoso (cohort consents, herb trial plots),
 * entered with its date and source. Never edited: a correction is a new
 * figure that supersedes it, and only figures nothing supersedes count.
 */
@ObjectType({ description: 'A dated figure from outside Kyoso, with its source; corrected by a new record.' })
@Entity()
@Index(['programId', 'kpi', 'figureDate'])
export class ExternalFigure {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID)
  @Column({ type: 'uuid' })
  programId: string;

  @Field(() => Kpi)
  @Column({ type: 'text' })
  kpi: Kpi;

  @Field(() => BilingualText)
  @Column(() => BilingualText, { prefix: 'label' })
  label: BilingualText;

  @Field(() => Int)
  @Column({ type: 'integer' })
  value: number;

  @Field({ description: 'The day the figure stands for (YYYY-MM-DD); it counts in that fiscal year.' })
  @Column({ type: 'date' })
  figureDate: string;

  @Field({ description: 'Where the number comes from.' })
  @Column({ type: 'text' })
  sourceText: string;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  sourceUrl: string | null;

  @Field(() => ID, { nullable: true })
  @Column({ type: 'uuid', nullable: true })
  enteredByUserId: string | null;

  @Field(() => ID, { nullable: true, description: 'The figure this one corrects.' })
  @Index({ unique: true, where: 'supersedes_id IS NOT NULL' })
  @Column({ type: 'uuid', nullable: true })
  supersedesId: string | null;

  @Field()
  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
