-- Issue 12: the plan page and the item list read items in the plan's order
-- (code_key, title_key, id) filtered by committee and cross-cutting. The index now
-- holds that whole order and the filter columns, so SQLite walks it in order,
-- tests the filter on the index and reads the table only for matching rows (before:
-- a table lookup for every item of the plan and a sort of the ties by id). The
-- cross-cutting index also covers the committee, so counting "BUU or cross-cutting"
-- never reads the table.
DROP INDEX items_plan_code;
CREATE INDEX items_plan_order ON items(plan_id, code_key, title_key, id, committee, cross_cutting)
  WHERE deleted_at IS NULL;
DROP INDEX items_plan_cross;
CREATE INDEX items_plan_cross ON items(plan_id, cross_cutting, committee) WHERE deleted_at IS NULL;
