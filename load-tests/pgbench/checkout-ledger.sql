-- The points service's SQL for one plain checkout (earn, no redemption), as a pgbench script:
-- the same 4 round trips, tables, indexes, constraints and row sizes as
-- apps/points/src/services/ledger.service.ts `earnPoints` → `attempt` in
-- libs/platform/db/src/data-source.ts `readCommittedTransaction` (one BEGIN), with
-- repositories/ledger.repository.ts (`lockAccount`: the lock and the idempotency lookup in one
-- statement; `applyChanges`: the write, with the outbox insert of
-- libs/platform/kafka/src/outbox.repository.ts `prepareInsert`, 2 events, as one more CTE).
-- Run by `npm run bench` on the points database of the bench's own PostgreSQL, for a tenant of
-- its own (-D tenant=<uuid> -D members=<n>), with -M prepared (the service prepares the lock
-- and the write statement).
-- What it leaves out: JSON building, hashing and schema validation (done in Node by the service),
-- gRPC, the gateway, the members lookup and the relay/consumers that read the outbox afterwards.
-- (No colon inside string literals: pgbench would read a colon and a name there as a variable; chr(58) instead.)
\set m random(1, :members)
\set tx random(1, 1000000000000000)
\set lines random(1, 8)
\set amount random(5, 304) * 10000 * :lines
\set points :amount / 10000
BEGIN ISOLATION LEVEL READ COMMITTED;
-- lockAccount: lock (create at zero) the member's account, with the policy, the earn rate and the idempotency lookup
WITH account AS (
  INSERT INTO accounts (tenant_id, member_id) VALUES (:tenant::uuid, md5('pgbench-member-' || :m::text)::uuid)
  ON CONFLICT (tenant_id, member_id) DO UPDATE SET updated_at = accounts.updated_at
  RETURNING available, pending, held, lifetime_earned, spent, expired, debt)
SELECT a.available, a.pending, a.held, a.lifetime_earned, a.spent, a.expired, a.debt,
  (SELECT policy FROM ledger_policies WHERE tenant_id = :tenant::uuid) AS policy,
  (SELECT json_build_object('points', earn_points, 'perAmount', earn_per_amount) FROM tenant_settings WHERE tenant_id = :tenant::uuid) AS earn_rate,
  o.member_id AS op_member_id, o.payload_hash AS op_payload_hash, o.result AS op_result
FROM account a LEFT JOIN ledger_operations o ON o.tenant_id = :tenant::uuid AND o.op_key = 'earn' || chr(58) || 'pgb-' || :tx::text;
-- applyChanges: entry, lot, checkout (its lines), balance, the events (outbox) and the stored outcome in one statement
WITH entries AS (
  INSERT INTO ledger_entries (tenant_id, id, member_id, kind, points, transaction_id, created_at, operation, from_place, to_place, lot_id, reason, operator)
  SELECT :tenant::uuid, x.id, md5('pgbench-member-' || :m::text)::uuid, x.kind, x.points, x.transaction_id, now(), x.operation, x.from_place, x.to_place, x.lot_id, x.reason, x.operator
  FROM ROWS FROM (jsonb_to_recordset(jsonb_build_array(jsonb_build_object(
         'id', gen_random_uuid(), 'kind', 'earn', 'points', :points::bigint, 'transaction_id', 'pgb-' || :tx::text, 'operation', 'earn' || chr(58) || 'pgb-' || :tx::text,
         'from_place', 'outside', 'to_place', 'available', 'lot_id', 'lot' || chr(58) || 'pgb-' || :tx::text, 'reason', NULL, 'operator', NULL)))
       AS (id uuid, kind text, points bigint, transaction_id text, operation text, from_place text, to_place text, lot_id text, reason text, operator text))
    WITH ORDINALITY AS x(id, kind, points, transaction_id, operation, from_place, to_place, lot_id, reason, operator, n)
  ORDER BY x.n),
new_lots AS (
  INSERT INTO lots (tenant_id, id, member_id, points, remaining, status, activates_at, expires_at, earned_at, transaction_id)
  VALUES (:tenant::uuid, 'lot' || chr(58) || 'pgb-' || :tx::text, md5('pgbench-member-' || :m::text)::uuid, :points::bigint, :points::bigint, 'active', now(),
          date_trunc('month', now() + interval '13 months'), now(), 'pgb-' || :tx::text)),
