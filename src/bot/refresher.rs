//! Keeping within Discord's per-channel limits on creating and editing
//! messages (5 per 5 seconds; edits of messages over an hour old also 3 per
//! 6 seconds), and refreshing live cards: one refresher per card coalesces
//! votes and edits the card with the latest count at most once every 1.5
//! seconds, half a second after the first vote of a burst.
//!
//! With `DISCORD_API_BASE` set serenity's own rate limiter is off, so this
//! pacing is what keeps the bot within the limits. On a 429 serenity keeps
//! neither the `Retry-After` header nor the body's `retry_after`, so the
//! channel waits a whole window, after which the window is empty for sure.

use std::collections::{HashMap, VecDeque};
use std::future::Future;
use std::pin::Pin;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use poise::serenity_prelude as serenity;
use tokio::time::Instant;

use super::Error;

/// How many requests a channel's bucket lets through in any window of `per`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Budget {
    pub requests: usize,
    pub per: Duration,
}

/// Creates and edits of messages in one channel.
pub const CHANNEL_BUDGET: Budget = Budget {
    requests: 5,
    per: Duration::from_secs(5),
};

/// Edits of messages over an hour old in one channel, on top of
/// [`CHANNEL_BUDGET`].
pub const OLD_MESSAGE_BUDGET: Budget = Budget {
    requests: 3,
    per: Duration::from_secs(6),
};

/// From this age on, an edit also spends [`OLD_MESSAGE_BUDGET`].
pub const OLD_MESSAGE_AGE: chrono::TimeDelta = chrono::TimeDelta::hours(1);

/// A live card is edited at most this often.
pub const CARD_REFRESH_INTERVAL: Duration = Duration::from_millis(1500);

/// A refresh waits this long for more votes first, so that a burst of votes
/// makes one edit, not two.
pub const CARD_GATHER_DELAY: Duration = Duration::from_millis(500);

/// Room for the time a request takes to reach Discord, so that requests
/// spaced a window apart here arrive a window apart there.
const IN_FLIGHT_MARGIN: Duration = Duration::from_millis(250);

/// How often a post refused with a 429 is tried again before giving up.
const SEND_ATTEMPTS: usize = 4;

/// The requests one bucket of one channel let through lately.
#[derive(Debug, Default)]
struct Window {
    sent: VecDeque<Instant>,
    held_until: Option<Instant>,
}

impl Window {
    /// How long until one more request fits, forgetting those that left.
    fn wait_needed(&mut self, budget: Budget, now: Instant) -> Option<Duration> {
        let span = budget.per + IN_FLIGHT_MARGIN;
        while self
            .sent
            .front()
            .is_some_and(|sent| now.saturating_duration_since(*sent) >= span)
        {
            self.sent.pop_front();
        }
        let held = self
            .held_until
            .filter(|until| *until > now)
            .map(|until| until - now);
        let full = (self.sent.len() >= budget.requests)
            .then(|| self.sent.front().map(|oldest| span - (now - *oldest)))
            .flatten();
        held.max(full)
    }
}

#[derive(Debug, Default)]
struct ChannelWindows {
    sends: Window,
    old_edits: Window,
}

/// The budget of every channel the bot writes to.
#[derive(Debug, Default)]
pub struct Pacer {
    channels: Mutex<HashMap<u64, ChannelWindows>>,
}

/// Locks `mutex` even if a task panicked while holding it: the windows and
/// card states stay usable, at worst a little out of date.
fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

