-- Staff accounts, roles and editing: users with roles and scopes, invitations and reset links,
-- optimistic-concurrency versions, approval submissions, soft delete and an append-only audit log.

CREATE TABLE users (
    id              INTEGER PRIMARY KEY,
    email           TEXT NOT NULL UNIQUE,          -- stored lower-case
    name            TEXT NOT NULL,
    password_hash   TEXT NOT NULL,                 -- Argon2id PHC string
    role            TEXT NOT NULL CHECK (role IN ('admin', 'coordinator', 'editor', 'guide')),
    organisation_id INTEGER REFERENCES organisations(id),
    disabled        INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
    -- Bumped to end every session of the user at once (disable, password reset).
    session_epoch   INTEGER NOT NULL DEFAULT 0,
    totp_secret     TEXT,                          -- base32; NULL = no second factor enrolled
    created_at      TEXT NOT NULL,
    version         INTEGER NOT NULL DEFAULT 1,
    CHECK ((role = 'editor') = (organisation_id IS NOT NULL))
);

-- The quarters a coordinator is responsible for.
CREATE TABLE user_quarters (
    user_id    INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    quarter_id INTEGER NOT NULL REFERENCES quarters(id) ON DELETE CASCADE,
    PRIMARY KEY (user_id, quarter_id)
);

-- Whether a role must use a second factor (TOTP), set by administrators.
CREATE TABLE role_settings (
    role         TEXT PRIMARY KEY CHECK (role IN ('admin', 'coordinator', 'editor', 'guide')),
    require_totp INTEGER NOT NULL DEFAULT 0 CHECK (require_totp IN (0, 1))
);
INSERT INTO role_settings (role, require_totp) VALUES
    ('admin', 0), ('coordinator', 0), ('editor', 0), ('guide', 0);

-- Invitation and password-reset links. Only a hash of the token is stored.
CREATE TABLE user_links (
    id              INTEGER PRIMARY KEY,
    token_hash      TEXT NOT NULL UNIQUE,
    purpose         TEXT NOT NULL CHECK (purpose IN ('invite', 'reset')),
    user_id         INTEGER REFERENCES users(id),   -- reset: whose password
    email           TEXT,                           -- invite: the new account
    role            TEXT CHECK (role IS NULL OR role IN ('admin', 'coordinator', 'editor', 'guide')),
    organisation_id INTEGER REFERENCES organisations(id),
    quarter_ids     TEXT NOT NULL DEFAULT '',       -- invite: comma-separated quarter ids
    created_by      INTEGER NOT NULL REFERENCES users(id),
    created_at      TEXT NOT NULL,
    expires_at      TEXT NOT NULL,
    used_at         TEXT,
    CHECK ((purpose = 'reset') = (user_id IS NOT NULL))
);

-- Editable records carry a version; a save names the version it started from.
ALTER TABLE offers ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE offers ADD COLUMN internal_note TEXT NOT NULL DEFAULT '';
-- The status an archived offer had, so an administrator can undo the delete.
ALTER TABLE offers ADD COLUMN archived_from TEXT;
ALTER TABLE places ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE places ADD COLUMN organisation_id INTEGER REFERENCES organisations(id);
ALTER TABLE places ADD COLUMN archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1));
ALTER TABLE organisations ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
-- 1: editors' changes go live at once; 0: they wait for a coordinator's approval.
ALTER TABLE organisations ADD COLUMN editors_publish INTEGER NOT NULL DEFAULT 1
    CHECK (editors_publish IN (0, 1));
ALTER TABLE quarters ADD COLUMN version INTEGER NOT NULL DEFAULT 1;

-- When a text was last written, to tell stale translations (German changed afterwards).
ALTER TABLE offer_texts ADD COLUMN changed_at TEXT;

-- Changes of an editor that wait for approval: the whole submitted form, as JSON.
CREATE TABLE offer_submissions (
    offer_id     INTEGER PRIMARY KEY REFERENCES offers(id) ON DELETE CASCADE,
    form_json    TEXT NOT NULL,
    publish      INTEGER NOT NULL CHECK (publish IN (0, 1)),
    submitted_by INTEGER NOT NULL REFERENCES users(id),
    submitted_at TEXT NOT NULL
);

-- Who changed what, when: written in the same transaction as the change, never changed after.
CREATE TABLE audit_log (
    id          INTEGER PRIMARY KEY,
    at          TEXT NOT NULL,
    user_id     INTEGER REFERENCES users(id),
    actor       TEXT NOT NULL,                 -- e-mail at the time, or 'cli'
    entity      TEXT NOT NULL,                 -- offer, place, organisation, quarter, user
    entity_id   INTEGER NOT NULL,
    action      TEXT NOT NULL,
    before_json TEXT,
    after_json  TEXT
);
CREATE INDEX audit_log_by_entity ON audit_log (entity, entity_id);

CREATE TRIGGER audit_log_append_only_update BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only');
END;

CREATE TRIGGER audit_log_append_only_delete BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only');
END;

CREATE INDEX offers_by_organisation ON offers (organisation_id);
CREATE INDEX offers_by_status ON offers (status);
