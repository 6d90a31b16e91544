-- The side a voter had when their vote was revealed: published figures
-- count the vote for that side from then on, whatever side the person
-- takes later. NULL while the vote is open (it counts for their side now).
-- Votes revealed before this migration take the side their voters have now.
ALTER TABLE votes ADD COLUMN side_at_reveal TEXT;

UPDATE votes SET side_at_reveal =
    (SELECT side FROM participants WHERE participants.id = votes.participant_id)
WHERE round_id IN (SELECT id FROM rounds WHERE status <> 'open');
