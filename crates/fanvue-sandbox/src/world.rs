//! The sandbox's state: creators, fans, chats, OAuth grants, rate buckets, webhook queue, stats.

use super::{Faults, SandboxArgs};
use rand::{rngs::StdRng, Rng, SeedableRng};
use serde::Serialize;
use std::{
    collections::{BTreeMap, HashMap, HashSet},
    sync::{
        atomic::{AtomicBool, AtomicI64, Ordering},
        Mutex,
    },
    time::{Duration, Instant},
};
use tokio::sync::Notify;

/// Everything shared between the sandbox's tasks. The lock is never held across an await.
pub struct Shared {
    pub args: SandboxArgs,
    pub base_url: String,
    pub world: Mutex<World>,
    pub faults: Mutex<Faults>,
    /// Seconds added to the wall clock (tests speed up token expiry with it).
    pub clock_offset: AtomicI64,
    pub webhook_wake: Notify,
    pub fans_wake: Notify,
    pub fans_paused: AtomicBool,
    /// The scripted LLM served under `/llm/v1`.
    pub llm: std::sync::Arc<super::llm::ScriptedLlm>,
}

impl Shared {
    pub fn new(args: SandboxArgs, base_url: String) -> Shared {
        let world = World::generate(&args);
        Shared {
            faults: Mutex::new(args.faults.clone()),
            fans_paused: AtomicBool::new(args.quiet_fans),
            args,
            base_url,
            world: Mutex::new(world),
            clock_offset: AtomicI64::new(0),
            webhook_wake: Notify::new(),
            fans_wake: Notify::new(),
            llm: Default::default(),
        }
    }

    /// The sandbox's clock in unix seconds (wall clock plus the test offset).
    pub fn now_unix(&self) -> i64 {
        unix_now() + self.clock_offset.load(Ordering::Relaxed)
    }

    pub fn now_rfc3339(&self) -> String {
        let t = time::OffsetDateTime::now_utc()
            + time::Duration::seconds(self.clock_offset.load(Ordering::Relaxed));
        t.format(&time::format_description::well_known::Rfc3339)
            .unwrap_or_default()
    }

    pub fn lock(&self) -> std::sync::MutexGuard<'_, World> {
        self.world.lock().unwrap_or_else(|e| e.into_inner())
    }

    pub fn faults(&self) -> Faults {
        self.faults
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }
}

/// An AI message this close after the creator's own (ms) crossed it rather than talked over it.
pub const CROSSING_MS: i64 = 1000;

/// Unix ms of an RFC 3339 time (0 when it does not parse).
pub fn ms_of(rfc3339: &str) -> i64 {
    time::OffsetDateTime::parse(rfc3339, &time::format_description::well_known::Rfc3339)
        .map(|t| (t.unix_timestamp_nanos() / 1_000_000) as i64)
        .unwrap_or(0)
}

pub fn unix_now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0)
}

pub fn new_uuid(rng: &mut StdRng) -> String {
    uuid::Builder::from_random_bytes(rng.gen())
        .into_uuid()
        .to_string()
}

#[derive(Clone, Debug, Serialize)]
pub struct Media {
    pub uuid: String,
    pub name: String,
    pub caption: String,
    pub media_type: String,
    pub recommended_price: i64,
    pub created_at: String,
    pub folder_name: Option<String>,
    pub description: Option<String>,
    pub tags: Vec<String>,
}

#[derive(Clone, Debug, Serialize)]
pub struct Template {
    pub uuid: String,
    pub text: String,
    pub price: Option<i64>,
    pub media_uuids: Vec<String>,
    pub folder_name: String,
}

pub struct Creator {
    pub uuid: String,
    pub handle: String,
    pub display_name: String,
    pub removed_scopes: HashSet<String>,
    pub media: Vec<Media>,
    pub templates: Vec<Template>,
}

/// How a simulated fan behaves, drawn from the seed.
#[derive(Clone, Debug, Serialize)]
pub struct Behaviour {
    pub turns_wanted: u32,
    pub start_after_secs: f64,
    pub max_burst: u32,
    pub think_secs: (f64, f64),
    pub buy_probability: f64,
    pub tip_probability: f64,
}

#[derive(Clone, Debug, PartialEq)]
pub enum FanState {
    /// Will write first at `Instant`.
    Waiting(Instant),
    /// Wrote; awaiting the creator's reply.
    AwaitingReply,
    /// Got a reply; answers at `Instant`.
    Thinking(Instant),
    /// Done talking.
    Quiet,
}

