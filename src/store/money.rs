//! Money, attributed: what the agent cost (tokens × price, recorded per decision), what it
//! brought in (PPV bought from its offers; tips within a creator's window after one of its
//! messages) and how offers convert per creator, item, spend tier and persona version; the A/B
//! report per variant; the activity the console's Stats page charts. `fanvue-agent stats` and the
//! Stats page read these same queries.
//!
//! Attribution is computed when read, from the inbox (tips), the outbox (our messages, when they
//! were sent) and the offers: changing a window re-reads history instead of rewriting it.

use super::{Store, StoreError};
use crate::domain::interval::{self, Interval};
use serde::Serialize;
use std::collections::BTreeMap;

/// Which money to read.
#[derive(Clone, Debug, Default)]
pub struct MoneyFilter {
    pub creator: Option<String>,
    /// Only what happened at or after this unix ms.
    pub since_ms: i64,
    /// Each creator's tip window in ms; creators not named use `default_tip_window_ms`.
    pub tip_window_ms: BTreeMap<String, i64>,
    pub default_tip_window_ms: i64,
    /// The models with a price anywhere in the config (a judge's model without one is listed as
    /// unpriced even when the decision's draft was priced).
    pub priced_models: Vec<String>,
}

/// One creator's money.
#[derive(Clone, Debug, Default, PartialEq, Serialize, sqlx::FromRow)]
pub struct CreatorMoney {
    pub creator: String,
    /// Replies (with or without an offer) the agent wrote.
    pub replies: i64,
    pub offers: i64,
    pub purchases: i64,
    /// PPV revenue from the agent's offers, in cents.
    pub ppv_cents: i64,
    /// Tips within the window after an agent message: how many and how much.
    pub tips_attributed: i64,
    pub tip_cents_attributed: i64,
    /// Every tip, attributed or not.
    pub tip_cents_all: i64,
    pub prompt_tokens: i64,
    pub completion_tokens: i64,
    /// Cost of the LLM calls with a configured price, in micro-dollars.
    pub cost_micros: i64,
    /// LLM calls whose model has no configured price (not in `cost_micros`).
    pub unpriced_calls: i64,
}

impl CreatorMoney {
    /// Revenue attributed to the agent, in cents.
    pub fn attributed_cents(&self) -> i64 {
        self.ppv_cents + self.tip_cents_attributed
    }
}

/// Offers and purchases of one group (an item, a spend tier, a persona version).
#[derive(Clone, Debug, PartialEq, Serialize, sqlx::FromRow)]
pub struct Conversion {
    pub creator: String,
    pub key: String,
    pub offers: i64,
    pub purchases: i64,
    pub revenue_cents: i64,
    /// Replies of the group (for a persona version; 0 for items and tiers).
    pub replies: i64,
    #[sqlx(skip)]
    pub rate: Option<Interval>,
}

/// The money report: per creator, then conversion by item, by tier and by persona version.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct MoneyReport {
    pub since_ms: i64,
    pub creators: Vec<CreatorMoney>,
    pub items: Vec<Conversion>,
    pub tiers: Vec<Conversion>,
    pub personas: Vec<Conversion>,
    /// Models that made calls but have no price in `[money.prices]`.
    pub unpriced_models: Vec<String>,
}

/// One variant of an experiment, with 95% intervals.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct VariantReport {
    pub creator: String,
    pub experiment: String,
    pub variant: String,
    /// Fans given this variant.
    pub fans: i64,
    pub replies: i64,
    pub offers: i64,
    pub purchases: i64,
    /// Purchases per offer (Wilson score interval).
    pub conversion: Option<Interval>,
    pub revenue_cents: i64,
    /// Attributed revenue per fan of the variant, in cents (mean ± 1.96 standard errors).
    pub revenue_per_fan: Option<Interval>,
    pub cost_micros: i64,
    /// Fewer fans than the normal interval of a mean needs to be more than indicative.
    pub few_fans: bool,
}

