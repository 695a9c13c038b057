import type { MigrationInterface, QueryRunner } from 'typeorm';
import { KIT_TABLES_SQL, MICRO_DIGITS, parseScaled, PRICE_BOOK } from '@rg/kit';

export class CreateContractSchema1764000000000 implements MigrationInterface {
  name = 'CreateContractSchema1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(KIT_TABLES_SQL);
    await q.query(`
      CREATE TABLE product (
        code            text PRIMARY KEY,
        name            text NOT NULL,
        charge_model    text NOT NULL CHECK (charge_model IN ('FLAT', 'PER_UNIT', 'TIERED_USAGE', 'ONE_TIME')),
        included_units  bigint CHECK (included_units >= 0),
        position        int NOT NULL
      );
      -- Prices in micro-units of the currency: usage prices go below a cent.
      CREATE TABLE product_price (
        product_code    text NOT NULL REFERENCES product(code),
        currency        char(3) NOT NULL,
        list_micros     bigint NOT NULL CHECK (list_micros >= 0),
        ssp_micros      bigint NOT NULL CHECK (ssp_micros >= 0),
        PRIMARY KEY (product_code, currency)
      );

      -- What this subgraph knows of customers, learnt from the customer subgraph's events.
      CREATE TABLE known_customer (
        id                 text PRIMARY KEY,
        name               text NOT NULL,
        currency           char(3) NOT NULL,
        tax_region         text NOT NULL,
        legal_entity_code  text NOT NULL,
        partner_id         text,
        credit_hold        boolean NOT NULL DEFAULT false,
        updated_at         timestamptz NOT NULL DEFAULT now()
      );

      CREATE TABLE quote (
        id                 text PRIMARY KEY,
        seq                bigserial UNIQUE,
        customer_id        text NOT NULL REFERENCES known_customer(id),
        partner_id         text,
        currency           char(3) NOT NULL,
        start_date         date NOT NULL,
        term_months        int NOT NULL CHECK (term_months BETWEEN 1 AND 60),
        billing_frequency  text NOT NULL,
        status             text NOT NULL,
        required_approval  text NOT NULL,
        created_by         text NOT NULL,
        submitted_by       text,
        submitted_at       timestamptz,
        decided_by         text,
        decided_at         timestamptz,
        decision_comment   text,
        contract_id        text,
        created_at         timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX quote_customer ON quote(customer_id, seq);
      CREATE TABLE quote_line (
        quote_id             text NOT NULL REFERENCES quote(id),
        position             int NOT NULL,
        product_code         text NOT NULL REFERENCES product(code),
        quantity             int NOT NULL CHECK (quantity >= 1),
        discount_hundredths  int NOT NULL CHECK (discount_hundredths BETWEEN 0 AND 10000),
        list_micros          bigint NOT NULL,
        ssp_micros           bigint NOT NULL,
        net_micros           bigint NOT NULL,
        PRIMARY KEY (quote_id, position),
        UNIQUE (quote_id, product_code)
      );

      -- Contract numbers run per year of the start date (C-2026-000001); the row lock orders takers.
      CREATE TABLE contract_number (year int PRIMARY KEY, last int NOT NULL);

      CREATE TABLE contract (
        id                       text PRIMARY KEY,
        seq                      bigserial UNIQUE,
        number                   text NOT NULL UNIQUE,
        quote_id                 text NOT NULL UNIQUE REFERENCES quote(id),
        customer_id              text NOT NULL REFERENCES known_customer(id),
        partner_id               text,
        legal_entity_code        text NOT NULL,
        tax_region               text NOT NULL,
        currency                 char(3) NOT NULL,
        start_date               date NOT NULL,
        end_date                 date NOT NULL CHECK (end_date >= start_date),
        term_months              int NOT NULL,
        billing_frequency        text NOT NULL,
        status                   text NOT NULL,
        version                  int NOT NULL,
        cancelled_from           date,
        onboarding_completed_on  date,
        created_at               timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX contract_customer ON contract(customer_id, seq);
      CREATE TABLE amendment (
        id              text PRIMARY KEY,
        seq             bigserial UNIQUE,
        contract_id     text NOT NULL REFERENCES contract(id),
        version         int NOT NULL,
        kind            text NOT NULL,
        effective_date  date NOT NULL,
        changes         jsonb NOT NULL,
        reason          text,
        created_by      text NOT NULL,
        created_at      timestamptz NOT NULL DEFAULT now(),
        UNIQUE (contract_id, version)
      );
      -- Every version of a contract stays as it was: history is appended, never rewritten.
      CREATE TABLE contract_version (
        contract_id     text NOT NULL REFERENCES contract(id),
        version         int NOT NULL CHECK (version >= 1),
        status          text NOT NULL,
        effective_date  date NOT NULL,
        amendment_id    text REFERENCES amendment(id),
        created_at      timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (contract_id, version)
      );
      CREATE TABLE contract_line (
        contract_id          text NOT NULL,
        version              int NOT NULL,
        position             int NOT NULL,
        product_code         text NOT NULL REFERENCES product(code),
        product_name         text NOT NULL,
        charge_model         text NOT NULL,
        included_units       bigint,
        quantity             int NOT NULL CHECK (quantity >= 1),
        discount_hundredths  int NOT NULL,
        list_micros          bigint NOT NULL,
        net_micros           bigint NOT NULL,
        ssp_micros           bigint NOT NULL,
        PRIMARY KEY (contract_id, version, product_code),
        FOREIGN KEY (contract_id, version) REFERENCES contract_version(contract_id, version)
      );
    `);
    let position = 0;
    for (const p of PRICE_BOOK) {
      await q.query(`INSERT INTO product (code, name, charge_model, included_units, position) VALUES ($1, $2, $3, $4, $5)`, [
        p.code,
        p.name,
        p.chargeModel,
        p.includedUnits,
        position++,
      ]);
      for (const [currency, list] of Object.entries(p.prices)) {
        const micros = parseScaled(list, MICRO_DIGITS).toString();
        await q.query(
          `INSERT INTO product_price (product_code, currency, list_micros, ssp_micros) VALUES ($1, $2, $3, $4)`,
          [p.code, currency, micros, micros],
        );
      }
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE contract_line; DROP TABLE contract_version; DROP TABLE amendment; DROP TABLE contract;
      DROP TABLE contract_number; DROP TABLE quote_line; DROP TABLE quote; DROP TABLE known_customer;
      DROP TABLE product_price; DROP TABLE product;
    `);
  }
}
