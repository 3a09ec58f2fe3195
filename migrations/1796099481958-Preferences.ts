import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Preferences1796099481958 implements MigrationInterface {
  name = 'Preferences1796099481958';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "email_message" ADD "html" text`);
    await queryRunner.query(`ALTER TABLE "user" ADD "language" text NOT NULL DEFAULT 'ja'`);
    await queryRunner.query(`ALTER TABLE "user" ADD "notification_delivery" jsonb NOT NULL DEFAULT '{}'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "user" DROP COLUMN "notification_delivery"`);
    await queryRunner.query(`ALTER TABLE "user" DROP COLUMN "language"`);
    await queryRunner.query(`ALTER TABLE "email_message" DROP COLUMN "html"`);
  }
}
