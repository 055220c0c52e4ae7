//! Stage 2b, fan value: what Fanvue says the fan is worth (lifetime spend, subscription status,
//! top spender) and whether they may be messaged at all. Read from the insights once per TTL and
//! in bulk: a read for one fan also reads up to 19 other fans of the creator with events waiting,
//! so a busy creator pays one call per twenty fans, not one per reply. A failed read never stops a
//! reply: the job goes on with what the store knew.

use super::{context::Context, Agent, AgentError, Job, Stage};
use crate::{
    domain::{fan::NOT_CONTACTABLE, FanStatus, FanValue},
    fanvue::{
        client::BULK_INSIGHTS_MAX,
        types::{BulkInsights, FanInsights},
    },
};
use std::{collections::HashMap, ops::ControlFlow, sync::Arc};
use tracing::{debug, warn};

/// One insights read at a time per creator: jobs that start together wait for the first one's
/// bulk read (which covers their fans too) instead of each paying a call.
#[derive(Debug, Default)]
pub struct ValueReads {
    locks: std::sync::Mutex<HashMap<String, Arc<tokio::sync::Mutex<()>>>>,
}

impl ValueReads {
    fn lock_of(&self, creator: &str) -> Arc<tokio::sync::Mutex<()>> {
        let mut locks = self.locks.lock().unwrap_or_else(|e| e.into_inner());
        locks.entry(creator.to_string()).or_default().clone()
    }
}

impl Agent {
    /// Reads the fan's value into the context (their spend becomes the larger of Fanvue's
    /// lifetime figure and what the daemon saw); a fan Fanvue marks not contactable is skipped.
    pub(super) async fn weigh_fan(
        &self,
        job: &Job<'_>,
        ctx: &mut Context,
    ) -> Result<Stage<()>, AgentError> {
        let value = self.fan_value(job, ctx.now).await?;
        if !value.contactable() {
            let why = format!("{NOT_CONTACTABLE}: not answered");
            return self.skip(job, &ctx.ids, why).await.map(ControlFlow::Break);
        }
        ctx.facts.spend_cents = value.spend_cents(ctx.facts.spend_cents);
        ctx.value = value;
        Ok(ControlFlow::Continue(()))
    }

    /// Reads the fan's value ahead when the job answers the fan (a failure is only logged: the
    /// fan-value stage reads again or goes on with what is known).
    pub(super) async fn prefetch_value(
        &self,
        job: &Job<'_>,
        rows: &[crate::store::inbox::InboxRow],
        now: i64,
    ) {
        if rows.iter().any(|r| r.from_fan) {
            if let Err(e) = self.fan_value(job, now).await {
                warn!(error = %e, "cannot read the fan's value ahead");
            }
        }
    }

    /// The fan's value, read from Fanvue when the stored one is older than the TTL (and the
    /// creator reads insights at all).
    pub(super) async fn fan_value(&self, job: &Job<'_>, now: i64) -> Result<FanValue, AgentError> {
        let settings = &job.settings.fan_value;
        let ttl_ms = settings.ttl_secs as i64 * 1000;
        let known = self.store.fan_value(job.creator, job.fan).await?;
        if !settings.insights || known.fresh(now, ttl_ms) || !is_uuid(job.fan) {
            return Ok(known);
        }
        let lock = self.values.lock_of(job.creator);
        let _one_read = lock.lock().await;
        // Another job's bulk read may have covered this fan while this one waited.
        let known = self.store.fan_value(job.creator, job.fan).await?;
        if known.fresh(now, ttl_ms) {
            return Ok(known);
        }
        let others = self
            .store
            .fans_to_value(
                job.creator,
                job.fan,
                now - ttl_ms,
                4 * BULK_INSIGHTS_MAX as i64,
            )
            .await?;
        let mut fans = vec![job.fan];
        fans.extend(
            others
                .iter()
                .map(String::as_str)
                .filter(|f| is_uuid(f))
                .take(BULK_INSIGHTS_MAX - 1),
        );
        let api = self.apis.get(job.creator);
        match api.bulk_fan_insights(&fans).await {
            Ok(bulk) => {
                let mut read = values_of(&bulk, &fans, now);
                debug!(fans = read.len(), "fan insights read");
                self.store.put_fan_values(job.creator, &read).await?;
                // The chat list's top-spender flag stays with the stored value.
                let mut mine = read.swap_remove(0).1;
                mine.top_spender = known.top_spender;
                Ok(mine)
            }
            Err(e) => {
                warn!(error = %e, "cannot read the fan's insights; going on with what is known");
                Ok(known)
            }
        }
    }
}

/// Each of `fans`' value as one bulk insights answer tells it, read at `now` (a fan the answer
/// leaves out: none known, read again after the TTL).
pub fn values_of(bulk: &BulkInsights, fans: &[&str], now: i64) -> Vec<(String, FanValue)> {
    fans.iter()
        .map(|f| {
            let found = bulk
                .results
                .iter()
                .find(|(k, _)| k.eq_ignore_ascii_case(f))
                .and_then(|(_, v)| v.as_ref());
            (f.to_string(), value_of(found, now))
        })
        .collect()
}

