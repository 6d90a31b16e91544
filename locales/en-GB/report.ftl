# The reports (Markdown, HTML, CSV headings) and the charts' words.
# Plain British English, the toolkit's terms.

## The figures, wherever they are shown
report-too-few = too few to show
report-mean = { $mean } ({ $people })
report-not-compared = –
report-verdict = { $verdict }. { $pattern }
report-verdict-not-shown = not shown
report-sureness = { $size } difference; { $certainty }
report-score = { $score } out of 75 ({ $band })
report-score-only = { $score } out of 75
report-sub-score = { $score } of 15
report-gap-words = { $higher ->
    [council] The council rates it { $gap } points higher than the VCS.
    [vcs] The VCS rates it { $gap } points higher than the council.
   *[none] The council and the VCS rate it the same.
}
report-and = { $first } and { $last }
report-left-out-council = { $count ->
    [one] 1 council officer's
   *[other] { $count } council officers'
}
report-left-out-vcs = { $count ->
    [one] 1 VCS member's
   *[other] { $count } VCS members'
}
report-left-out-other = { $count ->
    [one] 1 other partner's
   *[other] { $count } other partners'
}
report-left-out = { $whose } answers are left out of the "Everyone" figures to keep them private.
report-sides-case = The sides see it differently: for the council it is { $council }, for the VCS { $vcs }.

## The start of the report
report-title = { $workshop }: results
report-how-run = Workshop { $id }. { $mode }. { $status }.
report-side-counts = { $council ->
    [one] 1 council officer
   *[other] { $council } council officers
}, { $vcs ->
    [one] 1 VCS member
   *[other] { $vcs } VCS members
}, { $other ->
    [one] 1 other partner
   *[other] { $other } other partners
}
report-taking-part = Taking part: { $people }. Voted: { $voters }.
report-how-to-read = How to read the figures: each one is an average score from 1 to 5, with the number of people who answered in brackets. We show a group's figures only when at least { $threshold } of its members answered, so that no one's answer can be picked out. The gap is the council's average minus the VCS's: a plus sign means the council rates it higher.

## Table headings
report-column-item = Item
report-column-everyone = Everyone
report-column-gap = Gap
report-column-apart = How far apart
report-column-sure = How sure
report-column-where = Where
report-column-distance = Distance
report-column-relationship = Relationship
report-column-types = Types
report-column-level = Level
report-column-held = Held
report-column-held-by = Held by
report-column-meant-strategic = Meant to be strategic
report-column-principle = Principle
report-column-then = Then
report-column-now = Now
report-yes = yes
report-no = no
report-holder-not-recorded = not recorded

## Assessment one
report-benefits-question = To what extent is our partnership realising each benefit? 1 means not at all, 5 means as much as possible. The items where the sides are furthest apart come first.
report-not-assessed = Not assessed yet.

## Assessment two
report-no-relationships = No relationships registered yet.
report-no-type-gaps = Every type of relationship in the toolkit has at least one relationship.
report-type-gaps = Gaps: there is no relationship of these types: { $types }.
report-overlaps = Types held by more than one relationship:
report-overlap = { $kind }: { $relationships }
report-five-questions = { $relationship }: the five questions

## Assessment three
report-no-strategic = No relationship assessed yet.
report-score-line = { $who }: { $score }
report-intent = { $meant ->
    [yes] This relationship is meant to be strategic.
   *[no] This relationship is not meant to be strategic.
}
report-case = { $intent } { $case }: { $action }
report-no-case = { $intent } Too few people voted to place it in one of the toolkit's four cases.

## Where the sides differ
report-differences-heading = Where council and VCS see things differently
report-no-differences = No item where both sides can be shown is half a point or more apart.
report-differences-explained = Distance: how far apart the two sides' answers are spread, in points of the 1 to 5 scale (0 means they answered alike). How sure: "a clear difference" when, allowing for every item of the workshop compared at once, a difference this big would rarely happen by chance (q below 0.05); otherwise it could be chance with this few people. p is the chance of a gap at least this big if the answers were shuffled between the sides at random; q corrects p for the number of items compared.

## Change over time
report-change-heading = Change since "{ $previous }"
report-not-assessed-short = not assessed

## Focus areas
report-focus-heading = Suggested focus areas
report-no-focus = The results suggest no particular focus yet.
report-focus = { $title }: { $detail }
report-focus-typology-gaps-title = No relationship of these types: { $types }
report-focus-typology-gaps-detail = Talk about whether the partnership needs a relationship of each missing type, and who could hold it.
report-focus-intent-only-title = Bring delivery in line with intent: { $relationship }
report-focus-intent-only-detail = { $relationship } is meant to be strategic but scores { $score } out of 75. Agree what support it needs to reach { $target } or more.
report-focus-delivery-only-title = Recognise strategic delivery: { $relationship }
report-focus-delivery-only-detail = { $relationship } scores { $score } out of 75 but is not meant to be strategic. Make sure its delivery is understood, valued and supported at a strategic level.
report-focus-sides-differ-title = Council and VCS place { $relationship } in different cases
report-focus-sides-differ-detail = { $relationship } scores { $score } out of 75 overall. Talk about why the sides see its delivery differently.
report-focus-weak-principle-title = Weak principle: { $principle }
report-focus-weak-principle-detail = Scored under { $below } of 15: { $relationships }. Look at its questions together and agree one step for each.
report-focus-weak-principle-score = { $relationship } { $score } of 15
report-focus-item-subject = { $relationship ->
    [none] “{ $item }”
   *[other] “{ $item }” for { $relationship }
}
report-focus-item-title = Council and VCS see { $subject } differently
report-focus-item-detail = Council average { $council }, VCS average { $vcs }. { $gap } { $verdict }. Talk about why.

