# DRAFFT o gyfieithiad: i'w adolygu gan swyddog iaith Gymraeg y cyngor neu
# wasanaeth cyfieithu cyn ei ddefnyddio'n gyhoeddus.
# Gwrthod a phroblemau: beth aeth o'i le a beth i'w wneud nesaf.
# Cymraeg clir, termau'r pecyn cymorth.

## Aeth rhywbeth o'i le ar ochr y bot
error-unexpected = Aeth rhywbeth o'i le ar ochr Common Ground. Rhowch gynnig arall arni ymhen munud. Os yw'n dal i ddigwydd, dywedwch wrth bwy bynnag sy'n rhedeg y bot, a rhowch y cyfeirnod hwn iddyn nhw: { $reference }.

## Gorchymyn wedi'i ddefnyddio yn y ffordd anghywir
error-option-unusable = Doedd Common Ground ddim yn gallu defnyddio "{ $input }" yn /{ $command }. { $problem }
error-options-unreadable = Doedd Common Ground ddim yn gallu darllen opsiynau /{ $command }. { $problem }
error-not-here = Allwch chi ddim defnyddio /{ $command } yma.
error-not-allowed = Does dim hawl gennych chi i ddefnyddio /{ $command }. Gofynnwch i'r person sy'n rhedeg y gweithdy.
error-permissions-unknown = Doedd Common Ground ddim yn gallu gwirio a gewch chi ddefnyddio /{ $command }, felly does dim byd wedi newid. Rhowch gynnig arall arni.
error-bot-permission = Mae angen y caniatâd { $permission } ar Common Ground yn y sianel hon i wneud hynny. Gofynnwch i rywun sy'n rheoli'r gweinydd ei roi, yna rhowch gynnig arall arni.
error-direct-message = Defnyddiwch /{ $command } mewn sianel yn y gweinydd lle mae'r gweithdy'n cael ei gynnal, nid mewn neges uniongyrchol.
error-old-command = Mae gan Discord fersiwn hŷn o /{ $command } o hyd. Arhoswch funud iddo ddiweddaru, yna rhowch gynnig arall arni.

## Botymau a ffurflenni hen neu wedi torri
error-button-old-version = Cafodd y botwm hwn ei wneud gan fersiwn hŷn o Common Ground, a dydy e ddim yn gweithio bellach. Gofynnwch i'r hwylusydd bostio'r cerdyn eto.
error-button-unreadable = Doedd dim modd deall y botwm hwn, felly chafodd dim byd ei newid. Gofynnwch i'r hwylusydd bostio'r cerdyn eto.
error-form-unreadable = Doedd dim modd deall y ffurflen hon, felly chafodd dim byd ei gadw. Dechreuwch eto gyda'r gorchymyn.

## Gwrthod
error-not-facilitator = Dim ond hwylusydd sy'n gallu gwneud hyn. Gofynnwch i'r person sy'n rhedeg y gweithdy.
error-not-facilitator-role = Dim ond hwylusydd sy'n gallu gwneud hyn. Gofynnwch i'r person sy'n rhedeg y gweithdy, neu i rywun sydd â'r rôl { $role }.
error-not-participant = Dydych chi ddim wedi ymuno â'r gweithdy hwn eto. Defnyddiwch /join i ddweud ar ba ochr rydych chi, yna rhowch gynnig arall arni.
error-voting-closed-vote-kept = Mae'r pleidleisio ar y cwestiwn hwn wedi cau, felly does dim modd newid atebion iddo bellach. Mae eich pleidlais arno'n dal i gyfrif. Defnyddiwch /ballot i weld beth sy'n dal ar agor.
error-voting-closed-no-vote = Mae'r pleidleisio ar y cwestiwn hwn wedi cau, felly does dim modd newid atebion iddo bellach. Doeddech chi ddim wedi pleidleisio arno, felly does dim ateb gennych chi iddo. Defnyddiwch /ballot i weld beth sy'n dal ar agor.
error-workshop-closed = Mae'r gweithdy hwn ar gau. Gofynnwch i'r hwylusydd ei gynnal eto os ydych chi am asesu eto.
error-wrong-place = Mae'r botwm hwnnw'n perthyn i weithdy mewn gweinydd arall, felly does dim modd ei ddefnyddio yma.