pub struct Fan {
    pub uuid: String,
    pub handle: String,
    pub display_name: String,
    pub creator: usize,
    pub contactable: bool,
    pub registered_at: String,
    pub behaviour: Behaviour,
    pub state: FanState,
    pub rng: StdRng,
    pub turns_done: u32,
    /// Everything the fan ever spent on the creator (a long-time spender starts above 0).
    pub spend_cents: i64,
    /// Their largest single payment, and when they last paid.
    pub max_payment_cents: i64,
    pub last_paid_at: Option<String>,
    pub subscribed: bool,
    /// A former subscriber whose subscription ended (insights say `expired`).
    pub expired: bool,
    /// When the subscription renews or ends (unix seconds of the sandbox's clock; `None`: no date
    /// is given, as before the sandbox modelled expiry).
    pub renews_at: Option<i64>,
    /// Whether it renews by itself. A subscription with auto-renew off ends at `renews_at`: from
    /// then on the fan is expired (in the insights and the smart lists), as on Fanvue.
    pub auto_renew: bool,
    /// A fan who bargains: the most they pay for an item (cents). Offered more, they haggle on
    /// their next turn instead of buying.
    pub reservation_cents: Option<i64>,
    /// The fan's next turn starts with a haggle.
    pub haggle_next: bool,
    pub purchased_media: HashSet<String>,
    /// The language the fan writes in.
    pub language: String,
    pub kind: super::voices::FanKind,
    /// The fan said something a human must handle (a minor's age, a crisis): from then on, every
    /// creator message to them is counted against the daemon, and their turns need a human.
    pub needs_human: bool,
    /// The fan had gone quiet and came back after a creator message (a win-back worked).
    pub came_back: bool,
    /// When the fan's last turn began (a fan who needs a human gives up waiting and writes again).
    pub turn_started: Option<Instant>,
    /// When the creator answers this turn by hand in the app (--creator-by-hand).
    pub hand_reply_at: Option<Instant>,
    /// When the fan adds a message to this turn before any answer (--write-during-delays).
    pub extra_at: Option<Instant>,
}

#[derive(Clone, Debug, Serialize)]
pub struct Msg {
    pub uuid: String,
    pub from_creator: bool,
    pub text: Option<String>,
    pub msg_type: String,
    pub sent_at: String,
    pub seq: u64,
    pub media_uuids: Vec<String>,
    pub price: Option<i64>,
    pub purchased: bool,
    pub read: bool,
    /// A creator message written by hand in the app (not through the API).
    pub by_hand: bool,
    /// When it was written, sandbox unix ms.
    #[serde(skip)]
    pub at_ms: i64,
    /// A fan message the daemon was shown: delivered by a webhook it answered 2xx, or returned by
    /// one of its reads (a message page, a batch read, the chat list's `lastMessage`).
    pub seen_by_agent: bool,
    /// Already counted in `fan_messages_never_seen_by_the_agent` (a message is counted once).
    #[serde(skip)]
    pub counted_unseen: bool,
}

/// A fan's run of messages awaiting one reply, and how many creator messages answered it.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Turn {
    pub fan_messages: u32,
    /// A turn of a fan who needs a human (see [`Fan::needs_human`]): the AI must not answer it.
    pub needs_human: bool,
    /// A turn of a fan Fanvue marks not contactable: nobody can answer it.
    pub unreachable: bool,
    /// Replies sent after the daemon had seen every message of the turn: only these answer it.
    pub creator_replies: u32,
    /// Replies sent while a message of the turn had never reached the daemon (drafted without it,
    /// never read by a guardrail): they do not answer the turn, but the fan did get them.
    pub blind_replies: u32,
    /// Replies the scripted LLM drafted before the turn's last message was written (sent after
    /// it): they do not answer the turn either.
    pub early_replies: u32,
    /// Answers the creator wrote by hand: they answer the turn (a human did).
    pub human_replies: u32,
}

impl Turn {
    /// Every creator message the turn got, blind or not (more than one is a duplicate).
    pub fn replies(&self) -> u32 {
        self.creator_replies + self.blind_replies + self.early_replies + self.human_replies
    }

    /// AI replies that answer the turn (more than one is a duplicate).
    pub fn answers(&self) -> u32 {
        self.creator_replies + self.blind_replies
    }
}

/// How long after the creator's last message in a chat a message to a fan who stopped talking
/// counts as outreach rather than one more reply to their last turn.
const OUTREACH_AFTER_MS: i64 = 3000;

#[derive(Default)]
pub struct Chat {
    pub messages: Vec<Msg>,
    pub turns: Vec<Turn>,
    pub is_muted: bool,
    pub nickname: Option<String>,
    /// The creator has read everything up to here (fan messages after it are unread).
    pub creator_read_seq: u64,
    /// Events (tips, subscriptions) a creator may acknowledge with a message of its own: that many
    /// extra creator messages are counted as acknowledgements, not as duplicate replies.
    pub acks_due: u32,
}