/// Decisions, offers and tips, with the row of the decision that queued each of our messages,
/// and each tip with the agent message before it within the creator's window.
/// ?1: creator or NULL, ?2: since ms, ?3: windows JSON {creator: ms}, ?4: default window ms.
const ATTRIBUTED: &str = "
WITH w AS (SELECT key AS creator, value AS ms FROM json_each(?3)),
msg_decision AS (
  SELECT outbox_id, min(id) AS decision_id FROM decisions WHERE outbox_id IS NOT NULL GROUP BY outbox_id),
tips AS (
  SELECT i.creator_handle AS creator, i.fan_uuid AS fan, i.received_at AS at,
         coalesce(json_extract(i.event, '$.kind.price_cents'), 0) AS cents,
         (SELECT o.id FROM outbox o
           WHERE o.creator_handle = i.creator_handle AND o.fan_uuid = i.fan_uuid
             AND o.purpose IN ('reply', 'followup', 'welcome', 'sequence') AND o.state = 'sent'
             AND o.sent_at <= i.received_at
             AND o.sent_at >= i.received_at - coalesce((SELECT ms FROM w WHERE w.creator = i.creator_handle), ?4)
             AND coalesce((SELECT ms FROM w WHERE w.creator = i.creator_handle), ?4) > 0
           ORDER BY o.sent_at DESC LIMIT 1) AS outbox_id
  FROM inbox i
  WHERE i.kind = 'tip' AND i.creator_handle IS NOT NULL AND i.received_at >= ?2
    AND (?1 IS NULL OR i.creator_handle = ?1)),
revenue AS (
  SELECT o.creator_handle AS creator, o.fan_uuid AS fan, 'ppv' AS source, o.price_cents AS cents,
         md.decision_id
  FROM offers o LEFT JOIN msg_decision md ON md.outbox_id = o.outbox_id
  WHERE o.status = 'purchased' AND o.resolved_at >= ?2 AND (?1 IS NULL OR o.creator_handle = ?1)
  UNION ALL
  SELECT t.creator, t.fan, 'tip', t.cents, md.decision_id
  FROM tips t LEFT JOIN msg_decision md ON md.outbox_id = t.outbox_id
  WHERE t.outbox_id IS NOT NULL)
";

impl MoneyFilter {
    /// The filter for `creator` (all when `None`) since `since_ms`, with the tip windows `cfg`
    /// gives each creator.
    pub fn from_config(
        cfg: &crate::config::Config,
        creator: Option<String>,
        since_ms: i64,
    ) -> Self {
        MoneyFilter {
            creator,
            since_ms,
            tip_window_ms: cfg
                .creators
                .keys()
                .map(|h| {
                    (
                        h.clone(),
                        cfg.creator_money(h).tip_window_secs as i64 * 1000,
                    )
                })
                .collect(),
            default_tip_window_ms: cfg.money.tip_window_secs as i64 * 1000,
            priced_models: cfg
                .creators
                .keys()
                .flat_map(|h| cfg.creator_money(h).prices.into_keys())
                .chain(cfg.money.prices.keys().cloned())
                .collect(),
        }
    }
}

impl Store {
    /// The money report for `f`.
    pub async fn money_report(&self, f: &MoneyFilter) -> Result<MoneyReport, StoreError> {
        let mut r = MoneyReport {
            since_ms: f.since_ms,
            creators: self.creator_money(f).await?,
            items: self.conversions(f, ITEMS).await?,
            tiers: self.conversions(f, TIERS).await?,
            personas: self.conversions(f, PERSONAS).await?,
            unpriced_models: vec![],
        };
        r.unpriced_models = sqlx::query_scalar(
            "SELECT DISTINCT model FROM decisions WHERE bills_llm = 1 AND cost_micros IS NULL
               AND model IS NOT NULL AND decided_at >= ?2 AND (?1 IS NULL OR creator_handle = ?1)
             ORDER BY model",
        )
        .bind(&f.creator)
        .bind(f.since_ms)
        .fetch_all(self.reader())
        .await?;
        for m in self.judge_models(f).await? {
            if !f.priced_models.contains(&m) && !r.unpriced_models.contains(&m) {
                r.unpriced_models.push(m);
            }
        }
        r.unpriced_models.sort();
        Ok(r)
    }

