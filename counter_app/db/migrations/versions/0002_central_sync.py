"""Central sync: applied ops, change log, conflicts, desk roles and progress, the file store;
on PostgreSQL the functions that are the desks' only way in (SYNC.md).

Every desk write reaches the center through `center_push`, which applies each op once (the
applied-ops table), by its table's policy, and writes one change-log row; desks read changes
through `center_pull` and reference data through `center_reference`. The functions are
SECURITY DEFINER: a desk's role needs EXECUTE on them and nothing else, so desk credentials
cannot rewrite history. Change-log ids are taken under one advisory transaction lock, so id
order is commit order and a pull cursor never skips a late commit.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

# Reference tables: authored at the center, pulled whole by desks (center wins).
REFERENCE_TABLES = (
    "units", "procedures", "checklist_items", "desks", "users", "user_roles",
    "calendar_entries", "printers", "queue_services", "queue_service_units", "desk_services",
)  # fmt: skip

FUNCTIONS = r"""
CREATE FUNCTION center_entity_policy(p_entity text) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE p_entity
    WHEN 'dossiers' THEN 'mutable'
    WHEN 'dossier_items' THEN 'mutable'
    WHEN 'postal_batches' THEN 'mutable'
    WHEN 'postal_batch_items' THEN 'mutable'
    WHEN 'postal_deliveries' THEN 'mutable'
    WHEN 'queue_tickets' THEN 'mutable'
    WHEN 'dossier_events' THEN 'append'
    WHEN 'dossier_files' THEN 'append'
    WHEN 'files' THEN 'append'
    WHEN 'ratings' THEN 'append'
    WHEN 'audit_log' THEN 'private'
    ELSE 'reference'
  END
$$;

CREATE FUNCTION center_entity_key(p_entity text) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE p_entity WHEN 'files' THEN 'sha256' ELSE 'id' END
$$;

-- Who may act for a desk: its own role, or the center's owner / a superuser (admin tools).
CREATE FUNCTION center_check_caller(p_desk text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM center_desk_roles WHERE role_name = session_user AND desk_id = p_desk)
     OR EXISTS (SELECT 1 FROM pg_roles WHERE rolname = session_user AND rolsuper)
     OR session_user::text = (SELECT tableowner::text FROM pg_tables
                              WHERE schemaname = 'public' AND tablename = 'dossiers') THEN
    RETURN;
  END IF;
  RAISE EXCEPTION 'FORBIDDEN: role % may not act for desk %', session_user, p_desk
    USING ERRCODE = '42501';
END $$;

-- The center accepts outbox schema N and N-1 and its own protocol (SYNC.md, versions).
CREATE FUNCTION center_check_versions(p_protocol int, p_schema int) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  v_protocol int := (SELECT value::int FROM app_meta WHERE key = 'sync_protocol');
  v_schema int := (SELECT value::int FROM app_meta WHERE key = 'sync_schema');
BEGIN
  IF p_protocol > v_protocol OR p_schema > v_schema THEN
    RAISE EXCEPTION 'SERVER_TOO_OLD: center speaks protocol %, schema %; desk sent %, %',
      v_protocol, v_schema, p_protocol, p_schema USING ERRCODE = 'CA001';
  END IF;
  IF p_protocol < v_protocol OR p_schema < v_schema - 1 THEN
    RAISE EXCEPTION 'CLIENT_TOO_OLD: center speaks protocol %, schema %; desk sent %, %',
      v_protocol, v_schema, p_protocol, p_schema USING ERRCODE = 'CA002';
  END IF;
END $$;

CREATE SEQUENCE center_change_log_id_seq;

-- One change-log row; ids under the advisory lock, so id order is commit order.
CREATE FUNCTION center_log_change(p_entity text, p_entity_id text, p_kind text, p_fields jsonb,
                                  p_desk text, p_op text) RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE v_id bigint;
BEGIN
  PERFORM pg_advisory_xact_lock(72620001);
  v_id := nextval('center_change_log_id_seq');
  INSERT INTO center_change_log (id, entity, entity_id, kind, fields, origin_desk_id, op_id, at)
  VALUES (v_id, p_entity, p_entity_id, p_kind, jsonb_build_object('names', p_fields), p_desk,
          p_op, now());
  RETURN v_id;
END $$;

CREATE FUNCTION center_table_columns(p_entity text) RETURNS text[]
LANGUAGE sql STABLE AS $$
  SELECT array_agg(attname::text ORDER BY attnum) FROM pg_attribute
  WHERE attrelid = p_entity::regclass AND attnum > 0 AND NOT attisdropped
