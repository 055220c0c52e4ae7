//! Pure domain types shared by every stage: ids, webhook events, messages. No I/O here.

pub mod event;
pub mod ids;

pub use event::{Event, EventKind, MessageEvent, Party};
pub use ids::{CreatorUuid, FanUuid, MessageUuid};
