# DRAFFT o gyfieithiad: i'w adolygu gan swyddog iaith Gymraeg y cyngor neu
# wasanaeth cyfieithu cyn ei ddefnyddio'n gyhoeddus.

## Y ffigurau, lle bynnag y cânt eu dangos
report-too-few = rhy ychydig i'w ddangos
report-mean = { $mean } ({ $people })
report-not-compared = –
report-verdict = { $verdict }. { $pattern }
report-verdict-not-shown = heb ei ddangos
report-sureness = gwahaniaeth: { $size }; { $certainty }
report-score = { $score } allan o 75 ({ $band })
report-score-only = { $score } allan o 75
report-sub-score = { $score } allan o 15
report-gap-words = { $higher ->
    [council] Mae sgôr y cyngor { $gap } pwynt yn uwch na sgôr y sector gwirfoddol a chymunedol.
    [vcs] Mae sgôr y sector gwirfoddol a chymunedol { $gap } pwynt yn uwch na sgôr y cyngor.
   *[none] Mae'r cyngor a'r sector gwirfoddol a chymunedol yn rhoi'r un sgôr.
}
report-and = { $first } a { $last }
report-left-out-council = { $count ->
    [one] 1 swyddog cyngor
    [two] 2 swyddog cyngor
   *[other] { $count } o swyddogion cyngor
}
report-left-out-vcs = { $count ->
    [one] 1 aelod o'r sector gwirfoddol
    [two] 2 aelod o'r sector gwirfoddol
   *[other] { $count } o aelodau'r sector gwirfoddol
}
report-left-out-other = { $count ->
    [one] 1 partner arall
    [two] 2 bartner arall
   *[other] { $count } o bartneriaid eraill
}
report-left-out = Nid yw atebion { $whose } wedi'u cynnwys yn y ffigurau "Pawb", er mwyn eu cadw'n breifat.
report-sides-case = Mae'r ochrau'n ei gweld yn wahanol: i'r cyngor, { $council }; i'r sector gwirfoddol, { $vcs }.

## Dechrau'r adroddiad
report-title = { $workshop }: canlyniadau
report-how-run = Gweithdy { $id }. { $mode }. { $status }.
report-side-counts = { $council ->
    [zero] dim swyddogion cyngor
    [one] 1 swyddog cyngor
    [two] 2 swyddog cyngor
   *[other] { $council } o swyddogion cyngor
}, { $vcs ->
    [zero] dim aelodau o'r sector gwirfoddol
    [one] 1 aelod o'r sector gwirfoddol
    [two] 2 aelod o'r sector gwirfoddol
   *[other] { $vcs } o aelodau'r sector gwirfoddol
}, { $other ->
    [zero] dim partneriaid eraill
    [one] 1 partner arall
    [two] 2 bartner arall
   *[other] { $other } o bartneriaid eraill
}
report-taking-part = Yn cymryd rhan: { $people }. Wedi pleidleisio: { $voters }.
report-how-to-read = Sut i ddarllen y ffigurau: mae pob un yn sgôr gyfartalog o 1 i 5, gyda nifer y bobl a atebodd mewn cromfachau. Dim ond pan fydd o leiaf { $threshold } o aelodau grŵp wedi ateb y byddwn yn dangos ffigurau'r grŵp, fel na all neb weld beth atebodd unigolyn. Y bwlch yw cyfartaledd y cyngor llai cyfartaledd y sector gwirfoddol: mae arwydd plws yn golygu bod sgôr y cyngor yn uwch.

## Penawdau tablau
report-column-item = Eitem
report-column-everyone = Pawb
report-column-gap = Bwlch
report-column-apart = Pa mor bell
report-column-sure = Pa mor sicr
report-column-where = Ble
report-column-distance = Pellter
report-column-relationship = Perthynas
report-column-types = Mathau
report-column-level = Lefel
report-column-held = Sut y'i delir
report-column-held-by = Deiliad
report-column-meant-strategic = I fod yn strategol
report-column-principle = Egwyddor
report-column-then = Cynt
report-column-now = Nawr
report-yes = ie
report-no = na
report-holder-not-recorded = heb ei gofnodi

