import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ResearcherProfiles1796098097284 implements MigrationInterface {
  name = 'ResearcherProfiles1796098097284';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "person" ADD "keywords" text array NOT NULL DEFAULT '{}'`);
    await queryRunner.query(`ALTER TABLE "person" ADD "fields" text array NOT NULL DEFAULT '{}'`);
    await queryRunner.query(`ALTER TABLE "person" ADD "researchmap_url" text`);
    await queryRunner.query(`ALTER TABLE "person" ADD "orcid" text`);
    await queryRunner.query(`ALTER TABLE "person" ADD "lab_url" text`);
    await queryRunner.query(`ALTER TABLE "person" ADD "bio_ja" text`);
    await queryRunner.query(`ALTER TABLE "person" ADD "bio_en" text`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "person" DROP COLUMN "bio_en"`);
    await queryRunner.query(`ALTER TABLE "person" DROP COLUMN "bio_ja"`);
    await queryRunner.query(`ALTER TABLE "person" DROP COLUMN "lab_url"`);
    await queryRunner.query(`ALTER TABLE "person" DROP COLUMN "orcid"`);
    await queryRunner.query(`ALTER TABLE "person" DROP COLUMN "researchmap_url"`);
    await queryRunner.query(`ALTER TABLE "person" DROP COLUMN "fields"`);
    await queryRunner.query(`ALTER TABLE "person" DROP COLUMN "keywords"`);
  }
}
