"""Central conflict review: the same field changed on two desks is kept aside at the center
(`center_conflicts`, migration 0002); these functions let a desk see those conflicts and settle
them (DESIGN.md, Conflicts: "kept as a conflict for review, never lost silently").

- `center_list_conflicts(desk, dossier_id, conflict_id)`: the unresolved conflicts of one
  dossier (its own row and the rows that belong to it), or of every dossier when `dossier_id`
  is NULL; only the one named when `conflict_id` is given; oldest first, with the numbers of
  both desks.
- `center_resolve_conflict(desk, conflict_id, choice, payload, by)`: in one transaction, puts
  the set-aside value back (`choice` 'desk': `payload` holds the fields to write, as the desk
  computed them) or keeps the value in use ('center'), marks the conflict resolved with who
  decided, clears the dossier's "needs review" flag once none of its conflicts remain, and
  returns the row as it now is. The write goes through `center_apply_op`, based on the row's
  current version, so it is logged and pulled by every desk like any other change.

It also corrects `center_apply_op` (0002), which named as the kept value's desk the last
writer of the *row*: a desk whose earlier op of the same push had flagged the row was then named
as the keeper of its own set-aside value. Now each conflict names the last writer of its field.

Refusals: CA101 no such conflict, CA102 already resolved, CA103 a choice or payload that is
not valid.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-24
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

FUNCTIONS = r"""
-- The dossier a synced row belongs to (NULL for a row that belongs to none).
CREATE FUNCTION center_conflict_dossier(p_entity text, p_entity_id text) RETURNS text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT CASE p_entity
    WHEN 'dossiers' THEN p_entity_id
    WHEN 'dossier_items' THEN (SELECT dossier_id FROM dossier_items WHERE id = p_entity_id)
    WHEN 'postal_batch_items' THEN
      (SELECT dossier_id FROM postal_batch_items WHERE id = p_entity_id)
    WHEN 'postal_deliveries' THEN
      (SELECT dossier_id FROM postal_deliveries WHERE id = p_entity_id)
    WHEN 'queue_tickets' THEN (SELECT dossier_id FROM queue_tickets WHERE id = p_entity_id)
    ELSE NULL END
$$;

CREATE FUNCTION center_list_conflicts(p_desk text, p_dossier_id text, p_conflict_id text)
RETURNS jsonb
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  PERFORM center_check_caller(p_desk);
  RETURN coalesce((
    SELECT jsonb_agg(jsonb_build_object(
             'id', c.id, 'entity', c.entity, 'entity_id', c.entity_id,
             'dossier_id', c.dossier_id, 'dossier_code', d.code, 'field', c.field,
             'center_value', c.center_value->'value', 'desk_value', c.desk_value->'value',
             'kept_desk', (SELECT number FROM desks WHERE id = c.center_origin_desk_id),
             'other_desk', (SELECT number FROM desks WHERE id = c.desk_id),
             'at', c.at) ORDER BY c.at, c.entity, c.entity_id, c.field)
      FROM (SELECT x.*, center_conflict_dossier(x.entity, x.entity_id) AS dossier_id
              FROM center_conflicts x
             WHERE x.resolved_at IS NULL AND (p_conflict_id IS NULL OR x.id = p_conflict_id)
               -- a dossier's own row: its id is the entity id (no lookup for the others)
               AND (p_dossier_id IS NULL OR x.entity <> 'dossiers' OR x.entity_id = p_dossier_id)
           ) c
      LEFT JOIN dossiers d ON d.id = c.dossier_id
     WHERE p_dossier_id IS NULL OR c.dossier_id = p_dossier_id), '[]'::jsonb);
END $$;

CREATE FUNCTION center_resolve_conflict(p_desk text, p_id text, p_choice text, p_payload jsonb,
                                        p_by jsonb) RETURNS jsonb
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  v_c center_conflicts%ROWTYPE;
  v_key text;
  v_row jsonb;
  v_payload jsonb := coalesce(p_payload, '{}'::jsonb);
  v_remaining int;
  v_result jsonb;
