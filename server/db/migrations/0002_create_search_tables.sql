-- Search: the query log (for the leads' content-gap view) and the synonyms from content/synonyms.yml.

-- One row per search an agent made (a typing session in the as-you-type box is one row).
-- Content gaps: rows with result_count = 0, or with opened_entry_id IS NULL.
CREATE TABLE search_log (
  id              INTEGER PRIMARY KEY,
  query           TEXT NOT NULL,
  -- The filters applied, as JSON: {"category","kind","lang"}, only those given.
  filters         TEXT NOT NULL DEFAULT '{}',
  result_count    INTEGER NOT NULL,
  took_ms         REAL NOT NULL,
  searched_at     TEXT NOT NULL,
  -- Who searched (an account name), when accounts exist; NULL otherwise.
  user            TEXT,
  -- 'page', 'as-you-type' or 'api'.
  source          TEXT NOT NULL CHECK (source IN ('page', 'as-you-type', 'api')),
  -- The entry opened from these results, and when (the first one opened).
  opened_entry_id TEXT,
  opened_at       TEXT
);
CREATE INDEX search_log_searched_at ON search_log(searched_at);

-- Groups of words customers use for the same thing; each row is one member of a group.
-- AUTOINCREMENT: ids only grow, so max(id) tells another process that the synonyms changed.
CREATE TABLE synonyms (
  id        INTEGER PRIMARY KEY AUTOINCREMENT,
  group_no  INTEGER NOT NULL,
  term      TEXT NOT NULL
);
