-- Who revoked an admin, and why (revoked_at exists since V1).
ALTER TABLE admin_account ADD COLUMN revoked_by TEXT;
ALTER TABLE admin_account ADD COLUMN revocation_reason TEXT;
