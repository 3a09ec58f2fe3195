import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Reporting1796111121117 implements MigrationInterface {
  name = 'Reporting1796111121117';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "external_figure" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "program_id" uuid NOT NULL, "kpi" text NOT NULL, "value" integer NOT NULL, "figure_date" date NOT NULL, "source_text" text NOT NULL, "source_url" text, "entered_by_user_id" uuid, "supersedes_id" uuid, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "label_ja" text, "label_en" text, CONSTRAINT "PK_c4e0788bd9bb4583fda2684c57d" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_c7a5c3988e63901896b2870a9c" ON "external_figure"  ("supersedes_id") WHERE supersedes_id IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_1d5ce1815d24ee7f8828fa1164" ON "external_figure"  ("program_id", "kpi", "figure_date") `,
    );
    await queryRunner.query(
      `CREATE TABLE "kpi_target" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "version" integer NOT NULL, "program_id" uuid NOT NULL, "kpi" text NOT NULL, "from_fiscal_year" smallint NOT NULL, "to_fiscal_year" smallint NOT NULL, "value" integer NOT NULL, "set_by_user_id" uuid, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_c34adc0d9347ab04e2a4f80909e" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_8b020aad9fb44d0e980263757e" ON "kpi_target"  ("program_id", "kpi", "from_fiscal_year", "to_fiscal_year") `,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_8b020aad9fb44d0e980263757e"`);
    await queryRunner.query(`DROP TABLE "kpi_target"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_1d5ce1815d24ee7f8828fa1164"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_c7a5c3988e63901896b2870a9c"`);
    await queryRunner.query(`DROP TABLE "external_figure"`);
  }
}
