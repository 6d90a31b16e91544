//! Logging through tracing, to standard error, filtered by `RUST_LOG`.

use tracing_subscriber::EnvFilter;

/// Starts logging once; later calls do nothing.
pub fn init() {
    let filter = EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| EnvFilter::new("common_ground=info,warn"));
    let _already_started = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .try_init();
}
