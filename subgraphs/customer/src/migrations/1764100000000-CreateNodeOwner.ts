import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Which customer each contract, amendment, invoice and payment belongs to, learnt from events. */
export class CreateNodeOwner1764100000000 implements MigrationInterface {
  name = 'CreateNodeOwner1764100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE node_owner (
        node_id     text PRIMARY KEY,
        customer_id text NOT NULL
      );
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE node_owner`);
  }
}
