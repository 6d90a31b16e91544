//! Discord's limits on sending and editing messages in a channel, as the
//! fake enforces them, so that no test passes only because the fake is
//! kinder than Discord.
//!
//! Per channel, creates and edits share one budget (5 per 5 seconds); edits
//! of a message over an hour old also spend a second, smaller one (3 per 6
//! seconds, error 30046). Interaction callbacks and webhook follow-ups are
//! not bound by either. Both are sliding windows: no window of that length
//! ever holds more requests than the budget, which is at least as strict as
//! Discord's own buckets. A refused request spends nothing.

use std::collections::{HashMap, VecDeque};
use std::time::{Duration, Instant};

use super::rest::route_matches;

/// How many requests a bucket lets through in any window of `per`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Limit {
    pub requests: usize,
    pub per: Duration,
    /// What the fake names in `X-RateLimit-Bucket`.
    pub bucket: &'static str,
}

/// Creates and edits of messages in one channel.
pub const CHANNEL_MESSAGES: Limit = Limit {
    requests: 5,
    per: Duration::from_secs(5),
    bucket: "fake-channel-messages",
};

/// Edits of messages over an hour old in one channel.
pub const OLD_MESSAGE_EDITS: Limit = Limit {
    requests: 3,
    per: Duration::from_secs(6),
    bucket: "fake-old-message-edits",
};

/// From this age on an edit also spends `OLD_MESSAGE_EDITS`.
pub const OLD_MESSAGE_AGE: Duration = Duration::from_secs(60 * 60);

/// Discord's error code for too many edits of old messages.
pub const OLD_MESSAGE_EDITS_CODE: u64 = 30046;

/// A request that counts against a channel's budget.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum MessageRequest {
    Create { channel_id: u64 },
    Edit { channel_id: u64, message_id: u64 },
}

impl MessageRequest {
    /// The budgeted request `method route` is, if any: `POST
    /// /channels/{id}/messages` or `PATCH /channels/{id}/messages/{id}`.
    pub fn of(method: &str, route: &str) -> Option<Self> {
        let segments: Vec<&str> = route.trim_matches('/').split('/').collect();
        let id = |index: usize| segments.get(index).and_then(|s| s.parse::<u64>().ok());
        match method {
            "POST" if route_matches("/channels/*/messages", route) => {
                Some(Self::Create { channel_id: id(1)? })
            }
            "PATCH" if route_matches("/channels/*/messages/*", route) => Some(Self::Edit {
                channel_id: id(1)?,
                message_id: id(3)?,
            }),
            _ => None,
        }
    }

    pub fn channel_id(self) -> u64 {
        match self {
            Self::Create { channel_id } | Self::Edit { channel_id, .. } => channel_id,
        }
    }
}

/// Why a request was refused, and how long the caller must wait.
#[derive(Clone, Debug, PartialEq)]
pub struct Refusal {
    pub limit: Limit,
    pub retry_after: Duration,
    /// `Some(30046)` for an old message's edit.
    pub code: Option<u64>,
}

/// When each message was created, and how much older a test made it.
#[derive(Clone, Copy, Debug)]
struct Birth {
    at: Instant,
    aged_by: Duration,
}

/// The budgets of every channel and the ages of every message.
#[derive(Debug)]
pub struct ChannelLimits {
    /// Off only in tests that must not meet Discord's limits (see
    /// `FakeDiscord::enforce_rate_limits`).
    pub enforced: bool,
    sends: HashMap<u64, VecDeque<Instant>>,
    old_edits: HashMap<u64, VecDeque<Instant>>,
    births: HashMap<u64, Birth>,
}

impl Default for ChannelLimits {
    fn default() -> Self {
        Self {
            enforced: true,
            sends: HashMap::new(),
            old_edits: HashMap::new(),
            births: HashMap::new(),
        }
    }
}

impl ChannelLimits {
    /// Notes that message `id` was created at `now`.
    pub fn created(&mut self, message_id: u64, now: Instant) {
        self.births.insert(
            message_id,
            Birth {
                at: now,
                aged_by: Duration::ZERO,
            },
        );
    }

