//! Stage 6, offer: whether the reply carries a PPV item. The model may propose one; deterministic
//! rules ([`super::offers`]) dispose: the fan's interest, the creator's offer rules (cooldown,
//! daily cap, enough conversation first), what the fan owns, the price by spend tier.

use super::{context::Context, memory, offers, prompt, Agent, AgentError, Job};
use crate::fanvue::ApiError;
use tracing::warn;

/// The `api_cache` key of the creator's sellable vault items.
const CATALOG_KEY: &str = "catalog:ppv";

/// What the offer rules decided for one reply.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum OfferDecision {
    /// The reply offers `item` at `price_cents`.
    Offer {
        item: offers::CatalogItem,
        price_cents: i64,
    },
    /// The fan showed interest but the rules said no, for this reason.
    Refused { reason: String },
    /// The fan showed no interest: nothing offered, nothing to say.
    NotAsked,
}

impl OfferDecision {
    /// What the decision's reason adds about the offer (`model_reason`: why the model wanted it).
    pub fn note(&self, model_reason: Option<&str>) -> String {
        match self {
            OfferDecision::Offer { item, price_cents } => {
                let mut note = format!(
                    "; offered {} at ${}.{:02}",
                    item.name,
                    price_cents / 100,
                    price_cents % 100
                );
                if let Some(why) = model_reason {
                    note.push_str(&format!(" (model: {why})"));
                }
                note
            }
            OfferDecision::Refused { reason } => format!("; no offer: {reason}"),
            OfferDecision::NotAsked => String::new(),
        }
    }
}

impl Agent {
    /// Whether this reply carries an offer. A fan who declines the last offer has it recorded
    /// (never offered again).
    pub(super) async fn offer(
        &self,
        job: &Job<'_>,
        ctx: &Context,
        wanted: Option<&str>,
    ) -> Result<OfferDecision, AgentError> {
        let declined = offers::is_decline(&ctx.fan_text);
        if declined {
            if let Some(item) = self.store.decline_last_offer(job.creator, job.fan).await? {
                let fact = memory::Fact {
                    kind: "declined",
                    value: item,
                };
                self.store.remember(job.creator, job.fan, &[fact]).await?;
            }
        }
        if wanted.is_none() && !offers::wants_content(&ctx.fan_text) {
            return Ok(OfferDecision::NotAsked);
        }
        if ctx.controls.offers_off {
            let by = ctx.controls.updated_by.as_deref().unwrap_or("a human");
            let reason = format!("offers are switched off for this fan (by {by})");
            return Ok(OfferDecision::Refused { reason });
        }
        let rules = &job.settings.offers;
        let mut ledger = self.store.offer_ledger(job.creator, job.fan).await?;
        let fan_messages = ctx.history.iter().filter(|m| !m.from_creator).count() as u32;
        if let Some(reason) = offers::refusal(rules, ctx.now, fan_messages, &ledger, declined) {
            return Ok(OfferDecision::Refused { reason });
        }
        let (catalog, owned) = self.vault(job.creator, job.fan).await;
        let catalog = with_catalog_file(job, catalog);
        // What the fan owns per Fanvue (bought elsewhere, unlocked messages): never offered again.
        ledger
            .offers
            .extend(owned.into_iter().map(|m| (m, 0, "purchased".to_string())));
        let Some(item) = offers::choose(&catalog, &ledger, wanted) else {
            let reason = match catalog.is_empty() {
                true => "no PPV items in the vault".into(),
                false => "the fan already owns every item".into(),
            };
            return Ok(OfferDecision::Refused { reason });
        };
        let tier = prompt::spend_tier(ctx.facts.spend_cents);
        let price_cents = offers::price(rules, item, tier, job.settings.min_price_cents);
        Ok(OfferDecision::Offer {
            item: item.clone(),
            price_cents,
        })
    }

