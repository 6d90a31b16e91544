//! The private ballot: one open item at a time with the vote buttons, Back
//! and Next, answered in place; and the "Start my ballot" button posted
//! with each discussion.

use poise::serenity_prelude as serenity;

use super::vote::{CardItem, after_vote, button, item_embed, value_label, vote_rows};
use crate::bot::Error;
use crate::bot::custom_id::{ComponentAction, Direction};
use crate::bot::embeds::{Embed, Field};
use crate::bot::mentions;
use crate::bot::support::Press;
use crate::domain::Toolkit;
use crate::domain::{Mode, RoundId, VoteValue, Workshop};
use crate::prompts::Words;
use crate::service::{Actor, BallotItem, Service};

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
    words: &Words<'_>,
    toolkit: &Toolkit,
    workshop: &Workshop,
    ballot: &[BallotItem],
    view: &BallotView,
) -> BallotScreen {
    let position_u16 = |position: usize| u16::try_from(position).unwrap_or(u16::MAX);
    let back = crate::label!(words, "ballot-back");
    let next = crate::label!(words, "ballot-next");
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
            content: match workshop.settings.mode {
                Mode::Live => crate::text!(
                    words,
                    "ballot-empty-live",
                    workshop = workshop.settings.title.as_str()
                ),
                Mode::Async => crate::text!(
                    words,
                    "ballot-empty-async",
                    workshop = workshop.settings.title.as_str()
                ),
            },
            embed: None,
            rows: Vec::new(),
        },
        BallotView::End => BallotScreen {
            content: match workshop.settings.mode {
                Mode::Live => crate::text!(words, "ballot-done-live"),
                Mode::Async => crate::text!(words, "ballot-done-async"),
            },
            embed: None,
            rows: vec![serenity::CreateActionRow::Buttons(vec![move_button(
                ballot.len(),
                Direction::Back,
                &back,
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
                items_in_round: entry.items_in_round,
            };
            let mut embed = item_embed(words, toolkit, &card);
            embed.fields.push(Field {
                name: crate::label!(words, "ballot-your-answer"),
                value: entry.own_vote.map_or_else(
                    || crate::label!(words, "ballot-not-answered"),
                    |value| value_label(words, toolkit, value),
                ),
            });
            embed.footer = Some(crate::label!(
                words,
                "ballot-footer",
                number = position + 1,
                count = ballot.len(),
                assessment = words.name(entry.round.assessment)
            ));
            let extra = vec![
                move_button(position, Direction::Back, &back, position == 0),
                move_button(position, Direction::Next, &next, false),
            ];
            let (round, item_index) = (entry.round.id, entry.item_index);
            let rows = vote_rows(
                words,
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

/// The ballot screen as a response message: a new private one, or the
/// ballot updated in place.
fn ballot_response(
    screen: BallotScreen,
    note: Option<String>,
    in_place: bool,
) -> serenity::CreateInteractionResponse {
    let content = match (note, screen.content.is_empty()) {
        (Some(note), true) => note,
        (Some(note), false) => format!("{note}\n{}", screen.content),
        (None, _) => screen.content,
    };
    let message = mentions::response()
        .content(content)
        .embeds(screen.embed.iter().map(Embed::to_create).collect())
        .components(screen.rows);
    if in_place {
        serenity::CreateInteractionResponse::UpdateMessage(message)
    } else {
        serenity::CreateInteractionResponse::Message(message.ephemeral(true))
    }
}

fn position_of(ballot: &[BallotItem], round: RoundId, item_index: u16) -> Option<usize> {
    ballot
        .iter()
        .position(|e| e.round.id == round && e.item_index == item_index)
}

/// The person's ballot in `words`, at the view `choose` picks from it.
async fn screen_at(
    service: &Service,
    words: &Words<'_>,
    workshop: &Workshop,
    actor: &Actor,
    choose: impl FnOnce(&[BallotItem]) -> BallotView,
) -> Result<BallotScreen, Error> {
    let ballot = service.ballot(workshop, actor).await?;
    let view = choose(&ballot);
    let toolkit = service.toolkit_in(words.language());
    Ok(ballot_screen(words, toolkit, workshop, &ballot, &view))
}

/// The ballot as a person starts it: at their first unanswered item.
pub async fn first_screen(
    service: &Service,
    words: &Words<'_>,
    workshop: &Workshop,
    actor: &Actor,
) -> Result<BallotScreen, Error> {
    screen_at(service, words, workshop, actor, |ballot| {
        BallotView::first_unanswered(ballot, 0)
    })
    .await
}

/// A vote on the private ballot: recorded, then the next unanswered item.
pub async fn on_ballot_vote(
    press: Press<'_>,
    round: RoundId,
    item_index: u16,
    value: VoteValue,
) -> Result<(), Error> {
    let (service, workshop, actor) = (&press.data.service, &press.workshop, &press.actor);
    let words = press.private_words().await;
    let receipt = service
        .cast_vote(workshop, actor, round, item_index, value)
        .await?;
    let screen = screen_at(service, &words, workshop, actor, |ballot| {
        let after = position_of(ballot, round, item_index).map_or(0, |p| p + 1);
        BallotView::first_unanswered(ballot, after)
    })
    .await?;
    let note = saved_note(
        &words,
        service.toolkit_in(words.language()),
        &receipt.item.short,
        value,
    );
    let answered = press
        .respond(ballot_response(screen, Some(note.clone()), true))
        .await;
    let vote = (round, item_index);
    after_vote(&press, vote, None, answered, "ballot vote", &words, &note).await
}

/// Back or Next on the private ballot.
pub async fn on_ballot_move(
    press: Press<'_>,
    position: u16,
    direction: Direction,
) -> Result<(), Error> {
    let words = press.private_words().await;
    let (service, workshop, actor) = (&press.data.service, &press.workshop, &press.actor);
    let screen = screen_at(service, &words, workshop, actor, |ballot| {
        let position = usize::from(position).min(ballot.len());
        let target = match direction {
            Direction::Back => position.saturating_sub(1),
            Direction::Next => (position + 1).min(ballot.len()),
        };
        BallotView::at(ballot, target)
    })
    .await?;
    press.respond(ballot_response(screen, None, true)).await
}

/// "Start my ballot" on a public card: a new private ballot.
pub async fn on_ballot_start(press: Press<'_>) -> Result<(), Error> {
    let words = press.private_words().await;
    let service = &press.data.service;
    let screen = first_screen(service, &words, &press.workshop, &press.actor).await?;
    press.respond(ballot_response(screen, None, false)).await
}

fn saved_note(words: &Words<'_>, toolkit: &Toolkit, short: &str, value: VoteValue) -> String {
    crate::text!(
        words,
        "ballot-saved",
        value = value_label(words, toolkit, value),
        question = short
    )
}

/// The "Start my ballot" button, under the message that opens a discussion.
pub fn ballot_start_row(words: &Words<'_>, workshop: &Workshop) -> Vec<serenity::CreateActionRow> {
    let start = ComponentAction::BallotStart {
        workshop: workshop.id,
    };
    vec![serenity::CreateActionRow::Buttons(vec![
        serenity::CreateButton::new(start.encode())
            .label(crate::label!(words, "ballot-start"))
            .style(serenity::ButtonStyle::Primary),
    ])]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bot::cards::fixtures::{buttons, round, toolkit, words, workshop};
    use crate::domain::{Assessment, Language};

    /// A ballot of the first benefits, one a vote code (or none) given.
    fn ballot_of(toolkit: &Toolkit, own_votes: &[Option<u8>]) -> Vec<BallotItem> {
        (0u16..)
            .zip(own_votes)
            .map(|(index, own_vote)| BallotItem {
                round: round(1, Assessment::Benefits, None),
                relationship: None,
                item_index: index,
                item: toolkit.benefits[usize::from(index)].clone(),
                items_in_round: toolkit.benefits.len(),
                own_vote: own_vote.map(|code| VoteValue::from_code(code).unwrap()),
            })
            .collect()
    }

    #[test]
    fn the_ballot_resumes_at_the_first_unanswered_item() {
        let toolkit = toolkit();
        let ballot = ballot_of(&toolkit, &[Some(3), None, Some(0), None]);
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
        let answered = ballot_of(&toolkit, &[Some(2); 3]);
        assert_eq!(BallotView::first_unanswered(&answered, 0), BallotView::End);
        assert_eq!(BallotView::first_unanswered(&[], 0), BallotView::Empty);
    }

    #[test]
    fn a_ballot_screen_has_the_six_votes_back_and_next() {
        let toolkit = toolkit();
        let ballot = ballot_of(&toolkit, &[Some(3), None]);
        let words = words(Language::English);
        let screen = ballot_screen(&words, &toolkit, &workshop(), &ballot, &BallotView::Item(0));
        let rows = buttons(&screen.rows);
        assert_eq!(rows[0].len(), 5);
        assert_eq!(rows[0][2].1, "v1:ballot-vote:1:1:0:3");
        let second: Vec<&str> = rows[1].iter().map(|(label, _)| label.as_str()).collect();
        assert_eq!(second, ["Not sure", "Back", "Next"]);
        assert_eq!(rows[1][2].1, "v1:ballot-move:1:0:next");
        let embed = screen.embed.unwrap();
        assert_eq!(embed.fields.last().unwrap().value, "3 (To a medium extent)");
        assert!(embed.footer.unwrap().starts_with("Your ballot: 1 of 2"));
        let end = ballot_screen(&words, &toolkit, &workshop(), &ballot, &BallotView::End);
        assert!(
            end.content
                .starts_with("You have answered everything open.")
        );
        assert_eq!(buttons(&end.rows)[0][0].1, "v1:ballot-move:1:2:back");
    }
}
