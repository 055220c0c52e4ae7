//! `fanvue-sandbox`: a local Fanvue emulator (API, OAuth, rate limits, signed webhooks, simulated fans).
//!
//! Parts: [`world`] (the state: creators, fans, chats, tokens, stats), [`oauth`] (authorize/token),
//! [`api`] (the REST surface the client uses), [`webhooks`] (signed, at-least-once, with faults),
//! [`signature`] (the webhook signer), [`fans`] (seeded simulated fans), [`voices`] (what they
//! write), [`llm`] (a scripted OpenAI-compatible LLM), [`control`] (`/_sandbox/*` for tests and the
//! demo).
//!
//! It stands apart from fanvue-agent and imports nothing of it: it is what the product is tested
//! against, so its models, its signer and its wiring are its own.
#![forbid(unsafe_code)]
// A function over 80 lines (clippy.toml) needs an `allow` with a comment saying why it is long.
#![warn(clippy::too_many_lines)]
// Handlers and their helpers return `Result<_, Response>` (or `Reply`) where the error *is* the
// HTTP response to send: its size is irrelevant.
#![allow(clippy::result_large_err)]

pub mod api;
pub mod control;
pub mod fans;
pub mod llm;
pub mod oauth;
pub mod signature;
pub mod voices;
pub mod webhooks;
pub mod world;

use axum::Router;
use std::sync::Arc;
use tokio::net::TcpListener;
use tokio_util::sync::CancellationToken;

/// Which webhook body family the sandbox sends.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Family {
    /// Flat platform events (no type field), each posted to `<webhook-url>/<event>`.
    Flat,
    /// `{id,type,timestamp,data}` envelopes with snake_case data, posted to `<webhook-url>`.
    Envelope,
}

/// Fault injection, changeable at run time through `POST /_sandbox/faults`.
#[derive(Clone, Debug, Default, clap::Args, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct Faults {
    /// Probability a webhook is never delivered (the daemon's poller must find the message).
    #[arg(long, default_value_t = 0.0)]
    pub drop_webhooks: f64,
    /// Probability a webhook is delivered twice.
    #[arg(long, default_value_t = 0.0)]
    pub duplicate_webhooks: f64,
    /// Maximum random delay before a webhook is delivered, in ms (delays also reorder them).
    #[arg(long, default_value_t = 0)]
    pub delay_webhooks_ms: u64,
    /// Probability a webhook is held back and delivered after the next ones (reordering).
    #[arg(long, default_value_t = 0.0)]
    pub reorder_webhooks: f64,
    /// Probability a send answers 500/502/503 without sending anything.
    #[arg(long, default_value_t = 0.0)]
    pub send_5xx: f64,
    /// Probability a send hangs for --timeout-ms before answering 504, without sending.
    #[arg(long, default_value_t = 0.0)]
    pub send_timeout: f64,
    /// Probability a send is processed (the fan gets the message) but the response is lost (500).
    #[arg(long, default_value_t = 0.0)]
    pub send_lost_response: f64,
    /// How long a timed-out send hangs, in ms.
    #[arg(long, default_value_t = 20_000)]
    pub timeout_ms: u64,
    /// Probability any API request starts a 429 storm (every call of that creator gets 429 for
    /// --storm-secs, with Retry-After).
    #[arg(long, default_value_t = 0.0)]
    pub rate_limit_storm: f64,
    /// Length of a 429 storm in seconds.
    #[arg(long, default_value_t = 5)]
    pub storm_secs: u64,
    /// Probability any API request answers 500 (reads included).
    #[arg(long, default_value_t = 0.0)]
    pub api_5xx: f64,
    /// Every send is processed at once but its response is held back this long, in ms (a window
    /// for crashes between "request sent" and "response recorded").
    #[arg(long, default_value_t = 0)]
    pub send_response_delay_ms: u64,
}

