-- Full-text search over offer titles and descriptions in every language (SQLite FTS5).
-- remove_diacritics folds ä→a, so "Mutter" finds "Mütter".
CREATE VIRTUAL TABLE offer_search USING fts5(
    title, description, offer_id UNINDEXED, locale UNINDEXED,
    tokenize = 'unicode61 remove_diacritics 2'
);

INSERT INTO offer_search (rowid, title, description, offer_id, locale)
SELECT rowid, title, description, offer_id, locale FROM offer_texts;

CREATE TRIGGER offer_texts_search_insert AFTER INSERT ON offer_texts BEGIN
    INSERT INTO offer_search (rowid, title, description, offer_id, locale)
    VALUES (new.rowid, new.title, new.description, new.offer_id, new.locale);
END;

CREATE TRIGGER offer_texts_search_delete AFTER DELETE ON offer_texts BEGIN
    DELETE FROM offer_search WHERE rowid = old.rowid;
END;

CREATE TRIGGER offer_texts_search_update AFTER UPDATE ON offer_texts BEGIN
    DELETE FROM offer_search WHERE rowid = old.rowid;
    INSERT INTO offer_search (rowid, title, description, offer_id, locale)
    VALUES (new.rowid, new.title, new.description, new.offer_id, new.locale);
END;