    /// Makes message `id` `by` older than it is (false if it is unknown).
    pub fn age(&mut self, message_id: u64, by: Duration) -> bool {
        match self.births.get_mut(&message_id) {
            Some(birth) => {
                birth.aged_by += by;
                true
            }
            None => false,
        }
    }

    /// How old message `id` is at `now`; unknown messages count as new.
    pub fn age_of(&self, message_id: u64, now: Instant) -> Duration {
        self.births
            .get(&message_id)
            .map_or(Duration::ZERO, |birth| {
                now.saturating_duration_since(birth.at) + birth.aged_by
            })
    }

    /// Lets `request` through at `now`, spending its budgets, or refuses it
    /// and spends nothing. Always lets it through when not enforced.
    pub fn admit(&mut self, request: MessageRequest, now: Instant) -> Result<(), Refusal> {
        if !self.enforced {
            return Ok(());
        }
        let channel_id = request.channel_id();
        let old_edit = match request {
            MessageRequest::Edit { message_id, .. } => {
                self.age_of(message_id, now) >= OLD_MESSAGE_AGE
            }
            MessageRequest::Create { .. } => false,
        };
        if old_edit {
            let window = self.old_edits.entry(channel_id).or_default();
            if let Some(retry_after) = wait_needed(window, OLD_MESSAGE_EDITS, now) {
                return Err(Refusal {
                    limit: OLD_MESSAGE_EDITS,
                    retry_after,
                    code: Some(OLD_MESSAGE_EDITS_CODE),
                });
            }
        }
        let window = self.sends.entry(channel_id).or_default();
        if let Some(retry_after) = wait_needed(window, CHANNEL_MESSAGES, now) {
            return Err(Refusal {
                limit: CHANNEL_MESSAGES,
                retry_after,
                code: None,
            });
        }
        window.push_back(now);
        if old_edit {
            self.old_edits.entry(channel_id).or_default().push_back(now);
        }
        Ok(())
    }
}

/// Forgets the requests of `window` that have left it; if it is still full,
/// how long until its oldest leaves.
fn wait_needed(window: &mut VecDeque<Instant>, limit: Limit, now: Instant) -> Option<Duration> {
    while window
        .front()
        .is_some_and(|sent| now.saturating_duration_since(*sent) >= limit.per)
    {
        window.pop_front();
    }
    if window.len() < limit.requests {
        return None;
    }
    window.front().map(|oldest| {
        limit
            .per
            .saturating_sub(now.saturating_duration_since(*oldest))
    })
}

/// The most of `times` (in order) that fall within any one `window`.
pub fn most_within(times: &[Instant], window: Duration) -> usize {
    let mut most = 0;
    let mut start = 0;
    for (end, time) in times.iter().enumerate() {
        while time.saturating_duration_since(times[start]) >= window {
            start += 1;
        }
        most = most.max(end + 1 - start);
    }
    most
}

#[cfg(test)]
mod tests {
    use super::*;

    const CHANNEL: u64 = 600;
    const OTHER_CHANNEL: u64 = 601;
    const CARD: u64 = 7;

    fn create(channel_id: u64) -> MessageRequest {
        MessageRequest::Create { channel_id }
    }

    fn edit(message_id: u64) -> MessageRequest {
        MessageRequest::Edit {
            channel_id: CHANNEL,
            message_id,
        }
    }

    fn ms(millis: u64) -> Duration {
        Duration::from_millis(millis)
    }

    /// Fresh limits with [`CARD`] just posted: the time it was posted, and
    /// the limits.
    fn with_a_card() -> (Instant, ChannelLimits) {
        let now = Instant::now();
        let mut limits = ChannelLimits::default();
        limits.created(CARD, now);
        (now, limits)
    }

