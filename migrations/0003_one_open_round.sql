-- At most one open round per workshop, assessment and subject, so two
-- facilitators opening an assessment at the same moment make one round.
-- Assessment one has no subject: it counts as subject 0, which no
-- relationship has (ids start at 1).
--
-- An older version could leave duplicates; the newest open one is the round
-- it used, so the older ones are closed first.
UPDATE rounds SET status = 'closed'
WHERE status = 'open'
  AND id NOT IN (SELECT MAX(id) FROM rounds
                 WHERE status = 'open'
                 GROUP BY workshop_id, assessment, COALESCE(subject_id, 0));

CREATE UNIQUE INDEX rounds_one_open
    ON rounds (workshop_id, assessment, COALESCE(subject_id, 0))
    WHERE status = 'open';