$$;

-- Apply one op by its table's policy. Returns {result, server_version, detail}.
CREATE FUNCTION center_apply_op(p_desk text, p_op jsonb) RETURNS jsonb
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  v_entity text := p_op->>'entity';
  v_kind text := p_op->>'kind';
  v_eid text := p_op->>'entity_id';
  v_payload jsonb := coalesce(p_op->'payload', '{}'::jsonb);
  v_policy text := center_entity_policy(p_op->>'entity');
  v_key text;
  v_cols text[];
  v_unknown text[];
  v_use text[];
  v_sv bigint;
  v_n int;
  v_current jsonb;
  v_theirs text[];
  v_apply text[] := '{}';
  v_conflicts text[] := '{}';
  v_field text;
  v_list text;
  v_last_origin text;
  c_meta constant text[] := ARRAY['id', 'sha256', 'version', 'server_version', 'created_at',
                                  'updated_at', 'origin_desk_id'];
BEGIN
  IF (p_op->>'held')::boolean IS TRUE THEN
    RETURN jsonb_build_object('result', 'held',
      'detail', jsonb_build_object('reason', p_op->>'held_reason'));
  END IF;
  IF v_policy = 'reference' THEN
    RETURN jsonb_build_object('result', 'rejected', 'detail', jsonb_build_object('reason',
      format('%s: dữ liệu danh mục do trung tâm quản lý / reference data is authored centrally',
             v_entity)));
  END IF;
  v_key := center_entity_key(v_entity);
  v_cols := center_table_columns(v_entity);
  SELECT coalesce(array_agg(k), '{}') INTO v_unknown
    FROM jsonb_object_keys(v_payload) k WHERE NOT k = ANY (v_cols);

  IF v_kind IN ('insert', 'append') THEN
    IF v_payload->>v_key IS DISTINCT FROM v_eid THEN
      RETURN jsonb_build_object('result', 'rejected',
        'detail', jsonb_build_object('reason', 'payload key differs from entity_id'));
    END IF;
    BEGIN
      v_sv := center_log_change(v_entity, v_eid, v_kind, to_jsonb(v_cols), p_desk,
                                p_op->>'op_id');
      -- The center knows who sent the row: a desk cannot attribute rows to another desk.
      v_payload := v_payload || jsonb_build_object('server_version', v_sv,
        'origin_desk_id', p_desk);
      SELECT array_agg(k) INTO v_use FROM jsonb_object_keys(v_payload) k WHERE k = ANY (v_cols);
      IF cardinality(v_use) = cardinality(v_cols)
         AND v_entity IN ('dossiers', 'dossier_items', 'dossier_events', 'audit_log') THEN
        -- The whole row, as desks send it: static statements keep their plans (an EXECUTE
        -- is planned anew each time, most of the cost of a push of thousands of ops).
        CASE v_entity
          WHEN 'dossiers' THEN INSERT INTO dossiers SELECT * FROM
            jsonb_populate_record(NULL::dossiers, v_payload) ON CONFLICT DO NOTHING;
          WHEN 'dossier_items' THEN INSERT INTO dossier_items SELECT * FROM
            jsonb_populate_record(NULL::dossier_items, v_payload) ON CONFLICT DO NOTHING;
          WHEN 'dossier_events' THEN INSERT INTO dossier_events SELECT * FROM
            jsonb_populate_record(NULL::dossier_events, v_payload) ON CONFLICT DO NOTHING;
          ELSE INSERT INTO audit_log SELECT * FROM
            jsonb_populate_record(NULL::audit_log, v_payload) ON CONFLICT DO NOTHING;
        END CASE;
      ELSE
        SELECT string_agg(quote_ident(u), ', ') INTO v_list FROM unnest(v_use) u;
        EXECUTE format('INSERT INTO %1$I (%2$s) SELECT %2$s FROM jsonb_populate_record('
                       'NULL::%1$I, $1) ON CONFLICT DO NOTHING', v_entity, v_list)
          USING v_payload;
      END IF;
      GET DIAGNOSTICS v_n = ROW_COUNT;
    EXCEPTION WHEN OTHERS THEN
      RETURN jsonb_build_object('result', 'rejected', 'detail',
        jsonb_build_object('reason', SQLERRM, 'sqlstate', SQLSTATE));
    END;
    IF v_n = 0 THEN
      -- Already there (an op of the same row under another id, or a key clash): record, no log.
      DELETE FROM center_change_log WHERE id = v_sv;
      EXECUTE format('SELECT to_jsonb(t) FROM %I t WHERE %I = $1', v_entity, v_key)
        INTO v_current USING v_eid;
      IF v_current IS NULL THEN
        RETURN jsonb_build_object('result', 'rejected', 'detail',
          jsonb_build_object('reason', 'unique key clash'));
      END IF;
      -- row_version: the row's last change, which the desk may have skipped (see below).
      RETURN jsonb_build_object('result', 'applied', 'server_version', NULL,
        'detail', jsonb_build_object('existing', true, 'unknown_fields', to_jsonb(v_unknown),
                                     'row_version', v_current->'server_version'));
    END IF;
    RETURN jsonb_build_object('result', 'applied', 'server_version', v_sv,
      'detail', jsonb_build_object('unknown_fields', to_jsonb(v_unknown)));
  END IF;

  IF v_kind <> 'update' OR v_policy <> 'mutable' THEN
    RETURN jsonb_build_object('result', 'rejected', 'detail', jsonb_build_object('reason',
      format('%s: %s is not allowed on %s data', v_entity, v_kind, v_policy)));
  END IF;

  EXECUTE format('SELECT to_jsonb(t) FROM %I t WHERE %I = $1 FOR UPDATE', v_entity, v_key)
    INTO v_current USING v_eid;
  IF v_current IS NULL THEN
    RETURN jsonb_build_object('result', 'rejected',
      'detail', jsonb_build_object('reason', 'no such row at the center'));
  END IF;
  -- Fields other desks changed since the version this update was based on.
  SELECT coalesce(array_agg(DISTINCT f), '{}') INTO v_theirs
    FROM center_change_log c, json_array_elements_text(c.fields->'names') f
   WHERE c.entity = v_entity AND c.entity_id = v_eid
     AND c.id > coalesce((p_op->>'base_version')::bigint, 0)
     AND c.origin_desk_id IS DISTINCT FROM p_desk;
  SELECT origin_desk_id INTO v_last_origin FROM center_change_log
   WHERE entity = v_entity AND entity_id = v_eid ORDER BY id DESC LIMIT 1;
  FOR v_field IN SELECT k FROM jsonb_object_keys(v_payload) k
                  WHERE k = ANY (v_cols) AND NOT k = ANY (c_meta) ORDER BY k LOOP
    IF v_current->v_field IS NOT DISTINCT FROM v_payload->v_field THEN
      CONTINUE;
    ELSIF v_field = ANY (v_theirs) THEN
      v_conflicts := v_conflicts || v_field;
    ELSE
      v_apply := v_apply || v_field;
    END IF;
  END LOOP;
  IF cardinality(v_conflicts) > 0 AND 'needs_review' = ANY (v_cols) THEN
    v_apply := array_remove(v_apply, 'needs_review') || 'needs_review'::text;
    v_payload := v_payload || '{"needs_review": true}'::jsonb;
  END IF;
  IF cardinality(v_apply) = 0 AND cardinality(v_conflicts) = 0 THEN
    -- No change-log row is written; a desk that pulled the row's last change while this op
    -- waited kept its own row then, and reads that change again (row_version, push.py).
    RETURN jsonb_build_object('result', 'applied', 'server_version', NULL,
      'detail', jsonb_build_object('unchanged', true, 'unknown_fields', to_jsonb(v_unknown),
                                   'row_version', v_current->'server_version'));
  END IF;
  SELECT string_agg(quote_ident(u), ', ') INTO v_list FROM unnest(v_apply) u;
  BEGIN
    v_sv := center_log_change(v_entity, v_eid, 'update', to_jsonb(v_apply), p_desk,
                              p_op->>'op_id');
    IF cardinality(v_apply) > 0 THEN
      EXECUTE format('UPDATE %1$I t SET (%2$s) = (SELECT %2$s FROM jsonb_populate_record('
                     'NULL::%1$I, $1)), version = t.version + 1, server_version = $2, '
                     'updated_at = now() WHERE %3$I = $3', v_entity, v_list, v_key)
        USING v_payload, v_sv, v_eid;
    END IF;
    INSERT INTO center_conflicts (id, entity, entity_id, field, center_value, desk_value,
                                  center_origin_desk_id, desk_id, op_id, at, resolution)
    SELECT gen_random_uuid()::text, v_entity, v_eid, f,
           jsonb_build_object('value', v_current->f), jsonb_build_object('value', v_payload->f),
           v_last_origin, p_desk, p_op->>'op_id', now(), ''
      FROM unnest(v_conflicts) f;
  EXCEPTION WHEN OTHERS THEN
    RETURN jsonb_build_object('result', 'rejected', 'detail',
      jsonb_build_object('reason', SQLERRM, 'sqlstate', SQLSTATE));
  END;
  IF cardinality(v_conflicts) > 0 THEN
    RETURN jsonb_build_object('result', 'conflict', 'server_version', v_sv,
      'detail', jsonb_build_object('fields', to_jsonb(v_conflicts), 'applied', to_jsonb(v_apply),
                                   'unknown_fields', to_jsonb(v_unknown)));
  END IF;
  RETURN jsonb_build_object('result', 'applied', 'server_version', v_sv,
    'detail', jsonb_build_object('applied', to_jsonb(v_apply),
                                 'unknown_fields', to_jsonb(v_unknown)));
