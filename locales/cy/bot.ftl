# DRAFFT o gyfieithiad: i'w adolygu gan swyddog iaith Gymraeg y cyngor neu
# wasanaeth cyfieithu cyn ei ddefnyddio'n gyhoeddus.
# Beth mae'r bot yn ei ddweud yn Discord: cardiau, atebion, cyhoeddiadau a
# negeseuon atgoffa. Cymraeg clir, termau'r pecyn cymorth.

## Ymuno â gweithdy
join-button-council = Ymuno ar ran y cyngor
join-button-vcs = Ymuno ar ran y sector gwirfoddol
join-button-other = Ymuno fel partner arall
join-side-council = y cyngor
join-side-vcs = y sector gwirfoddol a chymunedol
join-side-other = partner arall
join-done = Rydych wedi ymuno â { $workshop } ar ran { $side }. Nesaf: atebwch bob cwestiwn gyda'r botymau ar ei gerdyn, neu un ar y tro gyda /ballot. Does neb arall yn gweld eich atebion. Gallwch hefyd gofrestru perthynas rydych yn gwybod amdani gyda /relationship add. I newid ochr, defnyddiwch /join eto.
join-done-for = Rydych wedi ymuno â { $workshop } ar ran { $side }, fel rhan o { $organisation }. Nesaf: atebwch bob cwestiwn gyda'r botymau ar ei gerdyn, neu un ar y tro gyda /ballot. Does neb arall yn gweld eich atebion. Gallwch hefyd gofrestru perthynas rydych yn gwybod amdani gyda /relationship add. I newid ochr, defnyddiwch /join eto.
join-side-changed-council = Eich ochr chi nawr yw'r cyngor. Bydd eich atebion i gwestiynau sydd heb ddangos eu canlyniadau eto yn cyfrif dros y cyngor. Bydd y canlyniadau sydd eisoes wedi'u dangos yn aros fel yr oedden nhw.
join-side-changed-vcs = Eich ochr chi nawr yw'r sector gwirfoddol. Bydd eich atebion i gwestiynau sydd heb ddangos eu canlyniadau eto yn cyfrif dros y sector gwirfoddol. Bydd y canlyniadau sydd eisoes wedi'u dangos yn aros fel yr oedden nhw.
join-side-changed-other = Rydych nawr yn cymryd rhan fel partner arall. Bydd eich atebion i gwestiynau sydd heb ddangos eu canlyniadau eto yn cyfrif dros bartneriaid eraill. Bydd y canlyniadau sydd eisoes wedi'u dangos yn aros fel yr oedden nhw.
join-choose-side = Dewiswch yr ochr rydych yn siarad drosti: defnyddiwch /join eto, gyda side wedi'i osod i council, vcs neu other.