    /// The models the judge's calls recorded in decisions' guardrails (`judge.input`,
    /// `judge.draft[..]`) used.
    async fn judge_models(&self, f: &MoneyFilter) -> Result<Vec<String>, StoreError> {
        Ok(sqlx::query_scalar(
            "WITH d AS (SELECT guardrails FROM decisions
                          WHERE json_extract(guardrails, '$.judge') IS NOT NULL
                          AND decided_at >= ?2 AND (?1 IS NULL OR creator_handle = ?1))
             SELECT DISTINCT m FROM (
               SELECT json_extract(guardrails, '$.judge.input.model') AS m FROM d
               UNION SELECT json_extract(j.value, '$.model') FROM d,
                 json_each(d.guardrails, '$.judge.draft') j)
             WHERE m IS NOT NULL ORDER BY m",
        )
        .bind(&f.creator)
        .bind(f.since_ms)
        .fetch_all(self.reader())
        .await?)
    }

    async fn creator_money(&self, f: &MoneyFilter) -> Result<Vec<CreatorMoney>, StoreError> {
        let sql = format!(
            "{ATTRIBUTED}
SELECT c.handle AS creator,
  (SELECT count(DISTINCT coalesce('o' || outbox_id, 'd' || draft_id, 'i' || id)) FROM decisions
    WHERE creator_handle = c.handle AND outcome IN ('replied', 'offered') AND decided_at >= ?2) AS replies,
  (SELECT count(*) FROM offers WHERE creator_handle = c.handle AND offered_at >= ?2) AS offers,
  (SELECT count(*) FROM revenue WHERE creator = c.handle AND source = 'ppv') AS purchases,
  (SELECT coalesce(sum(cents), 0) FROM revenue WHERE creator = c.handle AND source = 'ppv') AS ppv_cents,
  (SELECT count(*) FROM revenue WHERE creator = c.handle AND source = 'tip') AS tips_attributed,
  (SELECT coalesce(sum(cents), 0) FROM revenue WHERE creator = c.handle AND source = 'tip') AS tip_cents_attributed,
  (SELECT coalesce(sum(cents), 0) FROM tips WHERE creator = c.handle) AS tip_cents_all,
  (SELECT coalesce(sum(prompt_tokens), 0) FROM decisions
    WHERE creator_handle = c.handle AND bills_llm = 1 AND decided_at >= ?2) AS prompt_tokens,
  (SELECT coalesce(sum(completion_tokens), 0) FROM decisions
    WHERE creator_handle = c.handle AND bills_llm = 1 AND decided_at >= ?2) AS completion_tokens,
  (SELECT coalesce(sum(cost_micros), 0) FROM decisions
    WHERE creator_handle = c.handle AND bills_llm = 1 AND decided_at >= ?2) AS cost_micros,
  (SELECT count(*) FROM decisions WHERE creator_handle = c.handle AND bills_llm = 1
    AND cost_micros IS NULL AND decided_at >= ?2) AS unpriced_calls
FROM creators c WHERE (?1 IS NULL OR c.handle = ?1) ORDER BY c.handle"
        );
        Ok(self
            .bind_filter(sqlx::query_as(&sql), f)
            .fetch_all(self.reader())
            .await?)
    }

    async fn conversions(
        &self,
        f: &MoneyFilter,
        group: &str,
    ) -> Result<Vec<Conversion>, StoreError> {
        let sql = format!("{ATTRIBUTED}{group}");
        let mut rows: Vec<Conversion> = self
            .bind_filter(sqlx::query_as(&sql), f)
            .fetch_all(self.reader())
            .await?;
        for c in &mut rows {
            c.rate = interval::wilson(c.purchases as u64, c.offers as u64, interval::Z95);
        }
        Ok(rows)
    }

    /// Binds ?1–?4 of [`ATTRIBUTED`].
    fn bind_filter<'q, O>(
        &self,
        q: sqlx::query::QueryAs<'q, sqlx::Sqlite, O, sqlx::sqlite::SqliteArguments<'q>>,
        f: &MoneyFilter,
    ) -> sqlx::query::QueryAs<'q, sqlx::Sqlite, O, sqlx::sqlite::SqliteArguments<'q>> {
        let windows = serde_json::to_string(&f.tip_window_ms).unwrap_or_else(|_| "{}".into());
        q.bind(f.creator.clone())
            .bind(f.since_ms)
            .bind(windows)
            .bind(f.default_tip_window_ms)
    }

    /// The A/B report of every creator of `filter` that configures an experiment in `cfg`.
    pub async fn experiment_reports(
        &self,
        cfg: &crate::config::Config,
        filter: &MoneyFilter,
    ) -> Result<Vec<VariantReport>, StoreError> {
        let mut all = vec![];
        for (handle, c) in &cfg.creators {
            if filter.creator.as_ref().is_some_and(|f| f != handle) {
                continue;
            }
            if let Some(e) = &c.experiment {
                all.extend(self.experiment_report(filter, handle, &e.name).await?);
            }
        }
        Ok(all)
    }

    /// The A/B report of `experiment` of `creator`, one row per variant that has fans.
    pub async fn experiment_report(
        &self,
        f: &MoneyFilter,
        creator: &str,
        experiment: &str,
    ) -> Result<Vec<VariantReport>, StoreError> {
        let fans = self.experiment_fans(creator, experiment).await?;
        let mut out = vec![];
        for (variant, n) in fans {
            let per_fan = self
                .revenue_per_fan(f, creator, experiment, &variant)
                .await?;
            let (replies, offers, purchases, revenue_cents, cost_micros) = self
                .variant_counts(f, creator, experiment, &variant)
                .await?;
            out.push(VariantReport {
                creator: creator.to_string(),
                experiment: experiment.to_string(),
                conversion: interval::wilson(purchases as u64, offers as u64, interval::Z95),
                revenue_per_fan: interval::mean_interval(&per_fan, interval::Z95),
                few_fans: per_fan.len() < interval::MIN_FANS_FOR_MEAN,
                variant,
                fans: n,
                replies,
                offers,
                purchases,
                revenue_cents,
                cost_micros,
            });
        }
        Ok(out)
    }

    /// Each fan of the variant with the revenue attributed to the experiment's decisions
    /// (0 for fans who paid nothing: they count in the mean).
    async fn revenue_per_fan(
        &self,
        f: &MoneyFilter,
        creator: &str,
        experiment: &str,
        variant: &str,
    ) -> Result<Vec<f64>, StoreError> {
        let sql = format!(
            "{ATTRIBUTED}
SELECT coalesce((SELECT sum(r.cents) FROM revenue r JOIN decisions d ON d.id = r.decision_id
                 WHERE r.creator = ef.creator_handle AND r.fan = ef.fan_uuid
                   AND d.experiment = ef.experiment AND d.variant = ef.variant), 0) AS cents
FROM experiment_fans ef WHERE ef.creator_handle = ?5 AND ef.experiment = ?6 AND ef.variant = ?7"
        );
        let rows: Vec<(i64,)> = self
            .bind_filter(sqlx::query_as(&sql), f)
            .bind(creator)
            .bind(experiment)
            .bind(variant)
            .fetch_all(self.reader())
            .await?;
        Ok(rows.into_iter().map(|(c,)| c as f64).collect())
    }

    /// Replies, offers, purchases, attributed revenue and cost of one variant.
    async fn variant_counts(
        &self,
        f: &MoneyFilter,
        creator: &str,
        experiment: &str,
        variant: &str,
    ) -> Result<(i64, i64, i64, i64, i64), StoreError> {
        let sql = format!(
            "{ATTRIBUTED}
SELECT
  (SELECT count(DISTINCT coalesce('o' || outbox_id, 'd' || draft_id, 'i' || id)) FROM decisions
    WHERE creator_handle = ?5 AND experiment = ?6 AND variant = ?7
      AND outcome IN ('replied', 'offered') AND decided_at >= ?2),
  (SELECT count(*) FROM offers o JOIN msg_decision md ON md.outbox_id = o.outbox_id
    JOIN decisions d ON d.id = md.decision_id
    WHERE o.creator_handle = ?5 AND d.experiment = ?6 AND d.variant = ?7 AND o.offered_at >= ?2),
  (SELECT count(*) FROM revenue r JOIN decisions d ON d.id = r.decision_id
    WHERE r.creator = ?5 AND r.source = 'ppv' AND d.experiment = ?6 AND d.variant = ?7),
  (SELECT coalesce(sum(r.cents), 0) FROM revenue r JOIN decisions d ON d.id = r.decision_id
    WHERE r.creator = ?5 AND d.experiment = ?6 AND d.variant = ?7),
  (SELECT coalesce(sum(cost_micros), 0) FROM decisions
    WHERE creator_handle = ?5 AND experiment = ?6 AND variant = ?7 AND bills_llm = 1 AND decided_at >= ?2)"
        );
        Ok(self
            .bind_filter(sqlx::query_as(&sql), f)
            .bind(creator)
            .bind(experiment)
            .bind(variant)
            .fetch_one(self.reader())
            .await?)
    }
}

