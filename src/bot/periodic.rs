//! The bot's background loops (reminders, deadlines, retention) share one
//! way of running: a pass at once, then one every period until the program
//! ends; a slow pass delays the next rather than bunching them up.

use std::future::Future;
use std::time::Duration;

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