impl Chat {
    /// Marks the fan messages `uuids` as seen by the daemon.
    pub fn saw<'a>(&mut self, uuids: impl IntoIterator<Item = &'a str>) {
        for u in uuids {
            if let Some(m) = self.messages.iter_mut().rev().find(|m| m.uuid == u) {
                m.seen_by_agent = true;
            }
        }
    }

    /// Before a creator message: whether a fan message of the latest turn (the last run of fan
    /// messages) was never seen by the daemon, and how many such messages were not counted yet
    /// (each is counted once; earlier turns' were counted at their replies).
    fn unseen_in_last_turn(&mut self) -> (bool, u64) {
        let (mut blind, mut new) = (false, 0);
        let run = self
            .messages
            .iter_mut()
            .rev()
            .skip_while(|m| m.from_creator)
            .take_while(|m| !m.from_creator);
        for m in run.filter(|m| !m.seen_by_agent) {
            blind = true;
            if !m.counted_unseen {
                m.counted_unseen = true;
                new += 1;
            }
        }
        (blind, new)
    }

    /// Applies `answer` to the turns before the latest one that no reply drafted with their
    /// last message answered yet (newest first, up to the last answered turn).
    fn answer_earlier_turns(&mut self, answer: impl Fn(&mut Turn)) {
        let n = self.turns.len();
        for t in self.turns[..n.saturating_sub(1)].iter_mut().rev() {
            if t.creator_replies > 0 || t.human_replies > 0 || t.needs_human {
                break;
            }
            answer(t);
        }
    }

    /// When the creator last wrote by hand in this chat less than `takeover_ms` before `at_ms`
    /// (a human has the chat: an AI message now would talk over them).
    pub fn taken_over_at(&self, at_ms: i64, takeover_ms: i64) -> Option<i64> {
        self.messages
            .iter()
            .rev()
            .find(|m| m.by_hand)
            .map(|m| m.at_ms)
            .filter(|t| at_ms < t + takeover_ms)
    }

    /// Whether `seen` (the fan's words in a prompt) was drafted with the chat's last fan message:
    /// it ends with that message, or with another of the same millisecond and holds them all (a
    /// burst's messages share a time, and nothing orders them for whoever reads the chat).
    fn last_fan_text_in(&self, seen: &str) -> bool {
        let Some(last) = self.messages.iter().rev().find(|m| !m.from_creator) else {
            return true;
        };
        let burst: Vec<&str> = self
            .messages
            .iter()
            .filter(|m| !m.from_creator && m.at_ms == last.at_ms)
            .filter_map(|m| m.text.as_deref().map(str::trim))
            .collect();
        let seen = seen.trim_end();
        burst.is_empty()
            || (burst.iter().any(|t| seen.ends_with(t)) && burst.iter().all(|t| seen.contains(t)))
    }

    pub fn creator_unread(&self) -> usize {
        self.messages
            .iter()
            .filter(|m| !m.from_creator && m.seq > self.creator_read_seq)
            .count()
    }
}

pub struct AuthCode {
    pub creator: usize,
    pub client_id: String,
    pub redirect_uri: String,
    pub challenge: String,
    pub scopes: Vec<String>,
    pub expires_at: i64,
}

pub struct AccessGrant {
    pub creator: usize,
    pub family: u64,
    pub scopes: Vec<String>,
    pub expires_at: i64,
}

pub struct RefreshGrant {
    pub creator: usize,
    pub family: u64,
    pub scopes: Vec<String>,
    pub used: bool,
}

/// One webhook waiting to go out.
#[derive(Clone, Debug)]
pub struct Delivery {
    pub id: u64,
    pub path: String,
    pub body: String,
    pub due: Instant,
    pub attempt: u32,
    /// The fan message a message webhook announces: seen by the daemon once it answers 2xx.
    pub message: Option<(usize, String)>,
}

#[derive(Clone, Debug, Default, Serialize)]
pub struct Stats {
    pub fan_messages: u64,
    pub creator_messages: u64,
    /// Creator messages acknowledging a tip or subscription (not counted against turns).
    pub acknowledgements: u64,
    pub rate_limited: u64,
    pub rate_limited_injected: u64,
    pub api_calls: BTreeMap<String, u64>,
    pub api_calls_total: u64,
    pub ppv_offers: u64,
    /// PPV offers of media the fan had already bought (a creator who sells a fan what they own
    /// looks careless; must stay 0).
    pub ppv_offers_of_owned_media: u64,
    pub ppv_purchases: u64,
    pub revenue_cents: i64,
    /// Revenue by what paid it: `ppv` (a priced message bought), `tip`.
    pub revenue_by_source: BTreeMap<String, i64>,
    /// Creator messages to a fan who had stopped talking, sent at least 3 s after the creator's
    /// last message in that chat (welcomes, win-backs): not counted against any turn.
    pub outreach_messages: u64,
    /// Fans who had stopped talking and came back after a creator message.
    pub comebacks: u64,
    /// Revenue from fans after they came back (also counted in its source).
    pub revenue_after_comeback_cents: i64,
    pub tips: u64,
    pub unauthorized: u64,
    pub token_refreshes: u64,
    pub invalid_grants: u64,
    pub sends_5xx: u64,
    pub sends_timed_out: u64,
    pub sends_lost_response: u64,
    /// Sends processed (the fan has the message) whose response is still held back
    /// (`--send-response-delay-ms`).
    pub sends_awaiting_response: u64,
    pub sends_rejected: u64,
    pub webhooks_queued: u64,
    pub webhooks_delivered: u64,
    pub webhooks_attempts_failed: u64,
    pub webhooks_given_up: u64,
    pub webhooks_dropped: u64,
    pub webhooks_duplicated: u64,
    /// Fan messages a reply was sent after although the daemon had not seen them by then (see
    /// [`Msg::seen_by_agent`]): the reply was drafted without them and no guardrail read them.
    pub fan_messages_never_seen_by_the_agent: u64,
    /// AI messages sent within --takeover-secs after the creator wrote by hand in that chat, more
    /// than a second after (must stay 0: the daemon talked over a human).
    pub replies_over_creator: u64,
    /// AI messages sent less than a second after the creator's hand-written one: the two crossed
    /// (counted apart: a check before sending cannot see a message written during its own send).
    pub replies_crossing_the_creator: u64,
    /// Messages the creator wrote by hand in the app.
    pub hand_written_messages: u64,
    /// Fan messages written while no answer had come yet, after the turn had begun.
    pub fan_messages_during_delays: u64,
    /// Creator messages to a fan after they said they are a minor (must stay 0).
    pub messages_to_minors: u64,
    /// PPV offers to a fan after they said they are a minor (must stay 0).
    pub offers_to_minors: u64,
    /// Creator messages to a fan after they wrote of a crisis (at most a holding reply).
    pub messages_to_fans_in_crisis: u64,
    /// Sends attempted to fans Fanvue marks not contactable (refused with 400; must stay 0: the
    /// daemon knows from the insights and never tries).
    pub messages_to_not_contactable: u64,
}

