import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AccountSecurity1796098130666 implements MigrationInterface {
  name = 'AccountSecurity1796098130666';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "session" ADD "last_used_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now()`,
    );
    await queryRunner.query(`ALTER TABLE "session" ADD "user_agent" text`);
    // sessions from before: last used (as far as anyone knows) when they began
    await queryRunner.query(`UPDATE "session" SET "last_used_at" = "created_at"`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "session" DROP COLUMN "user_agent"`);
    await queryRunner.query(`ALTER TABLE "session" DROP COLUMN "last_used_at"`);
  }
}
