//! What the bot shows: vote cards, the private ballot, progress, discussion
//! prompts and the reveal. Plain data in, text and builders out; every piece
//! stays inside Discord's limits (see [`super::limits`]), splitting rather
//! than cutting words.

use chrono::NaiveDate;
use poise::serenity_prelude as serenity;

use super::custom_id::{ComponentAction, Direction};
use super::limits::{
    BUTTON_LABEL_MAX_CHARS, EMBED_DESCRIPTION_MAX_CHARS, EMBED_FIELD_NAME_MAX_CHARS,
    EMBED_FIELD_VALUE_MAX_CHARS, EMBED_FIELDS_MAX, EMBED_TITLE_MAX_CHARS, EMBED_TOTAL_MAX_CHARS,
    clip_label, split_message,
};
use crate::domain::*;
use crate::prompts::{Item, Toolkit};
use crate::report::charts::DivergenceInput;
use crate::report::content::{TOO_FEW, gap_cell, mean_cell, score_cell, verdict_cell};
use crate::report::figures::divergence_input;
use crate::service::{BallotItem, RoundProgress};

/// Discord shows at most ten embeds in one message.
pub const EMBEDS_PER_MESSAGE_MAX: usize = 10;
/// The footer is short text we write ourselves; Discord allows 2048.
const FOOTER_MAX_CHARS: usize = 2048;
/// The bot's colour on embeds: a calm green.
const COLOUR: u32 = 0x2E7D6B;

/// What the person sees once every open item has an answer.
pub const BALLOT_DONE: &str =
    "You have answered everything open. You can change answers until the reveal.";

/// One embed field, as text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Field {
    pub name: String,
    pub value: String,
}

/// An embed as plain text, so its size can be checked before it is sent.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Embed {
    pub title: String,
    pub description: String,
    pub fields: Vec<Field>,
    pub footer: Option<String>,
}

impl Embed {
    /// The characters Discord counts towards the 6000 of a message.
    pub fn chars(&self) -> usize {
        let count = |text: &str| text.chars().count();
        count(&self.title)
            + count(&self.description)
            + self.footer.as_deref().map_or(0, count)
            + self
                .fields
                .iter()
                .map(|f| count(&f.name) + count(&f.value))
                .sum::<usize>()
    }

    /// Whether every part is within Discord's limits.
    pub fn fits(&self) -> bool {
        let count = |text: &str| text.chars().count();
        count(&self.title) <= EMBED_TITLE_MAX_CHARS
            && count(&self.description) <= EMBED_DESCRIPTION_MAX_CHARS
            && self.fields.len() <= EMBED_FIELDS_MAX
            && self.fields.iter().all(|f| {
                !f.name.is_empty()
                    && !f.value.is_empty()
                    && count(&f.name) <= EMBED_FIELD_NAME_MAX_CHARS
                    && count(&f.value) <= EMBED_FIELD_VALUE_MAX_CHARS
            })
            && self
                .footer
                .as_deref()
                .is_none_or(|f| count(f) <= FOOTER_MAX_CHARS)
            && self.chars() <= EMBED_TOTAL_MAX_CHARS
    }

    pub fn to_create(&self) -> serenity::CreateEmbed {
        let mut embed = serenity::CreateEmbed::new()
            .title(&self.title)
            .colour(COLOUR);
        if !self.description.is_empty() {
            embed = embed.description(&self.description);
        }
        for field in &self.fields {
            embed = embed.field(&field.name, &field.value, false);
        }
        if let Some(footer) = &self.footer {
            embed = embed.footer(serenity::CreateEmbedFooter::new(footer));
        }
        embed
    }
}

/// "4 (To a large extent)", or "Not sure".
pub fn value_label(toolkit: &Toolkit, value: VoteValue) -> String {
    match value.score() {
        Some(score) => match toolkit.scale_label(score.get()) {
            Some(label) => format!("{} ({label})", score.get()),
            None => score.get().to_string(),
        },
        None => "Not sure".to_owned(),
    }
}

/// "1 Not at all · 2 To a small extent · … · 5 As much as possible".
pub fn scale_legend(toolkit: &Toolkit) -> String {
    toolkit
        .scale
        .iter()
        .map(|label| format!("{} {}", label.value, label.label))
        .collect::<Vec<_>>()
        .join(" · ")
}

