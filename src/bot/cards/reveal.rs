//! The reveal: for each revealed round, council and VCS views side by side,
//! most divergent first, in as many embeds as they need, with its chart.

use poise::serenity_prelude as serenity;

use crate::bot::embeds::{self, Embed, Field, paginate};
use crate::bot::limits::{ALT_TEXT_MAX_CHARS, MESSAGE_CONTENT_MAX_CHARS, clip_label};
use crate::domain::Toolkit;
use crate::domain::*;
use crate::prompts::Words;
use crate::report::charts::{self, DivergenceInput};
use crate::report::figures::divergence_input;
use crate::report::phrases;

/// One revealed round: its embeds and the chart to draw for it.
#[derive(Debug, Clone)]
pub struct RevealSection {
    /// Safe as part of a file name.
    pub key: String,
    pub embeds: Vec<Embed>,
    pub chart: DivergenceInput,
}

fn item_field(words: &Words, item: &ItemResult) -> Field {
    let mut value = format!(
        "All {} · Council {} · VCS {}",
        phrases::mean(words, item.all.as_ref()),
        phrases::mean(words, item.council.as_ref()),
        phrases::mean(words, item.vcs.as_ref())
    );
    if let Some(other) = &item.other {
        value.push_str(&format!(" · Other {}", phrases::mean(words, Some(other))));
    }
    match item.comparison.as_ref() {
        Some(comparison) => value.push_str(&format!(
            "\nGap {}: {}",
            phrases::gap(words, item),
            phrases::verdict(words, Some(comparison))
        )),
        None => value.push_str("\nNo comparison: a side has too few votes to show."),
    }
    if let Some(sureness) = phrases::sureness(words, item) {
        value.push_str(&format!("\n{sureness}"));
    }
    if let Some(not_sure) = item.not_sure.filter(|n| *n > 0) {
        value.push_str(&format!("\nNot sure: {not_sure}"));
    }
    Field {
        name: item.short.clone(),
        value,
    }
}

fn voters_line(words: &Words, round: &AssessmentResults, threshold: u8) -> String {
    let voters = &round.voters;
    let line = format!(
        "Voted: {} council · {} VCS · {} other. A group's figures show only when at least \
         {threshold} of its members answered; otherwise \"{}\".",
        voters.council,
        voters.vcs,
        voters.other,
        phrases::too_few(words)
    );
    match phrases::left_out_sentence(words, round.left_out()) {
        Some(sentence) => format!("{line}\n{sentence}"),
        None => line,
    }
}

const MOST_DIVERGENT_FIRST: &str = "Items are listed most divergent first.";

/// The reveal of each round in `revealed` that the results hold.
pub fn reveal_sections(
    toolkit: &Toolkit,
    results: &WorkshopResults,
    revealed: &[Round],
    words: &Words,
) -> Vec<RevealSection> {
    let mut sections = Vec::new();
    for round in revealed {
        match round.assessment {
            Assessment::Benefits => {
                if let Some(benefits) = results.benefits.as_ref().filter(|b| b.round_id == round.id)
                {
                    let description = format!(
                        "To what extent is our partnership realising each benefit? \
                         1 = not at all, 5 = as much as possible.\n{}\n{MOST_DIVERGENT_FIRST}",
                        voters_line(words, benefits, results.threshold)
                    );
                    sections.push(RevealSection {
                        key: format!("benefits-{}", round.id),
                        embeds: paginate(
                            Assessment::Benefits.title(),
                            &description,
                            benefits
                                .items
                                .iter()
                                .map(|item| item_field(words, item))
                                .collect(),
                        ),
                        chart: divergence_input(
                            words,
                            &crate::label!(words, "chart-benefits-name"),
                            &benefits.items,
                        ),
                    });
                }
            }
            Assessment::Relationships => {
                for relationship in &results.relationships {
                    let Some(questions) = relationship
                        .questions
                        .as_ref()
                        .filter(|q| q.round_id == round.id)
                    else {
                        continue;
                    };
                    let name = &relationship.relationship.name;
                    let description = format!(
                        "{}\n{MOST_DIVERGENT_FIRST}",
                        voters_line(words, questions, results.threshold)
                    );
                    sections.push(RevealSection {
                        key: format!("relationship-{}", round.id),
                        embeds: paginate(
                            &format!("{name}: the five questions"),
                            &description,
                            questions
                                .items
                                .iter()
                                .map(|item| item_field(words, item))
                                .collect(),
                        ),
                        chart: divergence_input(words, name, &questions.items),
                    });
                }
            }
            Assessment::Strategic => {
                for relationship in &results.relationships {
                    let Some(strategic) = relationship
                        .strategic
                        .as_ref()
                        .filter(|s| s.round.round_id == round.id)
                    else {
                        continue;
                    };
                    let name = &relationship.relationship.name;
                    sections.push(RevealSection {
                        key: format!("strategic-{}", round.id),
                        embeds: paginate(
                            &format!("{name}: how strategic"),
                            &strategic_description(
                                words,
                                toolkit,
                                &relationship.relationship,
                                strategic,
                                results.threshold,
                            ),
                            strategic_fields(words, strategic),
                        ),
                        chart: divergence_input(words, name, &strategic.round.items),
                    });
                }
            }
        }
    }
    sections
}

