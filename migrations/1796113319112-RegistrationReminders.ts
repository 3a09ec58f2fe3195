import type { MigrationInterface, QueryRunner } from 'typeorm';

export class RegistrationReminders1796113319112 implements MigrationInterface {
  name = 'RegistrationReminders1796113319112';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "registration" ADD "reminded_at" TIMESTAMP WITH TIME ZONE`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "registration" DROP COLUMN "reminded_at"`);
  }
}
