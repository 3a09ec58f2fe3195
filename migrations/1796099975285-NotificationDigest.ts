import type { MigrationInterface, QueryRunner } from 'typeorm';

export class NotificationDigest1796099975285 implements MigrationInterface {
  name = 'NotificationDigest1796099975285';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "notification" ADD "digest_pending" boolean NOT NULL DEFAULT false`);
    await queryRunner.query(
      `CREATE INDEX "notification_digest_pending" ON "notification"  ("created_at") WHERE digest_pending`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."notification_digest_pending"`);
    await queryRunner.query(`ALTER TABLE "notification" DROP COLUMN "digest_pending"`);
  }
}
