import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ClosedAccounts1796107173482 implements MigrationInterface {
  name = 'ClosedAccounts1796107173482';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "email_message" ADD "forget_when_sent" boolean NOT NULL DEFAULT false`,
    );
    await queryRunner.query(`ALTER TABLE "user" ADD "closed_at" TIMESTAMP WITH TIME ZONE`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "user" DROP COLUMN "closed_at"`);
    await queryRunner.query(`ALTER TABLE "email_message" DROP COLUMN "forget_when_sent"`);
  }
}