fn strategic_description(
    words: &Words,
    toolkit: &Toolkit,
    relationship: &Relationship,
    strategic: &StrategicResults,
    threshold: u8,
) -> String {
    let score = &strategic.score;
    let intent = if relationship.intended_strategic {
        "meant to be strategic"
    } else {
        "not meant to be strategic"
    };
    let case = match (strategic.case, &strategic.case_action) {
        (Some(case), Some(action)) => {
            let label = toolkit
                .case(case.key())
                .map_or_else(|| case.key().to_owned(), |c| c.label.clone());
            format!("This relationship is {intent}. {label}: {action}")
        }
        _ => format!(
            "This relationship is {intent}. Too few votes to place it in one of the toolkit's \
             four cases."
        ),
    };
    let case = match phrases::sides_case_sentence(words, toolkit, &strategic.case_by_side) {
        Some(sentence) => format!("{case} {sentence}"),
        None => case,
    };
    format!(
        "**Score out of 75**\nAll: {}\nCouncil: {}\nVCS: {}\n\n{case}\n\n{}\n{MOST_DIVERGENT_FIRST}",
        phrases::score(words, toolkit, score.all.as_ref()),
        phrases::score(words, toolkit, score.council.as_ref()),
        phrases::score(words, toolkit, score.vcs.as_ref()),
        voters_line(words, &strategic.round, threshold)
    )
}

fn strategic_fields(words: &Words, strategic: &StrategicResults) -> Vec<Field> {
    let sub = |score: Option<&SubScore>| phrases::sub_score(words, score);
    let principles = strategic
        .principles
        .iter()
        .map(|p| {
            format!(
                "{}: all {} · council {} · VCS {}",
                p.name,
                sub(p.score.all.as_ref()),
                sub(p.score.council.as_ref()),
                sub(p.score.vcs.as_ref())
            )
        })
        .collect::<Vec<_>>()
        .join("\n");
    let mut fields = Vec::new();
    if !principles.is_empty() {
        fields.push(Field {
            name: "Principles (out of 15)".to_owned(),
            value: principles,
        });
    }
    fields.extend(
        strategic
            .round
            .items
            .iter()
            .map(|item| item_field(words, item)),
    );
    fields
}

