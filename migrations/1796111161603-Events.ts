import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Events1796111161603 implements MigrationInterface {
  name = 'Events1796111161603';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "event" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "version" integer NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "created_by_user_id" uuid, "kind" text NOT NULL, "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL, "ends_at" TIMESTAMP WITH TIME ZONE NOT NULL, "time_zone" text NOT NULL DEFAULT 'Asia/Tokyo', "venue_address" text, "capacity" integer, "organizer_ids" uuid array NOT NULL DEFAULT '{}', "program_ids" uuid array NOT NULL DEFAULT '{}', "status" text NOT NULL DEFAULT 'draft', "title_ja" text, "title_en" text, "description_ja" text, "description_en" text, "venue_name_ja" text, "venue_name_en" text, CONSTRAINT "PK_30c2f3bbaf6d34a55f8ae6e4614" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_d4e8fcaf6d49972cd8df9017fb" ON "event"  ("status") `);
    await queryRunner.query(`CREATE INDEX "IDX_44f36c583455e745334d5205d9" ON "event"  ("starts_at", "id") `);
    await queryRunner.query(
      `CREATE TABLE "event_session" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "version" integer NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "event_id" uuid NOT NULL, "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL, "ends_at" TIMESTAMP WITH TIME ZONE NOT NULL, "room" text, "title_ja" text, "title_en" text, CONSTRAINT "PK_218ab4056fa09023ca72952c670" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_4ee9a530924453a2ef9d4d1ff7" ON "event_session"  ("event_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "presentation" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "version" integer NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "event_id" uuid NOT NULL, "session_id" uuid NOT NULL, "seed_id" uuid, "presenter_ids" uuid array NOT NULL DEFAULT '{}', "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL, "ends_at" TIMESTAMP WITH TIME ZONE NOT NULL, "room" text, "title_ja" text, "title_en" text, CONSTRAINT "PK_b3d0364e16cd51d8196a13c528d" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_daef02fabda305a5dfb29195a9" ON "presentation"  ("session_id") `,
    );
    await queryRunner.query(`CREATE INDEX "IDX_2b95780c3ee27f51bae4040035" ON "presentation"  ("seed_id") `);
    await queryRunner.query(
      `CREATE INDEX "IDX_48afe18c7c23dd0c2bddd6bed0" ON "presentation"  ("event_id", "starts_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "award" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "version" integer NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "event_id" uuid NOT NULL, "presentation_id" uuid NOT NULL, "prize_ja" text, "prize_en" text, CONSTRAINT "PK_e887e4e69663925ebb60d3a7775" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_8b0fa4d88df509dd771962badf" ON "award"  ("event_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_a6f64481a811ebbc60da19e62a" ON "award"  ("presentation_id") `);
    await queryRunner.query(
      `ALTER TABLE "event_session" ADD CONSTRAINT "FK_4ee9a530924453a2ef9d4d1ff79" FOREIGN KEY ("event_id") REFERENCES "event"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "presentation" ADD CONSTRAINT "FK_39784cc0a154a53a20b6052bd11" FOREIGN KEY ("event_id") REFERENCES "event"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "presentation" ADD CONSTRAINT "FK_daef02fabda305a5dfb29195a98" FOREIGN KEY ("session_id") REFERENCES "event_session"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "award" ADD CONSTRAINT "FK_8b0fa4d88df509dd771962badf1" FOREIGN KEY ("event_id") REFERENCES "event"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "award" ADD CONSTRAINT "FK_a6f64481a811ebbc60da19e62a6" FOREIGN KEY ("presentation_id") REFERENCES "presentation"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "award" DROP CONSTRAINT "FK_a6f64481a811ebbc60da19e62a6"`);
    await queryRunner.query(`ALTER TABLE "award" DROP CONSTRAINT "FK_8b0fa4d88df509dd771962badf1"`);
    await queryRunner.query(`ALTER TABLE "presentation" DROP CONSTRAINT "FK_daef02fabda305a5dfb29195a98"`);
    await queryRunner.query(`ALTER TABLE "presentation" DROP CONSTRAINT "FK_39784cc0a154a53a20b6052bd11"`);
    await queryRunner.query(`ALTER TABLE "event_session" DROP CONSTRAINT "FK_4ee9a530924453a2ef9d4d1ff79"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_a6f64481a811ebbc60da19e62a"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_8b0fa4d88df509dd771962badf"`);
    await queryRunner.query(`DROP TABLE "award"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_48afe18c7c23dd0c2bddd6bed0"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_2b95780c3ee27f51bae4040035"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_daef02fabda305a5dfb29195a9"`);
    await queryRunner.query(`DROP TABLE "presentation"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_4ee9a530924453a2ef9d4d1ff7"`);
    await queryRunner.query(`DROP TABLE "event_session"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_44f36c583455e745334d5205d9"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_d4e8fcaf6d49972cd8df9017fb"`);
    await queryRunner.query(`DROP TABLE "event"`);
  }
}
