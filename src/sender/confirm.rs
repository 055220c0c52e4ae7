//! The check right before a message leaves: nobody but the fan wrote in the chat after the
//! message the draft answers (else the creator has taken the chat over by hand), and the fan did
//! not write again (else the reply is folded into a new one that covers everything).
//!
//! It needs a fresh read of the chat; the sender reads every chat with a message due in the same
//! short window in one `POST /chats/messages/batch` (see `Sender::confirm_round`), so the check
//! costs a fraction of a call per reply when several go out together. "Sent by us" is a real
//! signal: the uuids of the messages the outbox sent. Automated messages (welcome templates,
//! broadcasts) are not a human taking over.

use crate::{
    domain::{time::parse_ms, Purpose},
    fanvue::types::{Message, MessageType},
    store::outbox::OutboxRow,
};

/// What the check says about one outbox row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// Nobody else wrote: send it.
    Send,
    /// The creator wrote by hand (this message, at this Fanvue time): drop it, pause the chat.
    Takeover {
        uuid: String,
        sent_at_ms: Option<i64>,
    },
    /// The fan wrote again after the draft (this message): drop it; one new reply covers all.
    FanWroteAgain { uuid: String },
}

/// Judges `row` against a fresh page of its chat (any order). `ours` are the uuids of every
/// message the daemon sent to this chat; `unseen` the fan messages of the page the draft did not
/// have (the inbox got them after the drafting job read the chat, or only now: older ones whose
/// webhook was lost count too); `takeover_ms` is how long a message written by hand keeps the AI
/// out of the chat.
pub fn check(
    row: &OutboxRow,
    page: &[Message],
    ours: &[String],
    unseen: &[String],
    now: i64,
    takeover_ms: i64,
) -> Verdict {
    // A human's own words (a reply by hand) leave as written: another human writing in the chat
    // meanwhile is no reason to drop them, and the fan writing again needs no new draft.
    if row.purpose == Purpose::ByHand {
        return Verdict::Send;
    }
    let mut page: Vec<&Message> = page.iter().collect();
    page.sort_by_key(|m| m.sent_at.as_deref().and_then(parse_ms));
    let newer = newer_than_draft(row, &page);
    let by_hand = page.iter().rev().find(|m| {
        let recent = sent_ms(m).is_some_and(|t| t + takeover_ms > now);
        written_by_hand(m, &row.fan, ours) && (recent || newer.contains(&m.uuid.as_str()))
    });
    if let Some(m) = by_hand {
        return Verdict::Takeover {
            uuid: m.uuid.clone(),
            sent_at_ms: sent_ms(m),
        };
    }
    let folds = matches!(
        row.purpose,
        Purpose::Reply | Purpose::FollowUp | Purpose::Sequence
    );
    // A row from before the drafting job's read time was recorded: the messages after the one
    // it answers stand for what it did not see.
    let not_seen = |m: &&&Message| match row.context_at {
        Some(_) => unseen.iter().any(|u| u.eq_ignore_ascii_case(&m.uuid)),
        None => newer.contains(&m.uuid.as_str()),
    };
    let fan_again = page
        .iter()
        .filter(not_seen)
        .find(|m| is_fan(m, &row.fan) && answerable(m));
    match fan_again {
        Some(m) if folds => Verdict::FanWroteAgain {
            uuid: m.uuid.clone(),
        },
        _ => Verdict::Send,
    }
}

/// The uuids of the page's messages the draft did not see: those written after the newest
/// message it saw (by Fanvue's time; a burst's messages can share a millisecond, so a tie counts
/// as seen). Without that time, those after it in the page. A row without one (an old row) is
/// checked for takeover only.
fn newer_than_draft<'a>(row: &OutboxRow, page: &[&'a Message]) -> Vec<&'a str> {
    let Some(anchor) = row.answers_uuid.as_deref() else {
        return vec![];
    };
    let position = page
        .iter()
        .position(|m| m.uuid.eq_ignore_ascii_case(anchor));
    let anchor_ms = position
        .and_then(|i| sent_ms(page[i]))
        .or_else(|| row.answers_sent_at.as_deref().and_then(parse_ms));
    match (anchor_ms, position) {
        (Some(t), _) => page
            .iter()
            .filter(|m| sent_ms(m).is_none_or(|s| s > t))
            .map(|m| m.uuid.as_str())
            .collect(),
        (None, Some(i)) => page[i + 1..].iter().map(|m| m.uuid.as_str()).collect(),
        (None, None) => page.iter().map(|m| m.uuid.as_str()).collect(),
    }
}