/// The messages of one section: its embeds, the first with its chart
/// attached. A chart that cannot be drawn is left out: the embeds carry
/// the same facts. The chart is rasterised on a blocking thread, off the
/// async runtime.
pub async fn section_messages(
    section: RevealSection,
    words: &Words<'_>,
) -> Vec<poise::CreateReply> {
    let drawn = match charts::divergence_chart(&section.chart, words) {
        Ok(chart) => {
            tokio::task::spawn_blocking(move || {
                let png = chart.png()?;
                Ok::<_, charts::ChartError>((chart, png))
            })
            .await
        }
        Err(error) => Ok(Err(error)),
    };
    let mut chart = match drawn {
        Ok(Ok(drawn)) => Some(drawn),
        Ok(Err(error)) => {
            tracing::info!(%error, "reveal chart left out");
            None
        }
        Err(error) => {
            tracing::warn!(%error, "reveal chart left out");
            None
        }
    };
    embeds::replies(section.embeds)
        .into_iter()
        .map(|reply| match chart.take() {
            // The message says what the chart shows in one line; its
            // figures are in the embeds and the picture's alt text.
            Some((chart, png)) => reply
                .content(clip_label(
                    &format!("Chart: {}", chart.title),
                    MESSAGE_CONTENT_MAX_CHARS,
                ))
                .attachment(
                    serenity::CreateAttachment::bytes(png, format!("{}.png", section.key))
                        .description(clip_label(&chart.alt_text, ALT_TEXT_MAX_CHARS)),
                ),
            None => reply,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use chrono::{TimeZone, Utc};

    use super::*;
    use crate::bot::cards::fixtures::{long_name, participant, round, toolkit, workshop};
    use crate::bot::embeds::{EMBEDS_PER_MESSAGE_MAX, pack_messages};
    use crate::bot::limits::EMBED_TOTAL_MAX_CHARS;

    /// 200 participants, 30 relationships, every assessment revealed and
    /// every item answered by everyone.
    fn large_results(toolkit: &Toolkit) -> (WorkshopResults, Vec<Round>) {
        let workshop = workshop();
        let participants: Vec<Participant> = (1..=200).map(participant).collect();
        let relationships: Vec<Relationship> = (1..=30)
            .map(|n| Relationship {
                id: RelationshipId(n),
                workshop_id: WorkshopId(1),
                name: long_name("Relationship", n as usize),
                types: vec![RelationshipType::ALL[n as usize % 5]],
                holder: None,
                level: Level::Place,
                held: Held::ALL[0],
                intended_strategic: n % 2 == 0,
                added_by: None,
            })
            .collect();
        let mut rounds = vec![round(1, Assessment::Benefits, None)];
        for relationship in &relationships {
            let id = relationship.id.0;
            rounds.push(round(
                100 + id,
                Assessment::Relationships,
                Some(relationship.id),
            ));
            rounds.push(round(
                200 + id,
                Assessment::Strategic,
                Some(relationship.id),
            ));
        }
        let mut votes = Vec::new();
        for round in &rounds {
            for (index, item) in toolkit.items(round.assessment).iter().enumerate() {
                for participant in &participants {
                    let code = ((participant.id.0 as usize + index) % 6) as u8;
                    votes.push(Vote {
                        round_id: round.id,
                        item: item.id.clone(),
                        participant_id: participant.id,
                        value: VoteValue::from_code(code).unwrap(),
                        cast_at: Utc.with_ymd_and_hms(2025, 1, 1, 10, 0, 0).unwrap(),
                        side_at_reveal: None,
                    });
                }
            }
        }
        let results = compute(
            toolkit,
            &workshop,
            &participants,
            &relationships,
            &rounds,
            &RoundItems::new(),
            &votes,
            &[],
            &[],
        );
        (results, rounds)
    }

    #[test]
    fn the_reveal_of_a_large_workshop_stays_within_discords_limits() {
        let toolkit = toolkit();
        let catalogue = crate::prompts::Catalogue::embedded().expect("the shipped catalogue loads");
        let words = catalogue.words(Language::English);
        let (results, rounds) = large_results(&toolkit);
        let sections = reveal_sections(&toolkit, &results, &rounds, &words);
        // Benefits, then per relationship its five questions and how strategic.
        assert_eq!(sections.len(), 1 + 30 + 30);
        for section in sections {
            let items = section.chart.rows.len();
            let is_strategic = section.key.starts_with("strategic-");
            let fields: Vec<&Field> = section.embeds.iter().flat_map(|e| &e.fields).collect();
            let whole_fields = fields
                .iter()
                .filter(|f| !f.name.ends_with("(continued)"))
                .count();
            assert_eq!(
                whole_fields,
                items + usize::from(is_strategic),
                "{}",
                section.key
            );
            for embed in &section.embeds {
                assert!(embed.fits(), "{} does not fit: {embed:?}", section.key);
            }
            for message in pack_messages(section.embeds) {
                assert!(message.len() <= EMBEDS_PER_MESSAGE_MAX);
                assert!(message.iter().map(Embed::chars).sum::<usize>() <= EMBED_TOTAL_MAX_CHARS);
            }
        }
    }

    #[test]
    fn a_strategic_reveal_shows_scores_band_case_and_means() {
        let toolkit = toolkit();
        let catalogue = crate::prompts::Catalogue::embedded().expect("the shipped catalogue loads");
        let words = catalogue.words(Language::English);
        let (results, rounds) = large_results(&toolkit);
        let strategic: Vec<Round> = rounds
            .into_iter()
            .filter(|r| r.id == RoundId(202))
            .collect();
        let sections = reveal_sections(&toolkit, &results, &strategic, &words);
        assert_eq!(sections.len(), 1);
        let embed = &sections[0].embeds[0];
        assert!(embed.title.ends_with(": how strategic"), "{}", embed.title);
        assert!(embed.description.starts_with("**Score out of 75**\nAll: "));
        assert!(
            embed
                .description
                .contains("This relationship is meant to be strategic.")
        );
        assert_eq!(embed.fields[0].name, "Principles (out of 15)");
        // Every group has far more than 3 voters, so every mean shows.
        for field in &embed.fields[1..] {
            assert!(field.value.contains("Council "), "{}", field.value);
            assert!(
                !field.value.contains(&phrases::too_few(&words)),
                "{}",
                field.value
            );
        }
    }
}