new_checkouts AS (
  INSERT INTO checkouts (tenant_id, transaction_id, request_hash, member_id, store_id, amount, currency, points_earned, lines, lot_id, redemption_id, points_redeemed, created_at)
  SELECT :tenant::uuid, 'pgb-' || :tx::text, md5(:tx::text) || md5(:m::text), md5('pgbench-member-' || :m::text)::uuid, 'store-' || (:tx::bigint % 60), :amount::bigint, 'IRR',
         :points::bigint, jsonb_agg(jsonb_build_object('sku', 'SKU-' || k, 'quantity', 1, 'unitPrice', :amount::bigint / :lines::int, 'pointsEarned', :points::bigint / :lines::int, 'pointsRedeemed', 0)),
         'lot' || chr(58) || 'pgb-' || :tx::text, NULL, 0, now()
  FROM generate_series(1, :lines::int) k),
account AS (
  UPDATE accounts SET available = available + :points::bigint, pending = pending + 0, held = held + 0, lifetime_earned = lifetime_earned + :points::bigint,
         spent = spent + 0, expired = expired + 0, debt = debt + 0, updated_at = now()
  WHERE tenant_id = :tenant::uuid AND member_id = md5('pgbench-member-' || :m::text)::uuid),
-- the events: points.ledger-entry.created.v1 and points.checkout.recorded.v1 (about 600 bytes each)
events AS (
  INSERT INTO outbox (tenant_id, id, topic, message_key, value, traceparent)
  SELECT t, i, tp, k, v, tr FROM unnest(
      ARRAY[:tenant::uuid, :tenant::uuid], ARRAY[gen_random_uuid(), gen_random_uuid()],
      ARRAY['points.ledger-entry.created.v1', 'points.checkout.recorded.v1'],
      ARRAY[md5('pgbench-member-' || :m::text), md5('pgbench-member-' || :m::text)],
      ARRAY[json_build_object('id', gen_random_uuid(), 'type', 'points.ledger-entry.created.v1', 'tenantId', :tenant::text, 'subject', md5('pgbench-member-' || :m::text)::uuid,
              'time', now(), 'traceparent', '00-' || md5(:tx::text) || '-' || left(md5(:m::text), 16) || '-01',
              'data', json_build_object('entryId', gen_random_uuid(), 'memberId', md5('pgbench-member-' || :m::text)::uuid, 'kind', 'earn', 'points', :points::bigint,
                'from', 'outside', 'to', 'available', 'operation', 'earn' || chr(58) || 'pgb-' || :tx::text, 'lotId', 'lot' || chr(58) || 'pgb-' || :tx::text, 'transactionId', 'pgb-' || :tx::text,
                'storeId', 'store-' || (:tx::bigint % 60), 'balance', json_build_object('available', :points::bigint, 'pending', 0, 'held', 0, 'spent', 0, 'expired', 0),
                'createdAt', now()))::text,
            json_build_object('id', gen_random_uuid(), 'type', 'points.checkout.recorded.v1', 'tenantId', :tenant::text, 'subject', md5('pgbench-member-' || :m::text)::uuid,
              'time', now(), 'traceparent', '00-' || md5(:tx::text) || '-' || left(md5(:m::text), 16) || '-01',
              'data', json_build_object('memberId', md5('pgbench-member-' || :m::text)::uuid, 'transactionId', 'pgb-' || :tx::text, 'storeId', 'store-' || (:tx::bigint % 60),
                'amount', :amount::bigint, 'currency', 'IRR', 'pointsEarned', :points::bigint, 'itemCount', :lines::int, 'recordedAt', now()))::text],
      ARRAY['00-' || md5(:tx::text) || '-' || left(md5(:m::text), 16) || '-01', '00-' || md5(:tx::text) || '-' || left(md5(:m::text), 16) || '-01'])
    WITH ORDINALITY AS e(t, i, tp, k, v, tr, n) ORDER BY n)
INSERT INTO ledger_operations (tenant_id, op_key, member_id, payload_hash, result, created_at)
VALUES (:tenant::uuid, 'earn' || chr(58) || 'pgb-' || :tx::text, md5('pgbench-member-' || :m::text)::uuid, md5(:tx::text) || md5(:m::text),
        jsonb_build_object('ok', true, 'response', jsonb_build_object('transactionId', 'pgb-' || :tx::text, 'memberId', md5('pgbench-member-' || :m::text)::uuid,
          'pointsEarned', :points::bigint, 'pointsRedeemed', 0, 'pending', false, 'activatesAt', '',
          'balance', jsonb_build_object('available', :points::bigint, 'pending', 0, 'held', 0, 'lifetimeEarned', :points::bigint, 'spent', 0, 'expired', 0))),
        now());
COMMIT;