fn sent_ms(m: &Message) -> Option<i64> {
    m.sent_at.as_deref().and_then(parse_ms)
}

fn is_fan(m: &Message, fan: &str) -> bool {
    m.sender.uuid.eq_ignore_ascii_case(fan)
}

fn answerable(m: &Message) -> bool {
    m.msg_type.as_ref().is_none_or(MessageType::is_answerable)
}

/// A creator-side message the daemon did not send and no automation wrote.
fn written_by_hand(m: &Message, fan: &str, ours: &[String]) -> bool {
    !is_fan(m, fan) && answerable(m) && !ours.iter().any(|u| u.eq_ignore_ascii_case(&m.uuid))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fanvue::types::UserRef;
    use crate::store::outbox::OutboxState;

    const FAN: &str = "0b9f3c1e-0000-4000-8000-000000000001";
    const CREATOR: &str = "0b9f3c1e-0000-4000-8000-0000000000c1";
    const NOW: i64 = 1_767_225_600_000; // 2026-01-01T00:00:00Z
    const TAKEOVER: i64 = 1_800_000;

    fn msg(uuid: &str, from_fan: bool, secs_before_now: i64) -> Message {
        Message {
            uuid: uuid.into(),
            text: Some(format!("text of {uuid}")),
            sent_at: Some(crate::domain::time::rfc3339_ms(
                NOW - secs_before_now * 1000,
            )),
            sender: UserRef {
                uuid: if from_fan { FAN } else { CREATOR }.into(),
                ..Default::default()
            },
            msg_type: Some(MessageType::parse("SINGLE_RECIPIENT")),
            ..Default::default()
        }
    }

    fn row(purpose: Purpose, answers: Option<&Message>) -> OutboxRow {
        OutboxRow {
            id: 1,
            creator: "alice".into(),
            fan: FAN.into(),
            purpose,
            text: Some("hi".into()),
            media_uuids: vec![],
            price_cents: None,
            state: OutboxState::Pending,
            attempts: 0,
            not_before: NOW,
            created_at: NOW - 5_000,
            context_at: Some(NOW - 6_000),
            answers_uuid: answers.map(|m| m.uuid.clone()),
            answers_sent_at: answers.and_then(|m| m.sent_at.clone()),
        }
    }

    /// The verdict on a reply to `q`, judged at `NOW` on `page`.
    fn reply_verdict(q: &Message, page: &[Message], ours: &[String], unseen: &[String]) -> Verdict {
        check(
            &row(Purpose::Reply, Some(q)),
            page,
            ours,
            unseen,
            NOW,
            TAKEOVER,
        )
    }

    #[test]
    fn a_reply_goes_when_only_the_fan_wrote_up_to_the_message_it_answers() {
        let q = msg("q1", true, 10);
        let page = vec![msg("old-ours", false, 4000), q.clone()];
        let v = reply_verdict(&q, &page, &["old-ours".into()], &[]);
        assert_eq!(v, Verdict::Send);
    }

    #[test]
    fn a_message_the_creator_wrote_by_hand_after_the_fan_stops_the_reply() {
        let q = msg("q1", true, 10);
        let page = vec![q.clone(), msg("hand", false, 3)];
        let v = reply_verdict(&q, &page, &[], &[]);
        assert!(
            matches!(v, Verdict::Takeover { ref uuid, .. } if uuid == "hand"),
            "{v:?}"
        );
    }

    #[test]
    fn a_recent_hand_written_message_before_the_fans_new_one_still_means_a_human_has_the_chat() {
        let h = msg("hand", false, 60);
        let q = msg("q2", true, 10);
        let page = vec![msg("q1", true, 90), h, q.clone()];
        let v = reply_verdict(&q, &page, &[], &[]);
        assert!(
            matches!(v, Verdict::Takeover { ref uuid, .. } if uuid == "hand"),
            "{v:?}"
        );
    }

    #[test]
    fn a_hand_written_message_older_than_the_takeover_time_does_not_stop_a_reply() {
        let q = msg("q2", true, 10);
        let page = vec![msg("hand", false, 3600), q.clone()];
        let v = reply_verdict(&q, &page, &[], &[]);
        assert_eq!(v, Verdict::Send);
    }

    #[test]
    fn our_own_messages_and_automations_are_not_a_takeover() {
        let q = msg("q1", true, 10);
        let mut broadcast = msg("bc", false, 2);
        broadcast.msg_type = Some(MessageType::parse("BROADCAST"));
        let page = vec![q.clone(), msg("ours", false, 5), broadcast];
        let v = reply_verdict(&q, &page, &["OURS".into()], &[]);
        assert_eq!(v, Verdict::Send);
    }

    #[test]
    fn a_reply_by_hand_goes_even_when_the_creator_or_the_fan_wrote_meanwhile() {
        let page = vec![
            msg("q1", true, 10),
            msg("hand", false, 3),
            msg("q2", true, 2),
        ];
        let v = check(
            &row(Purpose::ByHand, None),
            &page,
            &[],
            &["q2".into()],
            NOW,
            TAKEOVER,
        );
        assert_eq!(v, Verdict::Send);
    }

    #[test]
    fn a_fan_message_written_after_the_draft_folds_the_reply() {
        let q = msg("q1", true, 10);
        let page = vec![q.clone(), msg("q2", true, 2)];
        let v = reply_verdict(&q, &page, &[], &["q2".into()]);
        assert_eq!(v, Verdict::FanWroteAgain { uuid: "q2".into() });
    }

    #[test]
    fn a_thank_you_still_goes_when_the_fan_writes_again() {
        let q = msg("q1", true, 10);
        let page = vec![q.clone(), msg("q2", true, 2)];
        let v = check(
            &row(Purpose::Thanks, Some(&q)),
            &page,
            &[],
            &["q2".into()],
            NOW,
            TAKEOVER,
        );
        assert_eq!(v, Verdict::Send);
    }

    #[test]
    fn when_the_answered_message_is_older_than_the_page_newer_fan_messages_still_fold() {
        let q = msg("q1", true, 100);
        let page = vec![msg("q2", true, 50), msg("q3", true, 20)];
        let v = reply_verdict(&q, &page, &[], &["q2".into(), "q3".into()]);
        assert_eq!(v, Verdict::FanWroteAgain { uuid: "q2".into() });
    }

    #[test]
    fn messages_of_a_burst_sharing_the_answered_messages_millisecond_count_as_seen() {
        let q3 = msg("q3", true, 10);
        let mut q2 = msg("q2", true, 10);
        q2.sent_at = q3.sent_at.clone();
        // Fanvue lists newest first; equal times keep that order.
        let page = vec![q3.clone(), q2, msg("q1", true, 11)];
        let v = check(
            &row(Purpose::Reply, Some(&q3)),
            &page,
            &[],
            &[],
            NOW,
            TAKEOVER,
        );
        assert_eq!(v, Verdict::Send);
    }

    #[test]
    fn an_older_fan_message_whose_webhook_was_lost_folds_the_reply_it_was_missing_from() {
        let lost = msg("lost", true, 30);
        let q = msg("q2", true, 10);
        let page = vec![lost, q.clone()];
        let v = reply_verdict(&q, &page, &[], &["lost".into()]);
        assert_eq!(
            v,
            Verdict::FanWroteAgain {
                uuid: "lost".into()
            }
        );
    }

    #[test]
    fn a_row_without_a_read_time_takes_the_messages_after_its_answer_as_unseen() {
        let q = msg("q1", true, 10);
        let mut r = row(Purpose::Reply, Some(&q));
        r.context_at = None;
        let page = vec![q.clone(), msg("q2", true, 2)];
        let v = check(&r, &page, &[], &[], NOW, TAKEOVER);
        assert_eq!(v, Verdict::FanWroteAgain { uuid: "q2".into() });
    }

    #[test]
    fn a_fan_tip_message_does_not_fold_a_reply() {
        let q = msg("q1", true, 10);
        let mut tip = msg("tip", true, 2);
        tip.msg_type = Some(MessageType::parse("TIP"));
        let page = vec![q.clone(), tip];
        let v = reply_verdict(&q, &page, &[], &["tip".into()]);
        assert_eq!(v, Verdict::Send);
    }
}
