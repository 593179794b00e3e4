-- Staff who must set their own password, and indexes for the audit log's filters.
-- A staff member whose password an administrator typed (on creation or a reset) must
-- set their own before doing anything else; the first administrator chose their own.
ALTER TABLE staff ADD COLUMN must_change_password INTEGER NOT NULL DEFAULT 0 CHECK (must_change_password IN (0, 1));

-- Accounts added by an administrator that have never been used still hold the
-- administrator's password. The setup administrator created themselves (actor = entity).
UPDATE staff SET must_change_password = 1
WHERE last_sign_in_at IS NULL
  AND id NOT IN (SELECT entity_id FROM audit_log WHERE action = 'staff.create' AND entity_id IS NOT NULL AND actor_id = entity_id);

-- The 操作日志 filters: by station day (a range of instants), by clerk, by action, by record id.
CREATE INDEX audit_log_at ON audit_log (at);
CREATE INDEX audit_log_actor ON audit_log (actor_id, seq);
CREATE INDEX audit_log_action ON audit_log (action, seq);
CREATE INDEX audit_log_entity_id ON audit_log (entity_id);