    #[test]
    fn the_sixth_create_within_five_seconds_waits_for_the_first_to_leave_the_window() {
        let start = Instant::now();
        let mut limits = ChannelLimits::default();
        for second in 0..5 {
            let at = start + ms(second * 100);
            assert_eq!(limits.admit(create(CHANNEL), at), Ok(()), "create {second}");
        }
        let refusal = limits
            .admit(create(CHANNEL), start + ms(1_000))
            .expect_err("the sixth create is refused");
        assert_eq!(refusal.limit, CHANNEL_MESSAGES);
        assert_eq!(refusal.retry_after, ms(4_000));
        assert_eq!(refusal.code, None);

        assert!(limits.admit(create(CHANNEL), start + ms(4_999)).is_err());
        assert_eq!(limits.admit(create(CHANNEL), start + ms(5_000)), Ok(()));
    }

    #[test]
    fn creates_and_edits_share_one_budget_per_channel() {
        let (now, mut limits) = with_a_card();
        for request in [create(CHANNEL), edit(CARD), create(CHANNEL), edit(CARD)] {
            assert_eq!(limits.admit(request, now), Ok(()));
        }
        assert_eq!(limits.admit(edit(CARD), now), Ok(()));
        assert!(limits.admit(edit(CARD), now).is_err(), "a sixth edit");
        assert!(
            limits.admit(create(CHANNEL), now).is_err(),
            "a sixth create"
        );
        assert_eq!(
            limits.admit(create(OTHER_CHANNEL), now),
            Ok(()),
            "another channel has its own budget"
        );
    }

    #[test]
    fn a_refused_request_spends_nothing() {
        let start = Instant::now();
        let mut limits = ChannelLimits::default();
        for _ in 0..5 {
            limits.admit(create(CHANNEL), start).expect("within budget");
        }
        for millis in [1_000, 2_000, 3_000, 4_000] {
            assert!(limits.admit(create(CHANNEL), start + ms(millis)).is_err());
        }
        assert_eq!(limits.admit(create(CHANNEL), start + ms(5_000)), Ok(()));
    }

    #[test]
    fn a_message_over_an_hour_old_takes_three_edits_per_six_seconds_with_code_30046() {
        let (start, mut limits) = with_a_card();
        assert!(limits.age(CARD, OLD_MESSAGE_AGE));
        assert!(limits.age_of(CARD, start) >= OLD_MESSAGE_AGE);
        for second in 0..3 {
            assert_eq!(limits.admit(edit(CARD), start + ms(second * 1_000)), Ok(()));
        }
        let refusal = limits
            .admit(edit(CARD), start + ms(3_000))
            .expect_err("the fourth edit of an old message");
        assert_eq!(refusal.limit, OLD_MESSAGE_EDITS);
        assert_eq!(refusal.retry_after, ms(3_000));
        assert_eq!(refusal.code, Some(OLD_MESSAGE_EDITS_CODE));
        assert_eq!(
            limits.admit(create(CHANNEL), start + ms(3_000)),
            Ok(()),
            "a create is not an old message's edit"
        );
        assert_eq!(limits.admit(edit(CARD), start + ms(6_000)), Ok(()));
    }

    #[test]
    fn a_new_message_is_not_an_old_one_and_an_unknown_one_cannot_be_aged() {
        let (now, mut limits) = with_a_card();
        for _ in 0..5 {
            assert_eq!(limits.admit(edit(CARD), now), Ok(()));
        }
        assert!(!limits.age(CARD + 1, OLD_MESSAGE_AGE));
    }

    #[test]
    fn when_not_enforced_everything_goes_through() {
        let now = Instant::now();
        let mut limits = ChannelLimits {
            enforced: false,
            ..ChannelLimits::default()
        };
        for _ in 0..20 {
            assert_eq!(limits.admit(create(CHANNEL), now), Ok(()));
        }
    }

