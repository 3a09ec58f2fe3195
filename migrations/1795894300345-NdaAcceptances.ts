import type { MigrationInterface, QueryRunner } from 'typeorm';

export class NdaAcceptances1795894300345 implements MigrationInterface {
  name = 'NdaAcceptances1795894300345';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "nda_acceptance" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "proposal_id" uuid NOT NULL, "party" text NOT NULL, "user_id" uuid NOT NULL, "text_version" text NOT NULL, "accepted_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_04666ad293bfb720c66c1f99918" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_696f93f47974fb0c4383db3dc6" ON "nda_acceptance"  ("proposal_id", "party") `,
    );
    await queryRunner.query(
      `ALTER TABLE "nda_acceptance" ADD CONSTRAINT "FK_cb74c1912e3869fd2d73e34f320" FOREIGN KEY ("proposal_id") REFERENCES "match_proposal"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "nda_acceptance" DROP CONSTRAINT "FK_cb74c1912e3869fd2d73e34f320"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_696f93f47974fb0c4383db3dc6"`);
    await queryRunner.query(`DROP TABLE "nda_acceptance"`);
  }
}
