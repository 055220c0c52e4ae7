//! PPV offers: the LLM (or the fan) signals interest; these deterministic rules decide whether an
//! offer is allowed now, which item, and at what price.

use super::normalize::normalize;
pub use crate::config::OfferRules;
use regex::Regex;
use serde::{Deserialize, Serialize};
use std::sync::LazyLock;

/// One sellable vault item.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CatalogItem {
    pub media_uuid: String,
    pub name: String,
    pub description: Option<String>,
    pub base_price_cents: i64,
    /// Tags from Fanvue and the creator's catalog.toml (what the item is about).
    #[serde(default)]
    pub tags: Vec<String>,
    /// The vault folder the item was found in, when read folder by folder.
    #[serde(default)]
    pub folder: Option<String>,
    /// The lowest price a negotiation may reach for this item (catalog.toml).
    #[serde(default)]
    pub floor_cents: Option<i64>,
    /// The page of the vault read (50 items a page) the item was on: what a fan owns is read
    /// page by page, only where an item about to be offered is.
    #[serde(default)]
    pub page: Option<u32>,
}

/// One entry of a creator's `catalog.toml` (in the persona folder): describes, prices or excludes a
/// vault item, matched by media uuid or by name.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CatalogEntry {
    /// The vault item's uuid or its name in the vault.
    pub media: String,
    pub name: Option<String>,
    pub description: Option<String>,
    pub base_price_cents: Option<i64>,
    /// The lowest price a negotiation may reach for this item.
    pub floor_cents: Option<i64>,
    /// What the item is about (added to Fanvue's tags), so the model can pitch what fits.
    #[serde(default)]
    pub tags: Vec<String>,
    /// Never offer this item.
    #[serde(default)]
    pub exclude: bool,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct CatalogFile {
    #[serde(default)]
    item: Vec<CatalogEntry>,
}

/// Reads `catalog.toml`; a missing file is an empty list, a broken one an error naming it.
pub fn read_catalog_file(path: &std::path::Path) -> Result<Vec<CatalogEntry>, String> {
    match std::fs::read_to_string(path) {
        Ok(text) => toml::from_str::<CatalogFile>(&text)
            .map(|f| f.item)
            .map_err(|e| format!("{}: {e}", path.display())),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(vec![]),
        Err(e) => Err(format!("{}: {e}", path.display())),
    }
}

/// The vault's items with the creator's file applied: renamed, described, repriced, or removed.
pub fn apply_catalog_file(vault: Vec<CatalogItem>, entries: &[CatalogEntry]) -> Vec<CatalogItem> {
    vault
        .into_iter()
        .filter_map(|mut item| {
            let entry = entries.iter().find(|e| {
                e.media.eq_ignore_ascii_case(&item.media_uuid)
                    || normalize(&e.media).words == normalize(&item.name).words
            });
            if let Some(e) = entry {
                if e.exclude {
                    return None;
                }
                if let Some(n) = &e.name {
                    item.name = n.clone();
                }
                if let Some(d) = &e.description {
                    item.description = Some(d.clone());
                }
                if let Some(p) = e.base_price_cents {
                    item.base_price_cents = p;
                }
                if e.floor_cents.is_some() {
                    item.floor_cents = e.floor_cents;
                }
                for t in &e.tags {
                    if !item.tags.iter().any(|x| x.eq_ignore_ascii_case(t)) {
                        item.tags.push(t.clone());
                    }
                }
            }
            Some(item)
        })
        .collect()
}

pub use crate::domain::Ledger;

static WANTS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(anything new|something new|new (content|set|pics|photos|videos?|stuff)|more (pics|photos|videos?|content)|(your|any|some) (videos?|pics|photos|content|sets?)|post more|something special|exclusive|show me|see more|what do you sell|can i buy|how much)\b")
        .expect("pattern")
});
static DECLINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(no thanks|no thank you|not now|not interested|too expensive|too much money|maybe later|i ll pass|i will pass|cant afford|can t afford|no money)\b")
        .expect("pattern")
});

/// Whether the fan asks for content.
pub fn wants_content(fan_text: &str) -> bool {
    WANTS.is_match(&normalize(fan_text).digits)
}

/// Whether the fan turns an offer down.
pub fn is_decline(fan_text: &str) -> bool {
    DECLINE.is_match(&normalize(fan_text).digits)
}

