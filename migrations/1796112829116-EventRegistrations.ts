import type { MigrationInterface, QueryRunner } from 'typeorm';

export class EventRegistrations1796112829116 implements MigrationInterface {
  name = 'EventRegistrations1796112829116';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "registration" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "event_id" uuid NOT NULL, "user_id" uuid, "guest_organization" text, "guest_email" text, "guest_language" text NOT NULL DEFAULT 'ja', "cancel_token_hash" text, "status" text NOT NULL, "checked_in_at" TIMESTAMP WITH TIME ZONE, "cancelled_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "guest_name_ja" text, "guest_name_en" text, CONSTRAINT "PK_cb23dc9d28df8801b15e9e2b8d6" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_7df145ec10b504c38049e3253d" ON "registration"  ("user_id") `);
    await queryRunner.query(
      `CREATE INDEX "IDX_f7e82da3c9cc6e57cee24fba42" ON "registration"  ("event_id", "status", "created_at") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_72951fb54f67005bc5a95128e7" ON "registration"  ("event_id", "guest_email") WHERE status <> 'cancelled'`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_e473f34d1703915c3e92084066" ON "registration"  ("event_id", "user_id") WHERE status <> 'cancelled'`,
    );
    await queryRunner.query(
      `ALTER TABLE "registration" ADD CONSTRAINT "FK_e273290b4292fe15ea3b0d03511" FOREIGN KEY ("event_id") REFERENCES "event"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "registration" DROP CONSTRAINT "FK_e273290b4292fe15ea3b0d03511"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_e473f34d1703915c3e92084066"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_72951fb54f67005bc5a95128e7"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_f7e82da3c9cc6e57cee24fba42"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_7df145ec10b504c38049e3253d"`);
    await queryRunner.query(`DROP TABLE "registration"`);
  }
}
