"""Central queue: tickets issued, called and moved through their states at the center
(SYNC.md, queue numbers; issue 7), and the link from a transferred ticket to its original.

On PostgreSQL the desks reach the queue only through these SECURITY DEFINER functions:
- `center_issue_ticket`: the next number of a service on the center's business date (local
  date in Asia/Ho_Chi_Minh of the center's clock, never a desk's clock, never the UTC date), by
  `INSERT .. ON CONFLICT DO UPDATE SET last_no = last_no + 1 RETURNING` on the counter row.
- `center_call_next`: priority first, then issue order; the claim is a conditional UPDATE whose
  row count decides (novosga#290, bcgov/sbc-qsystem#272).
- `center_set_ticket_state` / `center_transfer_ticket`: the state machine of domain/queue.py.
- `center_queue_status`: waiting counts per service, each desk's current ticket.
Every write logs its change (desks pull it) and notifies. Each function takes the change-log
advisory lock first, as `center_push` does, so queue calls and pushes always lock in the same
order and never deadlock on a ticket row.

Refusals carry SQLSTATEs the desk maps to known errors: CA101 not found, CA102 not allowed,
CA103 invalid input.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-24
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

FUNCTIONS = r"""
CREATE FUNCTION center_queue_today() RETURNS date
LANGUAGE sql STABLE AS $$
  SELECT (now() AT TIME ZONE 'Asia/Ho_Chi_Minh')::date
$$;

-- A ticket as desks get it: the row, its service's code and name, its desk's number.
CREATE FUNCTION center_queue_ticket(p_id text) RETURNS jsonb
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT to_jsonb(t) || jsonb_build_object('service_code', s.code, 'service_name', s.name,
                                           'desk_number', d.number)
    FROM queue_tickets t JOIN queue_services s ON s.id = t.service_id
    LEFT JOIN desks d ON d.id = t.desk_id
   WHERE t.id = p_id
$$;

-- Waiting tickets of the same service and day that will be called before this one.
CREATE FUNCTION center_queue_ahead(p_id text) RETURNS int
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT count(*)::int FROM queue_tickets t, queue_tickets o
   WHERE t.id = p_id AND o.id <> t.id AND o.service_id = t.service_id
     AND o.business_date = t.business_date AND o.state = 'waiting'
     AND ((o.priority <> '') > (t.priority <> '')
          OR ((o.priority <> '') = (t.priority <> '') AND (o.issued_at, o.id) < (t.issued_at, t.id)))
$$;

CREATE FUNCTION center_queue_display(p_code text, p_no int) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
  SELECT p_code || CASE WHEN p_no < 1000 THEN lpad(p_no::text, 3, '0') ELSE p_no::text END
$$;

CREATE FUNCTION center_issue_ticket(p_desk text, p_service_code text, p_priority text,
                                    p_ticket_id text) RETURNS jsonb
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  v_service queue_services%ROWTYPE;
  v_today date := center_queue_today();
  v_prior queue_tickets%ROWTYPE;
  v_no int;
  v_log bigint;
