# Actions and the action plan: proposing, agreeing, due dates and /plan.
# Plain British English, the toolkit's terms.

## Dates, as typed into the form or /workshop create
action-date-not-a-date = “{ $typed }” is not a date. Write the { $what ->
    [deadline] deadline
   *[due] due date
} like 31/03/2027, 31 March 2027 or 2027-03-31.
action-date-no-such-day = There is no { $typed } in the calendar. Check the day and the month.
action-date-past = The { $what ->
    [deadline] deadline
   *[due] due date
} { $typed } has passed. Choose today or a later date.

## Refusals of a proposed action
action-refused-no-text = The action has no text. Say what will be done, in a sentence or two.
action-refused-too-long = The action is { $count } characters long, and the limit is { $limit }. Shorten it and put the detail in a linked document.
action-refused-no-owner = The action has no owner. Name the person, team or organisation who will take it forward.
action-not-found = There is no action { $number } in this workshop. Use /action list to see the numbers.
action-agree-facilitator-only = Only a facilitator can mark an action as agreed, so ask one of them to press Mark agreed.

## The "propose an action" form
action-form-title = Propose an action
action-form-text = What will be done
action-form-text-hint = One or two sentences
action-form-owner = Who owns it (person, team or organisation)
action-form-due = Due date, for example 31/03/2027
action-form-due-hint = 31/03/2027, 31 March 2027 or 2027-03-31
action-form-prompted-by = What prompted it (optional)
action-form-prompted-by-hint = A question, a relationship or a consideration
action-form-refused = { $problem }
    Everything you typed is kept for a day. Press Open the form again to change it.
action-form-again = Open the form again
action-form-gone = That form is no longer kept: it opens again only once, and only for a day. Start again with /action propose.
action-form-already-received = We already have this form. It is action { $number }, and its card is in the channel. Nothing more was added.
action-proposed = Your action is action { $number }. Its card is in the channel. Next, ask council and VCS partners to press Agree or Object on it. Once both sides support it, a facilitator presses Mark agreed and it joins the plan.

## What prompted it, as /action propose offers it
action-prompt-consideration = Consideration: { $text }
action-prompt-relationship = Relationship: { $name }
action-prompt-question = Question: { $short } (assessment { $assessment ->
    [benefits] one
    [relationships] two
   *[strategic] three
})

## The action card
action-card-title = Action { $number }
action-card-owner = Owner
action-card-due = Due
action-card-status = Status
action-card-prompted-by = What prompted it
action-card-prompted-by-none = Not given
action-card-responses = Responses
action-card-footer = Press Agree or Object. You can change your mind at any time. A facilitator presses Mark agreed once both sides support it.
action-button-mark-agreed = Mark agreed
action-button-agreed = Agreed
action-status-waiting = Waiting to be agreed
action-status-agreed = Agreed, not started
action-tally-side = { $side }: { $agree } agree, { $object } object
action-tally-hidden = { $side }: hidden until at least { $threshold ->
    [one] 1 person responds
   *[other] { $threshold } people respond
}
action-tally-backed = Backed by both council and VCS.
action-tally-not-backed = Not yet backed by both council and VCS.
action-tally-backing-unknown = Once enough people on each side respond, this shows whether both sides back it.

## Replies
action-responded-agree = You agree with action { $number }. To change your mind, press Object on its card.
action-responded-object = You object to action { $number }. To change your mind, press Agree on its card.
action-marked-agreed = Action { $number } is agreed and is now in the joint plan. See the plan with /plan.
action-status-changed = You marked action { $number }, “{ $text }”, as { $status }. See the whole plan with /plan.

## /action list
action-list-empty = No action has been proposed yet. Propose one with /action propose.
action-list-title = Actions in { $title }
action-list-summary = { $count ->
    [one] 1 action proposed
   *[other] { $count } actions proposed
}, { $agreed } agreed. To say where one stands, use /action status. To see the plan, use /plan.
action-list-name = { $number }. { $text }
action-list-details = Owner: { $owner }
    Due: { $due }
    Status: { $status }

## /plan
plan-title = Action plan: { $title }
plan-summary = { $count ->
    [0] No action has been agreed yet. Propose one with /action propose. A facilitator marks it agreed once both sides support it. The full report is attached.
    [one] 1 agreed action, under the toolkit's considerations. The full report is attached as Markdown and HTML.
   *[other] { $count } agreed actions, under the toolkit's considerations. The full report is attached as Markdown and HTML.
}
plan-action-line = Action { $number } · { $text } · Owner: { $owner } · Due { $due } · { $status }
plan-other-actions = Other actions
plan-without-action = Considerations with no agreed action yet
plan-focus-areas = Suggested focus areas
