-- Linked translations: a translation names its source entry. translation_source_revision is the
-- source's revision when the translation was last saved or verified by a lead; a newer source
-- revision marks the translation "may be out of date".
ALTER TABLE entries ADD COLUMN translation_of TEXT;
ALTER TABLE entries ADD COLUMN translation_source_revision INTEGER;
CREATE INDEX entries_translation_of ON entries(translation_of) WHERE translation_of IS NOT NULL;
