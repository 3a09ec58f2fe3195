import type { MigrationInterface, QueryRunner } from 'typeorm';

export class MatchProposals1795893607270 implements MigrationInterface {
  name = 'MatchProposals1795893607270';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "match_proposal" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "need_id" uuid, "company_id" uuid NOT NULL, "seed_id" uuid NOT NULL, "state" text NOT NULL, "pathway" text NOT NULL, "score" real, "reasons" jsonb NOT NULL DEFAULT '[]', "decline_reason" text, "created_by_user_id" uuid, "introduced_at" TIMESTAMP(3) WITH TIME ZONE, "state_changed_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_bb37f294b8a20b3bcf62c2a750c" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_3324bd02f226e672c31b5ba38d" ON "match_proposal"  ("need_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_a30dba9abb20bf1d5d62c0b458" ON "match_proposal"  ("company_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_a66d69e4e496c8dab3eb02aa76" ON "match_proposal"  ("seed_id") `,
    );
    await queryRunner.query(`CREATE INDEX "IDX_3ff3b891dc67662c5785526959" ON "match_proposal"  ("state") `);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_8d45190ca386dc30aa186a72a7" ON "match_proposal"  ("company_id", "seed_id") WHERE need_id IS NULL`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_6fc2473eb577dad60bc6f43ee0" ON "match_proposal"  ("need_id", "seed_id") WHERE need_id IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE TABLE "proposal_transition" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "proposal_id" uuid NOT NULL, "from_state" text, "to_state" text NOT NULL, "actor_user_id" uuid, "at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "note" text, "decline_reason" text, CONSTRAINT "PK_a3fa440238e8422520beb8750f6" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_376f72a5541549c427945709b6" ON "proposal_transition"  ("proposal_id", "at") `,
    );
    await queryRunner.query(
      `ALTER TABLE "match_proposal" ADD CONSTRAINT "FK_3324bd02f226e672c31b5ba38d7" FOREIGN KEY ("need_id") REFERENCES "company_need"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "match_proposal" ADD CONSTRAINT "FK_a30dba9abb20bf1d5d62c0b4582" FOREIGN KEY ("company_id") REFERENCES "organization"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "match_proposal" ADD CONSTRAINT "FK_a66d69e4e496c8dab3eb02aa76f" FOREIGN KEY ("seed_id") REFERENCES "research_seed"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "proposal_transition" ADD CONSTRAINT "FK_0bded04b8482808214bae47c781" FOREIGN KEY ("proposal_id") REFERENCES "match_proposal"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "proposal_transition" DROP CONSTRAINT "FK_0bded04b8482808214bae47c781"`,
    );
    await queryRunner.query(`ALTER TABLE "match_proposal" DROP CONSTRAINT "FK_a66d69e4e496c8dab3eb02aa76f"`);
    await queryRunner.query(`ALTER TABLE "match_proposal" DROP CONSTRAINT "FK_a30dba9abb20bf1d5d62c0b4582"`);
    await queryRunner.query(`ALTER TABLE "match_proposal" DROP CONSTRAINT "FK_3324bd02f226e672c31b5ba38d7"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_376f72a5541549c427945709b6"`);
    await queryRunner.query(`DROP TABLE "proposal_transition"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_6fc2473eb577dad60bc6f43ee0"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_8d45190ca386dc30aa186a72a7"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_3ff3b891dc67662c5785526959"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_a66d69e4e496c8dab3eb02aa76"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_a30dba9abb20bf1d5d62c0b458"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_3324bd02f226e672c31b5ba38d"`);
    await queryRunner.query(`DROP TABLE "match_proposal"`);
  }
}
