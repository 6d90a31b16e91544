# DRAFFT o gyfieithiad: i'w adolygu gan swyddog iaith Gymraeg y cyngor neu
# wasanaeth cyfieithu cyn ei ddefnyddio'n gyhoeddus.
# Beth mae Discord yn ei ddangos ar gyfer y gorchmynion slaes: disgrifiad pob
# gorchymyn a phob opsiwn, 100 nod ar y mwyaf. Does gan Discord ddim iaith
# Gymraeg, felly mae'n dangos y geiriau Saesneg (locales/en-GB/commands.ftl)
# i bawb. Mae'r geiriau Cymraeg yma yn cadw pob neges yn y ddwy iaith, yn
# barod ar gyfer y dydd y gall Discord eu dangos. Mae enwau'r gorchmynion,
# yr opsiynau a'r dewisiadau (council, vcs, cymraeg) yn aros fel y maen nhw.

## Geiriau a rennir gan opsiwn y gweithdy mewn llawer o orchmynion
-workshop-option-which = Pa weithdy (gadewch allan i gael gweithdy'r sianel hon)
-workshop-option-leave-out = Gadewch allan i gael gweithdy'r sianel hon

## /workshop
command-workshop = Cynnal gweithdy hunanasesu partneriaeth.
command-workshop-create = Dechrau gweithdy yn y sianel hon (mae angen Manage Server).
command-workshop-create-title = Enw y bydd pobl yn ei adnabod, e.e. Adolygiad partneriaeth y gwanwyn
command-workshop-create-mode = live: camu drwy'r cwestiynau gyda'ch gilydd; async: pleidleisio dros ddyddiau
command-workshop-create-deadline = Modd async: diwrnod olaf y pleidleisio, BBBB-MM-DD
command-workshop-create-anonymity_threshold = Y lleiaf o bleidleiswyr ochr y dangosir eu ffigurau (1–10, 3 os na ddewiswch)
command-workshop-create-council_role = Y rôl sy'n golygu'r cyngor
command-workshop-create-vcs_role = Y rôl sy'n golygu'r sector gwirfoddol
command-workshop-create-facilitator_role = Rôl y caiff ei haelodau redeg y gweithdy
command-workshop-create-language = Saesneg (os na ddewiswch), Cymraeg, neu'r ddwy gyda'r Gymraeg yn gyntaf
command-workshop-open = Agor asesiad i'w drafod ac i bleidleisio arno.
command-workshop-open-assessment = Pa un o dri asesiad y pecyn cymorth
command-workshop-open-relationship = Asesiadau dau a thri: un berthynas (gadewch allan i gael pob un sydd heb ei hasesu)
command-workshop-open-workshop = { -workshop-option-which }
command-workshop-next = Modd byw: postio cerdyn y cwestiwn nesaf.
command-workshop-next-workshop = { -workshop-option-which }
command-workshop-status = Pwy sydd wedi ateb pob cwestiwn a bostiwyd, fesul ochr, a phwy sydd heb (byth beth).
command-workshop-status-workshop = { -workshop-option-which }
command-workshop-reveal = Dangos canlyniadau'r hyn sydd ar agor; ni all y pleidleisiau newid wedyn.
command-workshop-reveal-assessment = Yr asesiad hwn yn unig (gadewch allan i gael popeth sydd ar agor)
command-workshop-reveal-relationship = Y berthynas hon yn unig
command-workshop-reveal-workshop = { -workshop-option-which }
command-workshop-close = Cau'r gweithdy: mae'r pleidleisio'n dod i ben ac mae'r canlyniadau'n aros.
command-workshop-close-workshop = { -workshop-option-which }
command-workshop-rerun = Dechrau'r gweithdy eto, wedi'i gysylltu â hwn er mwyn dangos newidiadau.
command-workshop-rerun-title = Enw'r gweithdy newydd, e.e. Adolygiad partneriaeth yr hydref
command-workshop-rerun-workshop = Pa weithdy i'w gynnal eto (gadewch allan i gael gweithdy'r sianel hon)
command-workshop-report = Adroddiad y canlyniadau a ddangoswyd, fel ffeil.
command-workshop-report-format = md (os na ddewiswch), csv, json neu html
command-workshop-report-workshop = { -workshop-option-which }

