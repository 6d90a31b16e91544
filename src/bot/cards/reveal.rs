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

/// A group's figure as `shown` words it, or "too few people to show" for a
/// group the anonymity rules hide (`None`).
fn shown_or_too_few<T>(
    words: &Words<'_>,
    group: Option<T>,
    shown: impl FnOnce(T) -> String,
) -> String {
    group.map_or_else(|| crate::text!(words, "reveal-too-few"), shown)
}

/// "4.3 (3 people)", or "too few people to show".
fn mean_words(words: &Words<'_>, stats: Option<&GroupStats>) -> String {
    shown_or_too_few(words, stats, |s| {
        crate::text!(
            words,
            "reveal-mean",
            mean = Tenths::of(s.mean).to_string(),
            count = s.n
        )
    })
}

/// The gap in words, from the means as shown so that it adds up: "The
/// council rates it 2.5 points higher than the VCS. Far apart: …".
fn gap_words(words: &Words<'_>, item: &ItemResult) -> String {
    let (Some(council), Some(vcs), Some(comparison)) = (
        item.stats.council.as_ref(),
        item.stats.vcs.as_ref(),
        item.comparison.as_ref(),
    ) else {
        return crate::text!(words, "reveal-no-comparison");
    };
    let gap = shown_gap(council.mean, vcs.mean);
    let points = gap.magnitude().to_string();
    let difference = if gap.is_zero() {
        crate::text!(words, "reveal-gap-none")
    } else if gap.value() > 0.0 {
        crate::text!(words, "reveal-gap-council-higher", points = points)
    } else {
        crate::text!(words, "reveal-gap-vcs-higher", points = points)
    };
    crate::text!(
        words,
        "reveal-gap",
        difference = difference,
        verdict = words.name(comparison.verdict),
        pattern = words.name(comparison.classification)
    )
}

fn item_field(words: &Words<'_>, item: &ItemResult) -> Field {
    let mut value = crate::text!(
        words,
        "reveal-means",
        everyone = mean_words(words, item.stats.all.as_ref()),
        council = mean_words(words, item.stats.council.as_ref()),
        vcs = mean_words(words, item.stats.vcs.as_ref())
    );
    if let Some(other) = &item.stats.other {
        value.push_str(&crate::text!(
            words,
            "reveal-means-other",
            other = mean_words(words, Some(other))
        ));
    }
    value.push('\n');
    value.push_str(&gap_words(words, item));
    if let Some(sureness) = crate::report::phrases::sureness(words, item) {
        value.push_str(&format!("\n{sureness}"));
    }
    if let Some(not_sure) = item.not_sure.filter(|n| *n > 0) {
        value.push('\n');
        value.push_str(&crate::text!(words, "reveal-not-sure", count = not_sure));
    }
    Field {
        name: item.short.clone(),
        value,
    }
}

fn voters_line(words: &Words<'_>, round: &AssessmentResults, threshold: u8) -> String {
    let voters = &round.voters;
    let line = crate::text!(
        words,
        "reveal-voters",
        council = voters.council,
        vcs = voters.vcs,
        other = voters.other,
        threshold = threshold,
        too_few = crate::text!(words, "reveal-too-few")
    );
    match phrases::left_out_sentence(words, round.left_out()) {
        Some(sentence) => format!("{line}\n{sentence}"),
        None => line,
    }
}

