import type { MigrationInterface, QueryRunner } from 'typeorm';

export class VerifiedSignUp1796094561409 implements MigrationInterface {
  name = 'VerifiedSignUp1796094561409';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "account_token" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "token_hash" text NOT NULL, "user_id" uuid NOT NULL, "purpose" text NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_a55842d3341d42534e39f85e931" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_afb41d941d437f47a0d75373f8" ON "account_token"  ("token_hash") `,
    );
    await queryRunner.query(`CREATE INDEX "IDX_ab3c66669facfe429164e60ab8" ON "account_token"  ("user_id") `);
    await queryRunner.query(`ALTER TABLE "email_message" ADD "kind" text NOT NULL DEFAULT 'notification'`);
    await queryRunner.query(`ALTER TABLE "user" ADD "email_verified_at" TIMESTAMP WITH TIME ZONE`);
    // accounts from before verification were already signing in: they keep doing so
    await queryRunner.query(`UPDATE "user" SET "email_verified_at" = "created_at"`);
    await queryRunner.query(
      `CREATE INDEX "email_message_recent" ON "email_message"  ("to_address", "kind", "created_at") `,
    );
    await queryRunner.query(
      `ALTER TABLE "account_token" ADD CONSTRAINT "FK_ab3c66669facfe429164e60ab82" FOREIGN KEY ("user_id") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "account_token" DROP CONSTRAINT "FK_ab3c66669facfe429164e60ab82"`);
    await queryRunner.query(`DROP INDEX "public"."email_message_recent"`);
    await queryRunner.query(`ALTER TABLE "user" DROP COLUMN "email_verified_at"`);
    await queryRunner.query(`ALTER TABLE "email_message" DROP COLUMN "kind"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_ab3c66669facfe429164e60ab8"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_afb41d941d437f47a0d75373f8"`);
    await queryRunner.query(`DROP TABLE "account_token"`);
  }
}