## Asesiad un
report-benefits-question = I ba raddau y mae ein partneriaeth yn gwireddu pob mantais? Mae 1 yn golygu dim o gwbl, a 5 yn golygu cymaint â phosibl. Daw'r eitemau lle mae'r ochrau bellaf oddi wrth ei gilydd yn gyntaf.
report-not-assessed = Heb ei asesu eto.

## Asesiad dau
report-no-relationships = Dim perthnasoedd wedi'u cofrestru eto.
report-no-type-gaps = Mae gan bob math o berthynas yn y pecyn cymorth o leiaf un berthynas.
report-type-gaps = Bylchau: nid oes perthynas o'r mathau hyn: { $types }.
report-overlaps = Mathau sydd â mwy nag un berthynas:
report-overlap = { $kind }: { $relationships }
report-five-questions = { $relationship }: y pum cwestiwn

## Asesiad tri
report-no-strategic = Dim perthynas wedi'i hasesu eto.
report-score-line = { $who }: { $score }
report-intent = { $meant ->
    [yes] Mae'r berthynas hon i fod yn strategol.
   *[no] Nid yw'r berthynas hon i fod yn strategol.
}
report-case = { $intent } { $case }: { $action }
report-no-case = { $intent } Ni phleidleisiodd digon o bobl i'w gosod yn un o bedwar achos y pecyn cymorth.

## Lle mae'r ochrau'n wahanol
report-differences-heading = Lle mae'r cyngor a'r sector gwirfoddol yn gweld pethau'n wahanol
report-no-differences = Ymhlith yr eitemau lle gellir dangos y ddwy ochr, nid oes yr un lle mae'r ochrau hanner pwynt neu fwy ar wahân.
report-differences-explained = Pellter: pa mor bell oddi wrth ei gilydd yw atebion y ddwy ochr, mewn pwyntiau ar y raddfa 1 i 5 (mae 0 yn golygu eu bod wedi ateb yn debyg). Pa mor sicr: "gwahaniaeth clir" pan fyddai gwahaniaeth mor fawr â hyn yn digwydd drwy siawns yn anaml iawn, o ystyried bod pob eitem yn y gweithdy'n cael ei chymharu ar yr un pryd (q yn llai na 0.05); fel arall, gallai fod yn siawns gyda chyn lleied o bobl. p yw'r siawns o gael bwlch o leiaf mor fawr â hyn pe bai'r atebion yn cael eu cymysgu ar hap rhwng yr ochrau; mae q yn cywiro p ar gyfer nifer yr eitemau a gymharwyd.

## Newid dros amser
report-change-heading = Newid ers "{ $previous }"
report-not-assessed-short = heb ei asesu

## Meysydd ffocws
report-focus-heading = Meysydd ffocws a awgrymir
report-no-focus = Nid yw'r canlyniadau'n awgrymu unrhyw faes ffocws penodol eto.
report-focus = { $title }: { $detail }
report-focus-typology-gaps-title = Dim perthynas o'r mathau hyn: { $types }
report-focus-typology-gaps-detail = Trafodwch a oes angen perthynas o bob math sydd ar goll ar y bartneriaeth, a phwy allai ei dal.
report-focus-intent-only-title = Sicrhau bod y cyflawni'n cyd-fynd â'r bwriad: { $relationship }
report-focus-intent-only-detail = Mae { $relationship } i fod yn strategol, ond mae'n sgorio { $score } allan o 75. Cytunwch pa gymorth sydd ei angen arni i gyrraedd { $target } neu fwy.
report-focus-delivery-only-title = Cydnabod cyflawni strategol: { $relationship }
report-focus-delivery-only-detail = Mae { $relationship } yn sgorio { $score } allan o 75, ond nid yw i fod yn strategol. Gwnewch yn siŵr bod ei gwaith cyflawni'n cael ei ddeall, ei werthfawrogi a'i gefnogi ar lefel strategol.
report-focus-sides-differ-title = Mae'r cyngor a'r sector gwirfoddol yn gosod { $relationship } mewn achosion gwahanol
report-focus-sides-differ-detail = Mae { $relationship } yn sgorio { $score } allan o 75 yn gyffredinol. Trafodwch pam mae'r ochrau'n gweld ei gwaith cyflawni'n wahanol.
report-focus-weak-principle-title = Egwyddor wan: { $principle }
report-focus-weak-principle-detail = Sgôr o dan { $below } allan o 15: { $relationships }. Edrychwch ar ei chwestiynau gyda'ch gilydd a chytunwch ar un cam ar gyfer pob un.
report-focus-weak-principle-score = { $relationship } { $score } allan o 15
report-focus-item-subject = { $relationship ->
    [none] “{ $item }”
   *[other] “{ $item }” ar gyfer { $relationship }
}
report-focus-item-title = Mae'r cyngor a'r sector gwirfoddol yn gweld { $subject } yn wahanol
report-focus-item-detail = Cyfartaledd y cyngor { $council }, cyfartaledd y sector gwirfoddol { $vcs }. { $gap } { $verdict }. Trafodwch pam.

