-- Entries, their options, tags and phrasings; revisions; the change sequence; the full-text index.

CREATE TABLE categories (
  id   INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE COLLATE NOCASE,
  slug TEXT NOT NULL UNIQUE
);

CREATE TABLE entries (
  -- An explicit integer key keeps the rowid stable across VACUUM, which the external-content
  -- full-text index relies on.
  entry_no       INTEGER PRIMARY KEY,
  id             TEXT NOT NULL UNIQUE,
  title          TEXT NOT NULL,
  kind           TEXT NOT NULL CHECK (kind IN ('common', 'unusual')),
  category_id    INTEGER NOT NULL REFERENCES categories(id),
  language       TEXT NOT NULL,
  status         TEXT NOT NULL CHECK (status IN ('draft', 'in_review', 'vetted', 'archived')),
  owner          TEXT,
  review_by      TEXT,
  summary_md     TEXT NOT NULL DEFAULT '',
  summary_html   TEXT NOT NULL DEFAULT '',
  what_to_say_md   TEXT NOT NULL DEFAULT '',
  what_to_say_html TEXT NOT NULL DEFAULT '',
  timeline_md      TEXT NOT NULL DEFAULT '',
  timeline_html    TEXT NOT NULL DEFAULT '',
  caveats_md       TEXT NOT NULL DEFAULT '',
  caveats_html     TEXT NOT NULL DEFAULT '',
  follow_up_md     TEXT NOT NULL DEFAULT '',
  follow_up_html   TEXT NOT NULL DEFAULT '',
  -- Plain text per searched field, written on save; the full-text index reads these.
  phrasings_text TEXT NOT NULL DEFAULT '',
  tags_text      TEXT NOT NULL DEFAULT '',
  summary_text   TEXT NOT NULL DEFAULT '',
  body_text      TEXT NOT NULL DEFAULT '',
  revision       INTEGER NOT NULL,
  created_at     TEXT NOT NULL,
  updated_at     TEXT NOT NULL
);
CREATE INDEX entries_category ON entries(category_id);
CREATE INDEX entries_updated ON entries(updated_at);

CREATE TABLE entry_tags (
  entry_id TEXT NOT NULL REFERENCES entries(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  tag      TEXT NOT NULL,
  PRIMARY KEY (entry_id, position)
);
CREATE INDEX entry_tags_tag ON entry_tags(tag);

CREATE TABLE entry_phrasings (
  entry_id TEXT NOT NULL REFERENCES entries(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  text     TEXT NOT NULL,
  PRIMARY KEY (entry_id, position)
);

-- Solutions and alternatives, numbered 1… in page order (solutions first).
CREATE TABLE entry_options (
  entry_id  TEXT NOT NULL REFERENCES entries(id) ON DELETE CASCADE,
  position  INTEGER NOT NULL,
  kind      TEXT NOT NULL CHECK (kind IN ('solution', 'alternative')),
  title     TEXT NOT NULL,
  body_md   TEXT NOT NULL,
  body_html TEXT NOT NULL,
  PRIMARY KEY (entry_id, position)
);

-- Every change to an entry is a revision holding the whole entry as it then was.
CREATE TABLE revisions (
  id         INTEGER PRIMARY KEY,
  entry_id   TEXT NOT NULL REFERENCES entries(id) ON DELETE CASCADE,
  number     INTEGER NOT NULL,
  author     TEXT NOT NULL,
  summary    TEXT NOT NULL,
  created_at TEXT NOT NULL,
  snapshot   TEXT NOT NULL,
  UNIQUE (entry_id, number)
);

-- The change sequence: one row per write, so in-memory indexes in any process can catch up.
CREATE TABLE changes (
  seq      INTEGER PRIMARY KEY AUTOINCREMENT,
  subject  TEXT NOT NULL CHECK (subject IN ('entry', 'guide')),
  id       TEXT NOT NULL,
  at       TEXT NOT NULL
);

CREATE TABLE guides (
  id         TEXT PRIMARY KEY,
  title      TEXT NOT NULL,
  summary    TEXT NOT NULL DEFAULT '',
  position   INTEGER NOT NULL DEFAULT 0,
  body_md    TEXT NOT NULL,
  body_html  TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

-- Full-text index over the plain-text fields, kept in sync by the three triggers below.
CREATE VIRTUAL TABLE entries_fts USING fts5(
  title, phrasings_text, tags_text, summary_text, body_text,
  content = 'entries', content_rowid = 'entry_no',
  tokenize = 'porter unicode61 remove_diacritics 2'
);

CREATE TRIGGER entries_ai AFTER INSERT ON entries BEGIN
  INSERT INTO entries_fts (rowid, title, phrasings_text, tags_text, summary_text, body_text)
  VALUES (new.entry_no, new.title, new.phrasings_text, new.tags_text, new.summary_text, new.body_text);
END;

CREATE TRIGGER entries_ad AFTER DELETE ON entries BEGIN
  INSERT INTO entries_fts (entries_fts, rowid, title, phrasings_text, tags_text, summary_text, body_text)
  VALUES ('delete', old.entry_no, old.title, old.phrasings_text, old.tags_text, old.summary_text, old.body_text);
END;

CREATE TRIGGER entries_au AFTER UPDATE OF title, phrasings_text, tags_text, summary_text, body_text ON entries BEGIN
  INSERT INTO entries_fts (entries_fts, rowid, title, phrasings_text, tags_text, summary_text, body_text)
  VALUES ('delete', old.entry_no, old.title, old.phrasings_text, old.tags_text, old.summary_text, old.body_text);
  INSERT INTO entries_fts (rowid, title, phrasings_text, tags_text, summary_text, body_text)
  VALUES (new.entry_no, new.title, new.phrasings_text, new.tags_text, new.summary_text, new.body_text);
END;