pub struct World {
    pub rng: StdRng,
    pub creators: Vec<Creator>,
    pub fans: Vec<Fan>,
    pub fan_by_uuid: HashMap<String, usize>,
    pub chats: HashMap<usize, Chat>,
    pub codes: HashMap<String, AuthCode>,
    pub access: HashMap<String, AccessGrant>,
    pub refresh: HashMap<String, RefreshGrant>,
    pub revoked_families: HashSet<u64>,
    pub next_family: u64,
    /// Per creator: (window start, requests in the window).
    pub buckets: HashMap<usize, (Instant, u32)>,
    pub storms: HashMap<usize, Instant>,
    pub queue: Vec<Delivery>,
    pub next_delivery: u64,
    pub next_seq: u64,
    pub stats: Stats,
    /// How long a hand-written creator message keeps the AI out of its chat, in seconds.
    pub takeover_secs: i64,
    /// `--comeback-probability`.
    pub comeback_probability: f64,
}

const FIRST: [&str; 12] = [
    "Alex", "Sam", "Jordan", "Chris", "Taylor", "Morgan", "Jamie", "Casey", "Riley", "Drew",
    "Robin", "Kai",
];

/// The kind of the `i`-th fan: the first `minors` are minors, then crisis fans, then jokers.
fn fan_kind(a: &SandboxArgs, i: usize) -> super::voices::FanKind {
    use super::voices::FanKind;
    if i < a.minors {
        FanKind::Minor
    } else if i < a.minors + a.crisis_fans {
        FanKind::Crisis
    } else if i < a.minors + a.crisis_fans + a.jokers {
        FanKind::Joker
    } else {
        FanKind::Ordinary
    }
}

/// Themes of the generated vault's folders.
const THEMES: [&str; 8] = [
    "beach",
    "lingerie",
    "gym",
    "cosplay",
    "shower",
    "bedroom",
    "outdoor",
    "behind the scenes",
];

/// A creator of the generated world: `vault_items` media in the vault (four as always, the rest
/// in themed folders from a generator of their own), one welcome template.
fn generate_creator(rng: &mut StdRng, i: usize, now: &str, vault_items: usize) -> Creator {
    let uuid = new_uuid(rng);
    let mut media: Vec<Media> = (1..=4)
        .map(|k| Media {
            uuid: new_uuid(rng),
            name: format!("set {k}"),
            caption: format!("exclusive set {k}"),
            media_type: if k % 2 == 0 {
                "video".into()
            } else {
                "image".into()
            },
            recommended_price: 500 + 250 * k as i64,
            created_at: now.to_string(),
            folder_name: None,
            description: None,
            tags: vec![],
        })
        .collect();
    let mut vrng = StdRng::seed_from_u64(0x7a017 + i as u64);
    for k in 5..=vault_items {
        let theme = THEMES[vrng.gen_range(0..THEMES.len())];
        let kind = if vrng.gen_bool(0.4) { "video" } else { "image" };
        media.push(Media {
            uuid: new_uuid(&mut vrng),
            name: format!("{theme} {kind} {k}"),
            caption: format!("{theme} {kind} set"),
            media_type: kind.into(),
            recommended_price: vrng.gen_range(5..=30) * 100,
            created_at: now.to_string(),
            folder_name: Some(theme.to_string()),
            description: Some(format!(
                "a {theme} {kind} set, {} shots",
                vrng.gen_range(5..40)
            )),
            tags: vec![theme.to_string(), kind.to_string()],
        });
    }
    let templates = vec![Template {
        uuid: new_uuid(rng),
        text: "Thanks for subscribing!".into(),
        price: None,
        media_uuids: vec![],
        folder_name: "welcome".into(),
    }];
    Creator {
        uuid,
        handle: format!("creator{i}"),
        display_name: format!("Creator {i}"),
        removed_scopes: HashSet::new(),
        media,
        templates,
    }
}