/// What a model asked for in structured output: `{"reply": "...", "offer": {"item": "...", "reason": "..."}}`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Intent {
    pub item: String,
    pub reason: Option<String>,
}

/// Reads a draft that may be structured output. Returns the reply text and the offer intent, or
/// `None` when the draft is not such a JSON object (plain text is handled by [`take_offer_marker`]).
pub fn parse_structured(draft: &str) -> Option<(String, Option<Intent>)> {
    let t = draft.trim();
    let t = t
        .strip_prefix("```json")
        .or_else(|| t.strip_prefix("```"))
        .map(|x| x.trim_end_matches("```").trim())
        .unwrap_or(t);
    let v: serde_json::Value = serde_json::from_str(t).ok()?;
    let reply = v.get("reply")?.as_str()?.to_string();
    let intent = v.get("offer").and_then(|o| {
        let item = o.get("item")?.as_str()?.trim().to_string();
        (!item.is_empty()).then(|| Intent {
            item,
            reason: o.get("reason").and_then(|r| r.as_str()).map(str::to_string),
        })
    });
    Some((reply, intent))
}

/// The instruction that asks a capable model for structured output, naming the items it may
/// offer (none: the offer stays null).
pub fn structured_instruction(catalog: &[CatalogItem]) -> String {
    let names: Vec<&str> = catalog.iter().map(|i| i.name.as_str()).collect();
    let json = "Answer with a JSON object only: {\"reply\": \"<your message to the fan>\", \"offer\": null}.";
    if names.is_empty() {
        return format!("{json} Never write a price.");
    }
    format!(
        "{json} If the fan clearly wants to buy content, set \"offer\" to {{\"item\": \"<one of: {}>\", \"reason\": \"<why it fits>\"}}; \
         never write a price.",
        names.join(", ")
    )
}

/// The items the model is shown for this fan: sellable to them (not bought, per the ledger),
/// those whose name, description, tags or folder share the most words with what the fan wrote
/// first, then those never offered to them, in vault order; at most `n`.
pub fn shortlist<'a>(
    catalog: &'a [CatalogItem],
    ledger: &Ledger,
    fan_text: &str,
    n: usize,
) -> Vec<&'a CatalogItem> {
    let said: std::collections::HashSet<String> = normalize(fan_text)
        .words
        .split_whitespace()
        .filter(|w| w.len() > 2)
        .map(str::to_string)
        .collect();
    let score = |i: &CatalogItem| {
        let about = format!(
            "{} {} {} {}",
            i.name,
            i.description.as_deref().unwrap_or(""),
            i.tags.join(" "),
            i.folder.as_deref().unwrap_or("")
        );
        let words: std::collections::HashSet<String> = normalize(&about)
            .words
            .split_whitespace()
            .map(str::to_string)
            .collect();
        words.intersection(&said).count()
    };
    let offered = |i: &CatalogItem| ledger.offers.iter().any(|o| o.0 == i.media_uuid);
    let mut ranked: Vec<(usize, bool, usize, &CatalogItem)> = catalog
        .iter()
        .enumerate()
        .filter(|(_, i)| !ledger.bought(&i.media_uuid))
        .map(|(k, i)| (score(i), offered(i), k, i))
        .collect();
    ranked.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    ranked.into_iter().take(n).map(|r| r.3).collect()
}

/// The pitch list in the system prompt: the items the rules allow, each with what it is about,
/// never a price.
pub fn pitch_block(items: &[&CatalogItem]) -> String {
    let mut out = String::from(
        "\nContent you may suggest if it fits the chat (one at most; the price is attached for you, never write one):",
    );
    for i in items {
        out.push_str(&format!("\n- {}", one_line(&i.name, 60)));
        if let Some(d) = i.description.as_deref().filter(|d| !d.trim().is_empty()) {
            out.push_str(&format!(": {}", one_line(d, 120)));
        }
        if !i.tags.is_empty() {
            out.push_str(&format!(" ({})", one_line(&i.tags.join(", "), 60)));
        }
    }
    out
}

/// `s` on one line, at most `max` characters (vault text is the creator's, but kept short).
fn one_line(s: &str, max: usize) -> String {
    let flat = s.split_whitespace().collect::<Vec<_>>().join(" ");
    match flat.char_indices().nth(max) {
        Some((cut, _)) => format!("{}…", &flat[..cut]),
        None => flat,
    }
}

