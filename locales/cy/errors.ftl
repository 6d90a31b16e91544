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