## Gadael, a'r data sydd gan y bot am berson
data-left = Rydych wedi gadael { $workshop }. Mae eich pleidleisiau hyd yma yn dal i gyfrif yng nghanlyniadau eich ochr, heb eich enw. I gymryd rhan eto, defnyddiwch /join.
data-leave-not-member = Dydych chi ddim yn cymryd rhan yn { $workshop }, felly does dim byd i'w adael.
data-forgot-nothing = Doedd gan Common Ground ddim enw na sefydliad ar eich cyfer, felly doedd dim byd i'w ddileu. Does dim byd arall amdanoch chi'n cael ei gadw.
data-forgot = { $count ->
    [one] Dyna ni. Cafodd eich enw a'ch sefydliad eu dileu o 1 gweithdy, ac rydych wedi'i adael.
    [two] Dyna ni. Cafodd eich enw a'ch sefydliad eu dileu o 2 weithdy, ac rydych wedi'u gadael.
   *[other] Dyna ni. Cafodd eich enw a'ch sefydliad eu dileu o { $count } o weithdai, ac rydych wedi'u gadael.
} Mae eich pleidleisiau'n aros yng nghanlyniadau eich ochr, heb eich enw. Gallwch gymryd rhan eto unrhyw bryd gyda /join.
data-held-nothing = Does gan Common Ground ddim byd amdanoch chi yn y gweinydd hwn: dydych chi ddim wedi ymuno â gweithdy yma, neu cafodd eich enw ei ddileu gyda /forget-me. Mae'r ffeil sydd ynghlwm yn wag i ddangos hynny.
data-held = Dyma bopeth sydd gan Common Ground amdanoch chi yn y gweinydd hwn. Mae'r cyfan yn y ffeil sydd ynghlwm, { $file }, gyda'ch pleidleisiau chi.
data-revealed = { $count ->
    [one] • Fe wnaethoch chi ddangos canlyniadau unwaith.
    [two] • Fe wnaethoch chi ddangos canlyniadau ddwywaith.
   *[other] • Fe wnaethoch chi ddangos canlyniadau { $count } o weithiau.
}
data-kept-for = Caiff eich enw, eich id Discord a'ch sefydliad eu dileu { $days } diwrnod ar ôl i weithdy gau. Mae /forget-me yn eu dileu nawr. Mae eich pleidleisiau'n aros yn y canlyniadau, heb eich enw.
data-workshop-joined = • { $workshop } ({ $status }): fe wnaethoch chi ymuno fel "{ $name }" ar ran { $side }.
data-workshop-joined-for = • { $workshop } ({ $status }): fe wnaethoch chi ymuno fel "{ $name }" ar ran { $side }, fel rhan o { $organisation }.
data-workshop-left = Rydych wedi'i adael.
data-workshop-counts = { $votes ->
    [0] Dim pleidleisiau
    [one] 1 bleidlais
    [two] 2 bleidlais
   *[other] { $votes } o bleidleisiau
}, { $proposed ->
    [0] dim camau gweithredu wedi'u cynnig
    [one] 1 cam gweithredu wedi'i gynnig
    [two] 2 gam gweithredu wedi'u cynnig
   *[other] { $proposed } o gamau gweithredu wedi'u cynnig
}, { $responses ->
    [0] dim ymatebion i gamau gweithredu
    [one] 1 ymateb i gam gweithredu
    [two] 2 ymateb i gamau gweithredu
   *[other] { $responses } o ymatebion i gamau gweithredu
}, { $relationships ->
    [0] dim perthnasoedd wedi'u cofrestru
    [one] 1 berthynas wedi'i chofrestru
    [two] 2 berthynas wedi'u cofrestru
   *[other] { $relationships } o berthnasoedd wedi'u cofrestru
}.

## Dechrau, agor, cau a chynnal gweithdy eto
workshop-create-refused = Dim ond hwylusydd sy'n gallu dechrau gweithdy. Gofynnwch i'r person sy'n rhedeg y gweinydd Discord hwn ei ddechrau i chi.
workshop-created-live = Mae'r gweithdy **{ $title }** wedi'i greu. Bydd yr hwylusydd yn postio'r cwestiynau un ar y tro, a bydd pawb yn ateb pob un gyda'i gilydd.
workshop-created-async = Mae'r gweithdy **{ $title }** wedi'i greu. Mae pob cwestiwn ar agor ar unwaith, felly gall pobl ateb pan fydd yn gyfleus iddyn nhw.
workshop-created-async-until = Mae'r gweithdy **{ $title }** wedi'i greu. Mae pob cwestiwn ar agor ar unwaith, felly gall pobl ateb pan fydd yn gyfleus iddyn nhw. Bydd y pleidleisio'n cau ar ddiwedd { $deadline }.
workshop-privacy-threshold = Er mwyn cadw atebion yn breifat, dim ond pan fydd o leiaf { $count ->
    [one] 1 person o'r ochr honno wedi ateb
    [two] 2 berson o'r ochr honno wedi ateb
   *[other] { $count } o bobl o'r ochr honno wedi ateb
} y caiff canlyniadau ochr eu dangos.
workshop-next-join = Nesaf: mae pawb sy'n cymryd rhan yn pwyso botwm isod, neu'n defnyddio /join, i ddweud ar ba ochr maen nhw: y cyngor, y sector gwirfoddol neu bartner arall. Yna mae hwylusydd yn defnyddio /workshop open i ddechrau asesiad.
workshop-opened = Wedi agor { $assessment } yn { $workshop }. Mae'r drafodaeth yn { $place }.
workshop-opened-for = Wedi agor { $assessment } ar gyfer { $relationships } yn { $workshop }. Mae'r drafodaeth yn { $place }.
workshop-opened-next-live = Defnyddiwch /workshop next i bostio'r cwestiwn cyntaf. Pan fydd pawb wedi ateb, defnyddiwch /workshop reveal i ddangos y canlyniadau.
workshop-opened-next-async = Mae'r cwestiynau'n cael eu postio yno fel cardiau, a gall pobl hefyd ateb un ar y tro gyda /ballot. Pan fydd pawb wedi ateb, defnyddiwch /workshop reveal i ddangos y canlyniadau.
workshop-closed = Mae'r gweithdy **{ $title }** wedi cau. Mae'r pleidleisio wedi dod i ben ac mae'r canlyniadau'n cael eu cadw. Nesaf: defnyddiwch /workshop report i gael yr adroddiad. I gynnal yr asesiad eto'n nes ymlaen a gweld beth sydd wedi newid, defnyddiwch /workshop rerun.
workshop-rerun = Wedi dechrau **{ $title }**, cylch newydd o **{ $previous }**. Mae ei berthnasoedd wedi'u copïo drosodd, felly gallwch gymharu'r canlyniadau. Does neb wedi ymuno ag ef eto, felly bydd pawb sy'n cymryd rhan yn ymuno eto.
workshop-report = Mae'r adroddiad ar gyfer { $workshop } ynghlwm. Dim ond y canlyniadau sydd wedi'u dangos sydd ynddo.
workshop-report-more = Rhagor o siartiau'r adroddiad.

