-- The language of a workshop (what the bot posts in its channel and its
-- reports) and of each person (what the bot tells them privately, in one
-- server). Discord has no Welsh locale, so the bot keeps the choice itself.
ALTER TABLE workshops ADD COLUMN language TEXT NOT NULL DEFAULT 'english'
    CHECK (language IN ('english', 'welsh', 'bilingual'));

CREATE TABLE person_languages (
    guild_id   INTEGER NOT NULL,
    user_id    INTEGER NOT NULL,
    language   TEXT    NOT NULL CHECK (language IN ('english', 'welsh')),
    chosen_at  TEXT    NOT NULL,
    PRIMARY KEY (guild_id, user_id)
);