## Y cynllun gweithredu
report-plan-heading = Cynllun gweithredu ar y cyd
report-agreed-count = { $count ->
    [0] Dim camau gweithredu wedi'u cytuno eto.
    [one] 1 cam gweithredu wedi'i gytuno.
    [two] 2 gam gweithredu wedi'u cytuno.
   *[other] { $count } o gamau gweithredu wedi'u cytuno.
}
report-other-actions = Camau gweithredu eraill
report-action = #{ $id } { $text }. Perchennog: { $owner }. Dyddiad targed: { $due }. { $status }.
report-action-backing = { $action } { $backed ->
    [yes] Wedi'i gytuno gan y ddwy ochr.
   *[no] Heb ei gytuno gan y ddwy ochr.
}
report-lacking-support-intro = Wedi'u nodi'n gytunedig, ond heb gefnogaeth y ddwy ochr. Ar bob ochr, rhaid i fwy o bobl gytuno nag sy'n gwrthwynebu:
report-lacking-support = #{ $id }: dim cefnogaeth i'w gweld gan: { $sides }
report-proposed-heading = Wedi'u cynnig, heb eu cytuno eto
report-responses = { $side }: { $agree } o blaid, { $object } yn erbyn
report-responses-too-few = { $side }: rhy ychydig i'w ddangos
report-proposed = { $action } { $responses }. { $backed ->
    [yes] Wedi'i gytuno gan y ddwy ochr.
   *[no] Heb ei gytuno gan y ddwy ochr eto.
}

## Y cyd-destun allanol
report-context-heading = Y cyd-destun allanol
report-context-intro = Mae'r pecyn cymorth yn gofyn i bob cynllun gweithredu ystyried y cyd-destun y bydd yn gweithio ynddo:
report-source = Ffynhonnell: Pecyn cymorth ar gyfer gweithio mewn partneriaeth â'r sector gwirfoddol a chymunedol (Toolkit for partnership working with the voluntary and community sector), y Gymdeithas Llywodraeth Leol (Local Government Association), yn seiliedig ar ymchwil gan Locality.

## O amgylch y siartiau
report-chart-in-words = Y siart mewn geiriau
report-table-name = Tabl: { $heading }

