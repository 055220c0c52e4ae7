//! Stage 6, offer: whether the reply carries a PPV item. The model may propose one; deterministic
//! rules ([`super::offers`]) dispose: the fan's interest, the creator's offer rules (cooldown,
//! daily cap, enough conversation first), what the fan owns, the price by spend tier (real
//! lifetime spend from Fanvue), and, where the creator allows it, a counter-offer to a fan who
//! haggles over an open offer. The whole vault is read, every page, and cached; what a fan owns
//! is read only on the page of the item about to be offered.

use super::{context::Context, guardrails, memory, offers, prompt, Agent, AgentError, Job};
use crate::fanvue::{types::MediaItem, ApiError};
use tracing::warn;

/// The `api_cache` key of the creator's sellable vault items.
const CATALOG_KEY: &str = "catalog:ppv";
/// How long the vault is kept (seconds).
const CATALOG_TTL_SECS: i64 = 600;
/// How long what a fan owns is kept (a purchase webhook drops it sooner; see `store::inbox`).
const OWNED_TTL_SECS: i64 = 3600;
/// Pages of 50 read at most per vault or folder read (1,000 items).
const MAX_VAULT_PAGES: u32 = 20;
/// Items per vault page (Fanvue's largest).
const VAULT_PAGE_SIZE: u32 = 50;
/// Items the model is shown to pitch from.
pub const PITCH_ITEMS: usize = 5;

