# Words used across the bot and the reports: the sides, the assessments,
# counts of people and the like. Plain British English, the toolkit's terms.
# To reword a message, copy it into a file of the same name in your own
# folder (see the README, "Rewording the bot's messages").

people-count = { $count ->
    [one] 1 person
   *[other] { $count } people
}

## The sides
side-council = Council
side-vcs = VCS
side-other = Other partners

## Workshops and rounds
mode-live = Live: questions one at a time
mode-async = Over time: every question at once
workshop-status-open = Open
workshop-status-closed = Closed
round-status-open = Voting open
round-status-revealed = Results shown
round-status-closed = Closed

## The toolkit's three assessments, as it names them
assessment-benefits = Assessment one: the benefits of partnership working
assessment-relationships = Assessment two: the type and scope of your relationships
assessment-strategic = Assessment three: how strategic your relationships are

## Relationships
held-direct = Held directly
held-brokered = Brokered

## Actions
action-status-open = Not started
action-status-in-progress = In progress
action-status-done = Done
action-status-dropped = Dropped
stance-agree = Agree
stance-object = Object

## How far apart the sides are
verdict-aligned = Close together
verdict-differs = Some difference
verdict-diverges = Far apart
classification-perception-gap = The sides see it differently
classification-shared-strength = Both sides see a strength
classification-shared-concern = Both sides see a concern
classification-mixed = No clear pattern
magnitude-negligible = hardly any
magnitude-small = small
magnitude-medium = medium
magnitude-large = large
certainty-clear = a clear difference
certainty-could-be-chance = could be chance with this few people

## Languages
language-english = English
language-welsh = Welsh
language-bilingual = Welsh and English

## Choosing a language (/language)
language-chosen = The bot will now reply to you in English in this server, in every workshop. To change it, use /language again.
language-question = Which language would you like the bot to use when it replies only to you? Press a button. You can change it at any time with /language.
language-button-welsh = Cymraeg
language-button-english = English
