import type { MigrationInterface, QueryRunner } from 'typeorm';
import { CHART_OF_ACCOUNTS, KIT_TABLES_SQL, LEGAL_ENTITIES } from '@rg/kit';
import { POSTING_RULES } from '../domain/posting-rules';

/**
 * The journal is the system of record: entries and lines cannot be changed or deleted (corrections
 * are reversal entries), and every entry balances per currency, checked by the database when the
 * transaction commits so that no code path can leave a half-posted entry behind.
 */
export class CreateLedgerSchema1764000400000 implements MigrationInterface {
  name = 'CreateLedgerSchema1764000400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(KIT_TABLES_SQL);
    await q.query(`
      CREATE TABLE legal_entity (code text PRIMARY KEY, name text NOT NULL, currency char(3) NOT NULL);
      CREATE TABLE account (
        legal_entity_code text NOT NULL REFERENCES legal_entity(code),
        code              text NOT NULL,
        name              text NOT NULL,
        type              text NOT NULL CHECK (type IN ('ASSET','LIABILITY','EQUITY','REVENUE','EXPENSE')),
        PRIMARY KEY (legal_entity_code, code)
      );
      CREATE TABLE posting_rule (
        event_type   text NOT NULL,
        component    text NOT NULL,
        account_code text NOT NULL,
        side         text NOT NULL CHECK (side IN ('DEBIT','CREDIT')),
        PRIMARY KEY (event_type, component, account_code, side)
      );
      CREATE TABLE accounting_period (
        legal_entity_code text NOT NULL REFERENCES legal_entity(code),
        period            text NOT NULL CHECK (period ~ '^\\d{4}-(0[1-9]|1[0-2])$'),
        status            text NOT NULL CHECK (status IN ('OPEN','CLOSED')),
        changed_at        timestamptz NOT NULL DEFAULT now(),
        changed_by        text NOT NULL,
        reason            text,
        PRIMARY KEY (legal_entity_code, period)
      );

      CREATE TABLE journal_entry (
        id                text PRIMARY KEY,
        seq               bigserial UNIQUE,
        legal_entity_code text NOT NULL REFERENCES legal_entity(code),
        entry_date        date NOT NULL,
        description       text NOT NULL,
        purpose           text NOT NULL,
        source_event_id   uuid,
        invoice_id        text,
        contract_id       text,
        reversal_of       text REFERENCES journal_entry(id),
        note              text,
        created_at        timestamptz NOT NULL DEFAULT now(),
        UNIQUE (source_event_id, purpose)
      );
      CREATE INDEX journal_entry_date ON journal_entry (legal_entity_code, entry_date);
      CREATE INDEX journal_entry_invoice ON journal_entry (invoice_id);

      CREATE TABLE journal_line (
        entry_id          text NOT NULL REFERENCES journal_entry(id),
        line_no           integer NOT NULL,
        legal_entity_code text NOT NULL,
        account_code      text NOT NULL,
        currency          char(3) NOT NULL,
        debit             bigint NOT NULL CHECK (debit >= 0),
        credit            bigint NOT NULL CHECK (credit >= 0),
        invoice_id        text,
        obligation_id     text,
        memo              text,
        PRIMARY KEY (entry_id, line_no),
        FOREIGN KEY (legal_entity_code, account_code) REFERENCES account(legal_entity_code, code),
        CHECK ((debit > 0) <> (credit > 0))
      );
      CREATE INDEX journal_line_account ON journal_line (legal_entity_code, account_code, currency);
      CREATE INDEX journal_line_invoice ON journal_line (invoice_id) WHERE invoice_id IS NOT NULL;
      CREATE INDEX journal_line_obligation ON journal_line (obligation_id) WHERE obligation_id IS NOT NULL;

      CREATE FUNCTION journal_is_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'journal % is immutable: post a reversal entry instead', TG_TABLE_NAME
          USING ERRCODE = 'restrict_violation';
      END $$;
      CREATE TRIGGER journal_entry_immutable BEFORE UPDATE OR DELETE ON journal_entry
        FOR EACH ROW EXECUTE FUNCTION journal_is_immutable();
      CREATE TRIGGER journal_entry_no_truncate BEFORE TRUNCATE ON journal_entry
        FOR EACH STATEMENT EXECUTE FUNCTION journal_is_immutable();
      CREATE TRIGGER journal_line_immutable BEFORE UPDATE OR DELETE ON journal_line
        FOR EACH ROW EXECUTE FUNCTION journal_is_immutable();
      CREATE TRIGGER journal_line_no_truncate BEFORE TRUNCATE ON journal_line
        FOR EACH STATEMENT EXECUTE FUNCTION journal_is_immutable();

      CREATE FUNCTION journal_entry_must_balance() RETURNS trigger LANGUAGE plpgsql
      SET search_path FROM CURRENT AS $$
      DECLARE
        entry text := COALESCE(to_jsonb(NEW)->>'entry_id', to_jsonb(NEW)->>'id');
        off record;
      BEGIN
        IF NOT EXISTS (SELECT 1 FROM journal_line WHERE entry_id = entry) THEN
          RAISE EXCEPTION 'journal entry % has no lines', entry USING ERRCODE = 'check_violation';
        END IF;
        SELECT currency, sum(debit) - sum(credit) AS diff INTO off
          FROM journal_line WHERE entry_id = entry
         GROUP BY currency HAVING sum(debit) <> sum(credit) LIMIT 1;
        IF FOUND THEN
          RAISE EXCEPTION 'journal entry % does not balance in %: debits exceed credits by %', entry, off.currency, off.diff
            USING ERRCODE = 'check_violation';
        END IF;
        RETURN NULL;
      END $$;
      CREATE CONSTRAINT TRIGGER journal_entry_balanced AFTER INSERT ON journal_entry
        DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION journal_entry_must_balance();
      CREATE CONSTRAINT TRIGGER journal_line_balanced AFTER INSERT ON journal_line
        DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION journal_entry_must_balance();

      -- What the ledger knows of contracts, learned from contract events.
      CREATE TABLE contract_copy (
        id                text PRIMARY KEY,
        number            text NOT NULL,
        customer_id       text NOT NULL,
        legal_entity_code text NOT NULL REFERENCES legal_entity(code),
        currency          char(3) NOT NULL,
        start_date        date NOT NULL,
        end_date          date NOT NULL,
        status            text NOT NULL,
        version           integer NOT NULL,
        terms             jsonb NOT NULL
      );
      CREATE TABLE contract_change (
        amendment_id   text PRIMARY KEY,
        contract_id    text NOT NULL REFERENCES contract_copy(id),
        kind           text NOT NULL,
        effective_date date NOT NULL,
        source_event_id uuid NOT NULL
      );
      CREATE TABLE obligation (
        id                text PRIMARY KEY,
        seq               bigserial UNIQUE,
        contract_id       text NOT NULL REFERENCES contract_copy(id),
        legal_entity_code text NOT NULL REFERENCES legal_entity(code),
        key               text NOT NULL,
        product_code      text NOT NULL,
        description       text NOT NULL,
        revenue_kind      text NOT NULL CHECK (revenue_kind IN ('RECURRING','ONE_TIME')),
        pattern           text NOT NULL CHECK (pattern IN ('RATABLE','POINT_IN_TIME')),
        currency          char(3) NOT NULL,
        allocated         bigint NOT NULL CHECK (allocated >= 0),
        service_start     date,
        service_end       date,
        delivered_on      date,
        segments          jsonb NOT NULL DEFAULT '[]',
        UNIQUE (contract_id, key)
      );
      CREATE INDEX obligation_entity ON obligation (legal_entity_code);

      -- Billing's receivables as learned from its events: every change to what a customer owes.
      CREATE TABLE invoice_copy (
        id                text PRIMARY KEY,
        number            text NOT NULL,
        customer_id       text NOT NULL,
        contract_id       text,
        legal_entity_code text NOT NULL REFERENCES legal_entity(code),
        currency          char(3) NOT NULL,
        issue_date        date NOT NULL,
        total             bigint NOT NULL,
        voided_on         date
      );
      CREATE TABLE receivable_movement (
        id                bigserial PRIMARY KEY,
        source_event_id   uuid NOT NULL,
        legal_entity_code text NOT NULL,
        currency          char(3) NOT NULL,
        customer_id       text NOT NULL,
        invoice_id        text,
        business_date     date NOT NULL,
        amount            bigint NOT NULL
      );
      CREATE INDEX receivable_movement_entity ON receivable_movement (legal_entity_code, business_date);

      CREATE TABLE recognition_run (
        id                uuid PRIMARY KEY,
        legal_entity_code text NOT NULL REFERENCES legal_entity(code),
        period            text NOT NULL,
        ran_at            timestamptz NOT NULL DEFAULT now(),
        ran_by            text NOT NULL,
        correlation_id    text NOT NULL
      );
      CREATE INDEX recognition_run_period ON recognition_run (legal_entity_code, period);
      ALTER TABLE journal_entry ADD COLUMN recognition_run_id uuid REFERENCES recognition_run(id);
    `);
    for (const le of LEGAL_ENTITIES) {
      await q.query(`INSERT INTO legal_entity (code, name, currency) VALUES ($1, $2, $3)`, [le.code, le.name, le.currency]);
      for (const a of CHART_OF_ACCOUNTS) {
        await q.query(`INSERT INTO account (legal_entity_code, code, name, type) VALUES ($1, $2, $3, $4)`, [le.code, a.code, a.name, a.type]);
      }
    }
    for (const r of POSTING_RULES) {
      await q.query(`INSERT INTO posting_rule (event_type, component, account_code, side) VALUES ($1, $2, $3, $4)`, [
        r.eventType,
        r.component,
        r.account,
        r.side,
      ]);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE receivable_movement, invoice_copy, obligation, contract_change, contract_copy,
        journal_line, journal_entry, recognition_run, accounting_period, posting_rule, account, legal_entity;
      DROP FUNCTION journal_entry_must_balance(); DROP FUNCTION journal_is_immutable();
    `);
  }
}