/// Everything the sandbox can be told on its command line.
#[derive(Clone, Debug, clap::Parser)]
#[command(
    name = "fanvue-sandbox",
    version,
    about = "A local Fanvue emulator: the chat API, OAuth with PKCE, rate limits, signed webhooks and simulated fans.",
    long_about = "A local Fanvue emulator for tests and demos. It serves the API operations fanvue-agent uses \
(shapes from Fanvue's OpenAPI spec), OAuth 2.0 with PKCE and rotating single-use refresh tokens, a per-creator \
token bucket with X-RateLimit-* headers and 429 + Retry-After, the X-Fanvue-API-Version check, and signed webhook \
delivery (X-Fanvue-Signature: t=<unix>,v0=<hex HMAC-SHA256>) with retries. Seeded simulated fans start chats, send \
bursts, answer replies, buy PPV, tip and go quiet.\n\nControl endpoints: GET /_sandbox/stats, GET /_sandbox/world, \
POST /_sandbox/fans/{uuid}/messages {text}, POST /_sandbox/fans/{uuid}/creator-by-hand {text}, POST /_sandbox/fans/{uuid}/subscription {renews_in_secs, auto_renew}, POST /_sandbox/faults {..}, POST /_sandbox/clock/advance {seconds}, \
POST /_sandbox/creators/{handle}/revoke, POST /_sandbox/creators/{handle}/scopes {remove:[..]}, \
POST /_sandbox/fans/pause, POST /_sandbox/fans/resume.\n\nConnecting without a browser: add \
`&sandbox_auto_approve=<handle>` to the authorization URL fanvue-agent prints (`GET /oauth2/auth?…`) and the \
sandbox approves as that creator at once, redirecting to the callback (what tests and scripts/demo do).\n\n\
Prints `sandbox listening on http://ADDR` when ready."
)]
pub struct SandboxArgs {
    /// Address to listen on (use port 0 for any free port).
    #[arg(long, default_value = "127.0.0.1:8090")]
    pub listen: String,
    /// Where webhooks go: envelopes to this URL, flat events to `<url>/<event>`
    /// (message, read, subscriber, follower, purchase, tip). Without it, no webhooks are sent.
    #[arg(long)]
    pub webhook_url: Option<String>,
    /// The webhook signing secret.
    #[arg(
        long,
        default_value = "sandbox-webhook-secret",
        env = "FANVUE_SANDBOX_WEBHOOK_SECRET"
    )]
    pub webhook_secret: String,
    /// Webhook body family.
    #[arg(long, value_enum, default_value_t = Family::Flat)]
    pub family: Family,
    /// Number of creators (handles creator1..creatorN).
    #[arg(long, default_value_t = 1)]
    pub creators: usize,
    /// Number of simulated fans in all, spread evenly over the creators.
    #[arg(long, default_value_t = 10)]
    pub fans: usize,
    /// Seed of everything random: the world, the fans' behaviour, the faults.
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// Turns each fan wants at most (a turn is a burst of fan messages awaiting one reply).
    #[arg(long, default_value_t = 3)]
    pub max_turns: u32,
    /// Fans start their first message at a random time within this many seconds.
    #[arg(long, default_value_t = 10.0)]
    pub start_window_secs: f64,
    /// Scale of the fans' think times (0.1 = ten times faster fans).
    #[arg(long, default_value_t = 1.0)]
    pub fan_pace: f64,
    /// Start with the simulated fans idle (drive them with POST /_sandbox/fans/{uuid}/messages).
    #[arg(long)]
    pub quiet_fans: bool,
    /// Requests per 60 s per creator (Fanvue's bucket; the seeds say 100, current docs 200).
    #[arg(long, default_value_t = 100)]
    pub rate_limit: u32,
    /// Lifetime of access tokens in seconds.
    #[arg(long, default_value_t = 3600)]
    pub access_token_ttl: i64,
    /// The OAuth client id the sandbox accepts.
    #[arg(long, default_value = "sandbox-client")]
    pub client_id: String,
    /// The OAuth client secret the sandbox accepts (HTTP Basic at the token endpoint).
    #[arg(
        long,
        default_value = "sandbox-secret",
        env = "FANVUE_SANDBOX_CLIENT_SECRET"
    )]
    pub client_secret: String,
    /// The API version accepted in X-Fanvue-API-Version.
    #[arg(long, default_value = "2025-06-26")]
    pub api_version: String,
    /// Minimum PPV price in cents.
    #[arg(long, default_value_t = 300)]
    pub min_price_cents: i64,
    /// Share of fans who are not contactable (a send to them is refused with 400).
    #[arg(long, default_value_t = 0.0)]
    pub uncontactable: f64,
    /// Share of fans who spent on the creator long before this run (lifetime spend $50–$600 in
    /// their insights; the chat list flags those over $50 as top spenders).
    #[arg(long, default_value_t = 0.0)]
    pub long_time_spenders: f64,
    /// Share of fans whose subscription expired (insights say `expired`).
    #[arg(long, default_value_t = 0.0)]
    pub expired: f64,
    /// Share of the other fans whose subscription has auto-renew off and ends 1–7 days after the
    /// start (in the `non_renewing` smart list, then `expired_subscribers` once it ends; the
    /// insights give the date). `POST /_sandbox/fans/{uuid}/subscription` sets one fan's.
    #[arg(long, default_value_t = 0.0)]
    pub expiring: f64,
    /// Share of fans who bargain: each has a price they will pay ($4–$20, from their own seed);
    /// offered more, they haggle on their next turn instead of buying.
    #[arg(long, default_value_t = 0.0)]
    pub hagglers: f64,
    /// PPV items in each creator's vault (the first four as before; the rest spread over folders
    /// with descriptions and tags), listed 1..50 a page as the spec pages them.
    #[arg(long, default_value_t = 4)]
    pub vault_items: usize,
    /// Languages of the simulated fans, assigned in turn (en, es, pt, fr, de, it).
    #[arg(long, value_delimiter = ',', default_value = "en")]
    pub languages: Vec<String>,
    /// Fans who say they are under 18 on their first turn and keep writing after (a human must
    /// handle them: the ledger counts every AI message and offer that still reaches them).
    #[arg(long, default_value_t = 0)]
    pub minors: usize,
    /// Fans who write of wanting to die on their first turn.
    #[arg(long, default_value_t = 0)]
    pub crisis_fans: usize,
    /// Fans who joke in alarming-sounding ways ("you're killing me"): answered like anyone.
    #[arg(long, default_value_t = 0)]
    pub jokers: usize,
    /// Probability that the creator answers a fan's turn by hand in the app, at a random moment
    /// within --by-hand-within-secs of the turn's start (while the daemon may be drafting or
    /// waiting out its delay). The ledger's `replies_over_creator` counts AI messages sent within
    /// --takeover-secs after such a message.
    #[arg(long, default_value_t = 0.0)]
    pub creator_by_hand: f64,
    /// The window after a turn starts in which the creator's hand-written answer comes.
    #[arg(long, default_value_t = 6.0)]
    pub by_hand_within_secs: f64,
    /// Announce hand-written creator messages with an envelope webhook (`sender: "creator"`).
    /// Off by default: nothing guarantees Fanvue sends one, and the flat family has none.
    #[arg(long)]
    pub by_hand_webhooks: bool,
    /// How long a hand-written creator message keeps the AI out of its chat (the daemon's
    /// `agent.human_takeover_secs` should match).
    #[arg(long, default_value_t = 1800)]
    pub takeover_secs: i64,
    /// Probability that a fan who just wrote adds a message a little later, before any answer
    /// (while a reply waits out its human-like delay).
    #[arg(long, default_value_t = 0.0)]
    pub write_during_delays: f64,
    /// The window after a turn starts in which that extra message comes.
    #[arg(long, default_value_t = 5.0)]
    pub extra_message_within_secs: f64,
    /// Probability that a fan who has stopped talking comes back when the creator messages them
    /// (a welcome or win-back): drawn from the fan's own seed, whatever the message says (the
    /// sandbox does not grade campaigns). A fan who comes back talks one or two more turns and
    /// buys and tips with their usual odds; the ledger counts comebacks and their revenue. Off
    /// by default so runs without it draw exactly as before (e.g. 0.25 for campaign runs).
    #[arg(long, default_value_t = 0.0)]
    pub comeback_probability: f64,
    /// Maximum delivery attempts per webhook (retries back off 0.5 s, 1 s, 2 s, …).
    #[arg(long, default_value_t = 8)]
    pub webhook_attempts: u32,
    #[command(flatten)]
    pub faults: Faults,
}