END $$;

-- The common batch in one go: the next desk_seqs in order, new whole rows of pushed tables,
-- nothing seen before, nothing held. Set-based inserts per table (parents first) instead of
-- one op at a time; NULL (nothing done) when the batch is not that plain or anything fails,
-- and center_push applies it op by op, with a result for each.
CREATE FUNCTION center_push_fast(p_desk text, p_ops jsonb, p_last bigint) RETURNS jsonb[]
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  c_order constant text[] := ARRAY['files', 'dossiers', 'dossier_items', 'dossier_files',
    'dossier_events', 'ratings', 'postal_batches', 'postal_batch_items', 'postal_deliveries',
    'queue_tickets', 'audit_log'];
  v_all jsonb[];
  v_cols jsonb;
  v_entity text;
  v_rows jsonb;
  v_count int;
  v_done int;
  v_results jsonb[];
BEGIN
  IF jsonb_array_length(p_ops) = 0 THEN
    RETURN NULL;
  END IF;
  IF EXISTS (
    SELECT 1 FROM jsonb_array_elements(p_ops) WITH ORDINALITY AS o(op, i)
     WHERE (o.op->>'desk_seq')::bigint IS DISTINCT FROM p_last + o.i
        OR o.op->>'kind' NOT IN ('insert', 'append')
        OR NOT (o.op->>'entity') = ANY (c_order)
        OR (o.op->>'held')::boolean IS TRUE
        OR o.op->'payload'->>center_entity_key(o.op->>'entity') IS DISTINCT FROM o.op->>'entity_id'
  ) OR EXISTS (
    SELECT 1 FROM center_applied_ops a
     WHERE a.op_id IN (SELECT o.op->>'op_id' FROM jsonb_array_elements(p_ops) o(op))
  ) THEN
    RETURN NULL;
  END IF;
  -- Whole rows: the payload's keys are exactly the table's columns (looked up once per table).
  SELECT jsonb_object_agg(e, to_jsonb(center_table_columns(e))) INTO v_cols
    FROM (SELECT DISTINCT o.op->>'entity' AS e FROM jsonb_array_elements(p_ops) o(op)) d;
  IF EXISTS (
    SELECT 1 FROM jsonb_array_elements(p_ops) o(op)
     WHERE (SELECT count(*) FROM jsonb_object_keys(o.op->'payload'))
           <> jsonb_array_length(v_cols->(o.op->>'entity'))
        OR EXISTS (SELECT 1 FROM jsonb_object_keys(o.op->'payload') k
                    WHERE NOT (v_cols->(o.op->>'entity')) ? k)
  ) THEN
    RETURN NULL;
  END IF;
  BEGIN
    -- Change-log ids in batch order, under the advisory lock center_push holds.
    SELECT array_agg(op || jsonb_build_object('_sv', nextval('center_change_log_id_seq')))
      INTO v_all
      FROM (SELECT o.op FROM jsonb_array_elements(p_ops) WITH ORDINALITY o(op, i)
             ORDER BY o.i) s;
    INSERT INTO center_change_log (id, entity, entity_id, kind, fields, origin_desk_id, op_id, at)
    SELECT (op->>'_sv')::bigint, op->>'entity', op->>'entity_id', op->>'kind',
           jsonb_build_object('names', (SELECT jsonb_agg(k) FROM jsonb_object_keys(op->'payload') k)),
           p_desk, op->>'op_id', now()
      FROM unnest(v_all) op;
    FOREACH v_entity IN ARRAY c_order LOOP
      SELECT count(*), jsonb_agg(op->'payload' || jsonb_build_object(
               'server_version', (op->>'_sv')::bigint, 'origin_desk_id', p_desk))
        INTO v_count, v_rows
        FROM unnest(v_all) op WHERE op->>'entity' = v_entity;
      CONTINUE WHEN v_count = 0;
      EXECUTE format('INSERT INTO %1$I SELECT * FROM jsonb_populate_recordset(NULL::%1$I, $1) '
                     'ON CONFLICT DO NOTHING', v_entity) USING v_rows;
      GET DIAGNOSTICS v_done = ROW_COUNT;
      IF v_done <> v_count THEN  -- a row was already there: op by op says which
        RAISE EXCEPTION 'fast path: % of % % rows were new', v_done, v_count, v_entity;
      END IF;
    END LOOP;
    INSERT INTO center_applied_ops (op_id, desk_id, desk_seq, entity, entity_id, result,
                                    detail, server_version, applied_at)
    SELECT op->>'op_id', p_desk, (op->>'desk_seq')::bigint, op->>'entity', op->>'entity_id',
           'applied', '{"unknown_fields": []}'::jsonb, (op->>'_sv')::bigint, now()
      FROM unnest(v_all) op;
    SELECT array_agg(jsonb_build_object('op_id', op->>'op_id', 'result', 'applied',
                     'server_version', (op->>'_sv')::bigint,
                     'detail', '{"unknown_fields": []}'::jsonb) ORDER BY i)
      INTO v_results
      FROM unnest(v_all) WITH ORDINALITY u(op, i);
  EXCEPTION WHEN OTHERS THEN
    RETURN NULL;
  END;
  RETURN v_results;
