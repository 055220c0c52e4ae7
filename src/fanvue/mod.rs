//! Everything that speaks Fanvue: the HTTP client, its lenient types, OAuth, and webhook verification.

pub mod apis;
pub mod client;
pub mod error;
pub mod oauth;
pub mod types;
pub mod webhook;

pub use apis::Apis;
pub use client::{CreatorApi, FanvueClient};
pub use error::ApiError;