## Yr edefyn lle mae asesiad yn cael ei drafod
thread-name = { $assessment }: { $subject }
thread-starter-async = **{ $name }**
    Trafodwch y peth yn yr edefyn isod, lle mae pob cwestiwn yn cael ei bostio fel cerdyn. Mae eich atebion yn breifat: pwyswch y botymau ar gerdyn, neu atebwch un cwestiwn ar y tro gyda /ballot neu'r botwm isod.
thread-starter-live = **{ $name }**
    Trafodwch y peth yn yr edefyn isod. Mae'r hwylusydd yn postio'r cwestiynau yno un ar y tro. Mae eich atebion yn breifat: pwyswch y botymau ar gerdyn, neu defnyddiwch /ballot neu'r botwm isod.
thread-assessment-benefits = Manteision
thread-assessment-relationships = Perthnasoedd
thread-assessment-strategic = Pa mor strategol
thread-benefits-talk = Trafodwch y rhain gyda'ch gilydd cyn pleidleisio:
thread-benefits-vote = Yna pleidleisiwch ar bob mantais: i ba raddau mae ein partneriaeth yn ei chyflawni?
thread-relationship-types = Pum math o berthynas y pecyn cymorth:
thread-relationship-questions = Ar gyfer pob perthynas, gofynnwch:
thread-principles = Pedair egwyddor gweithio mewn partneriaeth strategol:
thread-strategic-vote = Yna pleidleisiwch ar bob eitem ar gyfer y berthynas, gan feddwl sut mae'n gweithio'n ymarferol.
thread-scale = Y raddfa: { $legend }.

## Pwy sydd wedi ateb (i'r hwylusydd yn unig)
status-heading = Pwy sydd wedi ateb hyd yma yn { $workshop }:
status-nothing-open = Does dim byd ar agor i bleidleisio arno. Agorwch asesiad gyda /workshop open.
status-nothing-posted = Does dim cwestiwn wedi'i bostio eto. Defnyddiwch /workshop next i bostio'r cyntaf.
status-all-answered = Mae pawb sy'n cymryd rhan wedi ateb pob cwestiwn sydd wedi'i bostio hyd yma. Pan fyddwch chi'n barod, defnyddiwch /workshop reveal i ddangos y canlyniadau.
status-not-finished = { $count ->
    [one] Mae 1 person heb ateb pob cwestiwn eto: { $names }
    [two] Mae 2 berson heb ateb pob cwestiwn eto: { $names }
   *[other] Mae { $count } o bobl heb ateb pob cwestiwn eto: { $names }
}
status-question = { $number }. { $question }: { $answered } wedi ateb.
status-not-answered = Heb ateb eto: { $names }

## Cardiau pleidleisio a phleidleisiau
vote-card-title = Cwestiwn { $number } o { $count }: { $question }
vote-relationship = Perthynas
vote-scale = Graddfa
vote-by = Pleidleisiwch erbyn
vote-answered-label = Wedi ateb
vote-answered = { $answered } allan o { $count ->
    [one] 1 person
    [two] 2 berson
   *[other] { $count } o bobl
} (cyngor { $council } · sector gwirfoddol { $vcs } · eraill { $other })
vote-value = { $score } ({ $words })
vote-not-sure = Ddim yn siŵr
vote-recorded = Eich pleidlais ar “{ $question }”: { $value }. Dim ond chi sy'n gallu gweld eich pleidlais. Gallwch ei newid nes bydd y canlyniadau'n cael eu dangos.
vote-recorded-not-sure = Eich ateb i “{ $question }”: Ddim yn siŵr. Dim ond chi sy'n gallu gweld eich ateb. Gallwch ei newid nes bydd y canlyniadau'n cael eu dangos.
vote-saved-anyway = Cafodd eich pleidlais ei chadw. { $confirmation }
vote-question-gone = Dydy'r cwestiwn hwnnw ddim yn y pecyn cymorth bellach, felly does dim cerdyn ar ei gyfer.