END $$;

-- The one entry point for a desk's outbox ops (a JSON array in desk_seq order).
CREATE FUNCTION center_push(p_desk text, p_protocol int, p_schema int, p_ops jsonb)
RETURNS jsonb
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  v_op jsonb;
  v_res jsonb;
  v_prior center_applied_ops%ROWTYPE;
  v_results jsonb[] := '{}';
  v_last bigint;
  v_seq bigint;
  v_changed boolean := false;
  v_blocked text[] := '{}';
BEGIN
  PERFORM center_check_caller(p_desk);
  PERFORM center_check_versions(p_protocol, p_schema);
  PERFORM pg_advisory_xact_lock(72620001);
  INSERT INTO center_desk_progress (desk_id, last_seq, pull_cursor)
  VALUES (p_desk, 0, 0) ON CONFLICT DO NOTHING;
  SELECT last_seq INTO v_last FROM center_desk_progress WHERE desk_id = p_desk FOR UPDATE;
  v_results := center_push_fast(p_desk, p_ops, v_last);
  IF v_results IS NOT NULL THEN
    UPDATE center_desk_progress SET last_seq = v_last + cardinality(v_results),
           last_seen_at = now(), schema_version = p_schema WHERE desk_id = p_desk;
    PERFORM pg_notify('counter_changes', (SELECT max(id)::text FROM center_change_log));
    RETURN jsonb_build_object('results', to_jsonb(v_results),
                              'last_seq', v_last + cardinality(v_results),
                              'server_time', clock_timestamp());
  END IF;
  v_results := '{}';
  FOR v_op IN SELECT value FROM jsonb_array_elements(p_ops) LOOP
    SELECT * INTO v_prior FROM center_applied_ops WHERE op_id = v_op->>'op_id';
    IF FOUND THEN
      v_results := v_results || jsonb_build_object(
        'op_id', v_prior.op_id, 'result', 'duplicate', 'first_result', v_prior.result,
        'server_version', v_prior.server_version, 'detail', v_prior.detail);
      CONTINUE;
    END IF;
    v_seq := (v_op->>'desk_seq')::bigint;
    IF v_seq IS NULL OR v_seq <> v_last + 1 THEN
      v_results := v_results || jsonb_build_object(
        'op_id', v_op->>'op_id', 'result', 'gap', 'expected', v_last + 1,
        'detail', jsonb_build_object('reason',
          format('desk_seq %s, the center expects %s', v_seq, v_last + 1)));
      EXIT;
    END IF;
    IF (v_op->>'entity_id') = ANY (v_blocked) THEN
      -- A later op of an entity whose op was refused waits with it (SYNC.md, push).
      v_op := v_op || jsonb_build_object('held', true, 'held_reason',
        'an earlier op of this record was refused / một thao tác trước của bản ghi bị từ chối');
    END IF;
    v_res := center_apply_op(p_desk, v_op);
    IF v_res->>'result' IN ('rejected', 'held') THEN
      v_blocked := v_blocked || (v_op->>'entity_id');
    END IF;
    INSERT INTO center_applied_ops (op_id, desk_id, desk_seq, entity, entity_id, result,
                                    detail, server_version, applied_at)
    VALUES (v_op->>'op_id', p_desk, v_seq, v_op->>'entity', v_op->>'entity_id',
            v_res->>'result', coalesce(v_res->'detail', '{}'::jsonb),
            (v_res->>'server_version')::bigint, now());
    v_last := v_seq;
    v_changed := v_changed OR (v_res->>'server_version') IS NOT NULL;
    v_results := v_results || (v_res || jsonb_build_object('op_id', v_op->>'op_id'));
  END LOOP;
  UPDATE center_desk_progress SET last_seq = v_last, last_seen_at = now(),
         schema_version = p_schema WHERE desk_id = p_desk;
  IF v_changed THEN
    PERFORM pg_notify('counter_changes', (SELECT coalesce(max(id), 0)::text FROM center_change_log));
  END IF;
  RETURN jsonb_build_object('results', to_jsonb(v_results), 'last_seq', v_last,
                            'server_time', clock_timestamp());
