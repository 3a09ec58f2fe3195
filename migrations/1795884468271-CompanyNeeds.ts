import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CompanyNeeds1795884468271 implements MigrationInterface {
  name = 'CompanyNeeds1795884468271';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "company_need" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "external_id" text, "company_id" uuid NOT NULL, "fields" text array NOT NULL DEFAULT '{}', "desired_collaboration" text array NOT NULL DEFAULT '{}', "trl_min" smallint, "trl_max" smallint, "program_codes" text array NOT NULL DEFAULT '{}', "confidentiality" text NOT NULL DEFAULT 'coordinators', "status" text NOT NULL DEFAULT 'open', "deadline" date, "version" integer NOT NULL, "created_by_user_id" uuid, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "title_ja" text, "title_en" text, "description_ja" text, "description_en" text, CONSTRAINT "PK_1268a9bcee8717b4b27b0aadc8c" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_7f0f2d62d81c09913087a60fe2" ON "company_need"  ("external_id") WHERE external_id IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_71624c582859ca80d5634f942c" ON "company_need"  ("company_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_b5f7dff3343db29f4a92c10890" ON "company_need"  ("confidentiality") `,
    );
    await queryRunner.query(`CREATE INDEX "IDX_29b09363f86f9581a5612e6513" ON "company_need"  ("status") `);
    await queryRunner.query(
      `ALTER TABLE "company_need" ADD CONSTRAINT "FK_71624c582859ca80d5634f942c0" FOREIGN KEY ("company_id") REFERENCES "organization"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "company_need" DROP CONSTRAINT "FK_71624c582859ca80d5634f942c0"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_29b09363f86f9581a5612e6513"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_b5f7dff3343db29f4a92c10890"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_71624c582859ca80d5634f942c"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_7f0f2d62d81c09913087a60fe2"`);
    await queryRunner.query(`DROP TABLE "company_need"`);
  }
}