    #[test]
    fn only_channel_message_creates_and_edits_are_budgeted() {
        assert_eq!(
            MessageRequest::of("POST", "/channels/600/messages"),
            Some(create(CHANNEL))
        );
        assert_eq!(
            MessageRequest::of("PATCH", "/channels/600/messages/7"),
            Some(edit(CARD))
        );
        for (method, route) in [
            ("GET", "/channels/600/messages/7"),
            ("DELETE", "/channels/600/messages/7"),
            ("POST", "/interactions/5/token-5/callback"),
            ("POST", "/webhooks/1000/token-5"),
            ("PATCH", "/webhooks/1000/token-5/messages/@original"),
            ("POST", "/channels/600/messages/7/threads"),
        ] {
            assert_eq!(MessageRequest::of(method, route), None, "{method} {route}");
        }
    }

    #[test]
    fn the_busiest_window_is_counted() {
        let start = Instant::now();
        let times: Vec<Instant> = [0, 100, 4_900, 4_950, 5_100, 9_000]
            .into_iter()
            .map(|millis| start + ms(millis))
            .collect();
        assert_eq!(most_within(&times, ms(5_000)), 4);
        assert_eq!(most_within(&times, ms(10)), 1);
        assert_eq!(most_within(&[], ms(5_000)), 0);
    }

    /// The fake itself, spoken to in plain HTTP so a test sees the status,
    /// headers and body that serenity keeps to itself.
    mod through_the_fake {
        use std::collections::HashMap;

        use serde_json::Value;
        use tokio::io::{AsyncReadExt, AsyncWriteExt};
        use tokio::net::TcpStream;

        use super::*;
        use crate::support::{Actor, FakeDiscord, FakeUser, Place};

        const GUILD: u64 = 500;

        struct Answer {
            status: u16,
            headers: HashMap<String, String>,
            body: Value,
        }

        async fn send(fake: &FakeDiscord, method: &str, route: &str, body: &str) -> Answer {
            let address = fake.api_base().trim_start_matches("http://");
            let mut stream = TcpStream::connect(address).await.expect("the fake listens");
            let request = format!(
                "{method} /api/v10{route} HTTP/1.1\r\nHost: {address}\r\n\
                 Content-Type: application/json\r\nContent-Length: {}\r\n\
                 Connection: close\r\n\r\n{body}",
                body.len()
            );
            stream
                .write_all(request.as_bytes())
                .await
                .expect("the request is sent");
            let mut bytes = Vec::new();
            stream
                .read_to_end(&mut bytes)
                .await
                .expect("the answer is read");
            let text = String::from_utf8(bytes).expect("a UTF-8 answer");
            let (head, body) = text.split_once("\r\n\r\n").expect("a head and a body");
            let mut lines = head.lines();
            let status = lines
                .next()
                .and_then(|line| line.split(' ').nth(1))
                .and_then(|code| code.parse().ok())
                .expect("a status line");
            let headers = lines
                .filter_map(|line| line.split_once(": "))
                .map(|(name, value)| (name.to_ascii_lowercase(), value.to_owned()))
                .collect();
            let body = serde_json::from_str(body).unwrap_or(Value::Null);
            Answer {
                status,
                headers,
                body,
            }
        }