/// Splits a draft into the text to send and the item an `OFFER: <name>` line asks for. The line is
/// always removed: it is an instruction to the rules, never words for the fan.
pub fn take_offer_marker(draft: &str) -> (String, Option<String>) {
    let mut wanted = None;
    let kept: Vec<&str> = draft
        .lines()
        .filter(|l| {
            let t = l.trim();
            match t.get(..6) {
                Some(head) if head.eq_ignore_ascii_case("offer:") => {
                    wanted = Some(t[6..].trim().to_string());
                    false
                }
                _ => true,
            }
        })
        .collect();
    (kept.join("\n").trim().to_string(), wanted)
}

/// Why no offer may be made now, or `None` when one may.
pub fn refusal(
    rules: &OfferRules,
    now_ms: i64,
    fan_messages: u32,
    ledger: &Ledger,
    fan_declined_now: bool,
) -> Option<String> {
    if let Some(category) = &ledger.marked {
        return Some(format!("the fan is marked ({category}): never offered"));
    }
    if !rules.enabled {
        return Some("offers are off".into());
    }
    if fan_declined_now {
        return Some("the fan just declined".into());
    }
    if ledger
        .offers
        .first()
        .is_some_and(|o| o.2 == "declined" && now_ms - o.1 < 24 * 3_600_000)
    {
        return Some("the fan declined the last offer within a day".into());
    }
    if ledger.offers.is_empty() && fan_messages < rules.min_fan_messages {
        return Some(format!(
            "only {fan_messages} fan messages so far (first offer after {})",
            rules.min_fan_messages
        ));
    }
    if let Some(last) = ledger.offers.first() {
        let since = (now_ms - last.1) / 1000;
        if since < rules.cooldown_secs as i64 {
            return Some(format!(
                "last offer {since} s ago (cooldown {} s)",
                rules.cooldown_secs
            ));
        }
    }
    let today = ledger
        .offers
        .iter()
        .filter(|o| now_ms - o.1 < 24 * 3_600_000)
        .count() as u32;
    if today >= rules.max_per_day {
        return Some(format!(
            "{today} offers in 24 h (max {})",
            rules.max_per_day
        ));
    }
    None
}

/// The item to offer: the one asked for by name if it is sellable, else the first the fan neither
/// bought nor was offered, else the least recently offered one not bought.
pub fn choose<'a>(
    catalog: &'a [CatalogItem],
    ledger: &Ledger,
    wanted: Option<&str>,
) -> Option<&'a CatalogItem> {
    let sellable: Vec<&CatalogItem> = catalog
        .iter()
        .filter(|i| !ledger.bought(&i.media_uuid))
        .collect();
    if let Some(w) = wanted {
        let w = normalize(w).words;
        if let Some(i) = sellable
            .iter()
            .find(|i| !w.is_empty() && normalize(&i.name).words == w)
        {
            return Some(i);
        }
    }
    let offered = |i: &CatalogItem| {
        ledger
            .offers
            .iter()
            .filter(|o| o.0 == i.media_uuid)
            .map(|o| o.1)
            .max()
    };
    sellable
        .iter()
        .find(|i| offered(i).is_none())
        .or_else(|| sellable.iter().min_by_key(|i| offered(i)))
        .copied()
}

/// The price for a fan of `spend_tier`: base × tier, within floor and ceiling, never under Fanvue's
/// minimum, in whole cents.
pub fn price(
    rules: &OfferRules,
    item: &CatalogItem,
    spend_tier: &str,
    fanvue_min_cents: i64,
) -> i64 {
    let m = match spend_tier {
        "top" => rules.tier_multiplier_top,
        "supporter" => rules.tier_multiplier_supporter,
        _ => 1.0,
    };
    let p = (item.base_price_cents as f64 * m).round() as i64;
    p.clamp(
        rules.floor_cents,
        rules.ceiling_cents.max(rules.floor_cents),
    )
    .max(fanvue_min_cents)
}

/// An open offer the fan bargains over: the newest offer to them (not bought), the price it was
/// first made at and how many counter-offers followed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Bargain {
    pub media_uuid: String,
    pub item_name: Option<String>,
    /// The price of the newest offer of the item.
    pub price_cents: i64,
    /// The price the item was first offered at in this run of offers.
    pub start_cents: i64,
    /// Counter-offers made so far.
    pub steps: u32,
}