/// What the offer rules decided for one reply.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum OfferDecision {
    /// The reply offers `item` at `price_cents`; `counter`: the negotiation step this price is
    /// (a haggling fan's counter-offer), none for a first offer.
    Offer {
        item: offers::CatalogItem,
        price_cents: i64,
        counter: Option<u32>,
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
            OfferDecision::Offer {
                item,
                price_cents,
                counter,
            } => {
                let what = match counter {
                    Some(step) => format!("counter-offer {step}:"),
                    None => "offered".into(),
                };
                let mut note = format!(
                    "; {what} {} at ${}.{:02}",
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
    /// Whether this reply carries an offer. A haggling fan gets a counter-offer where the
    /// creator negotiates; a fan who declines the last offer has it recorded (never offered
    /// again).
    pub(super) async fn offer(
        &self,
        job: &Job<'_>,
        ctx: &Context,
        wanted: Option<&str>,
    ) -> Result<OfferDecision, AgentError> {
        let rules = &job.settings.offers;
        let asked = wanted.is_some() || offers::wants_content(&ctx.fan_text);
        let haggling = rules.negotiate && guardrails::is_haggle(&ctx.fan_text);
        if ctx.controls.offers_off && (asked || haggling) {
            let by = ctx.controls.updated_by.as_deref().unwrap_or("a human");
            let reason = format!("offers are switched off for this fan (by {by})");
            return Ok(OfferDecision::Refused { reason });
        }
        if haggling {
            if let Some(counter) = self.counter_offer(job).await? {
                return Ok(counter);
            }
        }
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
        let mut ledger = self.store.offer_ledger(job.creator, job.fan).await?;
        let fan_messages = ctx.history.iter().filter(|m| !m.from_creator).count() as u32;
        if let Some(reason) = offers::refusal(rules, ctx.now, fan_messages, &ledger, declined) {
            return Ok(OfferDecision::Refused { reason });
        }
        let (catalog, mut owned) = self.vault(job.creator, job.fan, ctx, rules).await;
        let catalog = with_catalog_file(job, catalog);
        let item = loop {
            // What the fan owns per Fanvue (bought elsewhere, unlocked messages): never offered.
            let mut known = ledger.clone();
            known.offers.extend(
                owned
                    .media
                    .iter()
                    .map(|m| (m.clone(), 0, "purchased".to_string())),
            );
            let Some(item) = offers::choose(&catalog, &known, wanted) else {
                let reason = match catalog.is_empty() {
                    true => "no PPV items in the vault".into(),
                    false => "the fan already owns every item".into(),
                };
                return Ok(OfferDecision::Refused { reason });
            };
            if owned.knows(item) {
                break item;
            }
            // The item's page tells whether the fan owns it (and the rest of that page).
            if let Err(e) = self
                .read_owned(job.creator, job.fan, item, rules, &mut owned)
                .await
            {
                warn!(error = %e, "cannot read what the fan owns; no offer this time");
                let reason = "cannot read what the fan owns (will try again)".to_string();
                return Ok(OfferDecision::Refused { reason });
            }
        };
        ledger.offers.extend(
            owned
                .media
                .into_iter()
                .map(|m| (m, 0, "purchased".to_string())),
        );
        let tier = prompt::fan_tier(ctx.facts.spend_cents, ctx.value.top_spender);
        let price_cents = offers::price(rules, item, tier, job.settings.min_price_cents);
        Ok(OfferDecision::Offer {
            item: item.clone(),
            price_cents,
            counter: None,
        })
    }

    /// The counter-offer to a fan haggling over their open offer, or why none (`None`: there is
    /// no open offer to bargain over; the usual rules then decide).
    async fn counter_offer(&self, job: &Job<'_>) -> Result<Option<OfferDecision>, AgentError> {
        let past = self.store.offer_prices(job.creator, job.fan).await?;
        let Some(bargain) = offers::bargain(&past) else {
            return Ok(None);
        };
        let rules = &job.settings.offers;
        let ledger = self.store.offer_ledger(job.creator, job.fan).await?;
        if let Some(category) = &ledger.marked {
            let reason = format!("the fan is marked ({category}): never offered");
            return Ok(Some(OfferDecision::Refused { reason }));
        }
        if !rules.enabled {
            let reason = "offers are off".to_string();
            return Ok(Some(OfferDecision::Refused { reason }));
        }
        let catalog = with_catalog_file(job, self.catalog(job.creator, rules).await);
        let item = catalog
            .into_iter()
            .find(|i| i.media_uuid == bargain.media_uuid)
            .unwrap_or_else(|| offers::CatalogItem {
                media_uuid: bargain.media_uuid.clone(),
                name: bargain
                    .item_name
                    .clone()
                    .unwrap_or_else(|| bargain.media_uuid.clone()),
                base_price_cents: bargain.start_cents,
                ..Default::default()
            });
        let min = job.settings.min_price_cents;
        Ok(Some(
            match offers::counter_offer(rules, &bargain, item.floor_cents, min) {
                Ok(price_cents) => OfferDecision::Offer {
                    item,
                    price_cents,
                    counter: Some(bargain.steps + 1),
                },
                Err(reason) => OfferDecision::Refused { reason },
            },
        ))
    }

    /// The creator's sellable vault items and what is known of what `fan` owns. A fan who never
    /// spent anything (Fanvue's lifetime figure, read this job) owns nothing: no read. Otherwise
    /// ownership is read page by page as items are about to be offered ([`Self::read_owned`])
    /// and cached per fan (a purchase webhook drops it).
    async fn vault(
        &self,
        creator: &str,
        fan: &str,
        ctx: &Context,
        rules: &offers::OfferRules,
    ) -> (Vec<offers::CatalogItem>, Owned) {
        let catalog = self.catalog(creator, rules).await;
        let never_paid = ctx.value.fetched_at_ms > 0 && ctx.facts.spend_cents == 0;
        if never_paid {
            return (catalog, Owned::everything_read(vec![]));
        }
        let key = crate::store::owned_media_key(fan);
        let cached = match self.store.cache_get(creator, &key, OWNED_TTL_SECS).await {
            Ok(Some(v)) => Owned::from_cache(v),
            _ => None,
        };
        (catalog, cached.unwrap_or_default())
    }

    /// Reads the vault page that holds `item` with `purchasedBy=<fan>`: what the fan owns on it
    /// (one call instead of every page). When the page no longer holds the item (the vault
    /// changed since it was cached) or its page is not known, every page is read instead.
    async fn read_owned(
        &self,
        creator: &str,
        fan: &str,
        item: &offers::CatalogItem,
        rules: &offers::OfferRules,
        owned: &mut Owned,
    ) -> Result<(), ApiError> {
        let got = match item.page {
            Some(page) => Some(
                self.apis
                    .get(creator)
                    .list_media(&vault_query(page, Some(fan)))
                    .await?,
            )
            .filter(|got| got.data.iter().any(|m| m.uuid == item.media_uuid))
            .map(|got| (page, got)),
            None => None,
        };
        if let Some((page, got)) = got {
            owned.pages.push(page);
            owned.media.extend(
                got.data
                    .iter()
                    .filter(|m| m.purchased_by_fan == Some(true))
                    .map(|m| m.uuid.clone()),
            );
        } else {
            let (_, all) = self.read_vault(creator, Some(fan), rules).await?;
            *owned = Owned::everything_read(all);
        }
        let key = crate::store::owned_media_key(fan);
        if let Ok(v) = serde_json::to_value(&*owned) {
            let _ = self.store.cache_put(creator, &key, &v).await;
        }
        Ok(())
    }

    /// The creator's sellable vault items (every page of `GET /media?usage=ppv&status=ready`,
    /// folder names as tags), cached 10 minutes.
    pub(super) async fn catalog(
        &self,
        creator: &str,
        rules: &offers::OfferRules,
    ) -> Vec<offers::CatalogItem> {
        if let Some(items) = self.cached_catalog(creator).await {
            return items;
        }
        match self.read_vault(creator, None, rules).await {
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
            .cache_get(creator, CATALOG_KEY, CATALOG_TTL_SECS)
            .await
            .ok()??;
        serde_json::from_value(v).ok()
    }

    /// Reads every page of the vault's sellable items (and, with `fan`, which of them the fan
    /// bought), tags them with the configured folders' names, and caches the items.
    async fn read_vault(
        &self,
        creator: &str,
        fan: Option<&str>,
        rules: &offers::OfferRules,
    ) -> Result<(Vec<offers::CatalogItem>, Vec<String>), ApiError> {
        let api = self.apis.get(creator);
        let (mut items, mut owned) = (vec![], vec![]);
        for page in 1..=MAX_VAULT_PAGES {
            let got = api.list_media(&vault_query(page, fan)).await?;
            owned.extend(
                got.data
                    .iter()
                    .filter(|m| m.purchased_by_fan == Some(true))
                    .map(|m| m.uuid.clone()),
            );
            items.extend(got.data.into_iter().map(|m| offers::CatalogItem {
                page: Some(page),
                ..catalog_item(m)
            }));
            if !got.pagination.has_more {
                break;
            }
        }
        // Folder names are the creator's, the same for every fan: read with the vault alone
        // (an ownership read keeps the cached tags).
        let folders: &[String] = match fan {
            Some(_) => &[],
            None => &rules.vault_folders,
        };
        if fan.is_some() {
            if let Some(cached) = self.cached_catalog(creator).await {
                keep_folders(&mut items, &cached);
            }
        }
        for folder in folders {
            for page in 1..=MAX_VAULT_PAGES {
                let got = api.list_vault_folder(folder, Some(page), Some(50)).await?;
                for m in &got.data {
                    if let Some(i) = items.iter_mut().find(|i| i.media_uuid == m.uuid) {
                        i.folder.get_or_insert_with(|| folder.clone());
                        i.tags.push(folder.clone());
                    }
                }
                if !got.pagination.has_more {
                    break;
                }
            }
        }
        if let Ok(v) = serde_json::to_value(&items) {
            let _ = self.store.cache_put(creator, CATALOG_KEY, &v).await;
        }
        Ok((items, owned))
    }
}

/// One page of the vault's sellable items (with `fan`: flagged with what the fan bought).
fn vault_query(page: u32, fan: Option<&str>) -> crate::fanvue::client::MediaQuery {
    crate::fanvue::client::MediaQuery {
        page: Some(page),
        size: Some(VAULT_PAGE_SIZE),
        usage: Some("ppv".into()),
        status: Some("ready".into()),
        purchased_by: fan.map(str::to_string),
        ..Default::default()
    }
}

/// What is known of what one fan owns: the media found bought on the vault pages read so far,
/// or on every page (`complete`). Cached per fan; an older cache entry (a plain list) was a
/// read of every page.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Owned {
    pub media: Vec<String>,
    #[serde(default)]
    pub pages: Vec<u32>,
    #[serde(default)]
    pub complete: bool,
}

impl Owned {
    fn everything_read(media: Vec<String>) -> Owned {
        Owned {
            media,
            pages: vec![],
            complete: true,
        }
    }

    /// What the cache holds for a fan (a list: every page was read).
    pub fn from_cache(v: serde_json::Value) -> Option<Owned> {
        match v {
            serde_json::Value::Array(_) => {
                serde_json::from_value(v).ok().map(Owned::everything_read)
            }
            other => serde_json::from_value(other).ok(),
        }
    }

    /// Whether it is known if the fan owns `item` (an item cached before pages were recorded
    /// has none: every page is read for it).
    fn knows(&self, item: &offers::CatalogItem) -> bool {
        self.complete
            || self.media.contains(&item.media_uuid)
            || item.page.is_some_and(|p| self.pages.contains(&p))
    }
}

/// Carries the folder tags of `cached` items over to the same items read again.
fn keep_folders(items: &mut [offers::CatalogItem], cached: &[offers::CatalogItem]) {
    for i in items.iter_mut() {
        if let Some(c) = cached.iter().find(|c| c.media_uuid == i.media_uuid) {
            i.folder = c.folder.clone();
            for t in &c.tags {
                if !i.tags.contains(t) {
                    i.tags.push(t.clone());
                }
            }
        }
    }
}

/// A vault item as the offer rules see it (a missing name is its caption or uuid; a missing
/// price $10).
fn catalog_item(m: MediaItem) -> offers::CatalogItem {
    offers::CatalogItem {
        name: m
            .name
            .clone()
            .or(m.caption.clone())
            .unwrap_or_else(|| m.uuid.chars().take(8).collect()),
        description: m.description.or(m.caption),
        base_price_cents: m.recommended_price.unwrap_or(1000),
        tags: m.tags.unwrap_or_default(),
        media_uuid: m.uuid,
        ..Default::default()
    }
}

/// The vault's items as the persona's `catalog.toml` names, prices or hides them (a broken file
/// is ignored until fixed).
pub(super) fn with_catalog_file(
    job: &Job<'_>,
    catalog: Vec<offers::CatalogItem>,
) -> Vec<offers::CatalogItem> {
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
            ..Default::default()
        }
    }

    #[test]
    fn what_a_fan_owns_is_known_page_by_page_and_an_old_cached_list_was_every_page() {
        let old = Owned::from_cache(serde_json::json!(["m1"])).unwrap();
        assert!(old.complete && old.media == ["m1"]);
        let on = |page| offers::CatalogItem { page, ..item() };
        let partial = Owned {
            media: vec![],
            pages: vec![2],
            complete: false,
        };
        let back = Owned::from_cache(serde_json::to_value(&partial).unwrap()).unwrap();
        assert_eq!(back, partial);
        assert!(partial.knows(&on(Some(2))));
        assert!(!partial.knows(&on(Some(1))));
        assert!(!partial.knows(&on(None)), "no page: every page is read");
        assert!(old.knows(&on(None)));
    }

    #[test]
    fn the_reason_names_the_offer_and_its_price_or_why_not_and_nothing_without_interest() {
        let offer = OfferDecision::Offer {
            item: item(),
            price_cents: 1299,
            counter: None,
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
            ..
        } = got
        else {
            panic!("no offer: {got:?}");
        };
        assert_eq!(got, item());
        assert!((cfg.offers.floor_cents..=cfg.offers.ceiling_cents).contains(&price_cents));
    }
}