        async fn post_card(fake: &FakeDiscord) -> Answer {
            let route = format!("/channels/{CHANNEL}/messages");
            send(fake, "POST", &route, r#"{"content":"Card"}"#).await
        }

        #[tokio::test]
        async fn six_creates_in_a_row_the_sixth_gets_429_with_retry_after() {
            // These requests are made by hand, not by the bot.
            let fake = FakeDiscord::start_with_mentions_unchecked().await;
            for card in 0..5 {
                assert_eq!(post_card(&fake).await.status, 200, "card {card}");
            }
            let refused = post_card(&fake).await;

            assert_eq!(refused.status, 429);
            assert_eq!(refused.body["message"], "You are being rate limited.");
            assert_eq!(refused.body["global"], false);
            let retry_after = refused.body["retry_after"].as_f64().expect("a float");
            assert!(retry_after > 4.0 && retry_after <= 5.0, "{retry_after}");
            assert_eq!(refused.headers["retry-after"], "5");
            assert_eq!(refused.headers["x-ratelimit-limit"], "5");
            assert_eq!(refused.headers["x-ratelimit-remaining"], "0");
            let reset_after: f64 = refused.headers["x-ratelimit-reset-after"]
                .parse()
                .expect("seconds");
            assert!((reset_after - retry_after).abs() < 0.001, "{reset_after}");
            assert_eq!(
                refused.headers["x-ratelimit-bucket"],
                CHANNEL_MESSAGES.bucket
            );

            let limited = fake.rate_limited_requests();
            assert_eq!(limited.len(), 1);
            assert!(limited[0].is("POST", "/channels/*/messages"));
            assert_eq!(fake.channel_sends(CHANNEL).len(), 5);
            assert_eq!(fake.most_sends_within(CHANNEL, CHANNEL_MESSAGES.per), 5);
            assert_eq!(fake.messages().len(), 5, "the refused card was not kept");
            assert_eq!(fake.channel_sends(OTHER_CHANNEL).len(), 0);
        }

        #[tokio::test]
        async fn interaction_answers_and_follow_ups_are_not_bound_by_the_channel() {
            // These requests are made by hand, not by the bot.
            let fake = FakeDiscord::start_with_mentions_unchecked().await;
            for _ in 0..5 {
                post_card(&fake).await;
            }
            let actor = Actor::new(FakeUser::new(10, "ann"), Place::guild(GUILD, CHANNEL));
            let command = fake.slash_command(&actor, "ballot", &[], &[]);
            let reply = r#"{"type":4,"data":{"content":"Thanks"}}"#;
            let answered = send(&fake, "POST", &command.callback_route(), reply).await;
            assert_eq!(answered.status, 204);
            for _ in 0..6 {
                let follow_up = send(
                    &fake,
                    "POST",
                    &command.webhook_route(),
                    r#"{"content":"More"}"#,
                )
                .await;
                assert_eq!(follow_up.status, 200);
            }
            let original = format!("{}/messages/@original", command.webhook_route());
            let edited = send(&fake, "PATCH", &original, r#"{"content":"Done"}"#).await;
            assert_eq!(edited.status, 200);

            assert!(fake.rate_limited_requests().is_empty());
            assert_eq!(
                post_card(&fake).await.status,
                429,
                "the channel is still full"
            );
        }

        #[tokio::test]
        async fn an_old_message_takes_three_edits_then_429_with_code_30046() {
            // These requests are made by hand, not by the bot.
            let fake = FakeDiscord::start_with_mentions_unchecked().await;
            let card = post_card(&fake).await.body["id"]
                .as_str()
                .and_then(|id| id.parse::<u64>().ok())
                .expect("the card's id");
            fake.age_message(card, OLD_MESSAGE_AGE);
            let route = format!("/channels/{CHANNEL}/messages/{card}");
            for edit in 0..3 {
                let answer = send(&fake, "PATCH", &route, r#"{"content":"Edited"}"#).await;
                assert_eq!(answer.status, 200, "edit {edit}");
            }
            let refused = send(&fake, "PATCH", &route, r#"{"content":"Again"}"#).await;

            assert_eq!(refused.status, 429);
            assert_eq!(refused.body["code"], OLD_MESSAGE_EDITS_CODE);
            assert_eq!(refused.headers["x-ratelimit-limit"], "3");
            assert_eq!(
                refused.headers["x-ratelimit-bucket"],
                OLD_MESSAGE_EDITS.bucket
            );
            assert_eq!(fake.message(card).expect("the card").content, "Edited");
            assert_eq!(
                post_card(&fake).await.status,
                200,
                "a new card may still go"
            );
        }

        #[tokio::test]
        async fn with_the_limits_switched_off_a_burst_goes_through() {
            // These requests are made by hand, not by the bot.
            let fake = FakeDiscord::start_with_mentions_unchecked().await;
            fake.enforce_rate_limits(false);
            for card in 0..8 {
                assert_eq!(post_card(&fake).await.status, 200, "card {card}");
            }
            assert!(fake.rate_limited_requests().is_empty());
            assert_eq!(fake.most_sends_within(CHANNEL, CHANNEL_MESSAGES.per), 8);
        }
    }
}
