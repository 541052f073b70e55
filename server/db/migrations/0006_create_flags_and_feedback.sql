-- Signals from the floor and from the leads: flags on entries, "worked / didn't work" per option,
-- "was this helpful" per entry, and verification events that keep entries fresh.

CREATE TABLE flags (
  id           INTEGER PRIMARY KEY,
  entry_id     TEXT NOT NULL REFERENCES entries(id) ON DELETE CASCADE,
  reason       TEXT NOT NULL CHECK (reason IN ('wrong', 'outdated', 'missing_alternative', 'unclear')),
  comment      TEXT NOT NULL DEFAULT '',
  flagged_by   TEXT NOT NULL,
  created_at   TEXT NOT NULL,
  state        TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'resolved', 'dismissed')),
  closed_by    TEXT,
  closed_at    TEXT,
  -- The lead's note on a resolution, or the required reason for a dismissal.
  close_note   TEXT NOT NULL DEFAULT '',
  -- The revision that fixed it, when a lead resolved it by editing the entry.
  fixed_in_revision INTEGER
);
CREATE INDEX flags_state ON flags(state, created_at);
CREATE INDEX flags_entry ON flags(entry_id, state);

-- One row per call an agent reports on. The option is identified by its title as well as its
-- number at the time (see server/feedback/option-counts.ts for why).
CREATE TABLE option_feedback (
  id            INTEGER PRIMARY KEY,
  entry_id      TEXT NOT NULL REFERENCES entries(id) ON DELETE CASCADE,
  option_number INTEGER NOT NULL,
  option_title  TEXT NOT NULL,
  worked        INTEGER NOT NULL CHECK (worked IN (0, 1)),
  given_by      TEXT NOT NULL,
  created_at    TEXT NOT NULL
);
CREATE INDEX option_feedback_entry ON option_feedback(entry_id, option_title);

-- One vote per person per entry; voting again changes it.
CREATE TABLE entry_helpful (
  entry_id   TEXT NOT NULL REFERENCES entries(id) ON DELETE CASCADE,
  voter      TEXT NOT NULL,
  helpful    INTEGER NOT NULL CHECK (helpful IN (0, 1)),
  updated_at TEXT NOT NULL,
  PRIMARY KEY (entry_id, voter)
);

CREATE TABLE verifications (
  id          INTEGER PRIMARY KEY,
  entry_id    TEXT NOT NULL REFERENCES entries(id) ON DELETE CASCADE,
  verified_by TEXT NOT NULL,
  verified_at TEXT NOT NULL,
  review_by   TEXT NOT NULL,
  revision    INTEGER NOT NULL
);
CREATE INDEX verifications_entry ON verifications(entry_id, verified_at);