/// What the Stats page charts besides money: replies and tokens per hour, time to reply,
/// escalations by reason.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Activity {
    /// (hour as unix ms, replies, prompt + completion tokens), oldest first; hours without any
    /// decision are absent.
    pub hours: Vec<(i64, i64, i64)>,
    /// Time from the fan's message to our reply landing, in ms: median and 90th percentile.
    pub reply_p50_ms: Option<i64>,
    pub reply_p90_ms: Option<i64>,
    /// Escalations by reason (the reason up to its first detail), most frequent first.
    pub escalations: Vec<(String, i64)>,
}

impl Store {
    /// The activity of `creator` (all when `None`) since `since_ms`.
    pub async fn activity(
        &self,
        creator: Option<&str>,
        since_ms: i64,
    ) -> Result<Activity, StoreError> {
        let hours = sqlx::query_as(
            "SELECT decided_at / 3600000 * 3600000 AS hour,
                    count(DISTINCT CASE WHEN outcome IN ('replied', 'offered')
                          THEN coalesce('o' || outbox_id, 'd' || draft_id, 'i' || id) END),
                    coalesce(sum(CASE WHEN bills_llm = 1
                          THEN coalesce(prompt_tokens, 0) + coalesce(completion_tokens, 0) END), 0)
             FROM decisions WHERE decided_at >= ?2 AND (?1 IS NULL OR creator_handle = ?1)
             GROUP BY hour ORDER BY hour",
        )
        .bind(creator)
        .bind(since_ms)
        .fetch_all(self.reader())
        .await?;
        let escalations = sqlx::query_as(
            "SELECT trim(CASE WHEN instr(reason, ' (') > 0 THEN substr(reason, 1, instr(reason, ' (') - 1)
                              ELSE reason END) AS why, count(*) AS n
             FROM decisions WHERE outcome = 'escalated' AND decided_at >= ?2
               AND (?1 IS NULL OR creator_handle = ?1)
             GROUP BY why ORDER BY n DESC, why LIMIT 20",
        )
        .bind(creator)
        .bind(since_ms)
        .fetch_all(self.reader())
        .await?;
        Ok(Activity {
            hours,
            reply_p50_ms: self.reply_percentile(creator, since_ms, 0.5).await?,
            reply_p90_ms: self.reply_percentile(creator, since_ms, 0.9).await?,
            escalations,
        })
    }

    /// The `q` quantile (nearest rank) of the time to reply of sent replies.
    async fn reply_percentile(
        &self,
        creator: Option<&str>,
        since_ms: i64,
        q: f64,
    ) -> Result<Option<i64>, StoreError> {
        const WHERE: &str = "FROM decisions WHERE e2e_ms IS NOT NULL AND decided_at >= ?2
               AND (?1 IS NULL OR creator_handle = ?1)";
        let n: i64 = sqlx::query_scalar(&format!("SELECT count(*) {WHERE}"))
            .bind(creator)
            .bind(since_ms)
            .fetch_one(self.reader())
            .await?;
        if n == 0 {
            return Ok(None);
        }
        let rank = ((q * n as f64).ceil() as i64).clamp(1, n) - 1;
        Ok(sqlx::query_scalar(&format!(
            "SELECT e2e_ms {WHERE} ORDER BY e2e_ms LIMIT 1 OFFSET ?3"
        ))
        .bind(creator)
        .bind(since_ms)
        .bind(rank)
        .fetch_optional(self.reader())
        .await?)
    }
}

