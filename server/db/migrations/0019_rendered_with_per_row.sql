-- Which version of the Markdown renderer wrote each entry's and guide's stored HTML and text (see
-- MARKDOWN_RENDERER), kept per row: a database built after an upgrade is never derived again
-- (one version for the whole file, starting old, re-derived every entry of a new database once).
ALTER TABLE entries ADD COLUMN rendered_with INTEGER NOT NULL DEFAULT 1;
ALTER TABLE guides ADD COLUMN rendered_with INTEGER NOT NULL DEFAULT 1;
UPDATE entries SET rendered_with = (SELECT version FROM markdown_renderer);
UPDATE guides SET rendered_with = (SELECT version FROM markdown_renderer);
DROP TABLE markdown_renderer;
-- Start-up looks for rows an older renderer wrote: an index keeps that from reading every entry.
CREATE INDEX entries_rendered_with ON entries(rendered_with);
CREATE INDEX guides_rendered_with ON guides(rendered_with);
