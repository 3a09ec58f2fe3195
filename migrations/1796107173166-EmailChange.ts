import type { MigrationInterface, QueryRunner } from 'typeorm';

export class EmailChange1796107173166 implements MigrationInterface {
  name = 'EmailChange1796107173166';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "account_token" ADD "new_email" text`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "account_token" DROP COLUMN "new_email"`);
  }
}
