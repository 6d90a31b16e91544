# What Discord shows for the slash commands: each command's description and
# each option's, at most 100 characters. Discord has no Welsh locale and shows
# these words to everyone. A command's key is its name as typed, with hyphens
# for spaces; an option's adds the option's name.

## Words shared by the workshop option of many commands
-workshop-option-which = Which workshop (leave out for this channel's)
-workshop-option-leave-out = Leave out for this channel's workshop

## /workshop
command-workshop = Run a partnership self-assessment workshop.
command-workshop-create = Start a workshop in this channel (needs Manage Server).
command-workshop-create-title = A name people will recognise, e.g. Spring partnership review
command-workshop-create-mode = live: step through questions together; async: vote over days
command-workshop-create-deadline = Async mode: the last day of voting, YYYY-MM-DD
command-workshop-create-anonymity_threshold = Fewest voters of a side whose figures are shown (1–10, default 3)
command-workshop-create-council_role = The role that means council
command-workshop-create-vcs_role = The role that means VCS
command-workshop-create-facilitator_role = A role whose members may run the workshop
command-workshop-create-language = English (the default), Welsh, or both with Welsh first
command-workshop-open = Open an assessment for discussion and voting.
command-workshop-open-assessment = Which of the toolkit's three assessments
command-workshop-open-relationship = Assessments two and three: one relationship (leave out for every one not yet assessed)
command-workshop-open-workshop = { -workshop-option-which }
command-workshop-next = Live mode: post the next question card.
command-workshop-next-workshop = { -workshop-option-which }
command-workshop-status = Who has answered each posted question, per side, and who has not (never what).
command-workshop-status-workshop = { -workshop-option-which }
command-workshop-reveal = Show the results of what is open; votes can no longer change.
command-workshop-reveal-assessment = Only this assessment (leave out for everything open)
command-workshop-reveal-relationship = Only this relationship
command-workshop-reveal-workshop = { -workshop-option-which }
command-workshop-close = End the workshop: voting stops and the results stay.
command-workshop-close-workshop = { -workshop-option-which }
command-workshop-rerun = Start the workshop again, linked to this one so changes show.
command-workshop-rerun-title = The new workshop's name, e.g. Autumn partnership review
command-workshop-rerun-workshop = Which workshop to run again (leave out for this channel's)
command-workshop-report = The report of revealed results, as a file.
command-workshop-report-format = md (default), csv, json or html
command-workshop-report-workshop = { -workshop-option-which }

## Taking part
command-join = Take part in a workshop, and say which side you speak for.
command-join-side = Council, VCS, or another partner such as the NHS
command-join-organisation = Your organisation, if you want it on the record
command-join-workshop = { -workshop-option-leave-out }
command-leave = Stop taking part in a workshop. Your votes so far still count.
command-leave-workshop = { -workshop-option-leave-out }
command-forget-me = Delete your name and organisation from every workshop.
command-my-data = See everything Common Ground holds about you in this server.
command-ballot = Go through every open question you have not answered yet, privately.
command-ballot-workshop = { -workshop-option-which }

## /relationship
command-relationship = The relationships between the council and the VCS (assessment two).
command-relationship-add = Register a relationship you know of.
command-relationship-add-name = A short name people will recognise
command-relationship-add-type = Its main type
command-relationship-add-level = Where it works: neighbourhood, place or system
command-relationship-add-also_type = A second type, if it has one
command-relationship-add-holder = Who holds it: a department or a role
command-relationship-add-held = Held directly, or brokered through an infrastructure body (default direct)
command-relationship-add-intended_strategic = Is it meant to be strategic? (default no)
command-relationship-add-workshop = { -workshop-option-leave-out }
command-relationship-list = The registered relationships, and the types with none (the gaps).
command-relationship-list-workshop = { -workshop-option-leave-out }
command-relationship-edit = Change a registered relationship. Options left out stay as they are.
command-relationship-edit-relationship = The relationship to change
command-relationship-edit-name = A new name
command-relationship-edit-type = Its main type
command-relationship-edit-level = Where it works: neighbourhood, place or system
command-relationship-edit-also_type = A second type
command-relationship-edit-holder = Who holds it: a department or a role
command-relationship-edit-held = Held directly, or brokered through an infrastructure body
command-relationship-edit-intended_strategic = Is it meant to be strategic?
command-relationship-edit-workshop = { -workshop-option-leave-out }

## /action and /plan
command-action = Actions for the joint plan.
command-action-propose = Propose an action for the joint plan, in a short form.
command-action-propose-prompted_by = What prompted it: a consideration, a relationship or a question
command-action-propose-workshop = { -workshop-option-leave-out }
command-action-list = The actions proposed so far, with their numbers.
command-action-list-workshop = { -workshop-option-leave-out }
command-action-status = Say where an action stands: open, in progress, done or dropped.
command-action-status-action = The action's number, as /action list shows it
command-action-status-status = Where it stands now
command-action-status-workshop = { -workshop-option-leave-out }
command-plan = The joint action plan, with the full report attached.
command-plan-workshop = { -workshop-option-leave-out }

## /language
command-language = Choose the language the bot uses when it replies only to you.
command-language-choice = Cymraeg or English
