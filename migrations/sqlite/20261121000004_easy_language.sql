-- An optional "Leichte Sprache" (easy German) version of an offer's description.
ALTER TABLE offer_texts ADD COLUMN easy_description TEXT;