BEGIN
  PERFORM center_check_caller(p_desk);
  IF p_ticket_id IS NULL OR length(p_ticket_id) NOT BETWEEN 1 AND 36 THEN
    RAISE EXCEPTION 'Mã lượt không hợp lệ / Invalid ticket id' USING ERRCODE = 'CA103';
  END IF;
  IF coalesce(p_priority, '') NOT IN ('', 'elderly', 'disabled', 'pregnant', 'child',
                                      'appointment') THEN
    RAISE EXCEPTION 'Loại ưu tiên không hợp lệ / Unknown priority: %', p_priority
      USING ERRCODE = 'CA103';
  END IF;
  PERFORM pg_advisory_xact_lock(72620001);
  SELECT * INTO v_prior FROM queue_tickets WHERE id = p_ticket_id;
  IF FOUND THEN
    -- The resend of a request whose reply was lost: the same ticket, not a second number.
    IF v_prior.issuing_desk_id IS DISTINCT FROM p_desk THEN
      RAISE EXCEPTION 'Mã lượt đã dùng / Ticket id already used' USING ERRCODE = 'CA102';
    END IF;
    RETURN center_queue_ticket(p_ticket_id) || jsonb_build_object('ahead',
      center_queue_ahead(p_ticket_id));
  END IF;
  SELECT * INTO v_service FROM queue_services WHERE code = upper(p_service_code) AND active;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'Không có dịch vụ xếp hàng "%" / No queue service "%"',
      p_service_code, p_service_code USING ERRCODE = 'CA101';
  END IF;
  INSERT INTO queue_counters (service_id, business_date, series, last_no)
  VALUES (v_service.id, v_today, '', 1)
  ON CONFLICT (service_id, business_date, series)
  DO UPDATE SET last_no = queue_counters.last_no + 1
  RETURNING last_no INTO v_no;
  v_log := center_log_change('queue_tickets', p_ticket_id, 'insert',
                             to_jsonb(center_table_columns('queue_tickets')), p_desk, NULL);
  INSERT INTO queue_tickets (id, service_id, business_date, series, number, display, priority,
                             state, issued_at, issuing_desk_id, created_at, updated_at,
                             origin_desk_id, version, server_version)
  VALUES (p_ticket_id, v_service.id, v_today, '', v_no, center_queue_display(v_service.code, v_no),
          coalesce(p_priority, ''), 'waiting', now(), p_desk, now(), now(), p_desk, 1, v_log);
  PERFORM pg_notify('counter_changes', v_log::text);
  PERFORM pg_notify('counter_queue', jsonb_build_object('event', 'issue', 'ticket', p_ticket_id,
    'service', v_service.code)::text);
  RETURN center_queue_ticket(p_ticket_id) || jsonb_build_object('ahead',
    center_queue_ahead(p_ticket_id));
END $$;

-- Claim the next waiting ticket of today for this desk: its services (or `p_service_codes`),
-- or a ticket transferred to this desk. NULL when nobody waits.
CREATE FUNCTION center_call_next(p_desk text, p_service_codes text[], p_officer text DEFAULT NULL)
RETURNS jsonb
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  v_today date := center_queue_today();
  v_services text[];
  v_id text;
  v_n int;
  v_officer text := (SELECT id FROM users WHERE id = p_officer);