/// Conversion by vault item (its catalog name, else its media uuid).
const ITEMS: &str = "
SELECT o.creator_handle AS creator, coalesce(o.item_name, o.media_uuid) AS key, count(*) AS offers,
       sum(o.status = 'purchased') AS purchases,
       coalesce(sum(CASE WHEN o.status = 'purchased' THEN o.price_cents END), 0) AS revenue_cents,
       0 AS replies
FROM offers o WHERE o.offered_at >= ?2 AND (?1 IS NULL OR o.creator_handle = ?1)
GROUP BY o.creator_handle, key ORDER BY revenue_cents DESC, offers DESC, key";

/// Conversion by the fan's spend tier when the offer was made.
const TIERS: &str = "
SELECT o.creator_handle AS creator, coalesce(d.spend_tier, 'unknown') AS key, count(*) AS offers,
       sum(o.status = 'purchased') AS purchases,
       coalesce(sum(CASE WHEN o.status = 'purchased' THEN o.price_cents END), 0) AS revenue_cents,
       0 AS replies
FROM offers o LEFT JOIN msg_decision md ON md.outbox_id = o.outbox_id
LEFT JOIN decisions d ON d.id = md.decision_id
WHERE o.offered_at >= ?2 AND (?1 IS NULL OR o.creator_handle = ?1)
GROUP BY o.creator_handle, key ORDER BY o.creator_handle, key";

