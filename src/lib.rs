//! fanvue-agent: answers fans on Fanvue in each creator's voice, exactly once, every decision explained.
//!
//! Map of the crate, in the order data flows:
//! - [`config`]: figment config, validated, secrets redacted; one creator's settings resolved per
//!   job ([`config::CreatorSettings`]).
//! - [`fanvue`]: the API client ([`fanvue::client`]), OAuth ([`fanvue::oauth`]), webhook verification
//!   and parsing ([`fanvue::webhook`]).
//! - [`ratelimit`]: one limiter per creator for every call.
//! - [`ingress`]: the daemon's HTTP server: signed webhooks into the inbox, OAuth callback, health.
//! - [`console`]: the operator console (web pages on its own listener): the queue, conversations,
//!   fans, creators, prompts, stats; users, sessions, CSRF, every human action recorded.
//! - [`poller`]: the fallback that finds fan messages the webhooks missed.
//! - [`dispatcher`]: one job per chat, bursts coalesced, fair bounded concurrency; resolves the
//!   creator's settings when a job starts.
//! - [`agent`]: the step as named stages: load context, check input, build prompt, draft, check
//!   draft, offer, commit (decision and outbox in one transaction).
//! - [`sequences`]: messages on a schedule: welcome and win-back sequences, and the one nudge
//!   to fans who went quiet after our message, within caps, quiet hours and a rate budget share.
//! - [`draft_expiry`]: approve-mode drafts that waited too long expire, never sent.
//! - [`fan_summary`]: a short model-written summary of each fan, refreshed in the background.
//! - [`sender`]: per-creator outbox drain through the limiter, in-doubt sends reconciled.
//! - [`notify`]: operator notifications (escalations, drafts awaiting approval, reconnects, LLM
//!   outages, failed sends, a daily summary) written with their decisions, delivered durably to
//!   webhook, Slack, Discord, Telegram and email channels.
//! - [`store`]: SQLite (creators, encrypted tokens, chats, messages, inbox, outbox, decisions).
//! - [`app`]: builds the parts and runs them until shutdown.
//! - [`domain`]: pure types, time helpers, the retry policy.
//! - [`systemd`]: the service manager's notify protocol (READY, watchdog).
//!
//! The local Fanvue emulator is its own crate (`crates/fanvue-sandbox`), a dev-dependency of this one:
//! the product never imports it.
#![forbid(unsafe_code)]
// A function over 80 lines (clippy.toml) needs an `allow` with a comment saying why it is long.
#![warn(clippy::too_many_lines)]

pub mod agent;
pub mod app;
pub mod cli;
pub mod config;
pub mod console;
pub mod crypto;
pub mod dispatcher;
pub mod domain;
pub mod draft_expiry;
pub mod fan_summary;
pub mod fanvue;
pub mod health;
pub mod ingress;
pub mod metrics;
pub mod notify;
pub mod poller;
pub mod ratelimit;
pub mod reload;
pub mod sender;
pub mod sequences;
pub mod store;
pub mod systemd;
pub mod telemetry;
