import type { MigrationInterface, QueryRunner } from 'typeorm';
import { KIT_TABLES_SQL, LEGAL_ENTITIES, TAX_RATES } from '@rg/kit';

export class CreateCustomerSchema1764000000000 implements MigrationInterface {
  name = 'CreateCustomerSchema1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(KIT_TABLES_SQL);
    await q.query(`
      CREATE TABLE legal_entity (code text PRIMARY KEY, name text NOT NULL, currency char(3) NOT NULL);
      CREATE TABLE tax_region (code text PRIMARY KEY, name text NOT NULL);
      CREATE TABLE customer (
        id                 text PRIMARY KEY,
        seq                bigserial UNIQUE,
        name               text NOT NULL CHECK (length(trim(name)) > 0),
        currency           char(3) NOT NULL,
        tax_region         text NOT NULL REFERENCES tax_region(code),
        legal_entity_code  text NOT NULL REFERENCES legal_entity(code),
        parent_id          text REFERENCES customer(id),
        partner_id         text,
        credit_hold        boolean NOT NULL DEFAULT false,
        credit_hold_reason text,
        created_at         timestamptz NOT NULL DEFAULT now(),
        CHECK (parent_id IS DISTINCT FROM id)
      );
      CREATE INDEX customer_parent ON customer(parent_id);
      CREATE INDEX customer_partner ON customer(partner_id, seq);
    `);
    for (const le of LEGAL_ENTITIES) {
      await q.query(`INSERT INTO legal_entity (code, name, currency) VALUES ($1, $2, $3)`, [le.code, le.name, le.currency]);
    }
    for (const t of TAX_RATES) {
      await q.query(`INSERT INTO tax_region (code, name) VALUES ($1, $2)`, [t.region, t.name]);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE customer; DROP TABLE tax_region; DROP TABLE legal_entity;`);
  }
}