END $$;

-- Changes after the desk's cursor, with each row's current data (pulled entities only).
CREATE FUNCTION center_pull(p_desk text, p_protocol int, p_schema int, p_after bigint,
                            p_limit int) RETURNS jsonb
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  v_change record;
  v_data jsonb;
  v_changes jsonb := '[]'::jsonb;
  v_last bigint := p_after;
  v_n int := 0;
  v_seen text[] := '{}';
BEGIN
  PERFORM center_check_caller(p_desk);
  PERFORM center_check_versions(p_protocol, p_schema);
  FOR v_change IN SELECT * FROM center_change_log WHERE id > p_after ORDER BY id
                  LIMIT greatest(1, least(p_limit, 5000)) LOOP
    v_last := v_change.id;
    v_n := v_n + 1;
    IF center_entity_policy(v_change.entity) NOT IN ('mutable', 'append') THEN
      CONTINUE;
    END IF;
    EXECUTE format('SELECT to_jsonb(t) FROM %I t WHERE %I = $1', v_change.entity,
                   center_entity_key(v_change.entity))
      INTO v_data USING v_change.entity_id;
    IF v_data IS NULL THEN
      CONTINUE;
    END IF;
    v_changes := v_changes || jsonb_build_array(jsonb_build_object(
      'id', v_change.id, 'entity', v_change.entity, 'entity_id', v_change.entity_id,
      'kind', v_change.kind, 'data', v_data));
  END LOOP;
  UPDATE center_desk_progress SET pull_cursor = v_last, last_seen_at = now()
   WHERE desk_id = p_desk;
  RETURN jsonb_build_object('changes', v_changes, 'last_id', v_last,
    'more', v_n >= greatest(1, least(p_limit, 5000)), 'server_time', clock_timestamp());
