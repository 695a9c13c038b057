import type { MigrationInterface, QueryRunner } from 'typeorm';
import { KIT_TABLES_SQL } from '@rg/kit';

export class CreateBillingSchema1764000000000 implements MigrationInterface {
  name = 'CreateBillingSchema1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(KIT_TABLES_SQL);
    await q.query(`
      -- Billing's copy of each customer (from CustomerCreated) and its unapplied credit.
      CREATE TABLE customer_account (
        id                 text PRIMARY KEY,
        currency           char(3) NOT NULL,
        tax_region         text NOT NULL,
        legal_entity_code  text NOT NULL,
        partner_id         text,
        credit_minor       bigint NOT NULL DEFAULT 0 CHECK (credit_minor >= 0)
      );

      -- Billing's copy of each contract's billable terms (from contract events).
      CREATE TABLE subscription (
        contract_id        text PRIMARY KEY,
        customer_id        text NOT NULL,
        number             text NOT NULL,
        legal_entity_code  text NOT NULL,
        currency           char(3) NOT NULL,
        partner_id         text,
        start_date         date NOT NULL,
        end_date           date NOT NULL,
        billing_frequency  text NOT NULL CHECK (billing_frequency IN ('MONTHLY', 'QUARTERLY', 'ANNUAL')),
        version            integer NOT NULL,
        cancelled_from     date,
        CHECK (end_date >= start_date)
      );
      CREATE INDEX subscription_start ON subscription (start_date);

      CREATE TABLE subscription_line (
        contract_id        text NOT NULL REFERENCES subscription(contract_id),
        product_code       text NOT NULL,
        product_name       text NOT NULL,
        charge_model       text NOT NULL CHECK (charge_model IN ('FLAT', 'PER_UNIT', 'TIERED_USAGE', 'ONE_TIME')),
        initial_quantity   integer NOT NULL CHECK (initial_quantity >= 0),
        quantity           integer NOT NULL CHECK (quantity >= 0),
        unit_price_micros  bigint NOT NULL,
        included_units     bigint,
        PRIMARY KEY (contract_id, product_code)
      );

      CREATE TABLE term_change (
        amendment_id       text NOT NULL,
        product_code       text NOT NULL,
        contract_id        text NOT NULL REFERENCES subscription(contract_id),
        kind               text NOT NULL,
        effective_date     date NOT NULL,
        quantity_before    integer NOT NULL,
        quantity_after     integer NOT NULL,
        PRIMARY KEY (amendment_id, product_code)
      );
      CREATE INDEX term_change_contract ON term_change (contract_id);

      CREATE TABLE usage_record (
        event_id           text PRIMARY KEY,
        contract_id        text NOT NULL REFERENCES subscription(contract_id),
        product_code       text NOT NULL,
        quantity           bigint NOT NULL CHECK (quantity > 0),
        occurred_at        timestamptz NOT NULL,
        usage_month        text NOT NULL,
        recorded_at        timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX usage_record_month ON usage_record (contract_id, product_code, usage_month);

      CREATE TABLE invoice_counter (
        legal_entity_code  text NOT NULL,
        year               integer NOT NULL,
        last_number        integer NOT NULL,
        PRIMARY KEY (legal_entity_code, year)
      );

      CREATE TABLE invoice (
        id                   text PRIMARY KEY,
        seq                  bigserial UNIQUE,
        number               text NOT NULL UNIQUE,
        customer_id          text NOT NULL,
        contract_id          text,
        partner_id           text,
        legal_entity_code    text NOT NULL,
        currency             char(3) NOT NULL,
        status               text NOT NULL CHECK (status IN ('DRAFT', 'POSTED', 'PARTIALLY_PAID', 'PAID', 'VOID')),
        issue_date           date NOT NULL,
        due_date             date NOT NULL,
        subtotal_minor       bigint NOT NULL,
        tax_minor            bigint NOT NULL,
        total_minor          bigint NOT NULL,
        credit_applied_minor bigint NOT NULL DEFAULT 0 CHECK (credit_applied_minor >= 0),
        credit_issued_minor  bigint NOT NULL DEFAULT 0 CHECK (credit_issued_minor >= 0),
        paid_minor           bigint NOT NULL DEFAULT 0 CHECK (paid_minor >= 0),
        void_reason          text,
        voided_on            date,
        created_at           timestamptz NOT NULL DEFAULT now(),
        CHECK (credit_applied_minor + paid_minor <= GREATEST(total_minor, 0))
      );
      CREATE INDEX invoice_customer ON invoice (customer_id, issue_date, seq);
      CREATE INDEX invoice_contract ON invoice (contract_id, issue_date, seq);

      CREATE TABLE invoice_line (
        invoice_id         text NOT NULL REFERENCES invoice(id),
        line_no            integer NOT NULL,
        kind               text NOT NULL CHECK (kind IN ('RECURRING', 'PRORATION', 'USAGE', 'ONE_TIME', 'CREDIT')),
        description        text NOT NULL,
        product_code       text,
        quantity           bigint NOT NULL,
        period_start       date,
        period_end         date,
        amount_minor       bigint NOT NULL,
        tax_minor          bigint NOT NULL,
        amendment_id       text,
        PRIMARY KEY (invoice_id, line_no)
      );

      -- What has been billed, once: a period, the one-time charge, an amendment, a usage month.
      -- The unique key is what keeps two concurrent billing runs from billing anything twice;
      -- voiding an invoice deletes its rows so those items can be billed again.
      CREATE TABLE billed_item (
        contract_id        text NOT NULL REFERENCES subscription(contract_id),
        product_code       text NOT NULL,
        item_key           text NOT NULL,
        invoice_id         text REFERENCES invoice(id),
        quantity           bigint NOT NULL,
        amount_minor       bigint NOT NULL,
        billed_on          date NOT NULL,
        CONSTRAINT billed_item_once UNIQUE (contract_id, product_code, item_key)
      );
      CREATE INDEX billed_item_invoice ON billed_item (invoice_id);

      CREATE TABLE payment (
        id                 text PRIMARY KEY,
        seq                bigserial UNIQUE,
        customer_id        text NOT NULL,
        invoice_id         text REFERENCES invoice(id),
        partner_id         text,
        currency           char(3) NOT NULL,
        amount_minor       bigint NOT NULL CHECK (amount_minor > 0),
        unapplied_minor    bigint NOT NULL DEFAULT 0,
        status             text NOT NULL CHECK (status IN ('SETTLED', 'FAILED')),
        received_at        timestamptz NOT NULL,
        external_id        text NOT NULL,
        failure_reason     text,
        created_at         timestamptz NOT NULL DEFAULT now(),
        CHECK (status = 'SETTLED' OR failure_reason IS NOT NULL)
      );
      CREATE INDEX payment_customer ON payment (customer_id, received_at);
      CREATE INDEX payment_invoice ON payment (invoice_id);

      CREATE TABLE payment_application (
        payment_id         text NOT NULL REFERENCES payment(id),
        invoice_id         text NOT NULL REFERENCES invoice(id),
        amount_minor       bigint NOT NULL CHECK (amount_minor > 0),
        PRIMARY KEY (payment_id, invoice_id)
      );
      CREATE INDEX payment_application_invoice ON payment_application (invoice_id);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE payment_application; DROP TABLE payment; DROP TABLE billed_item; DROP TABLE invoice_line;
      DROP TABLE invoice; DROP TABLE invoice_counter; DROP TABLE usage_record; DROP TABLE term_change;
      DROP TABLE subscription_line; DROP TABLE subscription; DROP TABLE customer_account;
    `);
  }
}