/// The private confirmation of a vote.
pub fn vote_confirmation(toolkit: &Toolkit, item: &Item, value: VoteValue) -> String {
    let short = clip_label(&item.short, 100);
    match value {
        VoteValue::Score(_) => format!(
            "You voted {} on “{short}”. You can change it until the reveal.",
            value_label(toolkit, value)
        ),
        VoteValue::NotSure => {
            format!("You answered Not sure on “{short}”. You can change it until the reveal.")
        }
    }
}

/// A short name for an assessment, for thread names and headings.
pub fn assessment_name(assessment: Assessment) -> &'static str {
    match assessment {
        Assessment::Benefits => "Benefits",
        Assessment::Relationships => "Relationships",
        Assessment::Strategic => "How strategic",
    }
}

/// Everything a vote card shows about its item.
#[derive(Debug, Clone, Copy)]
pub struct CardItem<'a> {
    pub assessment: Assessment,
    pub relationship: Option<&'a str>,
    pub item: &'a Item,
    pub item_index: u16,
    pub items_in_round: usize,
}

/// Who has voted so far in a live round, per side.
pub fn voted_so_far(progress: &RoundProgress) -> String {
    format!(
        "council {} · VCS {} · other {}",
        progress.voted_council, progress.voted_vcs, progress.voted_other
    )
}

fn item_embed(toolkit: &Toolkit, card: &CardItem<'_>) -> Embed {
    let mut fields = Vec::new();
    if let Some(name) = card.relationship {
        fields.push(Field {
            name: "Relationship".to_owned(),
            value: clip_label(name, EMBED_FIELD_VALUE_MAX_CHARS),
        });
    }
    fields.push(Field {
        name: "Scale".to_owned(),
        value: scale_legend(toolkit),
    });
    Embed {
        title: clip_label(
            &format!(
                "{} of {}: {}",
                usize::from(card.item_index) + 1,
                card.items_in_round,
                card.item.short
            ),
            EMBED_TITLE_MAX_CHARS,
        ),
        description: clip_label(&card.item.text, EMBED_DESCRIPTION_MAX_CHARS),
        fields,
        footer: Some(card.assessment.title().to_owned()),
    }
}

/// A public vote card. `deadline` is shown in async mode, `progress` in live.
pub fn vote_card(
    toolkit: &Toolkit,
    card: &CardItem<'_>,
    deadline: Option<NaiveDate>,
    progress: Option<&RoundProgress>,
) -> Embed {
    let mut embed = item_embed(toolkit, card);
    if let Some(deadline) = deadline {
        embed.fields.push(Field {
            name: "Vote by".to_owned(),
            value: deadline.format("%A %-d %B %Y").to_string(),
        });
    }
    if let Some(progress) = progress {
        embed.fields.push(Field {
            name: "Voted so far".to_owned(),
            value: voted_so_far(progress),
        });
    }
    embed
}

fn button(action: ComponentAction, label: &str, chosen: bool) -> serenity::CreateButton {
    let style = if chosen {
        serenity::ButtonStyle::Success
    } else {
        serenity::ButtonStyle::Secondary
    };
    serenity::CreateButton::new(action.encode())
        .label(clip_label(label, BUTTON_LABEL_MAX_CHARS))
        .style(style)
}

/// Six buttons `1` … `5` (first row) and `Not sure` (second row), made into
/// actions by `action`; `extra` buttons go after `Not sure`.
fn vote_rows(
    action: impl Fn(VoteValue) -> ComponentAction,
    chosen: Option<VoteValue>,
    extra: Vec<serenity::CreateButton>,
) -> Vec<serenity::CreateActionRow> {
    let scores = (Score::MIN..=Score::MAX)
        .filter_map(|code| VoteValue::from_code(code).ok())
        .map(|value| {
            button(
                action(value),
                &value.code().to_string(),
                chosen == Some(value),
            )
        })
        .collect();
    let mut second = vec![button(
        action(VoteValue::NotSure),
        "Not sure",
        chosen == Some(VoteValue::NotSure),
    )];
    second.extend(extra);
    vec![
        serenity::CreateActionRow::Buttons(scores),
        serenity::CreateActionRow::Buttons(second),
    ]
}

