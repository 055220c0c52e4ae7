//! Follow-ups: per creator, finds fans who went quiet after our last message and puts one
//! follow-up event per silence into the inbox (outside the creator's quiet hours). The
//! [`super::Scheduler`] runs it beside the sequences, in the same loop. The agent then
//! decides it like any event: sent, or skipped with the reason.

use crate::{
    config::CreatorSettings,
    dispatcher::{DispatcherHandle, Wake},
    domain::time::now_ms,
    domain::{Event, EventKind, Party},
    store::{
        inbox::{Accepted, QuietChat},
        Store, StoreError,
    },
};

/// Whether `hour` falls in the quiet hours `[start, end)` (wrapping past midnight; equal: none).
pub fn in_quiet_hours(hour: u32, start: u32, end: u32) -> bool {
    match start.cmp(&end) {
        std::cmp::Ordering::Equal => false,
        std::cmp::Ordering::Less => (start..end).contains(&hour),
        std::cmp::Ordering::Greater => hour >= start || hour < end,
    }
}

#[derive(Clone)]
pub struct FollowUps {
    pub store: Store,
    pub dispatcher: DispatcherHandle,
}

impl FollowUps {
    /// Queues a follow-up event for each chat of the creator of `s` quiet long enough. Returns
    /// how many were new.
    pub async fn check_once(&self, s: &CreatorSettings) -> Result<usize, StoreError> {
        let creator = s.handle.as_str();
        let now = now_ms();
        let local_min = (now / 60_000 + s.utc_offset_minutes as i64).rem_euclid(1440);
        let f = &s.followup;
        let quiet = in_quiet_hours(
            (local_min / 60) as u32,
            f.quiet_hours_start,
            f.quiet_hours_end,
        );
        if !f.enabled || quiet {
            return Ok(0);
        }
        let after_secs = f.after_secs;
        let Some(uuid) = self.store.creator(creator).await?.and_then(|c| c.uuid) else {
            return Ok(0);
        };
        let mut queued = 0;
        for QuietChat {
            fan,
            message_uuid: message,
            sent_at,
        } in self
            .store
            .quiet_chats(creator, now - after_secs as i64 * 1000)
            .await?
        {
            let event = Event {
                dedupe_key: format!("followup:{creator}:{message}"),
                creator: Some(uuid.as_str().into()),
                fan: Party {
                    uuid: Some(fan.as_str().into()),
                    ..Default::default()
                },
                timestamp: None,
                kind: EventKind::FollowUp {
                    after_message_uuid: message,
                    quiet_secs: (now - sent_at) / 1000,
                },
            };
            let accepted = self
                .store
                .accept_event(&event, Some(creator), "schedule")
                .await?;
            let m = crate::metrics::metrics();
            m.accepted(
                event.kind.name(),
                "schedule",
                accepted.as_str(),
                Some(creator),
            );
            if let Accepted::New { .. } = accepted {
                queued += 1;
                self.dispatcher.wake(Wake {
                    creator: creator.to_string(),
                    fan,
                    fan_message: false,
                });
            }
        }
        Ok(queued)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quiet_hours_wrap_past_midnight() {
        assert!(in_quiet_hours(23, 22, 9) && in_quiet_hours(3, 22, 9));
        assert!(!in_quiet_hours(12, 22, 9) && !in_quiet_hours(9, 22, 9));
        assert!(in_quiet_hours(14, 13, 15) && !in_quiet_hours(15, 13, 15));
        assert!(!in_quiet_hours(3, 0, 0), "equal bounds: no quiet hours");
    }
}
