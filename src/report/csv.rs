//! One row per item, group and relationship: for spreadsheets. Hidden
//! figures are empty cells.

use crate::domain::*;

use super::ReportInput;

const HEADER: [&str; 22] = [
    "assessment",
    "relationship",
    "item",
    "short",
    "group",
    "n",
    "mean",
    "median",
    "sd",
    "rwg",
    "count_1",
    "count_2",
    "count_3",
    "count_4",
    "count_5",
    "gap",
    "verdict",
    "cliffs_delta",
    "magnitude",
    "p_value",
    "q_value",
    "certainty",
];

fn write_items(
    writer: &mut csv::Writer<Vec<u8>>,
    assessment: Assessment,
    relationship: &str,
    items: &[ItemResult],
) -> csv::Result<()> {
    for item in items {
        for (group, stats) in [
            ("all", &item.stats.all),
            ("council", &item.stats.council),
            ("vcs", &item.stats.vcs),
            ("other", &item.stats.other),
        ] {
            let number = |f: fn(&GroupStats) -> String| stats.as_ref().map(f).unwrap_or_default();
            let mut row = vec![
                assessment.as_str().to_owned(),
                relationship.to_owned(),
                item.item.to_string(),
                item.short.clone(),
                group.to_owned(),
                number(|s| s.n.to_string()),
                number(|s| s.mean.to_string()),
                number(|s| s.median.to_string()),
                number(|s| s.sd.to_string()),
                number(|s| s.rwg.map(|r| r.to_string()).unwrap_or_default()),
            ];
            for k in 0..5 {
                row.push(
                    stats
                        .as_ref()
                        .map(|s| s.counts[k].to_string())
                        .unwrap_or_default(),
                );
            }
            row.push(
                item.comparison
                    .map(|c| c.gap.to_string())
                    .unwrap_or_default(),
            );
            row.push(
                item.comparison
                    .map(|c| c.verdict.label().to_owned())
                    .unwrap_or_default(),
            );
            let significance = |f: fn(&Significance) -> String| {
                item.significance.as_ref().map(f).unwrap_or_default()
            };
            row.extend([
                significance(|s| s.effect.cliffs_delta.to_string()),
                significance(|s| s.effect.magnitude.label().to_owned()),
                significance(|s| s.p_value.to_string()),
                significance(|s| s.q_value.to_string()),
                significance(|s| s.certainty().label().to_owned()),
            ]);
            writer.write_record(&row)?;
        }
    }
    Ok(())
}

pub fn render(input: &ReportInput) -> csv::Result<String> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record(HEADER)?;
    if let Some(benefits) = &input.results.benefits {
        write_items(&mut writer, Assessment::Benefits, "", &benefits.items)?;
    }
    for relationship in &input.results.relationships {
        let name = &relationship.relationship.details.name;
        if let Some(questions) = &relationship.questions {
            write_items(
                &mut writer,
                Assessment::Relationships,
                name,
                &questions.items,
            )?;
        }
        if let Some(strategic) = &relationship.strategic {
            write_items(
                &mut writer,
                Assessment::Strategic,
                name,
                &strategic.round.items,
            )?;
        }
    }
    let bytes = writer.into_inner().map_err(|e| e.into_error())?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}