BEGIN
  PERFORM center_check_caller(p_desk);
  IF NOT EXISTS (SELECT 1 FROM desks WHERE id = p_desk) THEN
    RAISE EXCEPTION 'Không có quầy % / No such desk', p_desk USING ERRCODE = 'CA101';
  END IF;
  IF p_service_codes IS NULL OR cardinality(p_service_codes) = 0 THEN
    SELECT coalesce(array_agg(s.id), '{}') INTO v_services
      FROM desk_services ds JOIN queue_services s ON s.id = ds.service_id
     WHERE ds.desk_id = p_desk AND s.active;
  ELSE
    SELECT coalesce(array_agg(s.id), '{}') INTO v_services
      FROM queue_services s WHERE s.code = ANY (SELECT upper(c) FROM unnest(p_service_codes) c);
  END IF;
  -- No change-log lock up front: callers claim different rows side by side (SKIP LOCKED) and
  -- queue only for the change-log row, taken last (center_log_change) and held to the commit.
  FOR attempt IN 1..20 LOOP
    SELECT t.id INTO v_id FROM queue_tickets t
     WHERE t.business_date = v_today AND t.state = 'waiting'
       AND (t.desk_id = p_desk OR (t.desk_id IS NULL AND t.service_id = ANY (v_services)))
     ORDER BY (t.priority <> '') DESC, t.issued_at, t.id
     LIMIT 1 FOR UPDATE SKIP LOCKED;
    IF v_id IS NULL THEN
      RETURN NULL;
    END IF;
    -- Only a row count of 1 wins the ticket (novosga#290, bcgov/sbc-qsystem#272).
    BEGIN
      UPDATE queue_tickets
         SET state = 'called', desk_id = p_desk, called_at = now(),
             officer_user_id = coalesce(v_officer, officer_user_id),
             version = version + 1, updated_at = now(),
             server_version = center_log_change('queue_tickets', v_id, 'update',
               '["state", "desk_id", "called_at", "officer_user_id"]'::jsonb, p_desk, NULL)
       WHERE id = v_id AND state = 'waiting';
      GET DIAGNOSTICS v_n = ROW_COUNT;
    EXCEPTION WHEN deadlock_detected THEN
      -- A push holding the change-log lock wanted this very ticket: let it go, try again.
      v_n := 0;
    END;
    IF v_n = 1 THEN
      PERFORM pg_notify('counter_changes', (SELECT server_version FROM queue_tickets
                                             WHERE id = v_id)::text);
      PERFORM pg_notify('counter_queue', jsonb_build_object('event', 'call', 'ticket', v_id)::text);
      RETURN center_queue_ticket(v_id);
    END IF;
    v_id := NULL;
  END LOOP;
  RETURN NULL;
END $$;

-- Move a ticket along the state machine of domain/queue.py (recall = called → called).
CREATE FUNCTION center_set_ticket_state(p_desk text, p_ticket_id text, p_state text)
RETURNS jsonb
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  v_t queue_tickets%ROWTYPE;
  v_allowed text[];
  v_fields jsonb;
  v_desk int;
BEGIN
  PERFORM center_check_caller(p_desk);
  IF p_state IS NULL OR p_state NOT IN ('called', 'serving', 'done', 'no_show', 'cancelled') THEN
    RAISE EXCEPTION 'Trạng thái không đặt trực tiếp được / State % cannot be set directly%',
      p_state, CASE WHEN p_state = 'transferred' THEN ' (center_transfer_ticket)' ELSE '' END
      USING ERRCODE = 'CA103';
  END IF;
  PERFORM pg_advisory_xact_lock(72620001);
  SELECT * INTO v_t FROM queue_tickets WHERE id = p_ticket_id FOR UPDATE;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'Không có lượt % / No such ticket', p_ticket_id USING ERRCODE = 'CA101';
  END IF;
  v_allowed := CASE v_t.state
    WHEN 'waiting' THEN ARRAY['cancelled']
    WHEN 'called' THEN ARRAY['called', 'serving', 'no_show', 'transferred']
    WHEN 'serving' THEN ARRAY['done', 'transferred']
    ELSE '{}'::text[] END;
  IF NOT p_state = ANY (v_allowed) THEN
    RAISE EXCEPTION 'Số % đang ở trạng thái %, không chuyển sang % được / Ticket % is %; it '
      'cannot become %', v_t.display, v_t.state, p_state, v_t.display, v_t.state, p_state
      USING ERRCODE = 'CA102';
  END IF;
  IF v_t.state <> 'waiting' AND v_t.desk_id IS DISTINCT FROM p_desk THEN
    v_desk := (SELECT number FROM desks WHERE id = v_t.desk_id);
    RAISE EXCEPTION 'Số % đang ở quầy %, không phải quầy này / Ticket % is at desk %',
      v_t.display, v_desk, v_t.display, v_desk USING ERRCODE = 'CA102';
  END IF;
  v_fields := CASE p_state
    WHEN 'called' THEN '["updated_at"]'
    WHEN 'serving' THEN '["state", "serving_at"]'
    ELSE '["state", "finished_at"]' END::jsonb;
  UPDATE queue_tickets
     SET state = p_state,
         serving_at = CASE WHEN p_state = 'serving' THEN now() ELSE serving_at END,
         finished_at = CASE WHEN p_state IN ('done', 'no_show', 'cancelled') THEN now()
                            ELSE finished_at END,
         version = version + 1, updated_at = now(),
         server_version = center_log_change('queue_tickets', p_ticket_id, 'update', v_fields,
                                            p_desk, NULL)
   WHERE id = p_ticket_id;
  PERFORM pg_notify('counter_changes', (SELECT server_version FROM queue_tickets
                                         WHERE id = p_ticket_id)::text);
  PERFORM pg_notify('counter_queue', jsonb_build_object('event',
    CASE p_state WHEN 'called' THEN 'recall' ELSE p_state END, 'ticket', p_ticket_id)::text);
  RETURN center_queue_ticket(p_ticket_id);
END $$;

-- End a called or serving ticket as transferred and make its successor (same display,
-- priority and issue time) waiting in `p_service_code` and/or for desk `p_to_desk`.
CREATE FUNCTION center_transfer_ticket(p_desk text, p_ticket_id text, p_service_code text,
                                       p_to_desk int, p_new_id text) RETURNS jsonb
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  v_t queue_tickets%ROWTYPE;
  v_service text;
  v_to text;
  v_no int;
  v_log bigint;
  v_today date := center_queue_today();
BEGIN
  PERFORM center_check_caller(p_desk);
  PERFORM pg_advisory_xact_lock(72620001);
  IF EXISTS (SELECT 1 FROM queue_tickets WHERE id = p_new_id AND transferred_from_id = p_ticket_id)
  THEN
    RETURN center_queue_ticket(p_new_id);  -- a resend after a lost reply
  END IF;
  SELECT * INTO v_t FROM queue_tickets WHERE id = p_ticket_id FOR UPDATE;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'Không có lượt % / No such ticket', p_ticket_id USING ERRCODE = 'CA101';
  END IF;
  IF v_t.state NOT IN ('called', 'serving') OR v_t.desk_id IS DISTINCT FROM p_desk THEN
    RAISE EXCEPTION 'Số % không ở quầy này (trạng thái %), không chuyển được / Ticket % is not '
      'being served at this desk (%)', v_t.display, v_t.state, v_t.display, v_t.state
      USING ERRCODE = 'CA102';
  END IF;
  v_service := v_t.service_id;
  IF p_service_code IS NOT NULL AND p_service_code <> '' THEN
    v_service := (SELECT id FROM queue_services WHERE code = upper(p_service_code) AND active);
    IF v_service IS NULL THEN
      RAISE EXCEPTION 'Không có dịch vụ xếp hàng "%" / No queue service "%"',
        p_service_code, p_service_code USING ERRCODE = 'CA101';
    END IF;
  END IF;
  IF p_to_desk IS NOT NULL THEN
    v_to := (SELECT id FROM desks WHERE number = p_to_desk AND active);
    IF v_to IS NULL THEN
      RAISE EXCEPTION 'Không có quầy số % / No desk %', p_to_desk, p_to_desk
        USING ERRCODE = 'CA101';
    END IF;
  END IF;
  IF v_service = v_t.service_id AND v_to IS NULL THEN
    RAISE EXCEPTION 'Chuyển cần dịch vụ khác hoặc quầy đích / A transfer needs another service '
      'or a desk' USING ERRCODE = 'CA103';
  END IF;
  UPDATE queue_tickets
     SET state = 'transferred', finished_at = now(), version = version + 1, updated_at = now(),
         server_version = center_log_change('queue_tickets', p_ticket_id, 'update',
                                            '["state", "finished_at"]'::jsonb, p_desk, NULL)
   WHERE id = p_ticket_id;
  INSERT INTO queue_counters (service_id, business_date, series, last_no)
  VALUES (v_service, v_today, 'T', 1)
  ON CONFLICT (service_id, business_date, series)
  DO UPDATE SET last_no = queue_counters.last_no + 1
  RETURNING last_no INTO v_no;
  v_log := center_log_change('queue_tickets', p_new_id, 'insert',
                             to_jsonb(center_table_columns('queue_tickets')), p_desk, NULL);
  INSERT INTO queue_tickets (id, service_id, business_date, series, number, display, priority,
                             state, issued_at, issuing_desk_id, desk_id, transferred_from_id,
                             created_at, updated_at, origin_desk_id, version, server_version)
  VALUES (p_new_id, v_service, v_today, 'T', v_no, v_t.display, v_t.priority, 'waiting',
          v_t.issued_at, p_desk, v_to, p_ticket_id, now(), now(), p_desk, 1, v_log);
  PERFORM pg_notify('counter_changes', v_log::text);
  PERFORM pg_notify('counter_queue', jsonb_build_object('event', 'transfer', 'ticket', p_new_id,
    'from', p_ticket_id)::text);
  RETURN center_queue_ticket(p_new_id);
END $$;

-- Today's queue: waiting tickets per service, each desk's current ticket and tickets done.
CREATE FUNCTION center_queue_status(p_desk text) RETURNS jsonb
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  v_today date := center_queue_today();
BEGIN
  PERFORM center_check_caller(p_desk);
  RETURN jsonb_build_object(
    'business_date', v_today,
    'server_time', clock_timestamp(),
    'services', (
      SELECT coalesce(jsonb_agg(jsonb_build_object(
               'code', s.code, 'name', s.name,
               'waiting', (SELECT count(*) FROM queue_tickets t
                            WHERE t.service_id = s.id AND t.business_date = v_today
                              AND t.state = 'waiting'),
               'oldest_issued_at', (SELECT min(t.issued_at) FROM queue_tickets t
                                     WHERE t.service_id = s.id AND t.business_date = v_today
                                       AND t.state = 'waiting'))
             ORDER BY s.code), '[]'::jsonb)
        FROM queue_services s WHERE s.active),
    'desks', (
      SELECT coalesce(jsonb_agg(jsonb_build_object(
               'number', d.number, 'name', d.name,
               'ticket', (SELECT jsonb_build_object('id', t.id, 'display', t.display,
                                   'state', t.state, 'service', s.code,
                                   'called_at', t.called_at, 'serving_at', t.serving_at,
                                   -- a recall keeps called_at (waits stay right) and moves
                                   -- updated_at: the hall display calls the number again
                                   'recalled_at', CASE WHEN t.state = 'called'
                                     AND t.updated_at > t.called_at THEN t.updated_at END)
                            FROM queue_tickets t JOIN queue_services s ON s.id = t.service_id
                           WHERE t.desk_id = d.id AND t.business_date = v_today
                             AND t.state IN ('called', 'serving')
                           ORDER BY t.called_at DESC LIMIT 1),
               'served', (SELECT count(*) FROM queue_tickets t
                           WHERE t.desk_id = d.id AND t.business_date = v_today
                             AND t.state = 'done'))
             ORDER BY d.number), '[]'::jsonb)
        FROM desks d WHERE d.active));
END $$;
"""

HELPERS = (
    "center_queue_today()", "center_queue_ticket(text)", "center_queue_ahead(text)",
    "center_queue_display(text, int)",
)  # fmt: skip
# What a desk role may execute (counter_app/services/sync/central.py grants the same list).
DESK_FUNCTIONS = (
    "center_issue_ticket(text, text, text, text)", "center_call_next(text, text[], text)",
    "center_set_ticket_state(text, text, text)",
    "center_transfer_ticket(text, text, text, int, text)", "center_queue_status(text)",
)  # fmt: skip


def upgrade() -> None:
    with op.batch_alter_table("queue_tickets", schema=None) as batch_op:
        batch_op.add_column(sa.Column("transferred_from_id", sa.String(length=36), nullable=True))
        batch_op.create_foreign_key(
            batch_op.f("fk_queue_tickets_transferred_from_id_queue_tickets"),
            "queue_tickets",
            ["transferred_from_id"],
            ["id"],
        )
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(FUNCTIONS)
    for sig in HELPERS + DESK_FUNCTIONS:
        op.execute(f"REVOKE ALL ON FUNCTION {sig} FROM PUBLIC")
    # Desks added before this upgrade get the new functions too (later ones: central.add_desk).
    grants = "; ".join(f"EXECUTE format('GRANT EXECUTE ON FUNCTION {sig} TO %I', r)"
                       for sig in DESK_FUNCTIONS)  # fmt: skip
    op.execute(
        "DO $$ DECLARE r text; BEGIN FOR r IN SELECT c.role_name FROM center_desk_roles c "
        f"JOIN pg_roles p ON p.rolname = c.role_name LOOP {grants}; END LOOP; END $$"
    )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for sig in DESK_FUNCTIONS + HELPERS:
            op.execute(f"DROP FUNCTION IF EXISTS {sig}")
    with op.batch_alter_table("queue_tickets", schema=None) as batch_op:
        batch_op.drop_constraint(
            batch_op.f("fk_queue_tickets_transferred_from_id_queue_tickets"), type_="foreignkey"
        )
        batch_op.drop_column("transferred_from_id")
