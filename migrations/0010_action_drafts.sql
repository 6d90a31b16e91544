-- What someone typed into the "propose an action" form when it was refused
-- (a due date the bot could not read, say), so that a button can open the
-- form again filled in. A button's id holds at most 100 characters, too few
-- for the form itself, and a draft must outlive a restart. Drafts are
-- deleted once used, or after a day.
CREATE TABLE action_drafts (
    -- AUTOINCREMENT: an old button must never open a newer draft.
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    workshop_id INTEGER NOT NULL REFERENCES workshops (id) ON DELETE CASCADE,
    external_id INTEGER,                 -- the Discord user who typed it
    text        TEXT    NOT NULL,
    owner       TEXT    NOT NULL,
    due         TEXT    NOT NULL,
    prompted_by TEXT    NOT NULL,
    created_at  TEXT    NOT NULL
);

CREATE INDEX action_drafts_by_age ON action_drafts (created_at);