/// The buttons of a public vote card.
pub fn vote_card_rows(
    workshop: WorkshopId,
    round: RoundId,
    item_index: u16,
) -> Vec<serenity::CreateActionRow> {
    vote_rows(
        |value| ComponentAction::Vote {
            workshop,
            round,
            item_index,
            value,
        },
        None,
        Vec::new(),
    )
}

/// What the private ballot shows at one position.
#[derive(Debug, Clone, PartialEq)]
pub enum BallotView {
    /// Nothing is open to answer.
    Empty,
    /// The item at this position of the ballot.
    Item(usize),
    /// Past the last item: everything has an answer, or the person moved on.
    End,
}

impl BallotView {
    /// The view at `position`, where `ballot.len()` is the end.
    pub fn at(ballot: &[BallotItem], position: usize) -> BallotView {
        if ballot.is_empty() {
            BallotView::Empty
        } else if position < ballot.len() {
            BallotView::Item(position)
        } else {
            BallotView::End
        }
    }

    /// The first item without an answer at or after `from`, else the first
    /// without one at all, else the end.
    pub fn first_unanswered(ballot: &[BallotItem], from: usize) -> BallotView {
        let unanswered = |entry: &BallotItem| entry.own_vote.is_none();
        let found = ballot
            .iter()
            .skip(from)
            .position(unanswered)
            .map(|offset| from + offset)
            .or_else(|| ballot.iter().position(unanswered));
        match found {
            Some(position) => BallotView::Item(position),
            None => BallotView::at(ballot, ballot.len()),
        }
    }
}

/// One screen of the private ballot: its text, its embed and its buttons.
pub struct BallotScreen {
    pub content: String,
    pub embed: Option<Embed>,
    pub rows: Vec<serenity::CreateActionRow>,
}

/// The private ballot at `view`.
pub fn ballot_screen(
    toolkit: &Toolkit,
    workshop: &Workshop,
    ballot: &[BallotItem],
    view: &BallotView,
) -> BallotScreen {
    let position_u16 = |position: usize| u16::try_from(position).unwrap_or(u16::MAX);
    let move_button = |position: usize, direction: Direction, label: &str, disabled: bool| {
        button(
            ComponentAction::BallotMove {
                workshop: workshop.id,
                position: position_u16(position),
                direction,
            },
            label,
            false,
        )
        .disabled(disabled)
    };
    match *view {
        BallotView::Empty => BallotScreen {
            content: format!(
                "There is nothing open to vote on in {} right now. The facilitator will post \
                 the questions when it is time.",
                workshop.title
            ),
            embed: None,
            rows: Vec::new(),
        },
        BallotView::End => BallotScreen {
            content: BALLOT_DONE.to_owned(),
            embed: None,
            rows: vec![serenity::CreateActionRow::Buttons(vec![move_button(
                ballot.len(),
                Direction::Back,
                "Back",
                false,
            )])],
        },
        BallotView::Item(position) => {
            let entry = &ballot[position];
            let card = CardItem {
                assessment: entry.round.assessment,
                relationship: entry.relationship.as_deref(),
                item: &entry.item,
                item_index: entry.item_index,
                items_in_round: toolkit.items(entry.round.assessment).len(),
            };
            let mut embed = item_embed(toolkit, &card);
            embed.fields.push(Field {
                name: "Your answer".to_owned(),
                value: entry.own_vote.map_or_else(
                    || "Not answered yet".to_owned(),
                    |value| value_label(toolkit, value),
                ),
            });
            embed.footer = Some(format!(
                "Your ballot: {} of {} · {}",
                position + 1,
                ballot.len(),
                entry.round.assessment.title()
            ));
            let extra = vec![
                move_button(position, Direction::Back, "Back", position == 0),
                move_button(position, Direction::Next, "Next", false),
            ];
            let (round, item_index) = (entry.round.id, entry.item_index);
            let rows = vote_rows(
                |value| ComponentAction::BallotVote {
                    workshop: workshop.id,
                    round,
                    item_index,
                    value,
                },
                entry.own_vote,
                extra,
            );
            BallotScreen {
                content: String::new(),
                embed: Some(embed),
                rows,
            }
        }
    }
}