END $$;

-- Facts a desk checks before it syncs, and its heartbeat.
CREATE FUNCTION center_info(p_desk text) RETURNS jsonb
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  PERFORM center_check_caller(p_desk);
  UPDATE center_desk_progress SET last_seen_at = now() WHERE desk_id = p_desk;
  RETURN jsonb_build_object(
    'protocol', (SELECT value::int FROM app_meta WHERE key = 'sync_protocol'),
    'schema', (SELECT value::int FROM app_meta WHERE key = 'sync_schema'),
    'revision', (SELECT version_num FROM alembic_version LIMIT 1),
    'ref_version', (SELECT value::bigint FROM app_meta WHERE key = 'ref_version'),
    'last_change', (SELECT coalesce(max(id), 0) FROM center_change_log),
    'last_seq', (SELECT last_seq FROM center_desk_progress WHERE desk_id = p_desk),
    'server_time', clock_timestamp());
END $$;

-- Which desk a number maps to (for `join`): reference data, readable by any desk role.
CREATE FUNCTION center_find_desk(p_number int) RETURNS jsonb
LANGUAGE sql SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT to_jsonb(d) FROM desks d WHERE d.number = p_number
$$;

-- The whole reference data, when it changed since the desk's version.
CREATE FUNCTION center_reference(p_desk text, p_since bigint) RETURNS jsonb
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  v_version bigint;
  v_tables jsonb := '{}'::jsonb;
  v_table text;
  v_rows jsonb;
