-- Sentence vectors of the texts search compares by meaning (entry titles and phrasings), keyed by
-- a hash of the model and the text: a restart or a re-import finds them here and encodes nothing
-- again, an edit encodes only its changed texts. Vectors are 512 int8 values (cosine ignores scale).
CREATE TABLE text_vectors (
  hash   TEXT PRIMARY KEY,
  vector BLOB NOT NULL
) WITHOUT ROWID;
