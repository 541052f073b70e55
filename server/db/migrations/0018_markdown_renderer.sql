-- Which version of the Markdown renderer wrote the stored HTML and text (see MARKDOWN_RENDERER).
-- Databases from before this migration were written by version 1.
CREATE TABLE markdown_renderer (version INTEGER NOT NULL);
INSERT INTO markdown_renderer (version) VALUES (1);
