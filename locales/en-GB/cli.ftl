# What the command line and the offline demo print.
# Plain British English, the toolkit's terms.

cli-messages-valid = The messages are valid: { $keys } messages, each in English and in Welsh.
cli-messages-gaps = { $count ->
    [one] 1 message is in one language but not the other. Add it to the file named below, then check again:
   *[other] { $count } messages are in one language but not the other. Add each to the file named below, then check again:
}
cli-messages-valid-rewording = The reworded messages in { $folder } are valid. The bot will use them with the rest of its { $keys } messages.

## Files and the database
cli-could-not-read = Could not read { $path }.
cli-could-not-write = Could not write { $path }.
cli-could-not-create = Could not create the folder { $path }.
cli-could-not-open-database = Could not open the database { $path }.
cli-could-not-open-bot-database = Could not open the bot's database. Check DATABASE_URL.
cli-no-database = There is no database { $path }. Give the file the bot uses (see DATABASE_URL).
cli-wrote = Wrote { $path }.

## import
cli-imported = Imported { $votes ->
    [one] 1 vote
   *[other] { $votes } votes
} into workshop { $workshop }, “{ $title }”, with { $participants ->
    [one] 1 new participant
   *[other] { $participants } new participants
} and { $relationships ->
    [one] 1 new relationship
   *[other] { $relationships } new relationships
}.
cli-imported-relationships = The new relationships are recorded as shaping relationships at place level, held directly. Correct them in Discord with /relationship edit.
cli-imported-next = Next, make the report: common-ground report --db { $db } --workshop { $workshop }
cli-import-unreadable-line = Line { $line }: { $problem }. The columns are participant,side,item,subject,value.
cli-import-refused-line = Line { $line }: { $problem } Nothing was imported.
cli-import-column-unreadable = a column is missing or unreadable ({ $detail })
cli-import-column-count = there should be { $expected } columns, but there are { $found }
cli-import-not-csv = the line could not be read as CSV
cli-import-no-participant = The participant is empty.
cli-import-unknown-item = “{ $item }” is not a question in the toolkit. Use the ids that check-prompts lists.
cli-import-needs-subject = “{ $item }” is asked about a relationship, so the subject must name one.
cli-import-no-subject = “{ $item }” is not asked about a relationship, so leave the subject empty.
cli-import-two-sides = { $name } is on the { $first } side on an earlier line and on the { $second } side here.
cli-import-no-votes = The file has no votes. Put one vote on each line under the header participant,side,item,subject,value.

## purge and backup
cli-purged-nothing = Nothing to remove: no workshop closed more than { $days } days ago still holds personal data.
cli-purged = Removed the personal data of { $workshops ->
    [one] 1 workshop
   *[other] { $workshops } workshops
} closed more than { $days } days ago. { $participants ->
    [one] 1 participant was
   *[other] { $participants } participants were
} made anonymous, and { $actions ->
    [one] 1 action owner
   *[other] { $actions } action owners
} and { $relationships ->
    [one] 1 relationship holder
   *[other] { $relationships } relationship holders
} were cleared. Votes and counts are kept.
cli-backed-up = Backed up { $db } to { $copy }. To restore it, stop the bot and copy the backup over the database file.

## The demo
demo-could-not-replace = Could not replace the demo database { $path }.
demo-written = Reports and charts written to { $folder }:
demo-next = The demo database is { $db }. Try: common-ground report --db { $db } --workshop { $workshop } --format md