## Y papur pleidleisio preifat
ballot-start = Dechrau pleidleisio
ballot-back = Yn ôl
ballot-next = Nesaf
ballot-your-answer = Eich ateb
ballot-not-answered = Heb ateb eto
ballot-footer = Eich papur pleidleisio: { $number } o { $count } · { $assessment }
ballot-saved = Wedi'i gadw: { $value } ar “{ $question }”.
ballot-empty-live = Yn { $workshop } mae'r cwestiynau'n dod un ar y tro, a does dim un yn aros amdanoch chi ar hyn o bryd. Arhoswch i'r hwylusydd bostio'r un nesaf, yna atebwch ef ar ei gerdyn neu yma gyda /ballot.
ballot-empty-async = Does dim byd ar agor i bleidleisio arno yn { $workshop } ar hyn o bryd. Mae hwylusydd yn agor asesiad gyda /workshop open; yna defnyddiwch /ballot eto.
ballot-done-live = Rydych wedi ateb popeth sydd ar agor. Bydd yr hwylusydd yn postio'r cwestiwn nesaf pan ddaw'r amser. Gallwch newid eich atebion nes bydd y canlyniadau'n cael eu dangos.
ballot-done-async = Rydych wedi ateb popeth sydd ar agor. Gallwch newid eich atebion nes bydd y canlyniadau'n cael eu dangos.

## Dangos y canlyniadau
reveal-shown = Dyma'r canlyniadau ar gyfer { $workshop }. Does dim modd newid yr atebion i'r cwestiynau hyn bellach. Mae pob un yn dangos beth mae'r cyngor a'r sector gwirfoddol yn ei feddwl, gan ddechrau lle maen nhw'n gwahaniaethu fwyaf.
reveal-file = Mae'r holl ganlyniadau hyd yma yn y ffeil sydd ynghlwm (Markdown). Nesaf: trafodwch y gwahaniaethau mwyaf, yna awgrymwch gamau gweithredu gyda /action propose.
reveal-at-deadline = Caeodd y pleidleisio ar ddiwedd { $deadline }, sef y dyddiad cau ar gyfer { $workshop }, felly dyma'r canlyniadau. Mae pob un yn dangos beth mae'r cyngor a'r sector gwirfoddol yn ei feddwl, gan ddechrau lle maen nhw'n gwahaniaethu fwyaf.
reveal-chart = Siart: { $title }
reveal-relationship-title = { $name }: y pum cwestiwn
reveal-strategic-title = { $name }: pa mor strategol
reveal-benefits-question = I ba raddau mae ein partneriaeth yn cyflawni pob mantais? Mae 1 yn golygu dim o gwbl, ac mae 5 yn golygu cymaint â phosibl.
reveal-order = Mae'r cwestiynau lle mae'r cyngor a'r sector gwirfoddol yn gwahaniaethu fwyaf yn dod gyntaf.
reveal-too-few = rhy ychydig o bobl i'w dangos
reveal-mean = { $mean } ({ $count ->
    [one] 1 person
    [two] 2 berson
   *[other] { $count } o bobl
})
reveal-means = Pawb: { $everyone } · Cyngor: { $council } · Sector gwirfoddol: { $vcs }
reveal-means-other = { " " }· Partneriaid eraill: { $other }
reveal-no-comparison = Dim cymhariaeth: mae gan un ochr ry ychydig o bobl i'w dangos.
reveal-gap-none = Mae'r cyngor a'r sector gwirfoddol yn rhoi'r un sgôr iddo.
reveal-gap-council-higher = Mae'r cyngor yn rhoi sgôr { $points } pwynt yn uwch iddo na'r sector gwirfoddol.
reveal-gap-vcs-higher = Mae'r sector gwirfoddol yn rhoi sgôr { $points } pwynt yn uwch iddo na'r cyngor.
reveal-gap = { $difference } { $verdict }. { $pattern }.
reveal-not-sure = { $count ->
    [one] Ddim yn siŵr: 1 person
    [two] Ddim yn siŵr: 2 berson
   *[other] Ddim yn siŵr: { $count } o bobl
}
reveal-voters = Pwy atebodd: { $council } o'r cyngor, { $vcs } o'r sector gwirfoddol a { $other ->
    [0] dim partneriaid eraill
    [one] 1 partner arall
    [two] 2 bartner arall
   *[other] { $other } o bartneriaid eraill
}. Dim ond pan fydd o leiaf { $threshold ->
    [one] 1 person
    [two] 2 berson
   *[other] { $threshold } o bobl
} o ochr wedi ateb y caiff ffigurau'r ochr honno eu dangos; fel arall mae'n dweud "{ $too_few }".
reveal-score = { $score } allan o 75, { $band }
reveal-strategic-scores = **Sgôr allan o 75**
    Pawb: { $everyone }
    Cyngor: { $council }
    Sector gwirfoddol: { $vcs }

    { $case }

    { $voters }