/// The facilitator's view of who has voted, per open round. Names of those
/// who have not voted are listed; what anyone voted never is.
pub fn progress_report(progress: &[RoundProgress]) -> String {
    if progress.is_empty() {
        return "Nothing is open for voting. Open an assessment with /workshop open.".to_owned();
    }
    progress
        .iter()
        .map(|round| {
            let heading = match &round.relationship {
                Some(name) => format!("**{}**: {name}", assessment_name(round.round.assessment)),
                None => format!("**{}**", assessment_name(round.round.assessment)),
            };
            let missing = if round.not_voted.is_empty() {
                "Everyone taking part has voted.".to_owned()
            } else {
                let names: Vec<&str> = round
                    .not_voted
                    .iter()
                    .map(|p| p.display_name.as_str())
                    .collect();
                format!("Not voted yet ({}): {}", names.len(), names.join(", "))
            };
            format!("{heading}\nVoted: {}\n{missing}", voted_so_far(round))
        })
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// The discussion prompts posted when an assessment opens.
pub fn discussion_prompts(toolkit: &Toolkit, assessment: Assessment) -> String {
    let mut text = format!("**{}**\n", assessment.title());
    match assessment {
        Assessment::Benefits => {
            text.push_str("Talk these through together before you vote:\n");
            for (number, prompt) in toolkit.benefit_discussion.iter().enumerate() {
                text.push_str(&format!("{}. {}\n", number + 1, prompt.text));
            }
            text.push_str(
                "\nThen vote on each benefit: to what extent is our partnership realising it?",
            );
        }
        Assessment::Relationships => {
            text.push_str("The toolkit's five types of relationship:\n");
            for kind in &toolkit.relationship_types {
                text.push_str(&format!("- **{}**: {}\n", kind.name, kind.summary));
            }
            text.push_str("\nFor each relationship, ask:\n");
            for (number, question) in toolkit.relationship_questions.iter().enumerate() {
                text.push_str(&format!("{}. {}\n", number + 1, question.text));
            }
        }
        Assessment::Strategic => {
            text.push_str("The four principles of strategic partnership working:\n");
            for principle in &toolkit.principles {
                text.push_str(&format!(
                    "- **{}**: {}\n",
                    principle.name, principle.definition
                ));
            }
            text.push_str(
                "\nVote on each item for the relationship, thinking of how it works in practice.",
            );
        }
    }
    text.push_str(&format!("\nScale: {}.", scale_legend(toolkit)));
    text
}

/// One revealed round: its embeds and the chart to draw for it.
#[derive(Debug, Clone)]
pub struct RevealSection {
    /// Safe as part of a file name.
    pub key: String,
    pub embeds: Vec<Embed>,
    pub chart: DivergenceInput,
}

fn item_field(item: &ItemResult) -> Field {
    let mut value = format!(
        "All {} · Council {} · VCS {}",
        mean_cell(item.all.as_ref()),
        mean_cell(item.council.as_ref()),
        mean_cell(item.vcs.as_ref())
    );
    if let Some(other) = &item.other {
        value.push_str(&format!(" · Other {}", mean_cell(Some(other))));
    }
    match item.comparison.as_ref() {
        Some(comparison) => value.push_str(&format!(
            "\nGap {}: {}",
            gap_cell(Some(comparison)),
            verdict_cell(Some(comparison))
        )),
        None => value.push_str("\nNo comparison: a side has too few votes to show."),
    }
    if let Some(not_sure) = item.not_sure.filter(|n| *n > 0) {
        value.push_str(&format!("\nNot sure: {not_sure}"));
    }
    Field {
        name: item.short.clone(),
        value,
    }
}

fn voters_line(voters: &SideCounts, threshold: u8) -> String {
    format!(
        "Voted: {} council · {} VCS · {} other. A group's figures show only when at least \
         {threshold} of its members answered; otherwise \"{TOO_FEW}\".",
        voters.council, voters.vcs, voters.other
    )
}

const MOST_DIVERGENT_FIRST: &str = "Items are listed most divergent first.";

/// The reveal of each round in `revealed` that the results hold.
pub fn reveal_sections(
    toolkit: &Toolkit,
    results: &WorkshopResults,
    revealed: &[Round],
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
                        voters_line(&benefits.voters, results.threshold)
                    );
                    sections.push(RevealSection {
                        key: format!("benefits-{}", round.id),
                        embeds: paginate(
                            Assessment::Benefits.title(),
                            &description,
                            benefits.items.iter().map(item_field).collect(),
                        ),
                        chart: divergence_input("Assessment one: benefits", &benefits.items),
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
                        voters_line(&questions.voters, results.threshold)
                    );
                    sections.push(RevealSection {
                        key: format!("relationship-{}", round.id),
                        embeds: paginate(
                            &format!("{name}: the five questions"),
                            &description,
                            questions.items.iter().map(item_field).collect(),
                        ),
                        chart: divergence_input(name, &questions.items),
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
                                toolkit,
                                &relationship.relationship,
                                strategic,
                                results.threshold,
                            ),
                            strategic_fields(strategic),
                        ),
                        chart: divergence_input(name, &strategic.round.items),
                    });
                }
            }
        }
    }
    sections
}

