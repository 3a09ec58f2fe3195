import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CatalogSeeds1795884111769 implements MigrationInterface {
  name = 'CatalogSeeds1795884111769';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "person" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "external_id" text, "organization_id" uuid NOT NULL, "role" text NOT NULL, "title" text, "email" text, "user_id" uuid, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "name_ja" text, "name_en" text, CONSTRAINT "PK_5fdaf670315c4b7e70cce85daa3" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_7ccd4f8c11b2e08405422ccc2c" ON "person"  ("external_id") WHERE external_id IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_529240bfd63666ae4ec116456b" ON "person"  ("organization_id") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_4567f1edc2263dea410b54e799" ON "person"  ("user_id") WHERE user_id IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE TABLE "audit_entry" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "actor_user_id" uuid, "entity_type" text NOT NULL, "entity_id" uuid NOT NULL, "action" text NOT NULL, "changes" jsonb NOT NULL, CONSTRAINT "PK_58a130a4b9da189f46ba2a01801" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_63fffa54263a5976411f9c6899" ON "audit_entry"  ("entity_type", "entity_id", "at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "program" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "code" text NOT NULL, "version" integer NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "name_ja" text, "name_en" text, "description_ja" text, "description_en" text, CONSTRAINT "PK_3bade5945afbafefdd26a3a29fb" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_c6b8c4c1adba14ec96387d3c00" ON "program"  ("code") `);
    await queryRunner.query(
      `CREATE TABLE "research_seed" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "external_id" text, "keywords" text array NOT NULL DEFAULT '{}', "fields" text array NOT NULL DEFAULT '{}', "institution_id" uuid NOT NULL, "trl" smallint, "ip_status" text NOT NULL DEFAULT 'none', "patents" text array NOT NULL DEFAULT '{}', "collaboration_types" text array NOT NULL DEFAULT '{}', "applications" text array NOT NULL DEFAULT '{}', "program_codes" text array NOT NULL DEFAULT '{}', "status" text NOT NULL DEFAULT 'draft', "published_at" TIMESTAMP WITH TIME ZONE, "review_due_at" TIMESTAMP WITH TIME ZONE, "version" integer NOT NULL, "created_by_user_id" uuid, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "title_ja" text, "title_en" text, "summary_ja" text, "summary_en" text, CONSTRAINT "PK_ca94fd0aa617b9ce6341acaa82b" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_c5e83dd2f4834ff85b34f6b7a0" ON "research_seed"  ("external_id") WHERE external_id IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_2a09ee512e826b295a5f27e27a" ON "research_seed"  ("institution_id") `,
    );
    await queryRunner.query(`CREATE INDEX "IDX_711d9c5ef4948cf3345074b345" ON "research_seed"  ("trl") `);
    await queryRunner.query(`CREATE INDEX "IDX_229b6bef86fa66b6d2ad2e4d90" ON "research_seed"  ("status") `);
    await queryRunner.query(
      `CREATE TABLE "seed_researcher" ("seed_id" uuid NOT NULL, "person_id" uuid NOT NULL, CONSTRAINT "PK_391f366790936f60fc424e56977" PRIMARY KEY ("seed_id", "person_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_8e6f3bdbba690c6598fdfd94e2" ON "seed_researcher"  ("seed_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_7070a3416c9f2c57a50a4b0187" ON "seed_researcher"  ("person_id") `,
    );
    await queryRunner.query(
      `ALTER TABLE "person" ADD CONSTRAINT "FK_529240bfd63666ae4ec116456b9" FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "research_seed" ADD CONSTRAINT "FK_2a09ee512e826b295a5f27e27a6" FOREIGN KEY ("institution_id") REFERENCES "organization"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "seed_researcher" ADD CONSTRAINT "FK_8e6f3bdbba690c6598fdfd94e28" FOREIGN KEY ("seed_id") REFERENCES "research_seed"("id") ON DELETE CASCADE ON UPDATE CASCADE`,
    );
    await queryRunner.query(
      `ALTER TABLE "seed_researcher" ADD CONSTRAINT "FK_7070a3416c9f2c57a50a4b0187d" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE CASCADE`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "seed_researcher" DROP CONSTRAINT "FK_7070a3416c9f2c57a50a4b0187d"`);
    await queryRunner.query(`ALTER TABLE "seed_researcher" DROP CONSTRAINT "FK_8e6f3bdbba690c6598fdfd94e28"`);
    await queryRunner.query(`ALTER TABLE "research_seed" DROP CONSTRAINT "FK_2a09ee512e826b295a5f27e27a6"`);
    await queryRunner.query(`ALTER TABLE "person" DROP CONSTRAINT "FK_529240bfd63666ae4ec116456b9"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_7070a3416c9f2c57a50a4b0187"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_8e6f3bdbba690c6598fdfd94e2"`);
    await queryRunner.query(`DROP TABLE "seed_researcher"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_229b6bef86fa66b6d2ad2e4d90"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_711d9c5ef4948cf3345074b345"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_2a09ee512e826b295a5f27e27a"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_c5e83dd2f4834ff85b34f6b7a0"`);
    await queryRunner.query(`DROP TABLE "research_seed"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_c6b8c4c1adba14ec96387d3c00"`);
    await queryRunner.query(`DROP TABLE "program"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_63fffa54263a5976411f9c6899"`);
    await queryRunner.query(`DROP TABLE "audit_entry"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_4567f1edc2263dea410b54e799"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_529240bfd63666ae4ec116456b"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_7ccd4f8c11b2e08405422ccc2c"`);
    await queryRunner.query(`DROP TABLE "person"`);
  }
}
