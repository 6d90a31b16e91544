# What the bot says in Discord: cards, replies, announcements and reminders.
# Plain British English, the toolkit's terms.

## Joining a workshop
join-button-council = Join as council
join-button-vcs = Join as VCS
join-button-other = Join as another partner
join-side-council = the council
join-side-vcs = the voluntary and community sector (VCS)
join-side-other = another partner
join-done = You have joined { $workshop } for { $side }. Next: answer each question with the buttons on its card, or one at a time with /ballot. Nobody else sees your answers. You can also register a relationship you know of with /relationship add. To change side, use /join again.
join-done-for = You have joined { $workshop } for { $side }, as part of { $organisation }. Next: answer each question with the buttons on its card, or one at a time with /ballot. Nobody else sees your answers. You can also register a relationship you know of with /relationship add. To change side, use /join again.
join-side-changed-council = Your side is now the council. Your answers to questions whose results are not shown yet count for the council. Results already shown stay as they were.
join-side-changed-vcs = Your side is now VCS. Your answers to questions whose results are not shown yet count for VCS. Results already shown stay as they were.
join-side-changed-other = You now take part as another partner. Your answers to questions whose results are not shown yet count for other partners. Results already shown stay as they were.
join-choose-side = Choose the side you speak for: use /join again with side set to council, vcs or other.

## Leaving, and the data the bot holds about a person
data-left = You have left { $workshop }. Your votes so far still count in your side's results, without your name. To take part again, use /join.
data-leave-not-member = You are not taking part in { $workshop }, so there is nothing to leave.
data-forgot-nothing = Common Ground held no name or organisation for you, so there was nothing to delete. Nothing else about you is kept.
data-forgot = { $count ->
    [one] Done. Your name and organisation were deleted from 1 workshop, and you have left it.
   *[other] Done. Your name and organisation were deleted from { $count } workshops, and you have left them.
} Your votes stay in your side's results, without your name. You can take part again at any time with /join.
data-held-nothing = Common Ground holds nothing about you in this server: you have not joined a workshop here, or your name was deleted with /forget-me. The attached file is empty to show it.
data-held = This is everything Common Ground holds about you in this server. The attached file, { $file }, has it in full, with your own votes.
data-revealed = { $count ->
    [one] • You showed results once.
   *[other] • You showed results { $count } times.
}
data-kept-for = Your name, Discord id and organisation are deleted { $days } days after a workshop closes. /forget-me deletes them now. Your votes stay in the results, without your name.
data-workshop-joined = • { $workshop } ({ $status }): you joined as "{ $name }" for { $side }.
data-workshop-joined-for = • { $workshop } ({ $status }): you joined as "{ $name }" for { $side }, as part of { $organisation }.
data-workshop-left = You have left it.
data-workshop-counts = { $votes ->
    [0] No votes
    [one] 1 vote
   *[other] { $votes } votes
}, { $proposed ->
    [0] no actions proposed
    [one] 1 action proposed
   *[other] { $proposed } actions proposed
}, { $responses ->
    [0] no responses to actions
    [one] 1 response to an action
   *[other] { $responses } responses to actions
}, { $relationships ->
    [0] no relationships registered
    [one] 1 relationship registered
   *[other] { $relationships } relationships registered
}.

## Starting, opening, closing and rerunning a workshop
workshop-create-refused = Only a facilitator can start a workshop. Ask the person who runs this Discord server to start it for you.
workshop-created-live = Created the workshop **{ $title }**. The facilitator will post the questions one at a time, and everyone answers each one together.
workshop-created-async = Created the workshop **{ $title }**. Every question is open at once, so people can answer when it suits them.
workshop-created-async-until = Created the workshop **{ $title }**. Every question is open at once, so people can answer when it suits them. Voting closes at the end of { $deadline }.
workshop-privacy-threshold = To keep answers private, a side's results are shown only when at least { $count ->
    [one] 1 person from that side has answered.
   *[other] { $count } people from that side have answered.
}
workshop-next-join = Next: everyone taking part presses a button below, or uses /join, to say which side they are on: the council, the VCS or another partner. Then a facilitator uses /workshop open to start an assessment.
workshop-opened = Opened { $assessment } in { $workshop }. The discussion is in { $place }.
workshop-opened-for = Opened { $assessment } for { $relationships } in { $workshop }. The discussion is in { $place }.
workshop-opened-next-live = Use /workshop next to post the first question. When everyone has answered, use /workshop reveal to show the results.
workshop-opened-next-async = The questions are posted there as cards, and people can also answer one at a time with /ballot. When everyone has answered, use /workshop reveal to show the results.
workshop-closed = Closed the workshop **{ $title }**. Voting has stopped and the results are kept. Next: use /workshop report to get the report. To run the assessment again later and see what has changed, use /workshop rerun.
workshop-rerun = Started **{ $title }**, a new run of **{ $previous }**. Its relationships are copied over, so you can compare the results. Nobody has joined it yet, so everyone taking part joins again.
workshop-report = The report for { $workshop } is attached. It holds only the results that have been shown.
workshop-report-more = More of the report's charts.

