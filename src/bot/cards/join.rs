//! The "Join as …" buttons under a new workshop, and what a press does.

use poise::serenity_prelude as serenity;

use super::vote::button;
use crate::bot::custom_id::ComponentAction;
use crate::bot::mentions;
use crate::bot::support::{self, Press};
use crate::bot::{Data, Error};
use crate::domain::{Language, Participant, Side, Workshop, WorkshopLanguage};
use crate::prompts::Words;
use crate::service::Actor;

/// A row of "Join as …" buttons, one per side, for a workshop's card.
pub fn join_buttons(words: &Words<'_>, workshop: &Workshop) -> serenity::CreateActionRow {
    let join = |side| ComponentAction::Join {
        workshop: workshop.id,
        side,
    };
    button_row([
        (
            join(Side::Council),
            crate::label!(words, "join-button-council"),
        ),
        (join(Side::Vcs), crate::label!(words, "join-button-vcs")),
        (join(Side::Other), crate::label!(words, "join-button-other")),
    ])
}

/// A row of plain buttons, one per action with its label.
fn button_row<const N: usize>(
    buttons: [(ComponentAction, String); N],
) -> serenity::CreateActionRow {
    serenity::CreateActionRow::Buttons(
        buttons
            .into_iter()
            .map(|(action, label)| button(action, &label, false))
            .collect(),
    )
}

/// A press of "Join as …": joins the workshop on that side and answers
/// privately.
pub async fn on_join(press: Press<'_>, side: Side) -> Result<(), Error> {
    let (data, workshop, actor) = (press.data, &press.workshop, &press.actor);
    let user = &press.interaction.user;
    let (words, question) =
        joining_words(data, workshop, press.interaction.guild_id, user.id).await;
    let text = join_with_reply(
        data,
        &words,
        workshop,
        actor,
        side,
        None,
        question.is_some(),
    )
    .await?;
    let mut reply = mentions::response().content(text).ephemeral(true);
    if let Some(row) = question {
        reply = reply.components(vec![row]);
    }
    press
        .respond(serenity::CreateInteractionResponse::Message(reply))
        .await
}

/// The words of the reply to joining, and the language question: a person
/// joining a Welsh or bilingual workshop who has not chosen a language is
/// answered in the workshop's language and asked which they prefer.
pub async fn joining_words<'a>(
    data: &'a Data,
    workshop: &Workshop,
    guild_id: Option<serenity::GuildId>,
    user_id: serenity::UserId,
) -> (Words<'a>, Option<serenity::CreateActionRow>) {
    match (
        support::chosen_language(data, guild_id, user_id).await,
        workshop.settings.language,
    ) {
        (Some(language), _) => (data.catalogue.words(language), None),
        (None, WorkshopLanguage::English) => (data.catalogue.words(Language::English), None),
        (None, _) => {
            let words = support::public_words(data, workshop);
            let buttons = language_buttons(&words, workshop);
            (words, Some(buttons))
        }
    }
}

/// "Cymraeg" and "English", for the language question.
fn language_buttons(words: &Words<'_>, workshop: &Workshop) -> serenity::CreateActionRow {
    let choose = |language| ComponentAction::ChooseLanguage {
        workshop: workshop.id,
        language,
    };
    button_row([
        (
            choose(Language::Welsh),
            crate::label!(words, "language-button-welsh"),
        ),
        (
            choose(Language::English),
            crate::label!(words, "language-button-english"),
        ),
    ])
}

/// A press of "Cymraeg" or "English": records the choice and answers in it.
pub async fn on_choose_language(press: Press<'_>, language: Language) -> Result<(), Error> {
    let guild = press.workshop.settings.place.guild_id.unwrap_or_default();
    let user = press.interaction.user.id.get() as i64;
    press
        .data
        .service
        .choose_language(guild, user, language)
        .await?;
    let words = press.data.catalogue.words(language);
    let reply = mentions::response()
        .content(crate::text!(words, "language-chosen"))
        .ephemeral(true);
    press
        .respond(serenity::CreateInteractionResponse::Message(reply))
        .await
}

