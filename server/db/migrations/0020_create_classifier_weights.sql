-- The entry classifier's weights (server/search/meaning/entry-classifier.ts), keyed by a hash of
-- what they were trained on: the vetted entries, their texts (through their vectors' keys) and the
-- training settings. A restart finds them here instead of training again (17 s of a worker thread
-- for 77 entries); only the latest weights are kept.
CREATE TABLE classifier_weights (
  key     TEXT PRIMARY KEY,
  weights BLOB NOT NULL
) WITHOUT ROWID;