## The thread where an assessment is talked through
thread-name = { $assessment }: { $subject }
thread-starter-async = **{ $name }**
    Talk it through in the thread below, where each question is posted as a card. Your answers are private: press the buttons on a card, or answer one question at a time with /ballot or the button below.
thread-starter-live = **{ $name }**
    Talk it through in the thread below. The facilitator posts the questions there one at a time. Your answers are private: press the buttons on a card, or use /ballot or the button below.
thread-assessment-benefits = Benefits
thread-assessment-relationships = Relationships
thread-assessment-strategic = How strategic
thread-benefits-talk = Talk these through together before you vote:
thread-benefits-vote = Then vote on each benefit: how far is our partnership achieving it?
thread-relationship-types = The toolkit's five types of relationship:
thread-relationship-questions = For each relationship, ask:
thread-principles = The four principles of strategic partnership working:
thread-strategic-vote = Then vote on each item for the relationship, thinking of how it works in practice.
thread-scale = The scale: { $legend }.

## Who has answered (for the facilitator only)
status-heading = Who has answered so far in { $workshop }:
status-nothing-open = Nothing is open for voting. Open an assessment with /workshop open.
status-nothing-posted = No question is posted yet. Use /workshop next to post the first.
status-all-answered = Everyone taking part has answered every question posted so far. When you are ready, use /workshop reveal to show the results.
status-not-finished = { $count ->
    [one] 1 person has not answered every question yet: { $names }
   *[other] { $count } people have not answered every question yet: { $names }
}
status-question = { $number }. { $question }: { $answered } have answered.
status-not-answered = Not answered yet: { $names }

## Vote cards and votes
vote-card-title = Question { $number } of { $count }: { $question }
vote-relationship = Relationship
vote-scale = Scale
vote-by = Vote by
vote-answered-label = Answered
vote-answered = { $answered } of { $count ->
    [one] 1 person
   *[other] { $count } people
} (council { $council } · VCS { $vcs } · other { $other })
vote-value = { $score } ({ $words })
vote-not-sure = Not sure
vote-recorded = You voted { $value } on “{ $question }”. Only you can see your vote. You can change it until the results are shown.
vote-recorded-not-sure = You answered Not sure on “{ $question }”. Only you can see your answer. You can change it until the results are shown.
vote-saved-anyway = Your vote was saved. { $confirmation }
vote-question-gone = That question is no longer in the toolkit, so there is no card for it.

## The private ballot
ballot-start = Start my ballot
ballot-back = Back
ballot-next = Next
ballot-your-answer = Your answer
ballot-not-answered = Not answered yet
ballot-footer = Your ballot: { $number } of { $count } · { $assessment }
ballot-saved = Saved: { $value } on “{ $question }”.
ballot-empty-live = In { $workshop } the questions come one at a time, and none is waiting for you right now. Wait for the facilitator to post the next one, then answer it on its card or here with /ballot.
ballot-empty-async = There is nothing open to vote on in { $workshop } right now. A facilitator opens an assessment with /workshop open; then use /ballot again.
ballot-done-live = You have answered everything open. The facilitator will post the next question when it is time. You can change your answers until the results are shown.
ballot-done-async = You have answered everything open. You can change your answers until the results are shown.

