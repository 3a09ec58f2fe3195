import type { MigrationInterface, QueryRunner } from 'typeorm';

export class SavedSearches1795894775487 implements MigrationInterface {
  name = 'SavedSearches1795894775487';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "saved_search" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "name" text NOT NULL, "query" text NOT NULL, "filter" jsonb NOT NULL DEFAULT '{}', "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_563b338d8b4878fa46697c8f3f2" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_33780d7f908bacc052ce093147" ON "saved_search"  ("user_id") `);
    await queryRunner.query(
      `CREATE TABLE "saved_search_match" ("saved_search_id" uuid NOT NULL, "seed_id" uuid NOT NULL, "at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_9d9df6093602543f4fdb03319fc" PRIMARY KEY ("saved_search_id", "seed_id"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "saved_search" ADD CONSTRAINT "FK_33780d7f908bacc052ce093147b" FOREIGN KEY ("user_id") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "saved_search_match" ADD CONSTRAINT "FK_cf5735669dd0ff8421346c92aba" FOREIGN KEY ("saved_search_id") REFERENCES "saved_search"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "saved_search_match" DROP CONSTRAINT "FK_cf5735669dd0ff8421346c92aba"`,
    );
    await queryRunner.query(`ALTER TABLE "saved_search" DROP CONSTRAINT "FK_33780d7f908bacc052ce093147b"`);
    await queryRunner.query(`DROP TABLE "saved_search_match"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_33780d7f908bacc052ce093147"`);
    await queryRunner.query(`DROP TABLE "saved_search"`);
  }
}
