-- Accounts, their sessions and API tokens, login throttling and the one-time first-run setup.

CREATE TABLE users (
  id            INTEGER PRIMARY KEY,
  name          TEXT NOT NULL UNIQUE COLLATE NOCASE,
  role          TEXT NOT NULL CHECK (role IN ('agent', 'lead', 'admin')),
  password_hash TEXT NOT NULL,
  created_at    TEXT NOT NULL
);

-- Only hashes of the secrets are stored: a copy of the database opens no session.
CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,
  user_id    INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  flash      TEXT,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL
);
CREATE INDEX sessions_user ON sessions(user_id);

CREATE TABLE api_tokens (
  token_hash   TEXT PRIMARY KEY,
  user_id      INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  created_at   TEXT NOT NULL,
  last_used_at TEXT
);

CREATE TABLE login_failures (
  id   INTEGER PRIMARY KEY,
  name TEXT NOT NULL COLLATE NOCASE,
  ip   TEXT NOT NULL,
  at   TEXT NOT NULL
);
CREATE INDEX login_failures_name ON login_failures(name, at);
CREATE INDEX login_failures_ip ON login_failures(ip, at);

CREATE TABLE setup_tokens (
  token_hash TEXT PRIMARY KEY,
  created_at TEXT NOT NULL,
  used_at    TEXT
);

-- Who first wrote an entry: drafts and entries in review are visible to their author and leads.
ALTER TABLE entries ADD COLUMN created_by TEXT;