## The action plan
report-plan-heading = Joint action plan
report-agreed-count = { $count ->
    [0] No agreed actions yet.
    [one] 1 agreed action.
   *[other] { $count } agreed actions.
}
report-other-actions = Other actions
report-action = #{ $id } { $text }. Owner: { $owner }. Due: { $due }. { $status }.
report-action-backing = { $action } { $backed ->
    [yes] Agreed by both sides.
   *[no] Not agreed by both sides.
}
report-lacking-support-intro = Marked agreed, but not backed by both sides. On each side, more people must agree than object:
report-lacking-support = #{ $id }: no support shown from { $sides }
report-proposed-heading = Proposed, not yet agreed
report-responses = { $side }: { $agree } for, { $object } against
report-responses-too-few = { $side }: too few to show
report-proposed = { $action } { $responses }. { $backed ->
    [yes] Agreed by both sides.
   *[no] Not yet agreed by both sides.
}

## The external context
report-context-heading = The external context
report-context-intro = The toolkit asks every action plan to think about the context it will work in:
report-source = Source: Toolkit for partnership working with the voluntary and community sector, Local Government Association, based on research by Locality.

## Around the charts
report-chart-in-words = The chart in words
report-table-name = Table: { $heading }

## The charts
chart-benefits-name = Assessment one: benefits
chart-side-value = { $side } { $value }
chart-side-hidden = { $side } not shown (too few people answered)
chart-hidden-on-some = { $sides ->
    [council] Council: too few people answered some items to show them.
    [vcs] VCS: too few people answered some items to show them.
   *[both] Council and VCS: too few people answered some items to show them.
}
chart-hidden-everywhere = { $sides ->
    [council] Council: too few people answered to show.
    [vcs] VCS: too few people answered to show.
   *[both] Council and VCS: too few people answered to show either side.
}
chart-too-few = too few people answered to show
chart-council-average = Council average
chart-vcs-average = VCS average
chart-both-hidden = both hidden
chart-council-hidden = council hidden
chart-vcs-hidden = VCS hidden
chart-scale-1-to-5 = Average score: 1 means not at all, 5 means as much as possible.
chart-divergence-about = Each item gives the council's average score and the VCS's, from 1 (not at all) to 5 (as much as possible).
chart-divergence-row = { $item }: { $council }, { $vcs }.
chart-divergence-title = { $title }: the council's and the VCS's average score for each item, from 1 to 5.
chart-profile-name = { $relationship }: principles and axes
chart-principles-heading = Principles: score out of 15
chart-axes-heading = Axes: average score, 1 (not at all) to 5 (as much as possible)
chart-profile-row = { $label }: { $council }, { $vcs }.
chart-profile-title = { $title }: the council's and the VCS's principle scores out of 15 and axis averages from 1 to 5, as bars.
chart-map-name = Map of relationships by level and type
chart-main-type = Main type
chart-type-gap = { $kind } (gap)
chart-key = Key
chart-gaps-none = Gaps: none. Every type has at least one relationship.
chart-gaps = Gaps: { $types }.
chart-map-about = Relationships by level: { $inner } in the inner circle, { $middle } in the middle ring, { $outer } in the outer ring.
chart-map-level = { $level }: { $relationships }.
chart-map-entry = { $number }. { $name } ({ $kind })
chart-none = none
chart-map-title = { $title }: the relationships on three circles ({ $inner }, { $middle }, { $outer }), marked by their main type.
chart-then = { $side } then
chart-now = { $side } now
chart-score-bands = Score out of 75, in the toolkit's bands from { $lowest } to { $highest }.
chart-score-out-of-75 = Score out of 75.
chart-change-about = Each relationship's score out of 75, last time and now.
chart-change-row = { $relationship }: { $sides }.
chart-side-change = { $side } { $then } then, { $now } now ({ $movement })
chart-side-now-only = { $side } { $now } now, not shown last time (too few people answered)
chart-side-then-only = { $side } { $then } then, not shown now (too few people answered)
chart-movement = { $direction ->
    [up] up { $change }
    [down] down { $change }
   *[none] no change
}
chart-moved-heading = Items that moved most (average, 1 to 5)
chart-moved-line = • { $item }: { $then } → { $now } ({ $movement })
chart-moved-alt = { $item }: { $then } then, { $now } now ({ $movement }).
chart-then-to-now = { $then } → { $now }
chart-now-only = now { $now }
chart-then-only = then { $then }
chart-too-few-short = too few people
chart-change-title = { $title }: each relationship's score out of 75 for the council and the VCS, last time and now.
