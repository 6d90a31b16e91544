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

## Refusals of what the service was asked to do
error-invalid-value = { $problem }
error-title-empty = The { $what ->
    [relationship] relationship name
   *[workshop] workshop title
} is empty. Give it a short name people will recognise.
error-title-too-long = The { $what ->
    [relationship] relationship name
   *[workshop] workshop title
} is { $count } characters long; the limit is { $limit }. Choose a shorter one.
error-workshop-unknown-here = There is no workshop called "{ $wanted }" here. Check the name, or leave it out to use this channel's workshop.
error-no-open-workshop = There is no open workshop here. A facilitator can start one with /workshop create.
error-several-open-workshops = There is more than one open workshop in this server. Say which one with the workshop option.
error-workshop-unknown = There is no workshop "{ $wanted }" in this database. Give its number or exact title.
error-workshop-gone = That workshop no longer exists. Ask the facilitator which one to use.
error-relationship-name-taken = A relationship called "{ $name }" is already registered. Use /relationship edit to change it, or choose another name.
error-relationship-name-in-use = Another relationship is already called "{ $name }". Choose a different name.
error-relationship-unknown = There is no relationship called "{ $name }" in this workshop. Use /relationship list to see the names.
error-relationship-no-type = Give the relationship at least one type: shaping, ongoing, neighbourhood, commissioning or delivery.
error-nothing-left-to-assess = There is no relationship left to assess. Register one with /relationship add, or name one in the relationship option.
error-round-gone = That round of voting no longer exists. Ask the facilitator to open it again.
error-all-posted = Every question of the open assessments is already posted. Reveal the results, or open another assessment.
error-too-many-questions = This assessment has too many questions.
error-question-gone = That question is no longer in the toolkit. Open your ballot with /ballot to see the current ones.
error-question-gone-no-card = That question is no longer in the toolkit, so there is no card for it.
error-deadline-passed = Voting closed at the end of { $deadline }, the workshop's deadline. Ask the facilitator if it should be extended.
error-question-not-posted = That question has not been posted yet. Wait for the facilitator to post it, then vote on its card.
error-nothing-to-reveal = Nothing is open to reveal. Open an assessment with /workshop open first, or check the assessment and relationship you chose.
error-data-outside-server = Your data can only be shown inside a Discord server the bot is in. Use /my-data there.
error-retention-too-long = { $count } days is too long a retention period. Give a number of days up to 36500.
error-backup-target = Cannot back up to { $path }: { $reason }. Choose a new file name.