/// Replies, conversion and attributed revenue by persona version (folder @ prompt version,
/// with the experiment variant when there was one).
const PERSONAS: &str = ",
persona_of AS (
  SELECT id, creator_handle, outbox_id, draft_id, outcome,
         coalesce(persona, '?') || '@' || coalesce(substr(prompt_version, 1, 12), '?')
           || coalesce(' (' || experiment || ': ' || variant || ')', '') AS key
  FROM decisions WHERE decided_at >= ?2 AND model IS NOT NULL AND (?1 IS NULL OR creator_handle = ?1))
SELECT p.creator_handle AS creator, p.key,
  (SELECT count(*) FROM offers o JOIN msg_decision md ON md.outbox_id = o.outbox_id
     JOIN persona_of q ON q.id = md.decision_id WHERE q.key = p.key AND q.creator_handle = p.creator_handle) AS offers,
  (SELECT count(*) FROM revenue r JOIN persona_of q ON q.id = r.decision_id
     WHERE r.source = 'ppv' AND q.key = p.key AND q.creator_handle = p.creator_handle) AS purchases,
  (SELECT coalesce(sum(r.cents), 0) FROM revenue r JOIN persona_of q ON q.id = r.decision_id
     WHERE q.key = p.key AND q.creator_handle = p.creator_handle) AS revenue_cents,
  count(DISTINCT CASE WHEN p.outcome IN ('replied', 'offered')
        THEN coalesce('o' || p.outbox_id, 'd' || p.draft_id, 'i' || p.id) END) AS replies