/// The offer a haggling fan bargains over, from the fan's offers (`(media, item name, price,
/// status)`, newest first): the newest one unless bought, with the run of offers of the same
/// item before it (each counter-offer is one more).
pub fn bargain(offers: &[(String, Option<String>, i64, String)]) -> Option<Bargain> {
    let (media, name, price, status) = offers.first()?;
    if status == "purchased" {
        return None;
    }
    let run: Vec<_> = offers.iter().take_while(|o| &o.0 == media).collect();
    Some(Bargain {
        media_uuid: media.clone(),
        item_name: name.clone(),
        price_cents: *price,
        start_cents: run.last().map(|o| o.2).unwrap_or(*price),
        steps: run.len().saturating_sub(1) as u32,
    })
}

/// The price of the next counter-offer in `b`, or why there is none. Deterministic: step k is
/// the start price less k × `negotiate_step_percent` of it, never under the negotiation floor
/// (the item's own floor, else `negotiate_floor_percent` of the start price; never under
/// `floor_cents` or Fanvue's minimum), at most `negotiate_max_steps` steps.
pub fn counter_offer(
    rules: &OfferRules,
    b: &Bargain,
    item_floor: Option<i64>,
    fanvue_min_cents: i64,
) -> Result<i64, String> {
    if !rules.negotiate {
        return Err("negotiation is off".into());
    }
    if b.steps >= rules.negotiate_max_steps {
        return Err(format!(
            "no lower price: {} counter-offers made (max {})",
            b.steps, rules.negotiate_max_steps
        ));
    }
    let floor = negotiation_floor(rules, b.start_cents, item_floor, fanvue_min_cents);
    let step = i64::from(b.steps + 1) * i64::from(rules.negotiate_step_percent);
    let next = (b.start_cents * (100 - step.min(100)) + 50) / 100;
    let next = next.max(floor);
    if next >= b.price_cents {
        return Err(format!(
            "no lower price: already at the floor (${}.{:02})",
            floor / 100,
            floor % 100
        ));
    }
    Ok(next)
}