impl SandboxArgs {
    /// Defaults, as if run with no flags (for tests).
    pub fn defaults() -> SandboxArgs {
        <SandboxArgs as clap::Parser>::parse_from(["fanvue-sandbox"])
    }
}

/// A running sandbox.
pub struct Sandbox {
    pub world: Arc<world::Shared>,
    pub addr: std::net::SocketAddr,
}

impl Sandbox {
    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }
}

pub fn router(shared: Arc<world::Shared>) -> Router {
    Router::new()
        .merge(api::routes())
        .merge(oauth::routes())
        .merge(control::routes())
        .with_state(shared.clone())
        .merge(llm::routes(shared.llm.clone()))
}

/// Makes ring the process's TLS provider (reqwest is built without one, so that a single provider
/// serves every client; the first install wins, later ones are no-ops).
fn install_tls_provider() {
    let _ = rustls::crypto::ring::default_provider().install_default();
}

/// Starts the sandbox on `listener`: the HTTP server, webhook delivery and the fans.
pub async fn start(
    args: SandboxArgs,
    listener: TcpListener,
    shutdown: CancellationToken,
) -> std::io::Result<Sandbox> {
    install_tls_provider();
    let addr = listener.local_addr()?;
    let shared = Arc::new(world::Shared::new(args, format!("http://{addr}")));
    let app = router(shared.clone());
    let s = shutdown.clone();
    tokio::spawn(async move {
        let _ = axum::serve(listener, app)
            .with_graceful_shutdown(async move { s.cancelled().await })
            .await;
    });
    tokio::spawn(webhooks::deliver(shared.clone(), shutdown.clone()));
    tokio::spawn(fans::drive(shared.clone(), shutdown));
    Ok(Sandbox {
        world: shared,
        addr,
    })
}