BEGIN
  PERFORM center_check_caller(p_desk);
  IF p_choice IS NULL OR p_choice NOT IN ('center', 'desk') THEN
    RAISE EXCEPTION 'Cách giải quyết không hợp lệ: % / Not a valid choice: %', p_choice,
      p_choice USING ERRCODE = 'CA103';
  END IF;
  IF p_choice = 'center' THEN
    v_payload := '{}'::jsonb;
  END IF;
  PERFORM pg_advisory_xact_lock(72620001);  -- as center_push: one lock order, no deadlock
  SELECT * INTO v_c FROM center_conflicts WHERE id = p_id FOR UPDATE;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'Không có xung đột % / No such conflict', p_id USING ERRCODE = 'CA101';
  END IF;
  IF v_c.resolved_at IS NOT NULL THEN
    RAISE EXCEPTION 'Thay đổi này đã được xem lại lúc % / This conflict was already settled at %',
      to_char(v_c.resolved_at AT TIME ZONE 'Asia/Ho_Chi_Minh', 'HH24:MI DD/MM/YYYY'),
      to_char(v_c.resolved_at AT TIME ZONE 'Asia/Ho_Chi_Minh', 'HH24:MI DD/MM/YYYY')
      USING ERRCODE = 'CA102';
  END IF;
  IF p_choice = 'desk' AND v_payload = '{}'::jsonb THEN
    RAISE EXCEPTION 'Thiếu giá trị cần ghi / No value to write' USING ERRCODE = 'CA103';
  END IF;
  UPDATE center_conflicts
     SET resolved_at = now(),
         resolution = jsonb_build_object('choice', p_choice, 'by', p_by, 'desk_id', p_desk,
                                         'fields', (SELECT coalesce(jsonb_agg(k), '[]'::jsonb)
                                                      FROM jsonb_object_keys(v_payload) k))::text
   WHERE id = p_id;
  SELECT count(*) INTO v_remaining FROM center_conflicts
   WHERE entity = v_c.entity AND entity_id = v_c.entity_id AND resolved_at IS NULL;
  v_key := center_entity_key(v_c.entity);
  EXECUTE format('SELECT to_jsonb(t) FROM %I t WHERE %I = $1 FOR UPDATE', v_c.entity, v_key)
    INTO v_row USING v_c.entity_id;
  IF v_row IS NULL THEN
    RAISE EXCEPTION 'Không còn dòng dữ liệu % / The row is gone', v_c.entity_id
      USING ERRCODE = 'CA101';
  END IF;
  IF v_remaining = 0 AND v_row ? 'needs_review' AND (v_row->>'needs_review')::boolean THEN
    v_payload := v_payload || '{"needs_review": false}'::jsonb;
  END IF;
  IF v_payload <> '{}'::jsonb THEN
    -- Based on the row's current version: nothing since, so nothing can clash.
    v_result := center_apply_op(p_desk, jsonb_build_object(
      'entity', v_c.entity, 'kind', 'update', 'entity_id', v_c.entity_id,
      'op_id', gen_random_uuid()::text, 'base_version', v_row->'server_version',
      'payload', v_payload));
    IF v_result->>'result' <> 'applied' THEN
      RAISE EXCEPTION 'Không ghi được giá trị đã chọn: % / The chosen value could not be '
        'written: %', v_result->'detail'->>'reason', v_result->'detail'->>'reason'
        USING ERRCODE = 'CA103';
    END IF;
    IF v_result->'server_version' <> 'null'::jsonb THEN
      PERFORM pg_notify('counter_changes', v_result->>'server_version');
    END IF;
    EXECUTE format('SELECT to_jsonb(t) FROM %I t WHERE %I = $1', v_c.entity, v_key)
      INTO v_row USING v_c.entity_id;
  END IF;
  RETURN jsonb_build_object('entity', v_c.entity, 'entity_id', v_c.entity_id, 'row', v_row,
    'remaining', (SELECT count(*) FROM center_conflicts x
                   WHERE x.resolved_at IS NULL
                     AND center_conflict_dossier(x.entity, x.entity_id)
                         = center_conflict_dossier(v_c.entity, v_c.entity_id)));
END $$;
"""

# center_apply_op as 0002 made it, and with each conflict naming its own field's last writer.
ROW_WRITER = "           v_last_origin, p_desk, p_op->>'op_id', now(), ''\n"
FIELD_WRITER = """           (SELECT l.origin_desk_id FROM center_change_log l
             WHERE l.entity = v_entity AND l.entity_id = v_eid
               AND EXISTS (SELECT 1 FROM json_array_elements_text(l.fields->'names') n
                            WHERE n = f)
             ORDER BY l.id DESC LIMIT 1),
           p_desk, p_op->>'op_id', now(), ''
"""


def _apply_op_of_0002() -> str:
    spec = importlib.util.spec_from_file_location(
        "migration_0002", Path(__file__).with_name("0002_central_sync.py")
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    text: str = module.FUNCTIONS
    start = text.index("CREATE FUNCTION center_apply_op(")
    body = text[start : text.index("END $$;", start) + len("END $$;")]
    assert body.count(ROW_WRITER) == 1, "0002's center_apply_op is not the one this corrects"
    return body.replace("CREATE FUNCTION", "CREATE OR REPLACE FUNCTION", 1)


HELPERS = ("center_conflict_dossier(text, text)",)
# What a desk role may execute (counter_app/services/sync/central.py grants the same list).
DESK_FUNCTIONS = (
    "center_list_conflicts(text, text, text)",
    "center_resolve_conflict(text, text, text, jsonb, jsonb)",
)


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(FUNCTIONS)
    op.execute(_apply_op_of_0002().replace(ROW_WRITER, FIELD_WRITER))
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
        op.execute(_apply_op_of_0002())