/// The reveal of each round in `revealed` that the results hold.
pub fn reveal_sections(
    words: &Words<'_>,
    toolkit: &Toolkit,
    results: &WorkshopResults,
    revealed: &[Round],
) -> Vec<RevealSection> {
    let fields = |items: &[ItemResult]| items.iter().map(|i| item_field(words, i)).collect();
    let differ_most_first = crate::text!(words, "reveal-order");
    let mut sections = Vec::new();
    for round in revealed {
        match round.assessment {
            Assessment::Benefits => {
                if let Some(benefits) = results.benefits.as_ref().filter(|b| b.round_id == round.id)
                {
                    let description = format!(
                        "{}\n{}\n{differ_most_first}",
                        crate::text!(words, "reveal-benefits-question"),
                        voters_line(words, benefits, results.threshold)
                    );
                    sections.push(RevealSection {
                        key: format!("benefits-{}", round.id),
                        embeds: paginate(
                            &words.name(Assessment::Benefits),
                            &description,
                            fields(&benefits.items),
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
                    let name = relationship.relationship.details.name.as_str();
                    let description = format!(
                        "{}\n{differ_most_first}",
                        voters_line(words, questions, results.threshold)
                    );
                    sections.push(RevealSection {
                        key: format!("relationship-{}", round.id),
                        embeds: paginate(
                            &crate::label!(words, "reveal-relationship-title", name = name),
                            &description,
                            fields(&questions.items),
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
                    let name = relationship.relationship.details.name.as_str();
                    let mut description = strategic_description(
                        words,
                        toolkit,
                        &relationship.relationship,
                        strategic,
                        results.threshold,
                    );
                    description.push('\n');
                    description.push_str(&differ_most_first);
                    let mut strategic_fields = principles_field(words, strategic);
                    strategic_fields.extend(fields(&strategic.round.items));
                    sections.push(RevealSection {
                        key: format!("strategic-{}", round.id),
                        embeds: paginate(
                            &crate::label!(words, "reveal-strategic-title", name = name),
                            &description,
                            strategic_fields,
                        ),
                        chart: divergence_input(words, name, &strategic.round.items),
                    });
                }
            }
        }
    }
    sections
}

/// "47 out of 75: largely strategic", or "too few people to show".
fn score_words(words: &Words<'_>, toolkit: &Toolkit, score: Option<&RelationshipScore>) -> String {
    shown_or_too_few(words, score, |s| {
        crate::text!(
            words,
            "reveal-score",
            score = Whole::of(s.raw).to_string(),
            band = toolkit.band(s.band).label.to_lowercase()
        )
    })
}

fn strategic_description(
    words: &Words<'_>,
    toolkit: &Toolkit,
    relationship: &Relationship,
    strategic: &StrategicResults,
    threshold: u8,
) -> String {
    let score = &strategic.score;
    let intent = if relationship.details.intended_strategic {
        crate::text!(words, "reveal-meant-strategic")
    } else {
        crate::text!(words, "reveal-not-meant-strategic")
    };
    let case = match (strategic.case, &strategic.case_action) {
        (Some(case), Some(action)) => {
            let label = toolkit
                .case(case.key())
                .map_or_else(|| case.key().to_owned(), |c| c.label.clone());
            format!("{intent} {label}: {action}")
        }
        _ => format!("{intent} {}", crate::text!(words, "reveal-no-case")),
    };
    let case = match phrases::sides_case_sentence(words, toolkit, &strategic.case_by_side) {
        Some(sentence) => format!("{case} {sentence}"),
        None => case,
    };
    crate::text!(
        words,
        "reveal-strategic-scores",
        everyone = score_words(words, toolkit, score.all.as_ref()),
        council = score_words(words, toolkit, score.council.as_ref()),
        vcs = score_words(words, toolkit, score.vcs.as_ref()),
        case = case,
        voters = voters_line(words, &strategic.round, threshold)
    )
}

fn principles_field(words: &Words<'_>, strategic: &StrategicResults) -> Vec<Field> {
    let sub = |score: Option<&SubScore>| {
        shown_or_too_few(words, score, |s| {
            crate::text!(
                words,
                "reveal-principle-score",
                score = Whole::of(s.raw).to_string()
            )
        })
    };
    let principles = strategic
        .principles
        .iter()
        .map(|p| {
            crate::text!(
                words,
                "reveal-principle",
                principle = p.name.as_str(),
                everyone = sub(p.score.all.as_ref()),
                council = sub(p.score.council.as_ref()),
                vcs = sub(p.score.vcs.as_ref())
            )
        })
        .collect::<Vec<_>>()
        .join("\n");
    if principles.is_empty() {
        return Vec::new();
    }
    vec![Field {
        name: crate::label!(words, "reveal-principles"),
        value: principles,
    }]
}

/// The messages of one section: its embeds, the first with its chart
/// attached. A chart that cannot be drawn is left out: the embeds carry
/// the same facts. The chart is rasterised on a blocking thread, off the
/// async runtime.
pub async fn section_messages(
    words: &Words<'_>,
    section: RevealSection,
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
                    &crate::text!(words, "reveal-chart", title = chart.title.as_str()),
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
    use crate::bot::cards::fixtures::{long_name, participant, round, toolkit, words, workshop};
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
                details: RelationshipDetails {
                    name: long_name("Relationship", n as usize),
                    types: vec![RelationshipType::ALL[n as usize % 5]],
                    holder: None,
                    level: Level::Place,
                    held: Held::ALL[0],
                    intended_strategic: n % 2 == 0,
                },
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
        let results = compute_from_votes(
            &WorkshopRecords {
                toolkit,
                workshop: &workshop,
                participants: &participants,
                relationships: &relationships,
                rounds: &rounds,
                opened_with: &RoundItems::new(),
                actions: &[],
                responses: &[],
            },
            &votes,
        );
        (results, rounds)
    }

    #[test]
    fn the_reveal_of_a_large_workshop_stays_within_discords_limits() {
        let toolkit = toolkit();
        let (results, rounds) = large_results(&toolkit);
        let words = words(Language::English);
        let sections = reveal_sections(&words, &toolkit, &results, &rounds);
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
        let (results, rounds) = large_results(&toolkit);
        let strategic: Vec<Round> = rounds
            .into_iter()
            .filter(|r| r.id == RoundId(202))
            .collect();
        let words = words(Language::English);
        let sections = reveal_sections(&words, &toolkit, &results, &strategic);
        assert_eq!(sections.len(), 1);
        let embed = &sections[0].embeds[0];
        assert!(embed.title.ends_with(": how strategic"), "{}", embed.title);
        assert!(
            embed
                .description
                .starts_with("**Score out of 75**\nEveryone: "),
            "{}",
            embed.description
        );
        assert!(
            embed
                .description
                .contains("This relationship is meant to be strategic.")
        );
        assert_eq!(embed.fields[0].name, "Principles (out of 15)");
        // Every group has far more than 3 voters, so every mean shows.
        for field in &embed.fields[1..] {
            assert!(field.value.contains("Council: "), "{}", field.value);
            assert!(!field.value.contains("too few"), "{}", field.value);
        }
    }
}