reveal-meant-strategic = Mae'r berthynas hon i fod yn strategol.
reveal-not-meant-strategic = Dydy'r berthynas hon ddim i fod yn strategol.
reveal-no-case = Atebodd rhy ychydig o bobl i'w gosod yn un o bedwar achos y pecyn cymorth.
reveal-principles = Egwyddorion (allan o 15)
reveal-principle = { $principle }: pawb { $everyone } · cyngor { $council } · sector gwirfoddol { $vcs }
reveal-principle-score = { $score } / 15

## Negeseuon atgoffa mae'r bot yn eu postio ei hun
reminder-subject-for = { $assessment }, ar gyfer “{ $relationship }”,
reminder-voting-closes-on = Nodyn atgoffa ar gyfer { $workshop }: bydd y pleidleisio ar { $subject } yn cau ar ddiwedd { $deadline }. Heb bleidleisio eto: { $people }. Defnyddiwch /ballot i ateb yn breifat. Gallwch newid ateb nes bydd y canlyniadau'n cael eu dangos.
reminder-voting-closes-soon = Nodyn atgoffa ar gyfer { $workshop }: bydd y pleidleisio ar { $subject } yn cau cyn bo hir. Heb bleidleisio eto: { $people }. Defnyddiwch /ballot i ateb yn breifat. Gallwch newid ateb nes bydd y canlyniadau'n cael eu dangos.
reminder-action-due = Roedd cam gweithredu #{ $number } “{ $action }” (perchennog: { $owner }) yn ddyledus ar { $due }. Diweddarwch ef gyda /action status.

## Y gofrestr perthnasoedd
relationship-added = Mae'r berthynas hon wedi'i chofrestru yn { $workshop }: { $relationship } Nesaf: gwelwch nhw i gyd gyda /relationship list. Yna gall hwylusydd agor asesiad dau ar ei chyfer gyda /workshop open.
relationship-edited = Wedi'i chadw: { $relationship } Gwelwch nhw i gyd gyda /relationship list.
relationship-none = Does dim perthynas wedi'i chofrestru yn { $workshop } eto. Cofrestrwch un gyda /relationship add.
relationship-list-title = Perthnasoedd: { $workshop }
relationship-list-count = { $count ->
    [zero] Does dim perthnasoedd wedi'u cofrestru.
    [one] Mae 1 berthynas wedi'i chofrestru.
    [two] Mae 2 berthynas wedi'u cofrestru.
   *[other] Mae { $count } o berthnasoedd wedi'u cofrestru.
} Newidiwch un gyda /relationship edit.
relationship-types-two = { $first } a { $second }
relationship-held-direct = yn uniongyrchol
relationship-held-brokered = drwy frocer, sef corff seilwaith
relationship-described = “{ $name }”: { $types }, ar { $level }, { $held }.
relationship-described-holder = “{ $name }”: { $types }, ar { $level }, { $held }. { $holder } sy'n ei dal.
relationship-meant-strategic = Mae hi i fod yn strategol.
relationship-not-meant-strategic = Dydy hi ddim i fod yn strategol.
relationship-types-line = { $count ->
    [one] Math: { $types }
   *[other] Mathau: { $types }
}
relationship-level-line = Lefel: { $level }, { $held }
relationship-holder-line = Pwy sy'n ei dal: { $holder }
relationship-strategic-yes = I fod yn strategol: ydy
relationship-strategic-no = I fod yn strategol: nac ydy
relationship-gaps-title = Mathau heb berthynas eto
relationship-no-gaps = Dim: mae gan bob math o leiaf un berthynas.
relationship-gaps = { $types }. Trafodwch a oes angen un o bob math ar y bartneriaeth.
workshop-choice = { $title } (#{ $number })
workshop-choice-closed = { $title } (#{ $number }, ar gau)