/// The lowest price a negotiation over an item first offered at `start` may reach.
pub fn negotiation_floor(
    rules: &OfferRules,
    start: i64,
    item_floor: Option<i64>,
    fanvue_min_cents: i64,
) -> i64 {
    let share = (start * i64::from(rules.negotiate_floor_percent) + 99) / 100;
    item_floor
        .unwrap_or(share)
        .max(rules.floor_cents.min(start))
        .max(fanvue_min_cents)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(n: u8, price: i64) -> CatalogItem {
        CatalogItem {
            media_uuid: format!("m{n}"),
            name: format!("set {n}"),
            description: None,
            base_price_cents: price,
            ..Default::default()
        }
    }

    fn negotiating() -> OfferRules {
        OfferRules {
            negotiate: true,
            negotiate_max_steps: 3,
            negotiate_step_percent: 10,
            negotiate_floor_percent: 75,
            ..OfferRules::default()
        }
    }

    fn offer(media: &str, price: i64, status: &str) -> (String, Option<String>, i64, String) {
        (
            media.into(),
            Some(format!("{media} set")),
            price,
            status.into(),
        )
    }

    #[test]
    fn the_shortlist_puts_what_fits_the_chat_first_and_never_what_the_fan_bought() {
        let mut beach = item(1, 900);
        beach.description = Some("sunset bikini shoot".into());
        beach.tags = vec!["beach".into(), "summer".into()];
        let mut gym = item(2, 900);
        gym.folder = Some("gym".into());
        let cat = vec![item(3, 500), beach, gym, item(4, 500)];
        let none = Ledger::default();
        let names =
            |v: Vec<&CatalogItem>| v.iter().map(|i| i.media_uuid.clone()).collect::<Vec<_>>();
        assert_eq!(
            names(shortlist(
                &cat,
                &none,
                "got any bikini pics from the beach?",
                2
            )),
            ["m1", "m3"]
        );
        assert_eq!(
            names(shortlist(&cat, &none, "just left the gym", 1)),
            ["m2"]
        );
        let bought = Ledger {
            offers: vec![
                ("m1".into(), 1, "purchased".into()),
                ("m3".into(), 2, "offered".into()),
            ],
            marked: None,
        };
        assert_eq!(
            names(shortlist(&cat, &bought, "beach please", 3)),
            ["m2", "m4", "m3"],
            "bought never, offered last"
        );
        let block = pitch_block(&shortlist(&cat, &none, "beach", 1));
        assert!(
            block.contains("- set 1: sunset bikini shoot (beach, summer)"),
            "{block}"
        );
        assert!(!block.contains('$') && !block.contains("900"), "{block}");
    }

    #[test]
    fn the_bargain_is_the_newest_unbought_offer_with_its_counter_offers_counted() {
        assert_eq!(bargain(&[]), None);
        assert_eq!(bargain(&[offer("m1", 2000, "purchased")]), None, "bought");
        let b = bargain(&[
            offer("m1", 1600, "offered"),
            offer("m1", 1800, "offered"),
            offer("m1", 2000, "declined"),
            offer("m2", 900, "offered"),
        ])
        .unwrap();
        assert_eq!((b.price_cents, b.start_cents, b.steps), (1600, 2000, 2));
        assert_eq!(b.media_uuid, "m1");
    }

    #[test]
    fn counter_offers_step_down_deterministically_and_stop_at_the_step_limit() {
        let r = negotiating();
        let mut b = bargain(&[offer("m1", 2000, "offered")]).unwrap();
        let mut prices = vec![];
        while let Ok(p) = counter_offer(&r, &b, None, 300) {
            prices.push(p);
            b.price_cents = p;
            b.steps += 1;
        }
        assert_eq!(
            prices,
            [1800, 1600, 1500],
            "10 % steps, then the 75 % floor"
        );
        let why = counter_offer(&r, &b, None, 300).unwrap_err();
        assert!(why.contains("max 3"), "{why}");
        let off = OfferRules {
            negotiate: false,
            ..r
        };
        assert!(counter_offer(
            &off,
            &bargain(&[offer("m1", 2000, "offered")]).unwrap(),
            None,
            300
        )
        .is_err());
    }

    #[test]
    fn no_counter_offer_goes_under_the_items_floor_the_price_floor_or_fanvues_minimum() {
        let r = OfferRules {
            negotiate_step_percent: 50,
            negotiate_max_steps: 5,
            ..negotiating()
        };
        let b = bargain(&[offer("m1", 2000, "offered")]).unwrap();
        assert_eq!(
            counter_offer(&r, &b, Some(1900), 300),
            Ok(1900),
            "item floor"
        );
        let at_floor = Bargain {
            price_cents: 1900,
            steps: 1,
            ..b.clone()
        };
        let why = counter_offer(&r, &at_floor, Some(1900), 300).unwrap_err();
        assert!(why.contains("floor ($19.00)"), "{why}");
        let cheap = bargain(&[offer("m1", 600, "offered")]).unwrap();
        assert_eq!(
            counter_offer(&r, &cheap, Some(100), 300),
            Ok(500),
            "never under floor_cents"
        );
        let r = OfferRules {
            floor_cents: 100,
            ..r
        };
        assert_eq!(
            counter_offer(&r, &cheap, Some(100), 300),
            Ok(300),
            "Fanvue minimum"
        );
    }

    #[test]
    fn the_creator_file_renames_reprices_and_excludes_vault_items() {
        let d = tempfile::tempdir().unwrap();
        let f = d.path().join("catalog.toml");
        assert_eq!(
            read_catalog_file(&f).unwrap(),
            vec![],
            "no file, no changes"
        );
        std::fs::write(&f, "[[item]]\nmedia = \"set 1\"\nname = \"Beach day\"\nbase_price_cents = 1400\n[[item]]\nmedia = \"M2\"\nexclude = true\n").unwrap();
        let entries = read_catalog_file(&f).unwrap();
        let out = apply_catalog_file(vec![item(1, 750), item(2, 1000), item(3, 900)], &entries);
        assert_eq!(out.len(), 2);
        assert_eq!(
            (out[0].name.as_str(), out[0].base_price_cents),
            ("Beach day", 1400)
        );
        assert_eq!(out[1].media_uuid, "m3");
        std::fs::write(&f, "[[item]]\nmedai = 1\n").unwrap();
        assert!(read_catalog_file(&f).unwrap_err().contains("catalog.toml"));
    }

    #[test]
    fn structured_output_gives_the_reply_and_the_intent() {
        assert_eq!(
            parse_structured(
                r#"{"reply": "you'll love it", "offer": {"item": "set 2", "reason": "asked for videos"}}"#
            ),
            Some((
                "you'll love it".to_string(),
                Some(Intent {
                    item: "set 2".into(),
                    reason: Some("asked for videos".into())
                })
            ))
        );
        assert_eq!(
            parse_structured("```json\n{\"reply\": \"hi!\", \"offer\": null}\n```"),
            Some(("hi!".to_string(), None))
        );
        assert_eq!(parse_structured("just text"), None);
        assert_eq!(parse_structured(r#"{"text": "no reply key"}"#), None);
        assert!(structured_instruction(&[item(1, 500)]).contains("set 1"));
    }

    #[test]
    fn interest_declines_and_the_marker_are_recognised() {
        assert!(wants_content("do you have anything new?"));
        assert!(wants_content("do you post more videos soon?"));
        assert!(!wants_content("how was your day?"));
        assert!(is_decline("no thanks, too expensive"));
        assert!(!is_decline("thanks babe"));
        assert_eq!(
            take_offer_marker("you'll love it\nOFFER: set 2"),
            ("you'll love it".to_string(), Some("set 2".to_string()))
        );
    }

    #[test]
    fn a_marked_fan_is_never_offered_even_when_every_other_rule_allows_it() {
        let r = OfferRules::default();
        let marked = Ledger {
            offers: vec![],
            marked: Some("minor".into()),
        };
        let why = refusal(&r, 100_000_000_000, 50, &marked, false).unwrap();
        assert!(why.contains("marked (minor)"), "{why}");
    }

    #[test]
    fn eligibility_respects_warmup_cooldown_daily_cap_and_declines() {
        let r = OfferRules::default();
        let now = 100_000_000_000;
        let none = Ledger::default();
        assert!(refusal(&r, now, 1, &none, false)
            .unwrap()
            .contains("fan messages"));
        assert_eq!(refusal(&r, now, 3, &none, false), None);
        assert!(refusal(&r, now, 3, &none, true)
            .unwrap()
            .contains("declined"));
        let recent = Ledger {
            offers: vec![("m1".into(), now - 60_000, "offered".into())],
            marked: None,
        };
        assert!(refusal(&r, now, 9, &recent, false)
            .unwrap()
            .contains("cooldown"));
        let two = Ledger {
            offers: vec![
                ("m1".into(), now - 3 * 3_600_000, "offered".into()),
                ("m2".into(), now - 5 * 3_600_000, "offered".into()),
            ],
            marked: None,
        };
        assert!(refusal(&r, now, 9, &two, false).unwrap().contains("max 2"));
        let declined = Ledger {
            offers: vec![("m1".into(), now - 3 * 3_600_000, "declined".into())],
            marked: None,
        };
        assert!(refusal(&r, now, 9, &declined, false).is_some());
        assert!(refusal(
            &OfferRules {
                enabled: false,
                ..r
            },
            now,
            9,
            &none,
            false
        )
        .is_some());
    }

    #[test]
    fn a_bought_item_is_never_offered_again_and_prices_stay_in_bounds() {
        let cat = vec![item(1, 750), item(2, 1000), item(3, 9000)];
        let ledger = Ledger {
            offers: vec![
                ("m1".into(), 1, "purchased".into()),
                ("m2".into(), 2, "offered".into()),
            ],
            marked: None,
        };
        assert_eq!(
            choose(&cat, &ledger, Some("set 1")).unwrap().media_uuid,
            "m3",
            "m1 is bought"
        );
        assert_eq!(
            choose(&cat, &ledger, Some("SET 2")).unwrap().media_uuid,
            "m2"
        );
        let all_bought = Ledger {
            offers: cat
                .iter()
                .map(|i| (i.media_uuid.clone(), 1, "purchased".to_string()))
                .collect(),
            marked: None,
        };
        assert_eq!(choose(&cat, &all_bought, None), None);
        let r = OfferRules::default();
        assert_eq!(price(&r, &cat[0], "new", 300), 750);
        assert_eq!(price(&r, &cat[0], "top", 300), 975);
        assert_eq!(price(&r, &cat[2], "top", 300), 5000, "ceiling");
        assert_eq!(price(&r, &item(4, 100), "new", 300), 500, "floor");
        assert_eq!(
            price(
                &OfferRules {
                    floor_cents: 100,
                    ..r
                },
                &item(4, 100),
                "new",
                300
            ),
            300,
            "Fanvue minimum"
        );
    }
}
