-- Proposals: new entries and edits waiting for a lead. The live entry is untouched until approval.

CREATE TABLE proposals (
  id            INTEGER PRIMARY KEY,
  entry_id      TEXT NOT NULL,
  is_new        INTEGER NOT NULL CHECK (is_new IN (0, 1)),
  -- The revision an edit started from, to catch edits made meanwhile; null for a new entry.
  base_revision INTEGER,
  author        TEXT NOT NULL,
  summary       TEXT NOT NULL,
  snapshot      TEXT NOT NULL,
  state         TEXT NOT NULL CHECK (state IN ('pending', 'changes_requested', 'approved', 'rejected')),
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL
);
CREATE INDEX proposals_state ON proposals(state, created_at);
CREATE INDEX proposals_author ON proposals(author, updated_at);
CREATE INDEX proposals_entry ON proposals(entry_id);

-- The conversation on a proposal: decisions with their comments, and resubmissions.
CREATE TABLE review_events (
  id          INTEGER PRIMARY KEY,
  proposal_id INTEGER NOT NULL REFERENCES proposals(id) ON DELETE CASCADE,
  actor       TEXT NOT NULL,
  decision    TEXT NOT NULL CHECK (decision IN ('approve', 'request_changes', 'reject', 'resubmit')),
  comment     TEXT NOT NULL DEFAULT '',
  created_at  TEXT NOT NULL
);
CREATE INDEX review_events_proposal ON review_events(proposal_id);