BEGIN
  PERFORM center_check_caller(p_desk);
  -- The caller runs this in a REPEATABLE READ transaction: one snapshot for all tables.
  v_version := (SELECT value::bigint FROM app_meta WHERE key = 'ref_version');
  IF v_version = p_since THEN
    RETURN jsonb_build_object('version', v_version, 'unchanged', true);
  END IF;
  FOREACH v_table IN ARRAY ARRAY[{reference_tables}] LOOP
    EXECUTE format('SELECT coalesce(jsonb_agg(to_jsonb(t)), ''[]'') FROM %I t', v_table)
      INTO v_rows;
    v_tables := v_tables || jsonb_build_object(v_table, v_rows);
  END LOOP;
  RETURN jsonb_build_object('version', v_version, 'tables', v_tables,
                            'server_time', clock_timestamp());
END $$;

CREATE FUNCTION center_bump_ref_version() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  UPDATE app_meta SET value = (value::bigint + 1)::text WHERE key = 'ref_version';
  PERFORM pg_notify('counter_reference', '');
  RETURN NULL;
END $$;

-- A number in a code scope (dossier codes, ledger entries), handed out once across all desks.
CREATE FUNCTION center_claim_number(p_desk text, p_scope text) RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE v_value bigint;
BEGIN
  PERFORM center_check_caller(p_desk);
  INSERT INTO code_counters (scope, last_value) VALUES (p_scope, 1)
  ON CONFLICT (scope) DO UPDATE SET last_value = code_counters.last_value + 1
  RETURNING last_value INTO v_value;
  RETURN v_value;
END $$;

CREATE FUNCTION center_missing_files(p_desk text, p_shas text[]) RETURNS text[]
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  PERFORM center_check_caller(p_desk);
  RETURN coalesce((SELECT array_agg(s) FROM unnest(p_shas) s
                   WHERE NOT EXISTS (SELECT 1 FROM center_files f WHERE f.sha256 = s)), '{}');
END $$;

CREATE FUNCTION center_put_file(p_desk text, p_sha text, p_media_type text, p_data bytea)
RETURNS boolean
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  PERFORM center_check_caller(p_desk);
  IF encode(sha256(p_data), 'hex') <> lower(p_sha) THEN
    RAISE EXCEPTION 'file % does not match its SHA-256', p_sha USING ERRCODE = '22000';
  END IF;
  INSERT INTO center_files (sha256, size, media_type, data, stored_at)
  VALUES (lower(p_sha), length(p_data), p_media_type, p_data, now())
  ON CONFLICT DO NOTHING;
  RETURN FOUND;
END $$;

CREATE FUNCTION center_get_file(p_desk text, p_sha text) RETURNS bytea
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  PERFORM center_check_caller(p_desk);
  RETURN (SELECT data FROM center_files WHERE sha256 = lower(p_sha));