/// What a fan brings from before the run (their insights) and whether they bargain, drawn from
/// a generator of its own: runs without these flags draw exactly what they drew before.
struct FanProfile {
    spend_cents: i64,
    expired: bool,
    reservation_cents: Option<i64>,
    /// A subscriber with auto-renew off whose subscription ends this many seconds from the start.
    ends_in_secs: Option<i64>,
}

impl FanProfile {
    fn draw(a: &SandboxArgs, i: usize) -> FanProfile {
        let seed = a
            .seed
            .wrapping_mul(7_919)
            .wrapping_add(0x5eed_0000 + i as u64);
        let mut rng = StdRng::seed_from_u64(seed);
        let mut roll = |p: f64| p > 0.0 && rng.gen_bool(p.clamp(0.0, 1.0));
        let (spender, expired, haggler) = (
            roll(a.long_time_spenders),
            roll(a.expired),
            roll(a.hagglers),
        );
        let spend_cents = if spender {
            rng.gen_range(50..=600) * 100
        } else {
            0
        };
        let reservation_cents = haggler.then(|| rng.gen_range(4..=20) * 100);
        // Drawn last, and only when asked for: runs without --expiring draw as before.
        let expiring = !expired && a.expiring > 0.0 && rng.gen_bool(a.expiring.clamp(0.0, 1.0));
        FanProfile {
            spend_cents,
            expired,
            reservation_cents,
            ends_in_secs: expiring.then(|| rng.gen_range(1..=7) * 86_400),
        }
    }
}

/// What a long-time spender bought before the daemon came: about one vault item per $15 of
/// lifetime spend (at most a third of the vault), drawn from a generator of the fan's own so
/// nothing else in the world changes.
fn past_purchases(seed: u64, i: usize, spend_cents: i64, vault: &[Media]) -> HashSet<String> {
    if spend_cents <= 0 || vault.is_empty() {
        return HashSet::new();
    }
    let mut rng = StdRng::seed_from_u64(
        seed.wrapping_mul(104_729)
            .wrapping_add(0xb0_0000 + i as u64),
    );
    let n = ((spend_cents / 1_500) as usize).min(vault.len() / 3);
    (0..n)
        .map(|_| vault[rng.gen_range(0..vault.len())].uuid.clone())
        .collect()
}

/// The `i`-th simulated fan: its uuid from the world's generator, its behaviour (and everything
/// it later does) from a generator of its own, so fans do not change when others are added.
fn generate_fan(
    a: &SandboxArgs,
    rng: &mut StdRng,
    i: usize,
    creators: usize,
    start: Instant,
    now: &str,
) -> Fan {
    let profile = FanProfile::draw(a, i);
    let mut frng = StdRng::seed_from_u64(a.seed.wrapping_mul(1_000_003).wrapping_add(i as u64));
    let behaviour = Behaviour {
        turns_wanted: frng.gen_range(1..=a.max_turns.max(1)),
        start_after_secs: frng.gen_range(0.0..=a.start_window_secs.max(0.0)),
        max_burst: frng.gen_range(1..=3),
        think_secs: (1.0 * a.fan_pace, 4.0 * a.fan_pace),
        buy_probability: frng.gen_range(0.2..0.8),
        tip_probability: frng.gen_range(0.0..0.2),
    };
    Fan {
        uuid: new_uuid(rng),
        handle: format!("fan{}", i + 1),
        display_name: format!("{} {}", FIRST[i % FIRST.len()], i + 1),
        creator: i % creators,
        contactable: frng.gen_bool(1.0 - a.uncontactable.clamp(0.0, 1.0)),
        registered_at: now.to_string(),
        state: FanState::Waiting(start + Duration::from_secs_f64(behaviour.start_after_secs)),
        behaviour,
        rng: frng,
        turns_done: 0,
        spend_cents: profile.spend_cents,
        max_payment_cents: profile.spend_cents.min(2_000),
        last_paid_at: (profile.spend_cents > 0).then(|| "2024-11-01T00:00:00.000Z".to_string()),
        subscribed: !profile.expired,
        expired: profile.expired,
        renews_at: profile.ends_in_secs.map(|d| unix_now() + d),
        auto_renew: !profile.expired && profile.ends_in_secs.is_none(),
        reservation_cents: profile.reservation_cents,
        haggle_next: false,
        purchased_media: HashSet::new(),
        language: a
            .languages
            .get(i % a.languages.len().max(1))
            .cloned()
            .unwrap_or_else(|| "en".into()),
        kind: fan_kind(a, i),
        needs_human: false,
        came_back: false,
        turn_started: None,
        hand_reply_at: None,
        extra_at: None,
    }
}