impl Pacer {
    fn channels(&self) -> MutexGuard<'_, HashMap<u64, ChannelWindows>> {
        lock(&self.channels)
    }

    /// Waits until `channel` has room for one more create or edit (`old_edit`:
    /// an edit of a message over an hour old), and spends it.
    pub async fn wait_turn(&self, channel: serenity::ChannelId, old_edit: bool) {
        loop {
            let wait = {
                let mut channels = self.channels();
                let windows = channels.entry(channel.get()).or_default();
                let now = Instant::now();
                let old_wait = if old_edit {
                    windows.old_edits.wait_needed(OLD_MESSAGE_BUDGET, now)
                } else {
                    None
                };
                let wait = windows.sends.wait_needed(CHANNEL_BUDGET, now).max(old_wait);
                if wait.is_none() {
                    windows.sends.sent.push_back(now);
                    if old_edit {
                        windows.old_edits.sent.push_back(now);
                    }
                }
                wait
            };
            match wait {
                None => return,
                Some(wait) => tokio::time::sleep(wait).await,
            }
        }
    }

    /// After a 429 in `channel`: nothing more goes there for a whole window.
    pub fn hold(&self, channel: serenity::ChannelId, old_edit: bool) {
        let mut channels = self.channels();
        let windows = channels.entry(channel.get()).or_default();
        let now = Instant::now();
        windows.sends.held_until = Some(now + CHANNEL_BUDGET.per + IN_FLIGHT_MARGIN);
        if old_edit {
            windows.old_edits.held_until = Some(now + OLD_MESSAGE_BUDGET.per + IN_FLIGHT_MARGIN);
        }
    }
}

/// Whether Discord refused the request for going past a rate limit.
pub fn is_rate_limited(error: &serenity::Error) -> bool {
    matches!(
        error,
        serenity::Error::Http(serenity::HttpError::UnsuccessfulRequest(response))
            if response.status_code.as_u16() == 429
    )
}

/// Where a live card is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CardPlace {
    pub channel: serenity::ChannelId,
    pub message: serenity::MessageId,
    /// Posted over an hour ago: its edits spend the smaller budget too.
    pub old: bool,
}

/// Builds a card's embed as it should read now.
pub type CardBuilder = Arc<
    dyn Fn() -> Pin<Box<dyn Future<Output = Result<serenity::CreateEmbed, Error>> + Send>>
        + Send
        + Sync,
>;

#[derive(Default)]
struct CardState {
    /// A vote arrived since the card's embed was last built.
    pending: bool,
    /// A task is refreshing the card.
    running: bool,
    last_edit: Option<Instant>,
}

/// The pacer and the state of every live card's refresher.
#[derive(Default)]
pub struct Refresher {
    pub pacer: Pacer,
    cards: Mutex<HashMap<u64, CardState>>,
}

impl Refresher {
    fn cards(&self) -> MutexGuard<'_, HashMap<u64, CardState>> {
        lock(&self.cards)
    }

    /// The refresher of this connection to Discord.
    pub async fn of(ctx: &serenity::Context) -> Arc<Refresher> {
        if let Some(refresher) = ctx.data.read().await.get::<Refresher>() {
            return Arc::clone(refresher);
        }
        let mut data = ctx.data.write().await;
        Arc::clone(data.entry::<Refresher>().or_insert_with(Arc::default))
    }

    /// Asks for the card to show the latest count. Returns at once: the
    /// card's refresher edits it when its interval and the channel's budget
    /// allow, with whatever `build` gives then.
    pub fn refresh(
        self: &Arc<Self>,
        http: Arc<serenity::Http>,
        card: CardPlace,
        build: CardBuilder,
    ) {
        {
            let mut cards = self.cards();
            let state = cards.entry(card.message.get()).or_default();
            state.pending = true;
            if state.running {
                return;
            }
            state.running = true;
        }
        let refresher = Arc::clone(self);
        tokio::spawn(async move { refresher.run(&http, card, build).await });
    }

    async fn run(&self, http: &serenity::Http, card: CardPlace, build: CardBuilder) {
        loop {
            tokio::time::sleep(CARD_GATHER_DELAY).await;
            let last_edit = self
                .cards()
                .get(&card.message.get())
                .and_then(|state| state.last_edit);
            if let Some(last_edit) = last_edit {
                tokio::time::sleep_until(last_edit + CARD_REFRESH_INTERVAL).await;
            }
            self.pacer.wait_turn(card.channel, card.old).await;
            if let Some(state) = self.cards().get_mut(&card.message.get()) {
                state.pending = false;
            }
            let edited = match build().await {
                Ok(embed) => card
                    .channel
                    .edit_message(
                        http,
                        card.message,
                        crate::bot::mentions::edit().embed(embed),
                    )
                    .await
                    .map(drop)
                    .map_err(Error::from),
                Err(error) => Err(error),
            };
            let rate_limited = edited.as_ref().err().is_some_and(|error| {
                error
                    .downcast_ref::<serenity::Error>()
                    .is_some_and(is_rate_limited)
            });
            if rate_limited {
                self.pacer.hold(card.channel, card.old);
            } else if let Err(error) = &edited {
                tracing::warn!(
                    message = card.message.get(),
                    "could not refresh the vote card: {error:#}"
                );
            }
            let mut cards = self.cards();
            let state = cards.entry(card.message.get()).or_default();
            state.last_edit = Some(Instant::now());
            // Refused for the rate: try again with the latest count, once
            // the channel has room.
            state.pending |= rate_limited;
            if !state.pending {
                state.running = false;
                return;
            }
        }
    }
}

