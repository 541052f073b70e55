-- Content gaps a lead has dealt with: a search that found nothing (or nothing worth opening) became
-- a new entry, a phrasing of an entry, or was dismissed as noise. Keyed by the normalised query.
CREATE TABLE gap_resolutions (
  query_key   TEXT PRIMARY KEY,
  action      TEXT NOT NULL CHECK (action IN ('phrasing', 'entry', 'dismissed')),
  entry_id    TEXT,
  resolved_by TEXT NOT NULL,
  resolved_at TEXT NOT NULL
);
