-- Where each action's card was posted, so a status change can update it.
ALTER TABLE actions ADD COLUMN card_channel_id INTEGER;
ALTER TABLE actions ADD COLUMN card_message_id INTEGER;
