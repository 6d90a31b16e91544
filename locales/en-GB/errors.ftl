# Refusals and problems: what went wrong and what to do next.
# Plain British English, the toolkit's terms.

## Something failed on the bot's side
error-unexpected = Something went wrong on Common Ground's side. Please try again in a minute. If it keeps happening, tell whoever runs the bot and give them this reference: { $reference }.

## A command used the wrong way
error-option-unusable = Common Ground could not use "{ $input }" in /{ $command }. { $problem }
error-options-unreadable = Common Ground could not read the options of /{ $command }. { $problem }
error-not-here = You cannot use /{ $command } here.
error-not-allowed = You are not allowed to use /{ $command }. Ask the person running the workshop.
error-permissions-unknown = Common Ground could not check whether you may use /{ $command }, so it did nothing. Please try again.
error-bot-permission = Common Ground needs the { $permission } permission in this channel to do that. Ask someone who manages the server to give it, then try again.
error-direct-message = Use /{ $command } in a channel of the server where the workshop runs, not in a direct message.
error-old-command = Discord still has an older version of /{ $command }. Please wait a minute for it to update, then try again.

## Old or broken buttons and forms
error-button-old-version = This button was made by an older version of Common Ground and no longer works. Ask the facilitator to post the card again.
error-button-unreadable = This button could not be understood, so nothing was changed. Ask the facilitator to post the card again.
error-form-unreadable = This form could not be understood, so nothing was saved. Please start again with the command.

## Refusals
error-not-facilitator = Only a facilitator can do this. Ask the person running the workshop.
error-not-facilitator-role = Only a facilitator can do this. Ask the person running the workshop, or someone with the { $role } role.
error-not-participant = You have not joined this workshop yet. Use /join to say which side you are on, then try again.
error-voting-closed-vote-kept = Voting on this question has closed, so answers to it can no longer change. Your vote on it still counts. Use /ballot to see what is still open.
error-voting-closed-no-vote = Voting on this question has closed, so answers to it can no longer change. You had not voted on it, so it has no answer from you. Use /ballot to see what is still open.
error-workshop-closed = This workshop is closed. Ask the facilitator to rerun it if you want to assess again.
error-wrong-place = That button belongs to a workshop in another server, so it cannot be used here.