## Showing the results
reveal-shown = Here are the results for { $workshop }. Answers to these questions can no longer change. Each one shows what the council and the VCS think, starting with where they differ most.
reveal-file = All the results so far are in the attached file (Markdown). Next: talk about the biggest differences, then suggest actions with /action propose.
reveal-at-deadline = Voting closed at the end of { $deadline }, the deadline for { $workshop }, so here are the results. Each one shows what the council and the VCS think, starting with where they differ most.
reveal-chart = Chart: { $title }
reveal-relationship-title = { $name }: the five questions
reveal-strategic-title = { $name }: how strategic
reveal-benefits-question = How far is our partnership achieving each benefit? 1 means not at all, 5 means as much as possible.
reveal-order = The questions where the council and the VCS differ most come first.
reveal-too-few = too few people to show
reveal-mean = { $mean } ({ $count ->
    [one] 1 person
   *[other] { $count } people
})
reveal-means = Everyone: { $everyone } · Council: { $council } · VCS: { $vcs }
reveal-means-other = { " " }· Other partners: { $other }
reveal-no-comparison = No comparison: one side has too few people to show.
reveal-gap-none = The council and the VCS rate it the same.
reveal-gap-council-higher = The council rates it { $points } points higher than the VCS.
reveal-gap-vcs-higher = The VCS rates it { $points } points higher than the council.
reveal-gap = { $difference } { $verdict }. { $pattern }.
reveal-not-sure = { $count ->
    [one] Not sure: 1 person
   *[other] Not sure: { $count } people
}
reveal-voters = Who answered: { $council } from the council, { $vcs } from the VCS and { $other ->
    [0] no other partners
    [one] 1 other partner
   *[other] { $other } other partners
}. A side's figures are shown only when at least { $threshold ->
    [one] 1 person
   *[other] { $threshold } people
} from it answered; otherwise it says "{ $too_few }".
reveal-score = { $score } out of 75, { $band }
reveal-strategic-scores = **Score out of 75**
    Everyone: { $everyone }
    Council: { $council }
    VCS: { $vcs }

    { $case }

    { $voters }
reveal-meant-strategic = This relationship is meant to be strategic.
reveal-not-meant-strategic = This relationship is not meant to be strategic.
reveal-no-case = Too few people answered to place it in one of the toolkit's four cases.
reveal-principles = Principles (out of 15)
reveal-principle = { $principle }: everyone { $everyone } · council { $council } · VCS { $vcs }
reveal-principle-score = { $score } / 15

## Reminders the bot posts on its own
reminder-subject-for = { $assessment }, for “{ $relationship }”,
reminder-voting-closes-on = Reminder for { $workshop }: voting on { $subject } closes at the end of { $deadline }. Not voted yet: { $people }. Use /ballot to answer privately. You can change an answer until the results are shown.
reminder-voting-closes-soon = Reminder for { $workshop }: voting on { $subject } closes soon. Not voted yet: { $people }. Use /ballot to answer privately. You can change an answer until the results are shown.
reminder-action-due = Action #{ $number } “{ $action }” (owner: { $owner }) fell due on { $due }. Update it with /action status.

## The register of relationships
relationship-added = Registered this relationship in { $workshop }: { $relationship } Next: see them all with /relationship list. A facilitator can then open assessment two for it with /workshop open.
relationship-edited = Saved: { $relationship } See them all with /relationship list.
relationship-none = No relationship is registered in { $workshop } yet. Register one with /relationship add.
relationship-list-title = Relationships: { $workshop }
relationship-list-count = { $count ->
    [one] 1 relationship is registered.
   *[other] { $count } relationships are registered.
} Change one with /relationship edit.
relationship-types-two = { $first } and { $second }
relationship-held-direct = held directly
relationship-held-brokered = brokered through an infrastructure body
relationship-described = “{ $name }”: { $types }, at { $level }, { $held }.
relationship-described-holder = “{ $name }”: { $types }, at { $level }, { $held }. It is held by { $holder }.
relationship-meant-strategic = It is meant to be strategic.
relationship-not-meant-strategic = It is not meant to be strategic.
relationship-types-line = { $count ->
    [one] Type: { $types }
   *[other] Types: { $types }
}
relationship-level-line = Level: { $level }, { $held }
relationship-holder-line = Held by: { $holder }
relationship-strategic-yes = Meant to be strategic: yes
relationship-strategic-no = Meant to be strategic: no
relationship-gaps-title = Types with no relationship yet
relationship-no-gaps = None: every type has at least one relationship.
relationship-gaps = { $types }. Talk about whether the partnership needs one of each type.
workshop-choice = { $title } (#{ $number })
workshop-choice-closed = { $title } (#{ $number }, closed)
