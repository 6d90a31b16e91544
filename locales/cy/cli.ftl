# DRAFFT o gyfieithiad: i'w adolygu gan swyddog iaith Gymraeg y cyngor neu
# wasanaeth cyfieithu cyn ei ddefnyddio'n gyhoeddus.

cli-messages-valid = Mae'r negeseuon yn ddilys: { $keys } o negeseuon, pob un yn Saesneg ac yn Gymraeg.
cli-messages-gaps = { $count ->
    [one] Mae 1 neges mewn un iaith ond nid yn y llall. Ychwanegwch hi at y ffeil a enwir isod, yna gwiriwch eto:
    [two] Mae 2 neges mewn un iaith ond nid yn y llall. Ychwanegwch bob un at y ffeil a enwir isod, yna gwiriwch eto:
   *[other] Mae { $count } o negeseuon mewn un iaith ond nid yn y llall. Ychwanegwch bob un at y ffeil a enwir isod, yna gwiriwch eto:
}
cli-messages-valid-rewording = Mae'r negeseuon wedi'u haralleirio yn y ffolder { $folder } yn ddilys. Bydd y bot yn eu defnyddio gyda gweddill ei { $keys } o negeseuon.

## Ffeiliau a'r gronfa ddata
cli-could-not-read = Methu darllen { $path }.
cli-could-not-write = Methu ysgrifennu { $path }.
cli-could-not-create = Methu creu'r ffolder { $path }.
cli-could-not-open-database = Methu agor y gronfa ddata { $path }.
cli-could-not-open-bot-database = Methu agor cronfa ddata'r bot. Gwiriwch DATABASE_URL.
cli-no-database = Nid oes cronfa ddata { $path }. Rhowch y ffeil y mae'r bot yn ei defnyddio (gweler DATABASE_URL).
cli-wrote = Wedi ysgrifennu { $path }.

## import
cli-imported = Wedi mewnforio { $votes ->
    [one] 1 bleidlais
    [two] 2 bleidlais
   *[other] { $votes } o bleidleisiau
} i weithdy { $workshop }, “{ $title }”, gyda { $participants ->
    [zero] dim cyfranogwyr newydd
    [one] 1 cyfranogwr newydd
    [two] 2 gyfranogwr newydd
   *[other] { $participants } o gyfranogwyr newydd
} a { $relationships ->
    [zero] dim perthnasoedd newydd
    [one] 1 berthynas newydd
    [two] 2 berthynas newydd
   *[other] { $relationships } o berthnasoedd newydd
}.
cli-imported-relationships = Mae'r perthnasoedd newydd wedi'u cofnodi fel perthnasoedd llunio ar lefel lle, a ddelir yn uniongyrchol. Cywirwch nhw yn Discord gyda /relationship edit.
cli-imported-next = Nesaf, lluniwch yr adroddiad: common-ground report --db { $db } --workshop { $workshop }
cli-import-unreadable-line = Llinell { $line }: { $problem }. Y colofnau yw participant,side,item,subject,value.
cli-import-refused-line = Llinell { $line }: { $problem } Ni fewnforiwyd dim byd.
cli-import-column-unreadable = mae colofn ar goll neu'n annarllenadwy ({ $detail })
cli-import-column-count = dylai fod { $expected } colofn, ond mae { $found }
cli-import-not-csv = nid oedd modd darllen y llinell fel CSV
cli-import-no-participant = Mae'r golofn participant yn wag.
cli-import-unknown-item = Nid yw “{ $item }” yn gwestiwn yn y pecyn cymorth. Defnyddiwch yr ids y mae check-prompts yn eu rhestru.
cli-import-needs-subject = Mae “{ $item }” yn gwestiwn am berthynas, felly rhaid i'r golofn subject enwi un.
cli-import-no-subject = Nid yw “{ $item }” yn gwestiwn am berthynas, felly gadewch y golofn subject yn wag.
cli-import-two-sides = Ar linell gynharach, mae { $name } ar un ochr ({ $first }), ond yma mae ar ochr arall ({ $second }).
cli-import-no-votes = Nid oes pleidleisiau yn y ffeil. Rhowch un bleidlais ar bob llinell o dan y pennawd participant,side,item,subject,value.

## purge a backup
cli-purged-nothing = Dim i'w ddileu: nid oes unrhyw weithdy a gaewyd fwy na { $days } diwrnod yn ôl yn dal data personol.
cli-purged = Wedi dileu data personol { $workshops ->
    [one] 1 gweithdy
    [two] 2 weithdy
   *[other] { $workshops } o weithdai
} a gaewyd fwy na { $days } diwrnod yn ôl. Mae { $participants ->
    [one] 1 cyfranogwr wedi'i wneud
    [two] 2 gyfranogwr wedi'u gwneud
   *[other] { $participants } o gyfranogwyr wedi'u gwneud
} yn ddienw, ac mae { $actions ->
    [one] 1 perchennog cam gweithredu
    [two] 2 berchennog cam gweithredu
   *[other] { $actions } o berchnogion camau gweithredu
} a { $relationships ->
    [one] 1 deiliad perthynas
    [two] 2 ddeiliad perthynas
   *[other] { $relationships } o ddeiliaid perthnasoedd
} wedi'u clirio. Mae'r pleidleisiau a'r niferoedd wedi'u cadw.
cli-backed-up = Wedi gwneud copi wrth gefn o { $db } yn { $copy }. I'w adfer, stopiwch y bot a chopïwch y copi wrth gefn dros ffeil y gronfa ddata.

## Y demo
demo-could-not-replace = Methu disodli'r gronfa ddata demo { $path }.
demo-written = Adroddiadau a siartiau wedi'u hysgrifennu yn y ffolder { $folder }:
demo-next = Y gronfa ddata demo yw { $db }. Rhowch gynnig ar: common-ground report --db { $db } --workshop { $workshop } --format md
