# What the bot says in Discord: cards, replies, announcements and reminders.
# Plain British English, the toolkit's terms.
