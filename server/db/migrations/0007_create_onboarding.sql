-- Onboarding: "Start here" paths curated by leads, each person's progress on them, and what each
-- person has read (to show them what is new or changed since they last looked).

CREATE TABLE onboarding_paths (
  id         TEXT PRIMARY KEY,
  title      TEXT NOT NULL,
  summary    TEXT NOT NULL DEFAULT '',
  position   INTEGER NOT NULL DEFAULT 0,
  updated_at TEXT NOT NULL
);

-- An item is an entry or a guide; it is named by id rather than by a foreign key because it can
-- be either. Positions are 1, 2, 3… in reading order.
CREATE TABLE onboarding_items (
  path_id  TEXT NOT NULL REFERENCES onboarding_paths(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  kind     TEXT NOT NULL CHECK (kind IN ('entry', 'guide')),
  item_id  TEXT NOT NULL,
  why      TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (path_id, position),
  UNIQUE (path_id, kind, item_id)
);

-- Done belongs to the item, not the path: a guide done on one path is done on every path.
CREATE TABLE onboarding_done (
  person  TEXT NOT NULL COLLATE NOCASE,
  kind    TEXT NOT NULL CHECK (kind IN ('entry', 'guide')),
  item_id TEXT NOT NULL,
  done_at TEXT NOT NULL,
  PRIMARY KEY (person, kind, item_id)
);

-- The revision of each entry a person last opened.
CREATE TABLE entry_reads (
  person   TEXT NOT NULL COLLATE NOCASE,
  entry_id TEXT NOT NULL REFERENCES entries(id) ON DELETE CASCADE,
  revision INTEGER NOT NULL,
  read_at  TEXT NOT NULL,
  PRIMARY KEY (person, entry_id)
);

-- When a person last said "seen" on their Start here page; new entries are counted from then.
CREATE TABLE onboarding_seen (
  person  TEXT PRIMARY KEY COLLATE NOCASE,
  seen_at TEXT NOT NULL
);