/// The value `insights` tell, read at `now` (none: Fanvue could not say; read again after the TTL).
pub fn value_of(insights: Option<&FanInsights>, now: i64) -> FanValue {
    let Some(i) = insights else {
        return FanValue {
            fetched_at_ms: now,
            ..Default::default()
        };
    };
    let status = i
        .status
        .as_deref()
        .map(FanStatus::parse)
        .unwrap_or_default();
    let renews_at = i.subscription.as_ref().and_then(|s| s.renews_at.clone());
    // An expired subscription ended on its last renewal date, when Fanvue still gives one.
    let expired_at_ms = (status == FanStatus::Expired)
        .then(|| {
            renews_at
                .as_deref()
                .and_then(crate::store::sequences::unix_ms)
        })
        .flatten()
        .filter(|at| *at <= now);
    FanValue {
        status,
        lifetime_spend_cents: i.total_spend_cents(),
        max_single_payment_cents: i.max_single_payment_cents(),
        last_purchase_at: i.spending.as_ref().and_then(|s| s.last_purchase_at.clone()),
        renews_at,
        auto_renew: i.subscription.as_ref().and_then(|s| s.auto_renewal_enabled),
        expired_at_ms,
        top_spender: false,
        fetched_at_ms: now,
    }
}

fn is_uuid(s: &str) -> bool {
    uuid::Uuid::parse_str(s).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{
        agent::testing::{self, fan_writes, CREATOR, FAN},
        config::Config,
        domain::time::now_ms,
    };

    /// The context of the test fan saying `text`, with Fanvue's `value` for them read just now.
    async fn weighed(
        value: FanValue,
        local_spend: i64,
    ) -> (Stage<()>, Context, Vec<(String, String)>) {
        let cfg = Config::default();
        let (agent, _dir) = testing::agent(cfg.clone(), testing::Scripted::new(vec![])).await;
        let value = FanValue {
            fetched_at_ms: now_ms(),
            ..value
        };
        agent
            .store
            .put_fan_values(CREATOR, &[(FAN.to_string(), value)])
            .await
            .unwrap();
        let row = fan_writes(&agent.store, "m1", "hey you", "2024-01-01T00:00:00Z").await;
        let job = testing::job(&cfg);
        let ControlFlow::Continue(mut ctx) = agent.load_context(&job, &[row]).await.unwrap() else {
            panic!("decided early");
        };
        ctx.facts.spend_cents = local_spend;
        let stage = agent.weigh_fan(&job, &mut ctx).await.unwrap();
        (stage, ctx, testing::decisions(&agent.store).await)
    }

    #[tokio::test]
    async fn a_fan_fanvue_marks_not_contactable_is_never_answered() {
        let v = FanValue {
            status: FanStatus::NotContactable,
            ..Default::default()
        };
        let (stage, _, decided) = weighed(v, 0).await;
        assert!(stage.is_break());
        assert_eq!(decided.len(), 1);
        assert_eq!(decided[0].0, "skipped");
        assert!(decided[0].1.contains(NOT_CONTACTABLE), "{decided:?}");
    }

    #[tokio::test]
    async fn a_long_time_spender_is_priced_and_described_from_fanvues_lifetime_spend() {
        let v = FanValue {
            status: FanStatus::Expired,
            lifetime_spend_cents: 30_000,
            ..Default::default()
        };
        let (stage, ctx, decided) = weighed(v, 1_000).await;
        assert!(stage.is_continue() && decided.is_empty());
        assert_eq!(
            ctx.facts.spend_cents, 30_000,
            "Fanvue's figure, not the daemon's $10"
        );
        let vars = crate::agent::prompt::FanVars::new("Sam".into(), None, &ctx.facts)
            .with_value(&ctx.value);
        assert_eq!((vars.spend_tier, vars.status), ("top", "expired"));
        let rules = crate::config::OfferRules::default();
        let item = crate::agent::offers::CatalogItem {
            base_price_cents: 1000,
            ..Default::default()
        };
        assert_eq!(
            crate::agent::offers::price(&rules, &item, vars.spend_tier, 300),
            1300
        );
    }

    #[tokio::test]
    async fn fanvues_top_spender_flag_makes_a_top_tier_fan_whatever_the_spend() {
        let v = FanValue {
            status: FanStatus::Subscriber,
            top_spender: true,
            ..Default::default()
        };
        let vars = crate::agent::prompt::FanVars::new("Sam".into(), None, &Default::default())
            .with_value(&v);
        assert_eq!(vars.spend_tier, "top");
    }

    #[test]
    fn insights_become_a_value_and_a_fan_fanvue_cannot_answer_for_is_unknown_but_read() {
        let i: FanInsights = serde_json::from_value(serde_json::json!({
            "status": "expired",
            "spending": {"lastPurchaseAt": "2025-02-01T00:00:00Z", "total": {"gross": 1, "total": 42_000},
                         "maxSinglePayment": {"total": 9_000}},
            "subscription": {"createdAt": null, "renewsAt": null, "autoRenewalEnabled": false}
        }))
        .unwrap();
        let v = value_of(Some(&i), 7);
        assert_eq!(v.status, FanStatus::Expired);
        assert_eq!(
            (v.lifetime_spend_cents, v.max_single_payment_cents),
            (42_000, 9_000)
        );
        assert_eq!(v.last_purchase_at.as_deref(), Some("2025-02-01T00:00:00Z"));
        let none = value_of(None, 7);
        assert_eq!((none.status, none.fetched_at_ms), (FanStatus::Unknown, 7));
        assert!(none.contactable());
    }
}
