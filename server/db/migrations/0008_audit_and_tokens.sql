-- The audit log, named personal API tokens with ids, and login throttling counted per attempt.

CREATE TABLE audit_log (
  id      INTEGER PRIMARY KEY,
  at      TEXT NOT NULL,
  action  TEXT NOT NULL,
  actor   TEXT,            -- who did it (a user name, "cli", or NULL for someone not signed in)
  subject TEXT,            -- whom or what it was done to (a user name, an entry id, a file)
  ip      TEXT,            -- where from (NULL for the command line)
  detail  TEXT             -- a short sentence, e.g. "agent → lead"
);
CREATE INDEX audit_log_at ON audit_log(at);
CREATE INDEX audit_log_action ON audit_log(action, at);
CREATE INDEX audit_log_actor ON audit_log(actor COLLATE NOCASE, at);
CREATE INDEX audit_log_subject ON audit_log(subject COLLATE NOCASE, at);

-- Tokens get a stable id (to list and revoke them) and a name.
CREATE TABLE api_tokens_v2 (
  id           INTEGER PRIMARY KEY,
  token_hash   TEXT NOT NULL UNIQUE,
  user_id      INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  name         TEXT NOT NULL,
  created_at   TEXT NOT NULL,
  last_used_at TEXT
);
INSERT INTO api_tokens_v2 (token_hash, user_id, name, created_at, last_used_at)
  SELECT token_hash, user_id, 'token', created_at, last_used_at FROM api_tokens ORDER BY created_at;
DROP TABLE api_tokens;
ALTER TABLE api_tokens_v2 RENAME TO api_tokens;
CREATE INDEX api_tokens_user ON api_tokens(user_id);

-- Every sign-in attempt is counted before the password is checked (succeeded stays 0 until it does).
DROP TABLE login_failures;
CREATE TABLE login_attempts (
  id        INTEGER PRIMARY KEY,
  name      TEXT NOT NULL COLLATE NOCASE,
  ip        TEXT NOT NULL,
  at        TEXT NOT NULL,
  succeeded INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX login_attempts_name ON login_attempts(name, at);
CREATE INDEX login_attempts_ip ON login_attempts(ip, at);