    /// The creator's sellable vault items and which of them `fan` owns. One call answers both
    /// (`GET /media?usage=ppv&status=ready&purchasedBy=<fan>` flags what the fan bought); the answers
    /// are cached 10 minutes (the vault per creator, ownership per fan, which a purchase webhook
    /// from the fan drops: see `store::inbox`).
    async fn vault(&self, creator: &str, fan: &str) -> (Vec<offers::CatalogItem>, Vec<String>) {
        let owned_key = crate::store::owned_media_key(fan);
        let cached_owned = match self.store.cache_get(creator, &owned_key, 600).await {
            Ok(Some(v)) => serde_json::from_value::<Vec<String>>(v).ok(),
            _ => None,
        };
        if let Some(owned) = cached_owned {
            if let Some(catalog) = self.cached_catalog(creator).await {
                return (catalog, owned);
            }
        }
        match self.read_vault(creator, Some(fan)).await {
            Ok((catalog, owned)) => {
                let _ = self
                    .store
                    .cache_put(creator, &owned_key, &owned.clone().into())
                    .await;
                (catalog, owned)
            }
            Err(e) => {
                warn!(error = %e, "cannot read the vault; no offer this time");
                (vec![], vec![])
            }
        }
    }

    /// The creator's sellable vault items (`GET /media?usage=ppv&status=ready`), cached 10 minutes.
    pub(super) async fn catalog(&self, creator: &str) -> Vec<offers::CatalogItem> {
        if let Some(items) = self.cached_catalog(creator).await {
            return items;
        }
        match self.read_vault(creator, None).await {
            Ok((items, _)) => items,
            Err(e) => {
                warn!(error = %e, "cannot read the vault; no offer this time");
                vec![]
            }
        }
    }

    async fn cached_catalog(&self, creator: &str) -> Option<Vec<offers::CatalogItem>> {
        let v = self
            .store
            .cache_get(creator, CATALOG_KEY, 600)
            .await
            .ok()??;
        serde_json::from_value(v).ok()
    }

    /// Reads the vault's sellable items (and, with `fan`, which of them the fan bought) and caches
    /// the items.
    async fn read_vault(
        &self,
        creator: &str,
        fan: Option<&str>,
    ) -> Result<(Vec<offers::CatalogItem>, Vec<String>), ApiError> {
        let q = crate::fanvue::client::MediaQuery {
            size: Some(50),
            usage: Some("ppv".into()),
            status: Some("ready".into()),
            purchased_by: fan.map(str::to_string),
            ..Default::default()
        };
        let page = self.apis.get(creator).list_media(&q).await?;
        let owned = page
            .data
            .iter()
            .filter(|m| m.purchased_by_fan == Some(true))
            .map(|m| m.uuid.clone())
            .collect();
        let items: Vec<offers::CatalogItem> = page
            .data
            .into_iter()
            .map(|m| offers::CatalogItem {
                name: m
                    .name
                    .clone()
                    .or(m.caption.clone())
                    .unwrap_or_else(|| m.uuid.chars().take(8).collect()),
                description: m.description.or(m.caption),
                base_price_cents: m.recommended_price.unwrap_or(1000),
                media_uuid: m.uuid,
            })
            .collect();
        if let Ok(v) = serde_json::to_value(&items) {
            let _ = self.store.cache_put(creator, CATALOG_KEY, &v).await;
        }
        Ok((items, owned))
    }
}

