-- The Discord interaction (the submitted form) an action came from, so a
-- form submitted twice makes one action. NULL for actions from before this
-- migration or from elsewhere; NULLs never clash in a unique index.
ALTER TABLE actions ADD COLUMN source_interaction_id INTEGER;

CREATE UNIQUE INDEX actions_by_source_interaction ON actions (source_interaction_id);