## Cymryd rhan
command-join = Cymryd rhan mewn gweithdy, a dweud dros ba ochr rydych yn siarad.
command-join-side = Y cyngor, y sector gwirfoddol, neu bartner arall fel y GIG
command-join-organisation = Eich sefydliad, os ydych am iddo fod ar y cofnod
command-join-workshop = { -workshop-option-leave-out }
command-leave = Peidio â chymryd rhan mewn gweithdy. Mae eich pleidleisiau hyd yma yn dal i gyfrif.
command-leave-workshop = { -workshop-option-leave-out }
command-forget-me = Dileu eich enw a'ch sefydliad o bob gweithdy.
command-my-data = Gweld popeth sydd gan Common Ground amdanoch chi yn y gweinydd hwn.
command-ballot = Mynd drwy bob cwestiwn agored nad ydych wedi'i ateb eto, yn breifat.
command-ballot-workshop = { -workshop-option-which }

## /relationship
command-relationship = Y perthnasoedd rhwng y cyngor a'r sector gwirfoddol (asesiad dau).
command-relationship-add = Cofrestru perthynas rydych yn gwybod amdani.
command-relationship-add-name = Enw byr y bydd pobl yn ei adnabod
command-relationship-add-type = Ei phrif fath
command-relationship-add-level = Ble mae'n gweithio: cymdogaeth, lle neu system
command-relationship-add-also_type = Ail fath, os oes ganddi un
command-relationship-add-holder = Pwy sy'n ei dal: adran neu rôl
command-relationship-add-held = Yn uniongyrchol, neu drwy frocer, sef corff seilwaith (yn uniongyrchol os na ddewiswch)
command-relationship-add-intended_strategic = Ydy hi i fod yn strategol? (nac ydy os na ddewiswch)
command-relationship-add-workshop = { -workshop-option-leave-out }
command-relationship-list = Y perthnasoedd a gofrestrwyd, a'r mathau heb yr un (y bylchau).
command-relationship-list-workshop = { -workshop-option-leave-out }
command-relationship-edit = Newid perthynas a gofrestrwyd. Mae'r opsiynau a adewir allan yn aros fel y maen nhw.
command-relationship-edit-relationship = Y berthynas i'w newid
command-relationship-edit-name = Enw newydd
command-relationship-edit-type = Ei phrif fath
command-relationship-edit-level = Ble mae'n gweithio: cymdogaeth, lle neu system
command-relationship-edit-also_type = Ail fath
command-relationship-edit-holder = Pwy sy'n ei dal: adran neu rôl
command-relationship-edit-held = Yn uniongyrchol, neu drwy frocer, sef corff seilwaith
command-relationship-edit-intended_strategic = Ydy hi i fod yn strategol?
command-relationship-edit-workshop = { -workshop-option-leave-out }

## /action a /plan
command-action = Camau gweithredu ar gyfer y cynllun ar y cyd.
command-action-propose = Cynnig cam gweithredu ar gyfer y cynllun ar y cyd, mewn ffurflen fer.
command-action-propose-prompted_by = Beth a'i sbardunodd: ystyriaeth, perthynas neu gwestiwn
command-action-propose-workshop = { -workshop-option-leave-out }
command-action-list = Y camau gweithredu a gynigiwyd hyd yma, gyda'u rhifau.
command-action-list-workshop = { -workshop-option-leave-out }
command-action-status = Dweud ble mae cam gweithredu arni: heb ddechrau, ar y gweill, wedi'i wneud neu wedi'i ollwng.
command-action-status-action = Rhif y cam gweithredu, fel y mae /action list yn ei ddangos
command-action-status-status = Ble mae arni nawr
command-action-status-workshop = { -workshop-option-leave-out }
command-plan = Y cynllun gweithredu ar y cyd, gyda'r adroddiad llawn ynghlwm.
command-plan-workshop = { -workshop-option-leave-out }

## /language
command-language = Dewis yr iaith y mae'r bot yn ei defnyddio wrth ateb i chi yn unig.
command-language-choice = Cymraeg neu English
