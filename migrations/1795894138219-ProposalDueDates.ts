import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ProposalDueDates1795894138219 implements MigrationInterface {
  name = 'ProposalDueDates1795894138219';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "match_proposal" ADD "due_at" TIMESTAMP(3) WITH TIME ZONE`);
    await queryRunner.query(`CREATE INDEX "IDX_fcc5deaa2fa6904db0e0b72823" ON "match_proposal"  ("due_at") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_fcc5deaa2fa6904db0e0b72823"`);
    await queryRunner.query(`ALTER TABLE "match_proposal" DROP COLUMN "due_at"`);
  }
}
