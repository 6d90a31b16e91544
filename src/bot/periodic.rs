//! The bot's background loops (reminders, deadlines, retention) share one
//! way of running: a pass at once, then one every period until the program
//! ends; a slow pass delays the next rather than bunching them up.

use std::future::Future;
use std::time::Duration;

use super::Error;

/// Runs `pass` now and then every `period`.
pub fn every<F, Fut>(period: Duration, mut pass: F)
where
    F: FnMut() -> Fut + Send + 'static,
    Fut: Future<Output = ()> + Send,
{
    tokio::spawn(async move {
        let mut ticks = tokio::time::interval(period);
        ticks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            ticks.tick().await;
            pass().await;
        }
    });
}

/// [`every`] for a pass that posts on its own (reminders, results at a
/// deadline) and says how many posts it made: a pass that posted is logged
/// as `posted`, one that failed as a warning after `failed`.
pub fn posting_every<F, Fut>(
    period: Duration,
    posted: &'static str,
    failed: &'static str,
    mut pass: F,
) where
    F: FnMut() -> Fut + Send + 'static,
    Fut: Future<Output = Result<usize, Error>> + Send,
{
    every(period, move || {
        let pass = pass();
        async move {
            match pass.await {
                Ok(0) => {}
                Ok(count) => tracing::info!(posted = count, "{posted}"),
                Err(error) => tracing::warn!("{failed}: {error:#}"),
            }
        }
    });
}
