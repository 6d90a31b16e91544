# Geiriau a ddefnyddir drwy'r bot a'r adroddiadau.
# DRAFFT o gyfieithiad: i'w adolygu gan swyddog iaith Gymraeg y cyngor neu
# wasanaeth cyfieithu cyn ei ddefnyddio'n gyhoeddus.

people-count = { $count ->
    [zero] neb
    [one] 1 person
    [two] 2 berson
   *[other] { $count } o bobl
}

## Yr ochrau
side-council = Cyngor
side-vcs = Sector gwirfoddol
side-other = Partneriaid eraill

## Gweithdai a rowndiau
mode-live = Byw: un cwestiwn ar y tro
mode-async = Dros amser: pob cwestiwn ar unwaith
workshop-status-open = Ar agor
workshop-status-closed = Ar gau
round-status-open = Pleidleisio ar agor
round-status-revealed = Canlyniadau wedi'u dangos
round-status-closed = Ar gau

## Tri asesiad y pecyn cymorth
assessment-benefits = Asesiad un: manteision gweithio mewn partneriaeth
assessment-relationships = Asesiad dau: math a chwmpas eich perthnasoedd
assessment-strategic = Asesiad tri: pa mor strategol yw eich perthnasoedd

## Perthnasoedd
held-direct = Yn uniongyrchol
held-brokered = Drwy frocer

## Camau gweithredu
action-status-open = Heb ddechrau
action-status-in-progress = Ar y gweill
action-status-done = Wedi'i wneud
action-status-dropped = Wedi'i ollwng
stance-agree = Cytuno
stance-object = Gwrthwynebu

## Pa mor bell oddi wrth ei gilydd yw'r ochrau
verdict-aligned = Yn agos at ei gilydd
verdict-differs = Rhywfaint o wahaniaeth
verdict-diverges = Ymhell oddi wrth ei gilydd
classification-perception-gap = Mae'r ochrau'n ei weld yn wahanol
classification-shared-strength = Mae'r ddwy ochr yn gweld cryfder
classification-shared-concern = Mae'r ddwy ochr yn gweld pryder
classification-mixed = Dim patrwm clir
magnitude-negligible = prin dim
magnitude-small = bach
magnitude-medium = canolig
magnitude-large = mawr
certainty-clear = gwahaniaeth clir
certainty-could-be-chance = gallai fod yn siawns gyda chyn lleied o bobl

## Ieithoedd
language-english = Saesneg
language-welsh = Cymraeg
language-bilingual = Cymraeg a Saesneg

## Dewis iaith (/language)
language-chosen = Bydd y bot nawr yn eich ateb yn Gymraeg yn y gweinydd hwn, ym mhob gweithdy. I newid hyn, defnyddiwch /language eto.
language-question = Ym mha iaith hoffech chi i'r bot eich ateb pan fydd yn ateb i chi yn unig? Pwyswch fotwm. Gallwch ei newid unrhyw bryd gyda /language.
language-button-welsh = Cymraeg
language-button-english = English
