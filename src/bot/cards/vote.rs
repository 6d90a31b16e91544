//! The public vote card: one item of a round with its six buttons (live
//! cards count who has voted so far, async ones show the deadline), and what
//! a press does. The buttons are shared with the private ballot.

use std::sync::Arc;

use chrono::NaiveDate;
use poise::serenity_prelude as serenity;

use crate::bot::custom_id::ComponentAction;
use crate::bot::embeds::{Embed, Field};
use crate::bot::limits::{
    BUTTON_LABEL_MAX_CHARS, EMBED_DESCRIPTION_MAX_CHARS, EMBED_FIELD_VALUE_MAX_CHARS,
    EMBED_TITLE_MAX_CHARS, clip_label,
};
use crate::bot::refresher::{CardBuilder, CardPlace, OLD_MESSAGE_AGE, Refresher};
use crate::bot::support::{self, Press};
use crate::bot::{Data, Error, UserError};
use crate::domain::*;
use crate::domain::{Item, Toolkit};
use crate::prompts::Words;
use crate::service::{Answered, Service};

/// "4 (To a large extent)", or "Not sure".
pub fn value_label(words: &Words<'_>, toolkit: &Toolkit, value: VoteValue) -> String {
    match value.score() {
        Some(score) => match toolkit.scale_label(score.get()) {
            Some(label) => crate::label!(words, "vote-value", score = score.get(), words = label),
            None => score.get().to_string(),
        },
        None => crate::label!(words, "vote-not-sure"),
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
pub fn vote_confirmation(
    words: &Words<'_>,
    toolkit: &Toolkit,
    item: &Item,
    value: VoteValue,
) -> String {
    let short = clip_label(&item.short, 100);
    match value {
        VoteValue::Score(_) => crate::text!(
            words,
            "vote-recorded",
            value = value_label(words, toolkit, value),
            question = short
        ),
        VoteValue::NotSure => crate::text!(words, "vote-recorded-not-sure", question = short),
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

/// Who has answered one question, per side: "6 of 9 people (council 3 ·
/// VCS 3 · other 0)".
pub fn answered_line(words: &Words<'_>, answered: &Answered) -> String {
    crate::text!(
        words,
        "vote-answered",
        answered = answered.total(),
        count = answered.taking_part,
        council = answered.by_side.council,
        vcs = answered.by_side.vcs,
        other = answered.by_side.other
    )
}

pub(super) fn item_embed(words: &Words<'_>, toolkit: &Toolkit, card: &CardItem<'_>) -> Embed {
    let mut fields = Vec::new();
    if let Some(name) = card.relationship {
        fields.push(Field {
            name: crate::label!(words, "vote-relationship"),
            value: clip_label(name, EMBED_FIELD_VALUE_MAX_CHARS),
        });
    }
    fields.push(Field {
        name: crate::label!(words, "vote-scale"),
        value: scale_legend(toolkit),
    });
    Embed {
        title: clip_label(
            &crate::label!(
                words,
                "vote-card-title",
                number = usize::from(card.item_index) + 1,
                count = card.items_in_round,
                question = card.item.short.as_str()
            ),
            EMBED_TITLE_MAX_CHARS,
        ),
        description: clip_label(&card.item.text, EMBED_DESCRIPTION_MAX_CHARS),
        fields,
        footer: Some(words.name(card.assessment)),
    }
}

/// A public vote card. `deadline` is shown in async mode, who has
/// `answered` in live.
pub fn vote_card(
    words: &Words<'_>,
    toolkit: &Toolkit,
    card: &CardItem<'_>,
    deadline: Option<NaiveDate>,
    answered: Option<&Answered>,
) -> Embed {
    let mut embed = item_embed(words, toolkit, card);
    if let Some(deadline) = deadline {
        embed.fields.push(Field {
            name: crate::label!(words, "vote-by"),
            value: deadline.format("%A %-d %B %Y").to_string(),
        });
    }
    if let Some(answered) = answered {
        embed.fields.push(Field {
            name: crate::label!(words, "vote-answered-label"),
            value: answered_line(words, answered),
        });
    }
    embed
}

pub(super) fn button(action: ComponentAction, label: &str, chosen: bool) -> serenity::CreateButton {
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
pub(super) fn vote_rows(
    words: &Words<'_>,
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
        &crate::label!(words, "vote-not-sure"),
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
    words: &Words<'_>,
    workshop: WorkshopId,
    round: RoundId,
    item_index: u16,
) -> Vec<serenity::CreateActionRow> {
    vote_rows(
        words,
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

/// The embed and buttons of the public card for one item of a round. Live
/// cards carry who has answered this question; async cards the deadline.
pub async fn card_for_item(
    service: &Service,
    words: &Words<'_>,
    workshop: &Workshop,
    round: RoundId,
    item_index: u16,
) -> Result<(serenity::CreateEmbed, Vec<serenity::CreateActionRow>), Error> {
    let round = service.round(round).await?;
    let items = service.round_items(&round).await?;
    let item = items
        .get(usize::from(item_index))
        .ok_or_else(|| UserError::new(crate::text!(words, "vote-question-gone")))?;
    let relationship = match round.subject {
        Some(id) => service
            .relationships(workshop)
            .await?
            .into_iter()
            .find(|r| r.id == id)
            .map(|r| r.details.name),
        None => None,
    };
    let answered = match workshop.settings.mode {
        Mode::Live => Some(
            service
                .question_answered(workshop, &round, item_index)
                .await?,
        ),
        Mode::Async => None,
    };
    let card = CardItem {
        assessment: round.assessment,
        relationship: relationship.as_deref(),
        item,
        item_index,
        items_in_round: items.len(),
    };
    let deadline = match workshop.settings.mode {
        Mode::Async => workshop.settings.deadline,
        Mode::Live => None,
    };
    let embed = vote_card(
        words,
        service.toolkit_in(words.language()),
        &card,
        deadline,
        answered.as_ref(),
    );
    Ok((
        embed.to_create(),
        vote_card_rows(words, workshop.id, round.id, item_index),
    ))
}

/// A press on a public vote card: records the vote, confirms it privately
/// and, in live mode, asks for the card's count to be refreshed (the
/// confirmation never waits for that).
pub async fn on_vote(
    press: Press<'_>,
    round: RoundId,
    item_index: u16,
    value: VoteValue,
) -> Result<(), Error> {
    let (data, workshop) = (press.data, &press.workshop);
    let receipt = data
        .service
        .cast_vote(workshop, &press.actor, round, item_index, value)
        .await?;
    let words = press.private_words().await;
    let confirmation = vote_confirmation(
        &words,
        data.service.toolkit_in(words.language()),
        &receipt.item,
        value,
    );
    let confirmed = press
        .respond(support::private_response(confirmation.clone()))
        .await;
    let message = &press.interaction.message;
    let here = Some((message.channel_id, message.id));
    let vote = (round, item_index);
    after_vote(&press, vote, here, confirmed, "vote", &words, &confirmation).await
}

/// What follows a stored vote, whatever became of its answer (`answered`,
/// which said `answer`): the live card of `vote` (round and item) shows the
/// new count, `here` being the card pressed if it was one; an answer that
/// could not be sent is followed by word that the vote stands.
pub(super) async fn after_vote(
    press: &Press<'_>,
    (round, item_index): (RoundId, u16),
    here: Option<(serenity::ChannelId, serenity::MessageId)>,
    answered: Result<(), Error>,
    what: &str,
    words: &Words<'_>,
    answer: &str,
) -> Result<(), Error> {
    refresh_live_card(
        press.ctx,
        press.data,
        &press.workshop,
        round,
        item_index,
        here,
    )
    .await;
    if let Err(error) = answered {
        tracing::warn!(
            reference = press.interaction.id.get(),
            "could not confirm a stored {what}: {error}"
        );
        return Err(UserError::new(saved_after_failure(words, answer)).into());
    }
    Ok(())
}

/// What a person is told when their vote was stored but its confirmation
/// could not be sent: trying again is not needed.
pub fn saved_after_failure(words: &Words<'_>, confirmation: &str) -> String {
    crate::text!(words, "vote-saved-anyway", confirmation = confirmation)
}

/// In live mode, asks for the card of this question to show the latest
/// count. `here` is where the card is when the vote came from it; otherwise
/// the card the bot recorded is used. Failures are logged: the vote stands
/// even if its card cannot show it.
pub async fn refresh_live_card(
    ctx: &serenity::Context,
    data: &Data,
    workshop: &Workshop,
    round: RoundId,
    item_index: u16,
    here: Option<(serenity::ChannelId, serenity::MessageId)>,
) {
    if workshop.settings.mode != Mode::Live {
        return;
    }
    let service = &data.service;
    let recorded = match service.vote_cards(round).await {
        Ok(cards) => cards.into_iter().find(|card| card.item_index == item_index),
        Err(error) => {
            tracing::warn!("could not find the vote card: {error:#}");
            None
        }
    };
    let recorded_place = recorded.as_ref().and_then(|card| {
        Some((
            serenity::ChannelId::from(support::discord_id(card.channel_id)?),
            serenity::MessageId::from(support::discord_id(card.message_id)?),
        ))
    });
    let Some((channel, message)) = here.or(recorded_place) else {
        return;
    };
    // A card the bot has no record of may be old: pace it as one.
    let old = recorded
        .filter(|_| recorded_place == Some((channel, message)))
        .is_none_or(|card| service.card_age(&card) >= OLD_MESSAGE_AGE);
    let (service, workshop) = (service.clone(), workshop.clone());
    let catalogue = Arc::clone(&data.catalogue);
    let build: CardBuilder = Arc::new(move || {
        let (service, workshop) = (service.clone(), workshop.clone());
        let catalogue = Arc::clone(&catalogue);
        Box::pin(async move {
            let words = support::workshop_words(&catalogue, &workshop);
            Ok(
                card_for_item(&service, &words, &workshop, round, item_index)
                    .await?
                    .0,
            )
        })
    });
    Refresher::of(ctx).await.refresh(
        Arc::clone(&ctx.http),
        CardPlace {
            channel,
            message,
            old,
        },
        build,
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bot::cards::fixtures::{buttons, toolkit, words};

    #[test]
    fn a_vote_card_has_five_scores_then_not_sure() {
        let words = words(Language::English);
        let rows = vote_card_rows(&words, WorkshopId(7), RoundId(8), 2);
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
        let words = words(Language::English);
        let toolkit = toolkit();
        let item = &toolkit.strategic_items[0];
        let card = CardItem {
            assessment: Assessment::Strategic,
            relationship: Some("Health and wellbeing board"),
            item,
            item_index: 0,
            items_in_round: 15,
        };
        let answered = Answered {
            by_side: SideCounts::new(2, 1, 0),
            taking_part: 7,
        };
        let embed = vote_card(&words, &toolkit, &card, None, Some(&answered));
        assert_eq!(embed.title, format!("Question 1 of 15: {}", item.short));
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
                ("Answered", "3 of 7 people (council 2 · VCS 1 · other 0)"),
            ]
        );
        let deadline = NaiveDate::from_ymd_opt(2025, 3, 14).unwrap();
        let embed = vote_card(&words, &toolkit, &card, Some(deadline), None);
        assert_eq!(embed.fields[2].value, "Friday 14 March 2025");
    }

    #[test]
    fn votes_are_confirmed_with_value_and_scale_words() {
        let words = words(Language::English);
        let toolkit = toolkit();
        let item = &toolkit.strategic_items[0];
        assert_eq!(
            vote_confirmation(&words, &toolkit, item, VoteValue::from_code(4).unwrap()),
            format!(
                "You voted 4 (To a large extent) on “{}”. Only you can see your vote. You can \
                 change it until the results are shown.",
                item.short
            )
        );
        assert_eq!(
            vote_confirmation(&words, &toolkit, item, VoteValue::NotSure),
            format!(
                "You answered Not sure on “{}”. Only you can see your answer. You can change it \
                 until the results are shown.",
                item.short
            )
        );
    }
}
