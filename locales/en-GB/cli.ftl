# What the command line and the offline demo print.
# Plain British English, the toolkit's terms.

cli-messages-valid = The messages are valid: { $keys } messages in English.
cli-messages-valid-rewording = The reworded messages in { $folder } are valid. The bot will use them with the rest of its { $keys } messages.
