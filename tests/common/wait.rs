//! Waiting for a condition instead of sleeping: poll until a check passes, within a generous
//! deadline, and fail with what was awaited and what was seen instead.

use std::{
    fmt::Display,
    future::Future,
    time::{Duration, Instant},
};

/// How long a test waits for something that should happen. Generous: the suite shares two cores
/// with other builds, and a deadline only costs time when a test is failing anyway.
pub const PATIENCE: Duration = Duration::from_secs(90);

/// Polls `check` until it returns `Ok` and returns that value, or after `limit` the last `Err`
/// (what was seen instead). The pause between checks grows from 20 ms to 200 ms: quick when the
/// condition is near, light on a busy machine when it is not.
pub async fn poll<T, E, Fut>(limit: Duration, mut check: impl FnMut() -> Fut) -> Result<T, E>
where
    Fut: Future<Output = Result<T, E>>,
{
    let start = Instant::now();
    let mut pause = Duration::from_millis(20);
    loop {
        let seen = check().await;
        if seen.is_ok() || start.elapsed() > limit {
            return seen;
        }
        tokio::time::sleep(pause).await;
        pause = (pause * 2).min(Duration::from_millis(200));
    }
}

/// [`poll`]s `check` and returns its value; after `limit` the test fails, naming `what` and what
/// was seen instead.
pub async fn eventually_within<T, E: Display, Fut>(
    what: &str,
    limit: Duration,
    check: impl FnMut() -> Fut,
) -> T
where
    Fut: Future<Output = Result<T, E>>,
{
    match poll(limit, check).await {
        Ok(v) => v,
        Err(seen) => {
            let seen = seen.to_string();
            let seen = if seen.is_empty() {
                String::new()
            } else {
                format!("; last seen: {seen}")
            };
            panic!("timed out after {limit:?} waiting for {what}{seen}");
        }
    }
}

/// [`eventually_within`] the default [`PATIENCE`].
pub async fn eventually<T, E: Display, Fut>(what: &str, check: impl FnMut() -> Fut) -> T
where
    Fut: Future<Output = Result<T, E>>,
{
    eventually_within(what, PATIENCE, check).await
}

/// Waits until `check` holds (within [`PATIENCE`]), or fails naming `what`.
pub async fn wait_until<Fut: Future<Output = bool>>(what: &str, mut check: impl FnMut() -> Fut) {
    eventually(what, || {
        let holds = check();
        async move {
            match holds.await {
                true => Ok(()),
                false => Err(""),
            }
        }
    })
    .await
}
