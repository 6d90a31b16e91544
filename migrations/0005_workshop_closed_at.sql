-- When a workshop was closed: personal data is kept for a retention period
-- counted from then. Workshops already closed count from this migration,
-- which never removes anything sooner than it should.
ALTER TABLE workshops ADD COLUMN closed_at TEXT;  -- RFC 3339, UTC

UPDATE workshops SET closed_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
WHERE status = 'closed';

CREATE INDEX workshops_by_closed_at ON workshops (closed_at) WHERE closed_at IS NOT NULL;
