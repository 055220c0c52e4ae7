//! fanvue-agent: answers fans on Fanvue in each creator's voice, exactly once, every decision explained.
//!
//! Map of the crate, in the order data flows:
//! - [`config`]: figment config, validated, secrets redacted.
//! - [`fanvue`]: the API client ([`fanvue::client`]), OAuth ([`fanvue::oauth`]), webhook verification
//!   and parsing ([`fanvue::webhook`]).
//! - [`ratelimit`]: one limiter per creator for every call.
//! - [`store`]: SQLite (creators, encrypted tokens, chats, messages).
//! - [`ingress`]: the daemon's HTTP server (OAuth callback, health).
//! - [`domain`]: pure types.
//! - [`sandbox`]: the local Fanvue emulator behind the `fanvue-sandbox` binary.
#![forbid(unsafe_code)]

pub mod app;
pub mod config;
pub mod crypto;
pub mod domain;
pub mod fanvue;
pub mod ingress;
pub mod ratelimit;
pub mod sandbox;
pub mod store;
pub mod telemetry;
