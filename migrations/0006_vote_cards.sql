-- Where each vote card was posted, so a vote from the ballot can refresh
-- its card, a retried /workshop open posts only the cards still missing,
-- and the bot knows a card's age (Discord allows fewer edits of old
-- messages). One card per question of a round.
CREATE TABLE vote_cards (
    round_id   INTEGER NOT NULL REFERENCES rounds (id) ON DELETE CASCADE,
    item_index INTEGER NOT NULL,
    channel_id INTEGER NOT NULL,
    message_id INTEGER NOT NULL,
    posted_at  TEXT    NOT NULL,            -- RFC 3339, UTC
    PRIMARY KEY (round_id, item_index)
) WITHOUT ROWID;

-- Where a round's discussion was started, and when everything its opening
-- posts was posted: a retried /workshop open reuses the discussion and
-- finishes what is missing. Rounds opened before this migration were
-- posted in full.
ALTER TABLE rounds ADD COLUMN discussion_channel_id INTEGER;
ALTER TABLE rounds ADD COLUMN opening_posted_at TEXT;  -- RFC 3339, UTC

UPDATE rounds SET opening_posted_at = opened_at;