FROM persona_of p GROUP BY p.creator_handle, p.key ORDER BY p.creator_handle, p.key";

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{DecisionInfo, EventKind, Mode, Outcome, Purpose, ReplyPlan};
    use crate::store::{test_store, testing};

    const FAN: &str = "3f2a1b2c-0000-4000-8000-000000000001";
    const HOUR: i64 = 3_600_000;

    fn drafted(cost: i64) -> DecisionInfo {
        DecisionInfo {
            model: Some("m".into()),
            prompt_version: Some("v1".into()),
            prompt_tokens: Some(1000),
            completion_tokens: Some(200),
            cost_micros: Some(cost),
            persona: Some("ana".into()),
            spend_tier: Some("fan".into()),
            ..DecisionInfo::reason("answered")
        }
    }

    /// Two fan messages answered by one reply (sent at `sent_at`, Fanvue id `msg`), optionally
    /// carrying an offer; returns the outbox id.
    async fn answered(store: &Store, key: &str, offer: bool, sent_at: i64) -> i64 {
        let a =
            testing::accept_new(store, &testing::fan_message(&format!("{key}a"), FAN, "hi")).await;
        let b = testing::accept_new(
            store,
            &testing::fan_message(&format!("{key}b"), FAN, "pics?"),
        )
        .await;
        let mut plan = ReplyPlan::new(Purpose::Reply, "hey");
        let outcome = if offer {
            plan.media_uuids = vec![format!("media-{key}")];
            plan.price_cents = Some(1500);
            plan.offer_item = Some("beach set".into());
            Outcome::Offered
        } else {
            Outcome::Replied
        };
        let id = store
            .commit_plan("c", FAN, &[a, b], &plan, outcome, &drafted(270), Mode::Live)
            .await
            .unwrap();
        sqlx::query(
            "UPDATE outbox SET state = 'sent', sent_at = ?1, message_uuid = ?2 WHERE id = ?3",
        )
        .bind(sent_at)
        .bind(format!("msg-{key}"))
        .bind(id)
        .execute(store.writer())
        .await
        .unwrap();
        id
    }

    /// The fan tips `cents`, received at `at`.
    async fn tips(store: &Store, key: &str, cents: i64, at: i64) {
        let kind = EventKind::Tip {
            context: None,
            post_uuid: None,
            message_uuid: None,
            price_cents: Some(cents),
        };
        let id = testing::accept_new(store, &testing::event(key, FAN, kind)).await;
        sqlx::query("UPDATE inbox SET received_at = ?1 WHERE id = ?2")
            .bind(at)
            .bind(id)
            .execute(store.writer())
            .await
            .unwrap();
    }

    fn filter(window_ms: i64) -> MoneyFilter {
        MoneyFilter {
            creator: Some("c".into()),
            since_ms: 0,
            tip_window_ms: [("c".to_string(), window_ms)].into(),
            default_tip_window_ms: 0,
            priced_models: vec!["m".into()],
        }
    }

    #[tokio::test]
    async fn a_tip_counts_for_the_agent_only_within_the_window_after_its_message() {
        let (store, _dir) = test_store().await;
        store.ensure_creator("c").await.unwrap();
        let t0 = 1_800_000_000_000;
        answered(&store, "r", false, t0).await;
        tips(&store, "tip-before", 300, t0 - 60_000).await; // before any reply of ours
        tips(&store, "tip-inside", 500, t0 + HOUR / 2).await;
        tips(&store, "tip-late", 700, t0 + 2 * HOUR).await;
        let r = store.money_report(&filter(HOUR)).await.unwrap();
        let c = &r.creators[0];
        assert_eq!(
            (c.tips_attributed, c.tip_cents_attributed),
            (1, 500),
            "{c:?}"
        );
        assert_eq!(c.tip_cents_all, 1500);
        // A longer window takes the late tip too; a window of 0 takes none.
        let wide = store.money_report(&filter(3 * HOUR)).await.unwrap();
        assert_eq!(wide.creators[0].tip_cents_attributed, 1200);
        let off = store.money_report(&filter(0)).await.unwrap();
        assert_eq!(off.creators[0].tips_attributed, 0);
    }

    #[tokio::test]
    async fn an_offer_bought_is_revenue_of_its_item_tier_and_persona_version() {
        let (store, _dir) = test_store().await;
        store.ensure_creator("c").await.unwrap();
        answered(&store, "x", true, 1_800_000_000_000).await;
        answered(&store, "y", true, 1_800_000_100_000).await;
        let bought = EventKind::Purchase {
            post_uuid: None,
            message_uuid: Some("msg-x".into()),
            price_cents: Some(1500),
        };
        testing::accept_new(&store, &testing::event("buy", FAN, bought)).await;
        let r = store.money_report(&filter(HOUR)).await.unwrap();
        let c = &r.creators[0];
        assert_eq!((c.offers, c.purchases, c.ppv_cents), (2, 1, 1500), "{c:?}");
        assert_eq!(c.attributed_cents(), 1500);
        let item = &r.items[0];
        assert_eq!(
            (item.key.as_str(), item.offers, item.purchases),
            ("beach set", 2, 1)
        );
        let rate = item.rate.unwrap();
        assert!((rate.estimate - 0.5).abs() < 1e-9 && rate.low > 0.0 && rate.high < 1.0);
        assert_eq!(r.tiers[0].key, "fan");
        let p = &r.personas[0];
        assert_eq!(
            (p.key.as_str(), p.replies, p.purchases, p.revenue_cents),
            ("ana@v1", 2, 1, 1500)
        );
    }

    #[tokio::test]
    async fn a_tip_soon_after_a_sequence_message_is_the_agents_too() {
        let (store, _dir) = test_store().await;
        store.ensure_creator("c").await.unwrap();
        let t0 = 1_800_000_000_000;
        let plan = ReplyPlan::new(Purpose::Sequence, "missed you!");
        let step = testing::accept_new(&store, &testing::fan_message("s", FAN, "hi")).await;
        let info = DecisionInfo::reason("sequence winback step 1 of 1");
        let id = store
            .commit_plan(
                "c",
                FAN,
                &[step],
                &plan,
                Outcome::Replied,
                &info,
                Mode::Live,
            )
            .await
            .unwrap();
        sqlx::query(
            "UPDATE outbox SET state = 'sent', sent_at = ?1, message_uuid = 'w' WHERE id = ?2",
        )
        .bind(t0)
        .bind(id)
        .execute(store.writer())
        .await
        .unwrap();
        tips(&store, "tip-after-winback", 900, t0 + HOUR / 4).await;
        let c = &store.money_report(&filter(HOUR)).await.unwrap().creators[0];
        assert_eq!(
            (c.tips_attributed, c.tip_cents_attributed),
            (1, 900),
            "{c:?}"
        );
    }

    #[tokio::test]
    async fn a_judge_model_without_a_price_is_listed_even_when_the_draft_was_priced() {
        let (store, _dir) = test_store().await;
        store.ensure_creator("c").await.unwrap();
        let a = testing::accept_new(&store, &testing::fan_message("j", FAN, "hi")).await;
        let judged = serde_json::json!({"input": [], "judge": {
            "input": {"model": "judge-small", "prompt_tokens": 50, "completion_tokens": 5},
            "draft": [{"model": "judge-big", "prompt_tokens": 60, "completion_tokens": 5}]}});
        let info = DecisionInfo {
            guardrails: Some(judged),
            ..drafted(270)
        };
        let plan = ReplyPlan::new(Purpose::Reply, "hey");
        store
            .commit_plan("c", FAN, &[a], &plan, Outcome::Replied, &info, Mode::Live)
            .await
            .unwrap();
        let mut f = filter(HOUR);
        let r = store.money_report(&f).await.unwrap();
        assert_eq!(r.unpriced_models, ["judge-big", "judge-small"]);
        f.priced_models.push("judge-small".into());
        let r = store.money_report(&f).await.unwrap();
        assert_eq!(
            r.unpriced_models,
            ["judge-big"],
            "the priced judge model is not listed"
        );
    }

    #[tokio::test]
    async fn a_burst_answered_by_one_reply_costs_one_llm_call() {
        let (store, _dir) = test_store().await;
        store.ensure_creator("c").await.unwrap();
        answered(&store, "r", false, 1_800_000_000_000).await;
        let r = store.money_report(&filter(HOUR)).await.unwrap();
        let c = &r.creators[0];
        // Two decision rows (one per fan message), one call: 270 µ$, 1000 + 200 tokens.
        assert_eq!((c.replies, c.cost_micros), (1, 270), "{c:?}");
        assert_eq!((c.prompt_tokens, c.completion_tokens), (1000, 200));
        let per_row: Vec<Option<i64>> =
            sqlx::query_scalar("SELECT cost_micros FROM decisions ORDER BY id")
                .fetch_all(store.reader())
                .await
                .unwrap();
        assert_eq!(
            per_row,
            [Some(270), Some(270)],
            "each decision shows its call's cost"
        );
        assert!(r.unpriced_models.is_empty());
    }
}