## Gwrthod yr hyn y gofynnwyd i'r gwasanaeth ei wneud
error-invalid-value = { $problem }
error-title-empty = Mae { $what ->
    [relationship] enw'r berthynas
   *[workshop] teitl y gweithdy
} yn wag. Rhowch enw byr y bydd pobl yn ei adnabod.
error-title-too-long = Mae { $what ->
    [relationship] enw'r berthynas
   *[workshop] teitl y gweithdy
} yn { $count } nod o hyd; yr uchafswm yw { $limit }. Dewiswch un byrrach.
error-workshop-unknown-here = Does dim gweithdy o'r enw "{ $wanted }" yma. Gwiriwch yr enw, neu gadewch ef allan i ddefnyddio gweithdy'r sianel hon.
error-no-open-workshop = Does dim gweithdy ar agor yma. Gall hwylusydd ddechrau un gyda /workshop create.
error-several-open-workshops = Mae mwy nag un gweithdy ar agor yn y gweinydd hwn. Dywedwch pa un gyda'r opsiwn workshop.
error-workshop-unknown = Does dim gweithdy "{ $wanted }" yn y gronfa ddata hon. Rhowch ei rif neu ei union deitl.
error-workshop-gone = Dydy'r gweithdy hwnnw ddim yn bodoli bellach. Gofynnwch i'r hwylusydd pa un i'w ddefnyddio.
error-relationship-name-taken = Mae perthynas o'r enw "{ $name }" wedi'i chofrestru'n barod. Defnyddiwch /relationship edit i'w newid, neu dewiswch enw arall.
error-relationship-name-in-use = Mae perthynas arall o'r enw "{ $name }" yn barod. Dewiswch enw gwahanol.
error-relationship-unknown = Does dim perthynas o'r enw "{ $name }" yn y gweithdy hwn. Defnyddiwch /relationship list i weld yr enwau.
error-relationship-no-type = Rhowch o leiaf un math i'r berthynas: shaping, ongoing, neighbourhood, commissioning neu delivery.
error-nothing-left-to-assess = Does dim perthynas ar ôl i'w hasesu. Cofrestrwch un gyda /relationship add, neu enwch un yn yr opsiwn relationship.
error-round-gone = Dydy'r cylch pleidleisio hwnnw ddim yn bodoli bellach. Gofynnwch i'r hwylusydd ei agor eto.
error-all-posted = Mae pob cwestiwn yn yr asesiadau sydd ar agor wedi'i bostio'n barod. Datgelwch y canlyniadau, neu agorwch asesiad arall.
error-too-many-questions = Mae gormod o gwestiynau yn yr asesiad hwn.
error-question-gone = Dydy'r cwestiwn hwnnw ddim yn y pecyn cymorth bellach. Agorwch eich papur pleidleisio gyda /ballot i weld y cwestiynau presennol.
error-question-gone-no-card = Dydy'r cwestiwn hwnnw ddim yn y pecyn cymorth bellach, felly does dim cerdyn ar ei gyfer.
error-deadline-passed = Daeth y pleidleisio i ben ar ddiwedd { $deadline }, dyddiad cau'r gweithdy. Gofynnwch i'r hwylusydd a ddylid ei ymestyn.
error-question-not-posted = Dydy'r cwestiwn hwnnw ddim wedi'i bostio eto. Arhoswch i'r hwylusydd ei bostio, yna pleidleisiwch ar ei gerdyn.
error-nothing-to-reveal = Does dim byd ar agor i'w ddatgelu. Agorwch asesiad gyda /workshop open yn gyntaf, neu gwiriwch yr asesiad a'r berthynas a ddewisoch chi.
error-data-outside-server = Dim ond mewn gweinydd Discord y mae'r bot ynddo y mae modd dangos eich data. Defnyddiwch /my-data yno.
error-retention-too-long = Mae { $count } diwrnod yn gyfnod cadw rhy hir. Rhowch nifer o ddiwrnodau hyd at 36500.
error-backup-target = Does dim modd gwneud copi wrth gefn i { $path }: { $reason }. Dewiswch enw ffeil newydd.