fn strategic_description(
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
    format!(
        "**Score out of 75**\nAll: {}\nCouncil: {}\nVCS: {}\n\n{case}\n\n{}\n{MOST_DIVERGENT_FIRST}",
        score_cell(toolkit, score.all.as_ref()),
        score_cell(toolkit, score.council.as_ref()),
        score_cell(toolkit, score.vcs.as_ref()),
        voters_line(&strategic.round.voters, threshold)
    )
}

fn strategic_fields(strategic: &StrategicResults) -> Vec<Field> {
    let sub = |score: Option<&SubScore>| {
        score.map_or_else(|| TOO_FEW.to_owned(), |s| format!("{} / 15", s.score))
    };
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
    fields.extend(strategic.round.items.iter().map(item_field));
    fields
}

/// Lays a title, a description and fields out over as many embeds as they
/// need: descriptions are split between words, long field values become
/// several fields, and no embed passes 25 fields or 6000 characters.
pub fn paginate(title: &str, description: &str, fields: Vec<Field>) -> Vec<Embed> {
    let title = clip_label(title, EMBED_TITLE_MAX_CHARS);
    let continued = clip_label(&format!("{title} (continued)"), EMBED_TITLE_MAX_CHARS);
    let mut embeds: Vec<Embed> = split_message(description, EMBED_DESCRIPTION_MAX_CHARS)
        .into_iter()
        .map(|description| Embed {
            title: continued.clone(),
            description,
            ..Embed::default()
        })
        .collect();
    if embeds.is_empty() {
        embeds.push(Embed {
            title: continued.clone(),
            ..Embed::default()
        });
    }
    for field in fields.into_iter().flat_map(split_field) {
        let last = embeds.len() - 1;
        let current = &mut embeds[last];
        let size = field.name.chars().count() + field.value.chars().count();
        if current.fields.len() >= EMBED_FIELDS_MAX
            || current.chars() + size > EMBED_TOTAL_MAX_CHARS
        {
            embeds.push(Embed {
                title: continued.clone(),
                fields: vec![field],
                ..Embed::default()
            });
        } else {
            current.fields.push(field);
        }
    }
    embeds[0].title = title;
    embeds
}

fn split_field(field: Field) -> Vec<Field> {
    let name = clip_label(&field.name, EMBED_FIELD_NAME_MAX_CHARS);
    let name = if name.is_empty() {
        "–".to_owned()
    } else {
        name
    };
    let pieces = split_message(&field.value, EMBED_FIELD_VALUE_MAX_CHARS);
    if pieces.is_empty() {
        return vec![Field {
            name,
            value: "–".to_owned(),
        }];
    }
    let continued = clip_label(&format!("{name} (continued)"), EMBED_FIELD_NAME_MAX_CHARS);
    pieces
        .into_iter()
        .enumerate()
        .map(|(index, value)| Field {
            name: if index == 0 {
                name.clone()
            } else {
                continued.clone()
            },
            value,
        })
        .collect()
}

