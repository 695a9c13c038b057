import type { MigrationInterface, QueryRunner } from 'typeorm';
import { KIT_TABLES_SQL } from '@rg/kit';

export class CreateRenewalSchema1764000000000 implements MigrationInterface {
  name = 'CreateRenewalSchema1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(KIT_TABLES_SQL);
    await q.query(`
      CREATE TABLE renewal (
        id                 text PRIMARY KEY,
        contract_id        text NOT NULL UNIQUE,
        customer_id        text NOT NULL,
        partner_id         text,
        currency           char(3) NOT NULL,
        contract_version   integer NOT NULL,
        start_date         date NOT NULL,
        end_date           date NOT NULL,
        renewal_date       date NOT NULL,
        lines              jsonb NOT NULL,
        status             text NOT NULL CHECK (status IN ('OPEN', 'RENEWED', 'CHURNED')),
        current_arr_minor  bigint NOT NULL,
        lost_arr_minor     bigint,
        decided_on         date,
        new_contract_id    text,
        risk_score         integer NOT NULL CHECK (risk_score BETWEEN 0 AND 100),
        risk_level         text NOT NULL CHECK (risk_level IN ('LOW', 'MEDIUM', 'HIGH')),
        risk_factors       jsonb NOT NULL,
        scored_as_of       date NOT NULL,
        created_at         timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX renewal_customer ON renewal (customer_id, renewal_date);
      CREATE INDEX renewal_due ON renewal (currency, renewal_date);

      CREATE TABLE risk_assessment (
        seq                bigserial PRIMARY KEY,
        renewal_id         text NOT NULL REFERENCES renewal(id),
        as_of              date NOT NULL,
        score              integer NOT NULL,
        level              text NOT NULL,
        probability_bp     integer NOT NULL,
        currency           char(3) NOT NULL,
        current_arr_minor  bigint NOT NULL,
        forecast_arr_minor bigint NOT NULL,
        factors            jsonb NOT NULL,
        caused_by          text NOT NULL,
        cause_event_id     uuid,
        recorded_at        timestamptz NOT NULL DEFAULT clock_timestamp()
      );
      CREATE INDEX risk_assessment_renewal ON risk_assessment (renewal_id, seq);

      CREATE TABLE arr_change (
        seq                bigserial PRIMARY KEY,
        contract_id        text NOT NULL,
        customer_id        text NOT NULL,
        partner_id         text,
        currency           char(3) NOT NULL,
        effective_date     date NOT NULL,
        delta_minor        bigint NOT NULL,
        cause              text NOT NULL CHECK (cause IN ('ACTIVATION', 'AMENDMENT', 'CANCELLATION', 'EXPIRY')),
        source_id          text NOT NULL,
        UNIQUE (contract_id, cause, source_id)
      );
      CREATE INDEX arr_change_window ON arr_change (currency, effective_date);

      CREATE TABLE payment_failure (
        payment_id   text PRIMARY KEY,
        customer_id  text NOT NULL,
        invoice_id   text,
        failed_on    date NOT NULL,
        amount_minor bigint NOT NULL,
        currency     char(3) NOT NULL,
        reason       text NOT NULL
      );
      CREATE INDEX payment_failure_customer ON payment_failure (customer_id, failed_on);

      CREATE TABLE customer_invoice (
        invoice_id        text PRIMARY KEY,
        number            text NOT NULL,
        customer_id       text NOT NULL,
        contract_id       text,
        currency          char(3) NOT NULL,
        issue_date        date NOT NULL,
        due_date          date NOT NULL,
        amount_due_minor  bigint NOT NULL,
        voided_on         date
      );
      CREATE INDEX customer_invoice_customer ON customer_invoice (customer_id, due_date);

      CREATE TABLE invoice_payment (
        payment_id    text NOT NULL,
        invoice_id    text NOT NULL,
        customer_id   text NOT NULL,
        applied_on    date NOT NULL,
        amount_minor  bigint NOT NULL,
        PRIMARY KEY (payment_id, invoice_id)
      );
      CREATE INDEX invoice_payment_customer ON invoice_payment (customer_id);

      CREATE TABLE contract_contraction (
        amendment_id     text NOT NULL,
        product_code     text NOT NULL,
        contract_id      text NOT NULL,
        effective_date   date NOT NULL,
        product_name     text NOT NULL,
        quantity_before  integer NOT NULL,
        quantity_after   integer NOT NULL,
        PRIMARY KEY (amendment_id, product_code)
      );
      CREATE INDEX contract_contraction_contract ON contract_contraction (contract_id);

      CREATE TABLE contract_usage (
        contract_id   text NOT NULL,
        product_code  text NOT NULL,
        month         text NOT NULL CHECK (month ~ '^\\d{4}-(0[1-9]|1[0-2])$'),
        quantity      numeric(24, 6) NOT NULL,
        PRIMARY KEY (contract_id, product_code, month)
      );

      CREATE TABLE credit_hold_change (
        seq          bigserial PRIMARY KEY,
        event_id     uuid NOT NULL UNIQUE,
        customer_id  text NOT NULL,
        changed_on   date NOT NULL,
        hold         boolean NOT NULL,
        reason       text NOT NULL
      );
      CREATE INDEX credit_hold_change_customer ON credit_hold_change (customer_id, changed_on, seq);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE credit_hold_change; DROP TABLE contract_usage; DROP TABLE contract_contraction;
      DROP TABLE invoice_payment; DROP TABLE customer_invoice; DROP TABLE payment_failure;
      DROP TABLE arr_change; DROP TABLE risk_assessment; DROP TABLE renewal;
    `);
  }
}