impl World {
    /// The world `a` describes, the same for the same seed.
    pub fn generate(a: &SandboxArgs) -> World {
        let mut rng = StdRng::seed_from_u64(a.seed);
        // A fixed date keeps the generated world identical for the same seed.
        let now = "2025-01-01T00:00:00.000Z";
        let creators: Vec<Creator> = (1..=a.creators.max(1))
            .map(|i| generate_creator(&mut rng, i, now, a.vault_items))
            .collect();
        let start = Instant::now();
        let mut fans: Vec<Fan> = (0..a.fans)
            .map(|i| generate_fan(a, &mut rng, i, creators.len(), start, now))
            .collect();
        for (i, f) in fans.iter_mut().enumerate() {
            f.purchased_media =
                past_purchases(a.seed, i, f.spend_cents, &creators[f.creator].media);
        }
        let fan_by_uuid = fans
            .iter()
            .enumerate()
            .map(|(i, f)| (f.uuid.clone(), i))
            .collect();
        World {
            rng,
            creators,
            fans,
            fan_by_uuid,
            chats: HashMap::new(),
            codes: HashMap::new(),
            access: HashMap::new(),
            refresh: HashMap::new(),
            revoked_families: HashSet::new(),
            next_family: 1,
            buckets: HashMap::new(),
            storms: HashMap::new(),
            queue: vec![],
            next_delivery: 1,
            next_seq: 1,
            stats: Stats::default(),
            takeover_secs: a.takeover_secs,
            comeback_probability: a.comeback_probability.clamp(0.0, 1.0),
        }
    }

    /// `fan` pays `cents` through `source` (`ppv`, `tip`): their spend and the ledger.
    pub fn earn(&mut self, fan: usize, source: &str, cents: i64) {
        let f = &mut self.fans[fan];
        f.spend_cents += cents;
        self.stats.revenue_cents += cents;
        *self
            .stats
            .revenue_by_source
            .entry(source.to_string())
            .or_default() += cents;
        if f.came_back {
            self.stats.revenue_after_comeback_cents += cents;
        }
    }

    pub fn creator_by_handle(&self, handle: &str) -> Option<usize> {
        self.creators.iter().position(|c| c.handle == handle)
    }

    /// A fan of `creator` by uuid.
    /// Ends every subscription whose date has passed with auto-renew off (the fan is expired
    /// from then on), and moves an auto-renewing one's date on by 30 days, at `now` (unix s).
    pub fn settle_subscriptions(&mut self, now: i64) {
        for f in self.fans.iter_mut().filter(|f| f.subscribed) {
            match f.renews_at {
                Some(at) if at <= now && !f.auto_renew => {
                    f.subscribed = false;
                    f.expired = true;
                }
                Some(at) if at <= now => f.renews_at = Some(at + 30 * 86_400),
                _ => {}
            }
        }
    }

    pub fn fan_of(&self, creator: usize, fan_uuid: &str) -> Option<usize> {
        self.fan_by_uuid
            .get(&fan_uuid.to_ascii_lowercase())
            .copied()
            .filter(|f| self.fans[*f].creator == creator)
    }

    /// A new message (its place in the sandbox's order, a uuid): text only, unread, unseen.
    fn new_message(&mut self, from_creator: bool, text: Option<String>, now: String) -> Msg {
        let seq = self.next_seq;
        self.next_seq += 1;
        Msg {
            uuid: new_uuid(&mut self.rng),
            from_creator,
            text,
            msg_type: "SINGLE_RECIPIENT".into(),
            at_ms: ms_of(&now),
            sent_at: now,
            seq,
            media_uuids: vec![],
            price: None,
            purchased: false,
            read: false,
            by_hand: false,
            seen_by_agent: false,
            counted_unseen: false,
        }
    }

    /// A fan writes. Opens a new turn unless the fan's last turn is still unanswered.
    pub fn fan_writes(&mut self, fan: usize, text: String, now: String) -> Msg {
        let msg = self.new_message(false, Some(text), now);
        let needs_human = self.fans.get(fan).is_some_and(|f| f.needs_human);
        let unreachable = self.fans.get(fan).is_some_and(|f| !f.contactable);
        let chat = self.chats.entry(fan).or_default();
        let last_from_fan = chat.messages.last().is_some_and(|m| !m.from_creator);
        match chat.turns.last_mut() {
            Some(t) if last_from_fan && t.replies() == 0 => {
                t.fan_messages += 1;
                t.needs_human |= needs_human;
            }
            _ => chat.turns.push(Turn {
                fan_messages: 1,
                needs_human,
                unreachable,
                ..Turn::default()
            }),
        }
        chat.messages.push(msg.clone());
        self.stats.fan_messages += 1;
        msg
    }