/// Groups embeds into messages of at most ten embeds and 6000 characters.
pub fn pack_messages(embeds: Vec<Embed>) -> Vec<Vec<Embed>> {
    let mut messages: Vec<Vec<Embed>> = Vec::new();
    for embed in embeds {
        let fits_last = messages.last().is_some_and(|message| {
            message.len() < EMBEDS_PER_MESSAGE_MAX
                && message.iter().map(Embed::chars).sum::<usize>() + embed.chars()
                    <= EMBED_TOTAL_MAX_CHARS
        });
        match messages.last_mut() {
            Some(message) if fits_last => message.push(embed),
            _ => messages.push(vec![embed]),
        }
    }
    messages
}

#[cfg(test)]
mod tests {
    use chrono::{TimeZone, Utc};
    use serde_json::Value;

    use super::*;
    use crate::domain::ParticipantId;

    fn toolkit() -> Toolkit {
        Toolkit::embedded().unwrap()
    }

    fn long_name(prefix: &str, n: usize) -> String {
        // 100 characters: the longest name the service keeps.
        let name =
            format!("{prefix} {n} Partnership Board for Health and Wellbeing Across the Borough ");
        name.repeat(3)
            .chars()
            .take(100)
            .collect::<String>()
            .trim()
            .to_owned()
    }

    fn workshop() -> Workshop {
        Workshop {
            id: WorkshopId(1),
            title: long_name("Workshop", 1),
            mode: Mode::Async,
            status: WorkshopStatus::Open,
            anonymity_threshold: AnonymityThreshold::DEFAULT,
            deadline: None,
            place: Place::default(),
            council_role: None,
            vcs_role: None,
            facilitator_role: None,
            previous: None,
            created_at: Utc.with_ymd_and_hms(2025, 1, 1, 9, 0, 0).unwrap(),
        }
    }

    fn participant(n: i64) -> Participant {
        Participant {
            id: ParticipantId(n),
            workshop_id: WorkshopId(1),
            external_id: Some(1000 + n),
            display_name: long_name("Person", n as usize),
            side: [Side::Council, Side::Vcs, Side::Other][n as usize % 3],
            organisation: None,
            active: true,
            forgotten: false,
        }
    }

