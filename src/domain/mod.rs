//! Pure domain types shared by every stage: ids, webhook events, decisions and reply plans, time
//! helpers and the retry policy. No I/O here.

pub mod decision;
pub mod display;
pub mod event;
pub mod fan;
pub mod holding;
pub mod ids;
pub mod interval;
pub mod marks;
pub mod notice;
pub mod retry;
pub mod time;

pub use decision::{DecisionInfo, Mode, Outcome, Purpose, ReplyPlan};
pub use event::{Event, EventKind, MessageEvent, Party};
pub use fan::{Fact, FanStatus, FanValue, Ledger};
pub use holding::HoldingCategory;
pub use ids::{CreatorUuid, FanUuid, MessageUuid};
pub use marks::{MarkCategory, NewMark, SafetyMark};
pub use notice::{Notice, NoticeKind, SummaryLine};