/// The vault's items as the persona's `catalog.toml` names, prices or hides them (a broken file
/// is ignored until fixed).
fn with_catalog_file(job: &Job<'_>, catalog: Vec<offers::CatalogItem>) -> Vec<offers::CatalogItem> {
    let file = job
        .settings
        .prompts_dir
        .join(&job.settings.persona)
        .join("catalog.toml");
    match offers::read_catalog_file(&file) {
        Ok(entries) => offers::apply_catalog_file(catalog, &entries),
        Err(e) => {
            warn!(error = %e, "catalog file ignored until fixed");
            catalog
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{
        agent::testing::{self, fan_writes, CREATOR, FAN},
        config::Config,
    };
    use std::ops::ControlFlow;

    fn item() -> offers::CatalogItem {
        offers::CatalogItem {
            name: "beach set".into(),
            description: None,
            base_price_cents: 1500,
            media_uuid: "media-1".into(),
        }
    }

    #[test]
    fn the_reason_names_the_offer_and_its_price_or_why_not_and_nothing_without_interest() {
        let offer = OfferDecision::Offer {
            item: item(),
            price_cents: 1299,
        };
        assert_eq!(offer.note(None), "; offered beach set at $12.99");
        assert_eq!(
            offer.note(Some("asked for beach pics")),
            "; offered beach set at $12.99 (model: asked for beach pics)"
        );
        let refused = OfferDecision::Refused {
            reason: "cooldown".into(),
        };
        assert_eq!(refused.note(Some("x")), "; no offer: cooldown");
        assert_eq!(OfferDecision::NotAsked.note(Some("x")), "");
    }

    /// The offer decided for the fan's message `text` (the vault comes from the cache).
    async fn offered(cfg: Config, texts: &[&str]) -> OfferDecision {
        offered_with(cfg, texts, false).await
    }

    /// [`offered`], with the fan's offers switched off by a human when `switched_off`.
    async fn offered_with(cfg: Config, texts: &[&str], switched_off: bool) -> OfferDecision {
        let (agent, _dir) = testing::agent(cfg.clone(), testing::Scripted::new(vec![])).await;
        if switched_off {
            let offers = crate::store::fans::Switch::Offers;
            let s = &agent.store;
            s.set_fan_switch(CREATOR, FAN, offers, false, "console:ann")
                .await
                .unwrap();
        }
        let catalog = serde_json::to_value(vec![item()]).unwrap();
        agent
            .store
            .cache_put(CREATOR, CATALOG_KEY, &catalog)
            .await
            .unwrap();
        let owned = crate::store::owned_media_key(FAN);
        agent
            .store
            .cache_put(CREATOR, &owned, &serde_json::json!([]))
            .await
            .unwrap();
        let mut rows = vec![];
        for (i, text) in texts.iter().enumerate() {
            let at = format!("2024-01-01T00:00:0{i}Z");
            rows.push(fan_writes(&agent.store, &format!("m{i}"), text, &at).await);
        }
        let job = testing::job(&cfg);
        let ControlFlow::Continue(ctx) = agent.load_context(&job, &rows).await.unwrap() else {
            panic!("decided early");
        };
        agent.offer(&job, &ctx, None).await.unwrap()
    }

    #[tokio::test]
    async fn a_fan_who_asks_for_nothing_is_offered_nothing() {
        assert_eq!(
            offered(Config::default(), &["hi, how was your day?"]).await,
            OfferDecision::NotAsked
        );
    }

    #[tokio::test]
    async fn the_rules_refuse_an_offer_before_enough_conversation() {
        let mut cfg = Config::default();
        cfg.offers.min_fan_messages = 3;
        let got = offered(cfg, &["show me something new"]).await;
        assert!(matches!(got, OfferDecision::Refused { .. }), "{got:?}");
    }

    #[tokio::test]
    async fn a_fan_whose_offers_a_human_switched_off_is_offered_nothing_and_the_stage_says_why() {
        let mut cfg = Config::default();
        cfg.offers.min_fan_messages = 1;
        let texts = ["hey", "show me something new"];
        let on = offered_with(cfg.clone(), &texts, false).await;
        assert!(matches!(on, OfferDecision::Offer { .. }), "{on:?}");
        let off = offered_with(cfg, &texts, true).await;
        assert_eq!(
            off.note(None),
            "; no offer: offers are switched off for this fan (by console:ann)"
        );
    }

    #[tokio::test]
    async fn a_fan_who_asks_for_content_is_offered_a_vault_item_at_a_price_within_the_rules() {
        let mut cfg = Config::default();
        cfg.offers.min_fan_messages = 1;
        let got = offered(cfg.clone(), &["hey", "show me something new"]).await;
        let OfferDecision::Offer {
            item: got,
            price_cents,
        } = got
        else {
            panic!("no offer: {got:?}");
        };
        assert_eq!(got, item());
        assert!((cfg.offers.floor_cents..=cfg.offers.ceiling_cents).contains(&price_cents));
    }
}
