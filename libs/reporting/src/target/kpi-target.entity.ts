import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import { Kpi } from '../kpi/kpi.js';

/**
 * What a program aims for on one KPI over a fiscal year or several (the
 * health cohort's 10,000 consents over three years). Periods of one
 * program's KPI never overlap; every change is audited.
 */
@ObjectType({ description: 'A program’s target for one KPI over one or more fiscal years.' })
@Entity()
@Index(['programId', 'kpi', 'fromFiscalYear', 'toFiscalYear'], { unique: true })
export class KpiTarget {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => Int, { description: 'Incremented on every change.' })
  @VersionColumn()
  version: number;

  @Field(() => ID)
  @Column({ type: 'uuid' })
  programId: string;

  @Field(() => Kpi)
  @Column({ type: 'text' })
  kpi: Kpi;

  @Field(() => Int)
  @Column({ type: 'smallint' })
  fromFiscalYear: number;

  @Field(() => Int, { description: 'Same as fromFiscalYear for a one-year target.' })
  @Column({ type: 'smallint' })
  toFiscalYear: number;

  @Field(() => Int)
  @Column({ type: 'integer' })
  value: number;

  @Column({ type: 'uuid', nullable: true })
  setByUserId: string | null;

  @Field()
  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @Field()
  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}
