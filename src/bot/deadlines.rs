//! Async workshops close themselves: when a deadline has passed, the bot
//! reveals the open rounds and posts each round's results where it was
//! discussed: its discussion thread, or else the workshop's channel.
//! The service reveals each round once, so a restart never posts twice.

use std::sync::Arc;
use std::time::Duration;

use poise::serenity_prelude as serenity;

use super::cards::reveal::{reveal_sections, section_messages};
use super::{Error, mentions, support};
use crate::domain::Round;
use crate::prompts::Catalogue;
use crate::service::{DeadlineReveal, ResultsScope, Service};

/// How often the loop looks for passed deadlines.
pub const CHECK_EVERY: Duration = Duration::from_secs(60);

/// Starts the deadline loop; it runs until the program ends.
pub fn spawn(ctx: serenity::Context, service: Service, catalogue: Arc<Catalogue>) {
    let (posted, failed) = (
        "revealed workshops past their deadline",
        "could not look for passed deadlines",
    );
    super::periodic::posting_every(CHECK_EVERY, posted, failed, move || {
        let (ctx, service, catalogue) = (ctx.clone(), service.clone(), Arc::clone(&catalogue));
        async move { reveal_past_deadlines(&ctx.http, &service, &catalogue).await }
    });
}

/// Reveals what passed deadlines close and posts the results; returns how
/// many workshops' results were posted. A post that fails is logged: the
/// results stay revealed, and /workshop report gives them.
pub async fn reveal_past_deadlines(
    http: &serenity::Http,
    service: &Service,
    catalogue: &Catalogue,
) -> Result<usize, Error> {
    let mut posted = 0;
    for reveal in service.reveal_past_deadlines().await? {
        match post_results(http, service, catalogue, &reveal).await {
            Ok(true) => posted += 1,
            Ok(false) => {}
            Err(error) => tracing::warn!(
                workshop = %reveal.workshop.id,
                "could not post the results at the deadline: {error:#}"
            ),
        }
    }
    Ok(posted)
}

/// Posts one workshop's newly revealed results, each round's in its
/// discussion thread when it has one, else in the workshop's channel; false
/// when nothing had anywhere to go (a workshop from the command line).
async fn post_results(
    http: &serenity::Http,
    service: &Service,
    catalogue: &Catalogue,
    reveal: &DeadlineReveal,
) -> Result<bool, Error> {
    let workshop = &reveal.workshop;
    let workshop_channel = workshop
        .settings
        .place
        .channel_id
        .and_then(support::discord_id);
    // Rounds grouped by where they go, in the order they were revealed.
    let mut destinations: Vec<(std::num::NonZeroU64, Vec<Round>)> = Vec::new();
    for round in &reveal.revealed {
        let discussion = service.round_opening(round.id).await?.discussion_channel_id;
        let Some(channel_id) = discussion
            .and_then(support::discord_id)
            .or(workshop_channel)
        else {
            continue;
        };
        match destinations.iter_mut().find(|(id, _)| *id == channel_id) {
            Some((_, rounds)) => rounds.push(round.clone()),
            None => destinations.push((channel_id, vec![round.clone()])),
        }
    }
    if destinations.is_empty() {
        return Ok(false);
    }
    let results = service.results(workshop, ResultsScope::Revealed).await?;
    let deadline = workshop
        .settings
        .deadline
        .map(|d| d.format("%Y-%m-%d").to_string())
        .unwrap_or_default();
    let words = support::workshop_words(catalogue, workshop);
    let opening = crate::text!(
        words,
        "reveal-at-deadline",
        workshop = workshop.settings.title.as_str(),
        deadline = deadline
    );
    for (channel_id, rounds) in destinations {
        let channel = serenity::ChannelId::from(channel_id);
        channel
            .send_message(http, mentions::message().content(opening.clone()))
            .await?;
        // A message in a channel refers to nothing: the reference is unused.
        let reference = serenity::MessageReference::from((channel, serenity::MessageId::new(1)));
        for section in reveal_sections(
            &words,
            service.toolkit_in(words.language()),
            &results,
            &rounds,
        ) {
            for reply in section_messages(&words, section).await {
                let message = reply
                    .allowed_mentions(mentions::none())
                    .to_prefix(reference.clone());
                channel.send_message(http, message).await?;
            }
        }
    }
    Ok(true)
}
