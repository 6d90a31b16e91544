-- The items each round was opened with, in the order it showed them, so a
-- card, the ballot and the results always mean the question that was shown,
-- whatever the toolkit files say later. Rounds opened before this migration
-- get their record from the toolkit the first time they are used.
CREATE TABLE round_items (
    round_id   INTEGER NOT NULL REFERENCES rounds (id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,   -- from 0, the index a card's custom_id carries
    item_id    TEXT    NOT NULL,
    short      TEXT    NOT NULL,
    text       TEXT    NOT NULL,
    item_group TEXT    NOT NULL,
    PRIMARY KEY (round_id, position),
    UNIQUE (round_id, item_id)
) WITHOUT ROWID;