    fn round(id: i64, assessment: Assessment, subject: Option<RelationshipId>) -> Round {
        Round {
            id: RoundId(id),
            workshop_id: WorkshopId(1),
            assessment,
            subject,
            status: RoundStatus::Revealed,
            items_posted: 15,
            opened_at: Utc.with_ymd_and_hms(2025, 1, 1, 9, 0, 0).unwrap(),
            revealed_at: None,
            reminder_sent_at: None,
        }
    }

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
            &votes,
            &[],
            &[],
        );
        (results, rounds)
    }

    #[test]
    fn the_reveal_of_a_large_workshop_stays_within_discords_limits() {
        let toolkit = toolkit();
        let (results, rounds) = large_results(&toolkit);
        let sections = reveal_sections(&toolkit, &results, &rounds);
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
        let sections = reveal_sections(&toolkit, &results, &strategic);
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
            assert!(!field.value.contains(TOO_FEW), "{}", field.value);
        }
    }

    #[test]
    fn paginate_splits_long_text_between_words_and_keeps_every_field() {
        let word = "partnership ";
        let description = word.repeat(500); // 6000 characters
        let fields: Vec<Field> = (0..60)
            .map(|n| Field {
                name: format!("Item {n}"),
                value: word.repeat(if n == 0 { 200 } else { 40 }),
            })
            .collect();
        let embeds = paginate(&"T".repeat(300), &description, fields);
        assert_eq!(embeds[0].title.chars().count(), EMBED_TITLE_MAX_CHARS);
        assert!(embeds.iter().all(Embed::fits));
        let descriptions: String = embeds
            .iter()
            .map(|e| e.description.clone())
            .collect::<Vec<_>>()
            .join(" ");
        assert!(
            descriptions
                .split_whitespace()
                .eq(description.split_whitespace())
        );
        let first: Vec<&Field> = embeds
            .iter()
            .flat_map(|e| &e.fields)
            .filter(|f| f.name.starts_with("Item 0"))
            .collect();
        // 2400 characters make three values of at most 1024.
        assert_eq!(first.len(), 3);
        assert_eq!(first[1].name, "Item 0 (continued)");
        let rejoined = first
            .iter()
            .map(|f| f.value.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        assert!(rejoined.split_whitespace().all(|w| w == "partnership"));
        assert_eq!(rejoined.split_whitespace().count(), 200);
        let all_names = embeds.iter().flat_map(|e| &e.fields).count();
        assert_eq!(all_names, 60 + 2);
    }

    #[test]
    fn messages_hold_at_most_ten_embeds_and_6000_characters() {
        let small = Embed {
            title: "t".to_owned(),
            description: "d".repeat(99),
            ..Embed::default()
        };
        let packed = pack_messages(vec![small.clone(); 25]);
        assert_eq!(packed.iter().map(Vec::len).collect::<Vec<_>>(), [10, 10, 5]);
        let big = Embed {
            title: "t".to_owned(),
            description: "d".repeat(3999),
            ..Embed::default()
        };
        let packed = pack_messages(vec![big.clone(), big.clone(), small]);
        assert_eq!(packed.iter().map(Vec::len).collect::<Vec<_>>(), [1, 2]);
    }

    fn buttons(rows: &[serenity::CreateActionRow]) -> Vec<Vec<(String, String)>> {
        rows.iter()
            .map(|row| {
                let row: Value = serde_json::to_value(row).unwrap();
                row["components"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|b| {
                        (
                            b["label"].as_str().unwrap().to_owned(),
                            b["custom_id"].as_str().unwrap().to_owned(),
                        )
                    })
                    .collect()
            })
            .collect()
    }

    #[test]
    fn a_vote_card_has_five_scores_then_not_sure() {
        let rows = vote_card_rows(WorkshopId(7), RoundId(8), 2);
        let rows = buttons(&rows);
        let labels: Vec<Vec<&str>> = rows
            .iter()
            .map(|row| row.iter().map(|(label, _)| label.as_str()).collect())
            .collect();
        assert_eq!(
            labels,
            vec![vec!["1", "2", "3", "4", "5"], vec!["Not sure"]]
        );
        assert_eq!(rows[0][3].1, "v1:vote:7:8:2:4");
        assert_eq!(rows[1][0].1, "v1:vote:7:8:2:0");
    }

    #[test]
    fn a_card_shows_the_item_the_relationship_the_legend_and_the_count() {
        let toolkit = toolkit();
        let item = &toolkit.strategic_items[0];
        let card = CardItem {
            assessment: Assessment::Strategic,
            relationship: Some("Health and wellbeing board"),
            item,
            item_index: 0,
            items_in_round: 15,
        };
        let progress = RoundProgress {
            round: round(3, Assessment::Strategic, Some(RelationshipId(1))),
            relationship: None,
            voted_council: 2,
            voted_vcs: 1,
            voted_other: 0,
            not_voted: Vec::new(),
        };
        let embed = vote_card(&toolkit, &card, None, Some(&progress));
        assert_eq!(embed.title, format!("1 of 15: {}", item.short));
        assert_eq!(embed.description, item.text);
        let fields: Vec<(&str, &str)> = embed
            .fields
            .iter()
            .map(|f| (f.name.as_str(), f.value.as_str()))
            .collect();
        assert_eq!(
            fields,
            vec![
                ("Relationship", "Health and wellbeing board"),
                (
                    "Scale",
                    "1 Not at all · 2 To a small extent · 3 To a medium extent · \
                     4 To a large extent · 5 As much as possible"
                ),
                ("Voted so far", "council 2 · VCS 1 · other 0"),
            ]
        );
        let deadline = NaiveDate::from_ymd_opt(2025, 3, 14).unwrap();
        let embed = vote_card(&toolkit, &card, Some(deadline), None);
        assert_eq!(embed.fields[2].value, "Friday 14 March 2025");
    }

    #[test]
    fn votes_are_confirmed_with_value_and_scale_words() {
        let toolkit = toolkit();
        let item = &toolkit.strategic_items[0];
        assert_eq!(
            vote_confirmation(&toolkit, item, VoteValue::from_code(4).unwrap()),
            format!(
                "You voted 4 (To a large extent) on “{}”. You can change it until the reveal.",
                item.short
            )
        );
        assert_eq!(
            vote_confirmation(&toolkit, item, VoteValue::NotSure),
            format!(
                "You answered Not sure on “{}”. You can change it until the reveal.",
                item.short
            )
        );
    }

    #[test]
    fn the_status_of_200_people_splits_into_messages_naming_everyone() {
        let not_voted: Vec<Participant> = (1..=200).map(participant).collect();
        let progress = RoundProgress {
            round: round(1, Assessment::Benefits, None),
            relationship: None,
            voted_council: 0,
            voted_vcs: 0,
            voted_other: 0,
            not_voted: not_voted.clone(),
        };
        let text = progress_report(&[progress]);
        assert!(text.starts_with(
            "**Benefits**\nVoted: council 0 · VCS 0 · other 0\nNot voted yet (200): "
        ));
        let pieces = split_message(&text, 2000);
        assert!(pieces.len() >= 10);
        assert!(pieces.iter().all(|p| p.chars().count() <= 2000));
        // Cuts fall between words, so the pieces rejoined hold every name.
        let joined = pieces.join(" ");
        let joined = joined.split_whitespace().collect::<Vec<_>>().join(" ");
        for person in &not_voted {
            let name = person
                .display_name
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            assert!(joined.contains(&name), "{name} is missing");
        }
        assert_eq!(
            progress_report(&[]),
            "Nothing is open for voting. Open an assessment with /workshop open."
        );
    }

    fn ballot_entry(toolkit: &Toolkit, index: u16, own_vote: Option<u8>) -> BallotItem {
        BallotItem {
            round: round(1, Assessment::Benefits, None),
            relationship: None,
            item_index: index,
            item: toolkit.benefits[usize::from(index)].clone(),
            own_vote: own_vote.map(|code| VoteValue::from_code(code).unwrap()),
        }
    }

    #[test]
    fn the_ballot_resumes_at_the_first_unanswered_item() {
        let toolkit = toolkit();
        let ballot = vec![
            ballot_entry(&toolkit, 0, Some(3)),
            ballot_entry(&toolkit, 1, None),
            ballot_entry(&toolkit, 2, Some(0)),
            ballot_entry(&toolkit, 3, None),
        ];
        assert_eq!(
            BallotView::first_unanswered(&ballot, 0),
            BallotView::Item(1)
        );
        assert_eq!(
            BallotView::first_unanswered(&ballot, 2),
            BallotView::Item(3)
        );
        // Past the last unanswered one, it wraps round to the first.
        assert_eq!(
            BallotView::first_unanswered(&ballot, 4),
            BallotView::Item(1)
        );
        let answered: Vec<BallotItem> =
            (0..3).map(|i| ballot_entry(&toolkit, i, Some(2))).collect();
        assert_eq!(BallotView::first_unanswered(&answered, 0), BallotView::End);
        assert_eq!(BallotView::first_unanswered(&[], 0), BallotView::Empty);
    }

    #[test]
    fn a_ballot_screen_has_the_six_votes_back_and_next() {
        let toolkit = toolkit();
        let ballot = vec![
            ballot_entry(&toolkit, 0, Some(3)),
            ballot_entry(&toolkit, 1, None),
        ];
        let screen = ballot_screen(&toolkit, &workshop(), &ballot, &BallotView::Item(0));
        let rows = buttons(&screen.rows);
        assert_eq!(rows[0].len(), 5);
        assert_eq!(rows[0][2].1, "v1:ballot-vote:1:1:0:3");
        let second: Vec<&str> = rows[1].iter().map(|(label, _)| label.as_str()).collect();
        assert_eq!(second, ["Not sure", "Back", "Next"]);
        assert_eq!(rows[1][2].1, "v1:ballot-move:1:0:next");
        let embed = screen.embed.unwrap();
        assert_eq!(embed.fields.last().unwrap().value, "3 (To a medium extent)");
        assert!(embed.footer.unwrap().starts_with("Your ballot: 1 of 2"));
        let end = ballot_screen(&toolkit, &workshop(), &ballot, &BallotView::End);
        assert_eq!(end.content, BALLOT_DONE);
        assert_eq!(buttons(&end.rows)[0][0].1, "v1:ballot-move:1:2:back");
    }
}
