//! Where the `expiring` and `expired` sequences learn about subscriptions. Fanvue sends no webhook
//! for a subscription about to end or just ended; it keeps two smart lists instead
//! (`GET /chats/lists/smart/non_renewing` and `.../expired_subscribers`, 50 members a page) and
//! tells each fan's renewal date, auto-renew and status in the insights (`GET /insights/fans`, 20
//! fans a call). A check reads both lists, then the insights of the members the store does not
//! know well enough: a non-renewing fan whose value is stale or not known as non-renewing, an
//! expired one not yet known as expired. What it reads goes into `fan_value`, where the
//! scheduler (and the dry run, without a call) finds who is due.
//!
//! Its calls pass the creator's limiter like every other, and a check spends at most
//! `max_calls` of them (the sequences' share of the rate budget): a creator with thousands of
//! lapsed fans is read over several checks, never in one burst that would delay replies.

use crate::{
    agent::value::values_of,
    config::CreatorSettings,
    domain::{FanStatus, FanValue},
    fanvue::{client::BULK_INSIGHTS_MAX, ApiError, CreatorApi},
    store::{Store, StoreError},
};

/// Members per smart-list page (the spec's maximum).
const PAGE: u32 = 50;
/// Pages read per list and check at most (1,000 members).
const MAX_PAGES: u32 = 20;

#[derive(Debug, thiserror::Error)]
pub enum RefreshError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("reading subscriptions from Fanvue: {0}")]
    Api(#[from] ApiError),
}

/// What one refresh did.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Refreshed {
    pub calls: usize,
    pub fans_read: usize,
}

/// Whether `s` has a sequence that needs subscriptions read.
pub fn wanted(s: &CreatorSettings) -> bool {
    s.sequences.enabled
        && s.sequences
            .list
            .iter()
            .any(|q| q.trigger.reads_subscriptions())
}

/// Reads the creator's non-renewing and expired subscribers and the insights of those the store
/// does not know well enough, spending at most `max_calls` calls; stores what it read at `now`.
pub async fn refresh(
    store: &Store,
    api: &CreatorApi,
    s: &CreatorSettings,
    now: i64,
    max_calls: usize,
) -> Result<Refreshed, RefreshError> {
    let ttl_ms = s.fan_value.ttl_secs as i64 * 1000;
    let mut done = Refreshed::default();
    let mut to_read: Vec<String> = vec![];
    for list in ["non_renewing", "expired_subscribers"] {
        let members = members(api, list, max_calls.saturating_sub(done.calls), &mut done).await?;
        for fan in members {
            let known = store.fan_value(&s.handle, &fan).await?;
            if needs_read(list, &known, now, ttl_ms) && !to_read.contains(&fan) {
                to_read.push(fan);
            }
        }
    }
    for batch in to_read.chunks(BULK_INSIGHTS_MAX) {
        if done.calls >= max_calls {
            break;
        }
        let ids: Vec<&str> = batch.iter().map(String::as_str).collect();
        let bulk = api.bulk_fan_insights(&ids).await?;
        done.calls += 1;
        let read = values_of(&bulk, &ids, now);
        done.fans_read += read.len();
        store.put_fan_values(&s.handle, &read).await?;
    }
    Ok(done)
}

/// The members of smart list `list`, page by page, within `budget` calls (counted in `done`).
async fn members(
    api: &CreatorApi,
    list: &str,
    budget: usize,
    done: &mut Refreshed,
) -> Result<Vec<String>, ApiError> {
    let mut fans = vec![];
    for page in 1..=MAX_PAGES {
        if page as usize > budget {
            break;
        }
        let p = api.smart_list_members(list, Some(page), Some(PAGE)).await?;
        done.calls += 1;
        let more = p.pagination.has_more && !p.data.is_empty();
        fans.extend(p.data.into_iter().map(|m| m.uuid).filter(|u| is_uuid(u)));
        if !more {
            break;
        }
    }
    Ok(fans)
}

/// Whether a member of `list` must have their insights read: a non-renewing fan whose value is
/// stale or not known as a non-renewing subscriber; an expired fan not known as expired.
fn needs_read(list: &str, known: &FanValue, now: i64, ttl_ms: i64) -> bool {
    match list {
        "expired_subscribers" => known.status != FanStatus::Expired,
        _ => {
            !known.fresh(now, ttl_ms)
                || known.status != FanStatus::Subscriber
                || known.auto_renew == Some(true)
                || known.renews_at.is_none()
        }
    }
}

fn is_uuid(s: &str) -> bool {
    uuid::Uuid::parse_str(s).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_members_the_store_does_not_know_well_enough_are_read() {
        let now = 10_000_000;
        let ttl = 3_600_000;
        let subscriber = FanValue {
            status: FanStatus::Subscriber,
            renews_at: Some("2026-12-05T00:00:00Z".into()),
            auto_renew: Some(false),
            fetched_at_ms: now - 1000,
            ..Default::default()
        };
        assert!(!needs_read("non_renewing", &subscriber, now, ttl));
        let stale = FanValue {
            fetched_at_ms: now - ttl - 1,
            ..subscriber.clone()
        };
        assert!(needs_read("non_renewing", &stale, now, ttl));
        let turned_off = FanValue {
            auto_renew: Some(true),
            ..subscriber.clone()
        };
        assert!(needs_read("non_renewing", &turned_off, now, ttl));
        assert!(needs_read("non_renewing", &FanValue::default(), now, ttl));
        // A subscriber seen in the expired list just lapsed: read now, whatever the TTL.
        assert!(needs_read("expired_subscribers", &subscriber, now, ttl));
        let expired = FanValue {
            status: FanStatus::Expired,
            ..subscriber
        };
        assert!(!needs_read("expired_subscribers", &expired, now, ttl));
    }
}