END $$;
"""

FUNCTION_SIGNATURES = (
    "center_entity_policy(text)", "center_entity_key(text)", "center_check_caller(text)",
    "center_check_versions(int, int)", "center_log_change(text, text, text, jsonb, text, text)",
    "center_table_columns(text)", "center_apply_op(text, jsonb)",
    "center_push_fast(text, jsonb, bigint)",
    "center_push(text, int, int, jsonb)", "center_pull(text, int, int, bigint, int)",
    "center_info(text)", "center_find_desk(int)", "center_reference(text, bigint)",
    "center_bump_ref_version()", "center_claim_number(text, text)",
    "center_missing_files(text, text[])", "center_put_file(text, text, text, bytea)",
    "center_get_file(text, text)",
)  # fmt: skip


def upgrade() -> None:
    op.create_index(
        "ix_sync_outbox_state_desk_seq", "sync_outbox", ["state", "desk_seq"], unique=False
    )
    op.create_table(
        "center_change_log",
        sa.Column("id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("entity", sa.String(length=40), nullable=False),
        sa.Column("entity_id", sa.String(length=100), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("fields", sa.JSON(), nullable=False),
        sa.Column("origin_desk_id", sa.String(length=36), nullable=True),
        sa.Column("op_id", sa.String(length=36), nullable=True),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_center_change_log")),
    )
    op.create_table(
        "center_conflicts",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("entity", sa.String(length=40), nullable=False),
        sa.Column("entity_id", sa.String(length=100), nullable=False),
        sa.Column("field", sa.String(length=60), nullable=False),
        sa.Column("center_value", sa.JSON(), nullable=False),
        sa.Column("desk_value", sa.JSON(), nullable=False),
        sa.Column("center_origin_desk_id", sa.String(length=36), nullable=True),
        sa.Column("desk_id", sa.String(length=36), nullable=False),
        sa.Column("op_id", sa.String(length=36), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("resolved_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("resolution", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_center_conflicts")),
    )
    with op.batch_alter_table("center_conflicts", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_center_conflicts_entity_id"), ["entity_id"], unique=False
        )
    op.create_table(
        "center_files",
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("size", sa.BigInteger(), nullable=False),
        sa.Column("media_type", sa.String(length=100), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.Column("stored_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("sha256", name=op.f("pk_center_files")),
    )
    op.create_table(
        "center_applied_ops",
        sa.Column("op_id", sa.String(length=36), nullable=False),
        sa.Column("desk_id", sa.String(length=36), nullable=False),
        sa.Column("desk_seq", sa.BigInteger(), nullable=False),
        sa.Column("entity", sa.String(length=40), nullable=False),
        sa.Column("entity_id", sa.String(length=100), nullable=False),
        sa.Column("result", sa.String(length=12), nullable=False),
        sa.Column("detail", sa.JSON(), nullable=False),
        sa.Column("server_version", sa.BigInteger(), nullable=True),
        sa.Column("applied_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["desk_id"], ["desks.id"], name=op.f("fk_center_applied_ops_desk_id_desks")
        ),
        sa.PrimaryKeyConstraint("op_id", name=op.f("pk_center_applied_ops")),
        sa.UniqueConstraint(
            "desk_id", "desk_seq", name=op.f("uq_center_applied_ops_desk_id_desk_seq")
        ),
    )
    op.create_table(
        "center_desk_progress",
        sa.Column("desk_id", sa.String(length=36), nullable=False),
        sa.Column("last_seq", sa.BigInteger(), nullable=False),
        sa.Column("last_seen_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("pull_cursor", sa.BigInteger(), nullable=False),
        sa.Column("schema_version", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["desk_id"], ["desks.id"], name=op.f("fk_center_desk_progress_desk_id_desks")
        ),
        sa.PrimaryKeyConstraint("desk_id", name=op.f("pk_center_desk_progress")),
    )
    op.create_table(
        "center_desk_roles",
        sa.Column("role_name", sa.String(length=63), nullable=False),
        sa.Column("desk_id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["desk_id"], ["desks.id"], name=op.f("fk_center_desk_roles_desk_id_desks")
        ),
        sa.PrimaryKeyConstraint("role_name", name=op.f("pk_center_desk_roles")),
    )
    with op.batch_alter_table("center_desk_roles", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_center_desk_roles_desk_id"), ["desk_id"], unique=False)

    if op.get_bind().dialect.name != "postgresql":
        return
    tables = ", ".join(f"'{t}'" for t in REFERENCE_TABLES)
    op.execute(FUNCTIONS.replace("{reference_tables}", tables))
    op.execute(
        "INSERT INTO app_meta (key, value) VALUES ('sync_protocol', '1'), ('sync_schema', '1'), "
        "('ref_version', '1') ON CONFLICT (key) DO NOTHING"
    )
    for table in REFERENCE_TABLES:
        op.execute(
            f"CREATE TRIGGER {table}_ref_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE "
            f"ON {table} FOR EACH STATEMENT EXECUTE FUNCTION center_bump_ref_version()"
        )
    # Nobody but the owner touches tables; desks get EXECUTE on the functions (central admin).
    op.execute("REVOKE ALL ON ALL TABLES IN SCHEMA public FROM PUBLIC")
    op.execute("REVOKE CREATE ON SCHEMA public FROM PUBLIC")
    for sig in FUNCTION_SIGNATURES:
        op.execute(f"REVOKE ALL ON FUNCTION {sig} FROM PUBLIC")


def downgrade() -> None:
    op.drop_index("ix_sync_outbox_state_desk_seq", table_name="sync_outbox")
    if op.get_bind().dialect.name == "postgresql":
        for table in REFERENCE_TABLES:
            op.execute(f"DROP TRIGGER IF EXISTS {table}_ref_version ON {table}")
        for sig in FUNCTION_SIGNATURES:
            op.execute(f"DROP FUNCTION IF EXISTS {sig}")
        op.execute("DROP SEQUENCE IF EXISTS center_change_log_id_seq")
        op.execute(
            "DELETE FROM app_meta WHERE key IN ('sync_protocol', 'sync_schema', 'ref_version')"
        )
    with op.batch_alter_table("center_desk_roles", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_center_desk_roles_desk_id"))
    op.drop_table("center_desk_roles")
    op.drop_table("center_desk_progress")
    op.drop_table("center_applied_ops")
    op.drop_table("center_files")
    with op.batch_alter_table("center_conflicts", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_center_conflicts_entity_id"))
    op.drop_table("center_conflicts")
