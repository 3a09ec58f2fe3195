import type { MigrationInterface, QueryRunner } from 'typeorm';

export class NdaPerPerson1796094412834 implements MigrationInterface {
  name = 'NdaPerPerson1796094412834';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_696f93f47974fb0c4383db3dc6"`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_743fe060b07dd948a8f4a4930e" ON "nda_acceptance"  ("proposal_id", "user_id", "text_version") `,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_743fe060b07dd948a8f4a4930e"`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_696f93f47974fb0c4383db3dc6" ON "nda_acceptance" USING btree ("party", "proposal_id") `,
    );
  }
}