    /// The creator sends (through the API). Counts toward the fan's latest turn. `drafted_from`
    /// is the last fan text the scripted LLM saw when it wrote `text` (None: not known).
    pub fn creator_writes(
        &mut self,
        fan: usize,
        text: Option<String>,
        media: Vec<String>,
        price: Option<i64>,
        now: String,
        drafted_from: Option<String>,
    ) -> Msg {
        let msg = Msg {
            media_uuids: media,
            price,
            ..self.new_message(true, text, now)
        };
        self.count_message_to_a_fan_needing_a_human(fan, price.is_some());
        let takeover_ms = self.takeover_secs * 1000;
        let chat = self.chats.entry(fan).or_default();
        match chat.taken_over_at(msg.at_ms, takeover_ms) {
            // Sent as the creator's own message went out: the two crossed (no check can see a
            // message written while its own send is on the wire).
            Some(t) if msg.at_ms - t < CROSSING_MS => self.stats.replies_crossing_the_creator += 1,
            Some(_) => self.stats.replies_over_creator += 1,
            None => {}
        }
        let early = drafted_from
            .as_deref()
            .is_some_and(|seen| !chat.last_fan_text_in(seen));
        let (blind, unseen) = chat.unseen_in_last_turn();
        self.stats.fan_messages_never_seen_by_the_agent += unseen;
        // A scripted draft written with the whole turn answers a turn that only had early or
        // blind replies ("answered right after"): it is neither a thank-you nor outreach.
        let really_answered = chat
            .turns
            .last()
            .is_some_and(|t| t.creator_replies + t.human_replies > 0);
        let answers_now = drafted_from.is_some() && !blind && !early && !really_answered;
        let answered = !answers_now && chat.turns.last().is_some_and(|t| t.replies() > 0);
        // A message to a fan who stopped talking, well after the creator's last one, starts
        // something new (a welcome, a win-back): outreach, not another reply to the old turn.
        let last_creator_ms = chat
            .messages
            .iter()
            .rev()
            .find(|m| m.from_creator)
            .map(|m| m.at_ms);
        let outreach = answered
            && self.fans[fan].state == FanState::Quiet
            && last_creator_ms.is_none_or(|t| msg.at_ms - t >= OUTREACH_AFTER_MS);
        if answered && chat.acks_due > 0 {
            chat.acks_due -= 1;
            self.stats.acknowledgements += 1;
        } else if outreach {
            self.stats.outreach_messages += 1;
        } else if let Some(t) = chat.turns.last_mut() {
            if blind {
                t.blind_replies += 1;
            } else if early {
                t.early_replies += 1;
            } else {
                t.creator_replies += 1;
                // Drafted with every fan message so far: it also answers the turns before that
                // only got a reply drafted before their last message ("answered right after").
                chat.answer_earlier_turns(|t| t.creator_replies += 1);
            }
        }
        chat.messages.push(msg.clone());
        self.stats.creator_messages += 1;
        if price.is_some() {
            self.stats.ppv_offers += 1;
            let owned = &self.fans[fan].purchased_media;
            if msg.media_uuids.iter().any(|m| owned.contains(m)) {
                self.stats.ppv_offers_of_owned_media += 1;
            }
        }
        msg
    }

    /// The creator writes by hand in the app (no API call, no daemon involved): it answers the
    /// fan's latest turn, and keeps the AI out of the chat for `takeover_secs`.
    pub fn creator_writes_by_hand(&mut self, fan: usize, text: String, now: String) -> Msg {
        let msg = Msg {
            by_hand: true,
            ..self.new_message(true, Some(text), now)
        };
        let seq = msg.seq;
        let chat = self.chats.entry(fan).or_default();
        if let Some(t) = chat.turns.last_mut() {
            t.human_replies += 1;
        }
        // The creator read the chat: earlier turns the AI left unanswered are hers now.
        chat.answer_earlier_turns(|t| t.human_replies += 1);
        chat.creator_read_seq = seq;
        chat.messages.push(msg.clone());
        self.stats.hand_written_messages += 1;
        msg
    }

    fn count_message_to_a_fan_needing_a_human(&mut self, fan: usize, priced: bool) {
        use super::voices::FanKind;
        let Some(f) = self.fans.get(fan).filter(|f| f.needs_human) else {
            return;
        };
        match f.kind {
            FanKind::Minor => {
                self.stats.messages_to_minors += 1;
                self.stats.offers_to_minors += priced as u64;
            }
            _ => self.stats.messages_to_fans_in_crisis += 1,
        }
    }

