# DRAFFT o gyfieithiad: i'w adolygu gan swyddog iaith Gymraeg y cyngor neu
# wasanaeth cyfieithu cyn ei ddefnyddio'n gyhoeddus.

## Dyddiadau, fel y cânt eu teipio yn y ffurflen neu yn /workshop create
action-date-not-a-date = Nid yw “{ $typed }” yn ddyddiad. Ysgrifennwch y { $what ->
    [deadline] dyddiad cau
   *[due] dyddiad targed
} fel 31/03/2027, 31 Mawrth 2027 neu 2027-03-31.
action-date-no-such-day = Nid oes { $typed } yn y calendr. Gwiriwch y diwrnod a'r mis.
action-date-past = Mae'r { $what ->
    [deadline] dyddiad cau
   *[due] dyddiad targed
} { $typed } wedi mynd heibio. Dewiswch heddiw neu ddyddiad diweddarach.

## Gwrthod cam gweithredu a gynigiwyd
action-refused-no-text = Nid oes testun i'r cam gweithredu. Dywedwch beth fydd yn cael ei wneud, mewn brawddeg neu ddwy.
action-refused-too-long = Mae'r cam gweithredu yn { $count } nod o hyd, a'r terfyn yw { $limit }. Byrhewch ef a rhowch y manylion mewn dogfen gysylltiedig.
action-refused-no-owner = Nid oes perchennog i'r cam gweithredu. Enwch y person, y tîm neu'r sefydliad a fydd yn ei ddatblygu.
action-not-found = Nid oes cam gweithredu { $number } yn y gweithdy hwn. Defnyddiwch /action list i weld y rhifau.
action-agree-facilitator-only = Dim ond hwylusydd sy'n gallu nodi bod cam gweithredu wedi'i gytuno, felly gofynnwch i un ohonynt bwyso Nodi'n gytunedig.

## Y ffurflen "cynnig cam gweithredu"
action-form-title = Cynnig cam gweithredu
action-form-text = Beth fydd yn cael ei wneud
action-form-text-hint = Un neu ddwy frawddeg
action-form-owner = Perchennog (person, tîm neu sefydliad)
action-form-due = Dyddiad targed, er enghraifft 31/03/2027
action-form-due-hint = 31/03/2027, 31 Mawrth 2027 neu 2027-03-31
action-form-prompted-by = Beth a'i hysgogodd (dewisol)
action-form-prompted-by-hint = Cwestiwn, perthynas neu ystyriaeth
action-form-refused = { $problem }
    Mae popeth a deipiwyd gennych yn cael ei gadw am ddiwrnod. Pwyswch Agor y ffurflen eto i'w newid.
action-form-again = Agor y ffurflen eto
action-form-gone = Nid yw'r ffurflen honno'n cael ei chadw mwyach: dim ond unwaith y mae'n agor eto, a dim ond am ddiwrnod. Dechreuwch eto gyda /action propose.
action-form-already-received = Mae'r ffurflen hon wedi dod i law eisoes. Cam gweithredu { $number } yw hwn, ac mae ei gerdyn yn y sianel. Ni ychwanegwyd dim byd arall.
action-proposed = Rhif { $number } yw eich cam gweithredu. Mae ei gerdyn yn y sianel. Nesaf, gofynnwch i bartneriaid o'r cyngor ac o'r sector gwirfoddol a chymunedol bwyso Cytuno neu Gwrthwynebu arno. Pan fydd y ddwy ochr yn ei gefnogi, bydd hwylusydd yn pwyso Nodi'n gytunedig, a bydd yn ymuno â'r cynllun.

## Beth a'i hysgogodd, fel y mae /action propose yn ei gynnig
action-prompt-consideration = Ystyriaeth: { $text }
action-prompt-relationship = Perthynas: { $name }
action-prompt-question = Cwestiwn: { $short } (asesiad { $assessment ->
    [benefits] un
    [relationships] dau
   *[strategic] tri
})

