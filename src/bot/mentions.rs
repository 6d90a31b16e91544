//! Who a message may ping: nobody, unless it names whom. Titles, names and
//! texts that people typed reach many messages, so every message the bot
//! builds itself starts from one of these builders; replies through poise
//! get [`none`] from the framework options.

use poise::serenity_prelude as serenity;

/// Pings nobody: no `@everyone`, no role, no user.
pub fn none() -> serenity::CreateAllowedMentions {
    serenity::CreateAllowedMentions::new()
}

/// Pings exactly these people, and nobody else the text may mention.
pub fn only_users(
    users: impl IntoIterator<Item = serenity::UserId>,
) -> serenity::CreateAllowedMentions {
    serenity::CreateAllowedMentions::new().users(users)
}

/// A channel message that pings nobody.
pub fn message() -> serenity::CreateMessage {
    serenity::CreateMessage::new().allowed_mentions(none())
}

/// An edit of a channel message that pings nobody.
pub fn edit() -> serenity::EditMessage {
    serenity::EditMessage::new().allowed_mentions(none())
}

/// An answer to a button, form or command that pings nobody.
pub fn response() -> serenity::CreateInteractionResponseMessage {
    serenity::CreateInteractionResponseMessage::new().allowed_mentions(none())
}

/// A follow-up to an interaction that pings nobody.
pub fn followup() -> serenity::CreateInteractionResponseFollowup {
    serenity::CreateInteractionResponseFollowup::new().allowed_mentions(none())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nothing_is_parsed_and_only_named_users_are_let_through() {
        assert_eq!(
            serde_json::to_value(none()).unwrap(),
            serde_json::json!({"parse": [], "users": [], "roles": []})
        );
        let two = only_users([serenity::UserId::new(11), serenity::UserId::new(12)]);
        assert_eq!(
            serde_json::to_value(two).unwrap(),
            serde_json::json!({"parse": [], "users": ["11", "12"], "roles": []})
        );
    }
}