## Y siartiau
chart-benefits-name = Asesiad un: manteision
chart-side-value = { $side } { $value }
chart-side-hidden = { $side } heb ei ddangos (atebodd rhy ychydig o bobl)
chart-hidden-on-some = { $sides ->
    [council] Cyngor: atebodd rhy ychydig o bobl rai eitemau i'w dangos.
    [vcs] Sector gwirfoddol: atebodd rhy ychydig o bobl rai eitemau i'w dangos.
   *[both] Cyngor a sector gwirfoddol: atebodd rhy ychydig o bobl rai eitemau i'w dangos.
}
chart-hidden-everywhere = { $sides ->
    [council] Cyngor: atebodd rhy ychydig o bobl i'w ddangos.
    [vcs] Sector gwirfoddol: atebodd rhy ychydig o bobl i'w ddangos.
   *[both] Cyngor a sector gwirfoddol: atebodd rhy ychydig o bobl i ddangos y naill ochr na'r llall.
}
chart-too-few = atebodd rhy ychydig o bobl i'w ddangos
chart-council-average = Cyfartaledd y cyngor
chart-vcs-average = Cyfartaledd y sector gwirfoddol
chart-both-hidden = y ddwy ynghudd
chart-council-hidden = cyngor ynghudd
chart-vcs-hidden = sector gwirfoddol ynghudd
chart-scale-1-to-5 = Sgôr gyfartalog: mae 1 yn golygu dim o gwbl, 5 yn golygu cymaint â phosibl.
chart-divergence-about = Mae pob eitem yn rhoi sgôr gyfartalog y cyngor a sgôr gyfartalog y sector gwirfoddol, o 1 (dim o gwbl) i 5 (cymaint â phosibl).
chart-divergence-row = { $item }: { $council }, { $vcs }.
chart-divergence-title = { $title }: sgôr gyfartalog y cyngor a'r sector gwirfoddol ar gyfer pob eitem, o 1 i 5.
chart-profile-name = { $relationship }: egwyddorion ac echelinau
chart-principles-heading = Egwyddorion: sgôr allan o 15
chart-axes-heading = Echelinau: sgôr gyfartalog, 1 (dim o gwbl) i 5 (cymaint â phosibl)
chart-profile-row = { $label }: { $council }, { $vcs }.
chart-profile-title = { $title }: sgoriau egwyddorion y cyngor a'r sector gwirfoddol allan o 15, a chyfartaleddau'r echelinau o 1 i 5, fel barrau.
chart-map-name = Map o berthnasoedd yn ôl lefel a math
chart-main-type = Prif fath
chart-type-gap = { $kind } (bwlch)
chart-key = Allwedd
chart-gaps-none = Bylchau: dim. Mae gan bob math o leiaf un berthynas.
chart-gaps = Bylchau: { $types }.
chart-map-about = Perthnasoedd yn ôl lefel: { $inner } yn y cylch mewnol, { $middle } yn y cylch canol, { $outer } yn y cylch allanol.
chart-map-level = { $level }: { $relationships }.
chart-map-entry = { $number }. { $name } ({ $kind })
chart-none = dim
chart-map-title = { $title }: y perthnasoedd ar dri chylch ({ $inner }, { $middle }, { $outer }), wedi'u marcio yn ôl eu prif fath.
chart-then = { $side } cynt
chart-now = { $side } nawr
chart-score-bands = Sgôr allan o 75, ym mandiau'r pecyn cymorth o { $lowest } i { $highest }.
chart-score-out-of-75 = Sgôr allan o 75.
chart-change-about = Sgôr pob perthynas allan o 75, y tro diwethaf a nawr.
chart-change-row = { $relationship }: { $sides }.
chart-side-change = { $side } { $then } cynt, { $now } nawr ({ $movement })
chart-side-now-only = { $side } { $now } nawr, heb ei ddangos y tro diwethaf (atebodd rhy ychydig o bobl)
chart-side-then-only = { $side } { $then } cynt, heb ei ddangos nawr (atebodd rhy ychydig o bobl)
chart-movement = { $direction ->
    [up] i fyny { $change }
    [down] i lawr { $change }
   *[none] dim newid
}
chart-moved-heading = Eitemau a symudodd fwyaf (cyfartaledd, 1 i 5)
chart-moved-line = • { $item }: { $then } → { $now } ({ $movement })
chart-moved-alt = { $item }: { $then } cynt, { $now } nawr ({ $movement }).
chart-then-to-now = { $then } → { $now }
chart-now-only = nawr { $now }
chart-then-only = cynt { $then }
chart-too-few-short = rhy ychydig o bobl
chart-change-title = { $title }: sgôr pob perthynas allan o 75 ar gyfer y cyngor a'r sector gwirfoddol, y tro diwethaf a nawr.