## Cerdyn y cam gweithredu
action-card-title = Cam gweithredu { $number }
action-card-owner = Perchennog
action-card-due = Dyddiad targed
action-card-status = Statws
action-card-prompted-by = Beth a'i hysgogodd
action-card-prompted-by-none = Heb ei nodi
action-card-responses = Ymatebion
action-card-footer = Pwyswch Cytuno neu Gwrthwynebu. Gallwch newid eich meddwl unrhyw bryd. Bydd hwylusydd yn pwyso Nodi'n gytunedig pan fydd y ddwy ochr yn ei gefnogi.
action-button-mark-agreed = Nodi'n gytunedig
action-button-agreed = Cytunwyd
action-status-waiting = Yn aros i gael ei gytuno
action-status-agreed = Wedi'i gytuno, heb ddechrau
action-tally-side = { $side }: { $agree } yn cytuno, { $object } yn gwrthwynebu
action-tally-hidden = { $side }: ynghudd nes bydd o leiaf { $threshold ->
    [one] 1 person yn ymateb
    [two] 2 berson yn ymateb
   *[other] { $threshold } o bobl yn ymateb
}
action-tally-backed = Wedi'i gefnogi gan y cyngor a'r sector gwirfoddol.
action-tally-not-backed = Heb ei gefnogi gan y cyngor a'r sector gwirfoddol eto.
action-tally-backing-unknown = Pan fydd digon o bobl ar bob ochr wedi ymateb, bydd hwn yn dangos a yw'r ddwy ochr yn ei gefnogi.

## Atebion
action-responded-agree = Rydych chi'n cytuno â cham gweithredu { $number }. I newid eich meddwl, pwyswch Gwrthwynebu ar ei gerdyn.
action-responded-object = Rydych chi'n gwrthwynebu cam gweithredu { $number }. I newid eich meddwl, pwyswch Cytuno ar ei gerdyn.
action-marked-agreed = Mae cam gweithredu { $number } wedi'i gytuno, ac mae bellach yn y cynllun ar y cyd. Gwelwch y cynllun gyda /plan.
action-status-changed = Rydych chi wedi newid statws cam gweithredu { $number }, “{ $text }”, i: { $status }. Gwelwch y cynllun cyfan gyda /plan.

## /action list
action-list-empty = Nid oes cam gweithredu wedi'i gynnig eto. Cynigiwch un gyda /action propose.
action-list-title = Camau gweithredu: { $title }
action-list-summary = { $count ->
    [one] 1 cam gweithredu wedi'i gynnig
    [two] 2 gam gweithredu wedi'u cynnig
   *[other] { $count } o gamau gweithredu wedi'u cynnig
}, { $agreed ->
    [one] 1 wedi'i gytuno
   *[other] { $agreed } wedi'u cytuno
}. I ddweud sut mae un yn dod yn ei flaen, defnyddiwch /action status. I weld y cynllun, defnyddiwch /plan.
action-list-name = { $number }. { $text }
action-list-details = Perchennog: { $owner }
    Dyddiad targed: { $due }
    Statws: { $status }

## /plan
plan-title = Cynllun gweithredu: { $title }
plan-summary = { $count ->
    [0] Nid oes cam gweithredu wedi'i gytuno eto. Cynigiwch un gyda /action propose. Bydd hwylusydd yn ei nodi'n gytunedig pan fydd y ddwy ochr yn ei gefnogi. Mae'r adroddiad llawn wedi'i atodi.
    [one] 1 cam gweithredu wedi'i gytuno, o dan ystyriaethau'r pecyn cymorth. Mae'r adroddiad llawn wedi'i atodi fel Markdown a HTML.
    [two] 2 gam gweithredu wedi'u cytuno, o dan ystyriaethau'r pecyn cymorth. Mae'r adroddiad llawn wedi'i atodi fel Markdown a HTML.
   *[other] { $count } o gamau gweithredu wedi'u cytuno, o dan ystyriaethau'r pecyn cymorth. Mae'r adroddiad llawn wedi'i atodi fel Markdown a HTML.
}
plan-action-line = Cam gweithredu { $number } · { $text } · Perchennog: { $owner } · Dyddiad targed: { $due } · { $status }
plan-other-actions = Camau gweithredu eraill
plan-without-action = Ystyriaethau heb gam gweithredu wedi'i gytuno eto
plan-focus-areas = Meysydd ffocws a awgrymir
