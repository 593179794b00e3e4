-- Permissions the station head hands to one staff member beyond their role (issue 8, item 3):
-- the 台账 export and the resident import. One row per (staff member, permission); a
-- withdrawal deletes the row (both are audited). Which permissions may be granted is
-- common/roles.ts's GRANTABLE list, checked by the service, not pinned here, so another
-- permission becomes grantable without a migration.
CREATE TABLE staff_grants (
  staff_id   TEXT NOT NULL REFERENCES staff(id),
  permission TEXT NOT NULL CHECK (permission GLOB '[a-z]*.[a-zA-Z]*' AND length(permission) <= 60),
  granted_by TEXT NOT NULL REFERENCES staff(id),
  granted_at TEXT NOT NULL,
  PRIMARY KEY (staff_id, permission)
) WITHOUT ROWID;