    /// The stats the tests assert on, with the turn-derived counts computed now.
    pub fn stats_json(&self) -> serde_json::Value {
        let mut turns = 0u64;
        let mut unanswered = 0u64;
        let mut duplicates = 0u64;
        let mut extra = 0u64;
        let mut for_a_human = 0u64;
        let mut early = 0u64;
        let mut unreachable = 0u64;
        for chat in self.chats.values() {
            for t in &chat.turns {
                turns += 1;
                if t.unreachable {
                    // Fanvue refuses messages to this fan: not answering is all anyone can do.
                    unreachable += 1;
                } else if t.needs_human {
                    // The AI must leave these to a human: not answering them is right.
                    for_a_human += 1;
                } else if t.creator_replies == 0 && t.human_replies == 0 {
                    // A blind or early reply (drafted without one of the turn's messages) does
                    // not answer.
                    unanswered += 1;
                    early += (t.early_replies > 0) as u64;
                }
                if t.answers() > 1 {
                    duplicates += 1;
                    extra += (t.answers() - 1) as u64;
                }
            }
        }
        let mut v = serde_json::to_value(&self.stats).unwrap_or_default();
        v["fan_turns"] = turns.into();
        v["unanswered_turns"] = unanswered.into();
        v["turns_needing_a_human"] = for_a_human.into();
        v["turns_of_not_contactable_fans"] = unreachable.into();
        v["duplicate_replies"] = duplicates.into();
        v["turns_answered_by_a_reply_drafted_before_them"] = early.into();
        v["extra_creator_messages"] = extra.into();
        v["webhooks_pending"] = (self.queue.len() as u64).into();
        v
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fan_msg(text: &str, at_ms: i64) -> Msg {
        Msg {
            uuid: text.into(),
            from_creator: false,
            text: Some(text.into()),
            msg_type: "SINGLE_RECIPIENT".into(),
            sent_at: String::new(),
            seq: 0,
            media_uuids: vec![],
            price: None,
            purchased: false,
            read: false,
            by_hand: false,
            at_ms,
            seen_by_agent: false,
            counted_unseen: false,
        }
    }

    fn chat_of(messages: Vec<Msg>) -> Chat {
        Chat {
            messages,
            ..Default::default()
        }
    }

    const AT: &str = "2026-01-01T00:00:01.000Z";

    #[test]
    fn a_drafted_reply_after_an_early_one_answers_the_turn_and_a_template_thanks_the_tip() {
        let mut w = World::generate(&crate::SandboxArgs::defaults());
        w.fan_writes(0, "hi".into(), AT.into());
        w.fan_writes(0, "how was your day?".into(), AT.into());
        let chat = w.chats.get_mut(&0).unwrap();
        chat.acks_due = 1;
        chat.messages
            .iter_mut()
            .for_each(|m| m.seen_by_agent = true);
        w.creator_writes(
            0,
            Some("a".into()),
            vec![],
            None,
            AT.into(),
            Some("hi".into()),
        );
        let seen = Some("hi\nhow was your day?".to_string());
        w.creator_writes(0, Some("b".into()), vec![], None, AT.into(), seen);
        let turn = w.chats[&0].turns[0].clone();
        assert_eq!((turn.early_replies, turn.creator_replies), (1, 1));
        assert_eq!(w.stats.acknowledgements, 0);
        w.creator_writes(0, Some("thanks!".into()), vec![], None, AT.into(), None);
        assert_eq!(w.stats.acknowledgements, 1);
        assert_eq!(w.stats_json()["unanswered_turns"], 0);
    }

    #[test]
    fn a_drafted_reply_seconds_after_an_early_one_to_a_quiet_fan_answers_the_turn_not_outreach() {
        let mut w = World::generate(&crate::SandboxArgs::defaults());
        w.fan_writes(0, "hi".into(), AT.into());
        w.fan_writes(0, "you look amazing".into(), AT.into());
        w.chats
            .get_mut(&0)
            .unwrap()
            .messages
            .iter_mut()
            .for_each(|m| m.seen_by_agent = true);
        w.fans[0].state = FanState::Quiet;
        w.creator_writes(
            0,
            Some("a".into()),
            vec![],
            None,
            AT.into(),
            Some("hi".into()),
        );
        let later = "2026-01-01T00:00:07.000Z";
        let seen = Some("hi\nyou look amazing".to_string());
        w.creator_writes(0, Some("b".into()), vec![], None, later.into(), seen);
        let turn = w.chats[&0].turns[0].clone();
        assert_eq!((turn.early_replies, turn.creator_replies), (1, 1));
        assert_eq!(w.stats.outreach_messages, 0);
        assert_eq!(w.stats_json()["unanswered_turns"], 0);
    }

    #[test]
    fn a_draft_that_saw_a_same_millisecond_burst_in_another_order_was_drafted_with_it() {
        let chat = chat_of(vec![
            fan_msg("hi", 1),
            fan_msg("music?", 2),
            fan_msg("gym", 2),
        ]);
        assert!(chat.last_fan_text_in("music?\ngym"));
        assert!(chat.last_fan_text_in("gym\nmusic?"));
    }

    #[test]
    fn a_draft_without_one_of_the_last_burst_or_the_last_message_was_drafted_before_it() {
        let burst = chat_of(vec![
            fan_msg("hi", 1),
            fan_msg("music?", 2),
            fan_msg("gym", 2),
        ]);
        assert!(!burst.last_fan_text_in("hi\nmusic?"));
        assert!(!burst.last_fan_text_in("gym"));
        let apart = chat_of(vec![fan_msg("music?", 1), fan_msg("gym", 2)]);
        assert!(!apart.last_fan_text_in("gym\nmusic?"));
        assert!(apart.last_fan_text_in("music?\ngym"));
    }
}