impl serenity::prelude::TypeMapKey for Refresher {
    type Value = Arc<Refresher>;
}

/// Posts a message in `channel` within its budget; refused with a 429, it
/// waits for room and tries again.
pub async fn send_paced(
    ctx: &serenity::Context,
    channel: serenity::ChannelId,
    message: serenity::CreateMessage,
) -> Result<serenity::Message, Error> {
    let pacer = &Refresher::of(ctx).await.pacer;
    let mut attempt = 1;
    loop {
        pacer.wait_turn(channel, false).await;
        match channel.send_message(&ctx.http, message.clone()).await {
            Err(error) if is_rate_limited(&error) && attempt < SEND_ATTEMPTS => {
                pacer.hold(channel, false);
                attempt += 1;
            }
            sent => return Ok(sent?),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SPAN: Duration = Duration::from_millis(5250);

    #[test]
    fn a_window_lets_five_through_then_waits_for_the_oldest_to_leave() {
        let start = Instant::now();
        let mut window = Window::default();
        for n in 0..5 {
            let at = start + Duration::from_millis(n * 100);
            assert_eq!(window.wait_needed(CHANNEL_BUDGET, at), None, "request {n}");
            window.sent.push_back(at);
        }
        let sixth = start + Duration::from_millis(1000);
        assert_eq!(
            window.wait_needed(CHANNEL_BUDGET, sixth),
            Some(SPAN - Duration::from_millis(1000))
        );
        assert_eq!(window.wait_needed(CHANNEL_BUDGET, start + SPAN), None);
        assert_eq!(window.sent.len(), 4, "the oldest has left the window");
    }

    #[test]
    fn old_messages_have_three_per_six_seconds_and_a_hold_waits_a_whole_window() {
        let start = Instant::now();
        let mut window = Window::default();
        for _ in 0..3 {
            assert_eq!(window.wait_needed(OLD_MESSAGE_BUDGET, start), None);
            window.sent.push_back(start);
        }
        assert_eq!(
            window.wait_needed(OLD_MESSAGE_BUDGET, start),
            Some(OLD_MESSAGE_BUDGET.per + IN_FLIGHT_MARGIN)
        );
        let mut held = Window {
            held_until: Some(start + SPAN),
            ..Window::default()
        };
        assert_eq!(held.wait_needed(CHANNEL_BUDGET, start), Some(SPAN));
        assert_eq!(held.wait_needed(CHANNEL_BUDGET, start + SPAN), None);
    }

    #[tokio::test]
    async fn the_pacer_spends_the_budget_of_each_channel_apart() {
        let pacer = Pacer::default();
        let (here, there) = (serenity::ChannelId::new(600), serenity::ChannelId::new(601));
        for _ in 0..5 {
            pacer.wait_turn(here, false).await;
        }
        let start = Instant::now();
        pacer.wait_turn(there, false).await;
        assert!(start.elapsed() < Duration::from_millis(100));
        let now = Instant::now();
        let wait = pacer
            .channels()
            .get_mut(&here.get())
            .and_then(|windows| windows.sends.wait_needed(CHANNEL_BUDGET, now));
        assert!(wait.is_some_and(|wait| wait > Duration::from_secs(5)));
    }
}
