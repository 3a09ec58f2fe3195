import type { MigrationInterface, QueryRunner } from 'typeorm';

export class OverdueNotices1795895101162 implements MigrationInterface {
  name = 'OverdueNotices1795895101162';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "match_proposal" ADD "overdue_notified_at" TIMESTAMP(3) WITH TIME ZONE`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "match_proposal" DROP COLUMN "overdue_notified_at"`);
  }
}
