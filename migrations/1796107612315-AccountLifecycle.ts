import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AccountLifecycle1796107612315 implements MigrationInterface {
  name = 'AccountLifecycle1796107612315';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "user" ADD "deactivated_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "user" ADD "deactivated_by" uuid`);
    await queryRunner.query(`ALTER TABLE "user" ADD "deactivation_reason" text`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "user" DROP COLUMN "deactivation_reason"`);
    await queryRunner.query(`ALTER TABLE "user" DROP COLUMN "deactivated_by"`);
    await queryRunner.query(`ALTER TABLE "user" DROP COLUMN "deactivated_at"`);
  }
}
