-- The interface language a person chose on their account page; NULL follows their browser's Accept-Language.
ALTER TABLE users ADD COLUMN language TEXT CHECK (language IN ('en', 'it', 'ru', 'ca'));
