import type { MigrationInterface, QueryRunner } from 'typeorm';

export class SearchOutbox1795889767938 implements MigrationInterface {
  name = 'SearchOutbox1795889767938';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "outbox_change" ("seq" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "topic" text NOT NULL, "entity_id" uuid NOT NULL, "enqueued_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "attempts" integer NOT NULL DEFAULT '0', "next_attempt_at" TIMESTAMP(3) WITH TIME ZONE, "last_error" text, "processed_at" TIMESTAMP(3) WITH TIME ZONE, CONSTRAINT "PK_4c1a54ba6270d3efdebae6a85b1" PRIMARY KEY ("seq"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_73927cf3d05699e22c064f82e3" ON "outbox_change"  ("enqueued_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "outbox_change_pending" ON "outbox_change"  ("seq") WHERE processed_at IS NULL`,
    );
    // what existed before the outbox is indexed through it, like any later change
    await queryRunner.query(
      `INSERT INTO "outbox_change" ("topic", "entity_id") SELECT 'seed', "id" FROM "research_seed" ORDER BY "created_at"`,
    );
    await queryRunner.query(
      `INSERT INTO "outbox_change" ("topic", "entity_id") SELECT 'need', "id" FROM "company_need" ORDER BY "created_at"`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."outbox_change_pending"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_73927cf3d05699e22c064f82e3"`);
    await queryRunner.query(`DROP TABLE "outbox_change"`);
  }
}
