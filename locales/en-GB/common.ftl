# Words used across the bot and the reports: the sides, the assessments,
# counts of people and the like. Plain British English, the toolkit's terms.
# To reword a message, copy it into a file of the same name in your own
# folder (see the README, "Rewording the bot's messages").

people-count = { $count ->
    [one] 1 person
   *[other] { $count } people
}