/// The side in words, as replies name it: "the voluntary and community
/// sector (VCS)".
pub fn side_words(words: &Words<'_>, side: Side) -> String {
    let key = match side {
        Side::Council => crate::key!("join-side-council"),
        Side::Vcs => crate::key!("join-side-vcs"),
        Side::Other => crate::key!("join-side-other"),
    };
    words.text(key, None)
}

/// What a person is told once they have joined, by button or by `/join`.
fn joined_message(words: &Words<'_>, workshop: &Workshop, participant: &Participant) -> String {
    let side = side_words(words, participant.side);
    let title = workshop.settings.title.as_str();
    words.text_with_optional(
        crate::key!("join-done-for"),
        crate::key!("join-done"),
        &[("workshop", title), ("side", &side)],
        ("organisation", participant.organisation.as_deref()),
    )
}

/// Joins `workshop` on `side`, by button or by `/join`, and words the reply
/// (see [`join_reply`]).
pub async fn join_with_reply(
    data: &Data,
    words: &Words<'_>,
    workshop: &Workshop,
    actor: &Actor,
    side: Side,
    organisation: Option<&str>,
    asks_language: bool,
) -> Result<String, Error> {
    let previous = data.service.participant(workshop, actor).await.ok();
    let participant = data
        .service
        .join(workshop, actor, side, organisation)
        .await?;
    let previous = previous.map(|p| p.side);
    Ok(join_reply(
        words,
        workshop,
        previous,
        &participant,
        asks_language,
    ))
}

/// The reply to joining: what a change of side does, if it was one, then
/// [`joined_message`].
fn join_reply(
    words: &Words<'_>,
    workshop: &Workshop,
    previous: Option<Side>,
    participant: &Participant,
    asks_language: bool,
) -> String {
    let joined = joined_message(words, workshop, participant);
    let mut reply = match side_change_note(words, previous, participant.side) {
        Some(note) => format!("{note} {joined}"),
        None => joined,
    };
    if asks_language {
        reply.push_str("\n\n");
        reply.push_str(&crate::text!(words, "language-question"));
    }
    reply
}

/// What a change of side does, when the person had another side before.
fn side_change_note(words: &Words<'_>, previous: Option<Side>, now: Side) -> Option<String> {
    let key = match now {
        Side::Council => crate::key!("join-side-changed-council"),
        Side::Vcs => crate::key!("join-side-changed-vcs"),
        Side::Other => crate::key!("join-side-changed-other"),
    };
    previous
        .filter(|side| *side != now)
        .map(|_| words.text(key, None))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bot::cards::fixtures::{words, workshop};
    use crate::domain::{Language, ParticipantId, WorkshopId};

    #[test]
    fn joining_says_the_side_the_organisation_and_the_next_step() {
        let words = words(Language::English);
        let mut workshop = workshop();
        workshop.settings.title = "Spring review".to_owned();
        let participant = Participant {
            id: ParticipantId(4),
            workshop_id: WorkshopId(1),
            external_id: Some(11),
            display_name: "Ann".to_owned(),
            side: Side::Vcs,
            organisation: Some("Anytown CVS".to_owned()),
            active: true,
            forgotten: false,
        };
        let message = joined_message(&words, &workshop, &participant);
        assert!(
            message.starts_with(
                "You have joined Spring review for the voluntary and community sector (VCS), \
                 as part of Anytown CVS. Next:"
            ),
            "{message}"
        );
        assert!(message.contains("/ballot"));
    }

    #[test]
    fn a_change_of_side_says_what_it_does() {
        let words = words(Language::English);
        assert_eq!(
            side_change_note(&words, Some(Side::Council), Side::Vcs).as_deref(),
            Some(
                "Your side is now VCS. Your answers to questions whose results are not shown \
                 yet count for VCS. Results already shown stay as they were."
            )
        );
        assert_eq!(side_change_note(&words, Some(Side::Vcs), Side::Vcs), None);
        assert_eq!(side_change_note(&words, None, Side::Vcs), None);
    }
}
