//! Simulated fans: seeded, they start chats, send bursts, answer replies, buy PPV, tip, go quiet.

use super::{
    webhooks::{enqueue, Hook},
    world::{FanState, Shared, World},
};
use rand::Rng;
use std::{
    sync::{atomic::Ordering, Arc},
    time::{Duration, Instant},
};
use tokio_util::sync::CancellationToken;

/// Runs the fans until shutdown.
pub async fn drive(st: Arc<Shared>, shutdown: CancellationToken) {
    loop {
        if !st.fans_paused.load(Ordering::Relaxed) {
            tick(&st);
        }
        tokio::select! {
            _ = shutdown.cancelled() => return,
            _ = st.fans_wake.notified() => {},
            _ = tokio::time::sleep(Duration::from_millis(100)) => {},
        }
    }
}

/// A fan writes one message now (also used by the control endpoint): stored, and announced by webhook.
pub fn fan_message(st: &Shared, w: &mut World, fan: usize, text: String) -> String {
    let msg = w.fan_writes(fan, text, st.now_rfc3339());
    enqueue(
        st,
        w,
        Hook::Message {
            fan,
            uuid: msg.uuid.clone(),
            text: msg.text.clone(),
            sent_at: msg.sent_at.clone(),
        },
    );
    msg.uuid
}

/// One step of every fan whose moment has come.
fn tick(st: &Shared) {
    let mut w = st.lock();
    let now = Instant::now();
    for i in 0..w.fans.len() {
        match w.fans[i].state.clone() {
            FanState::Waiting(t) if t <= now => start_turn(st, &mut w, i),
            FanState::AwaitingReply if w.fans[i].hand_reply_at.is_some_and(|t| t <= now) => {
                w.fans[i].hand_reply_at = None;
                creator_answers_by_hand(st, &mut w, i, None);
            }
            FanState::AwaitingReply if w.fans[i].extra_at.is_some_and(|t| t <= now) => {
                w.fans[i].extra_at = None;
                let text = {
                    let f = &mut w.fans[i];
                    super::voices::line(&mut f.rng, &f.language, f.kind, f.turns_done, 9).0
                };
                w.stats.fan_messages_during_delays += 1;
                fan_message(st, &mut w, i, text);
            }
            FanState::AwaitingReply if gives_up_waiting(&w.fans[i], now) => {
                // No reply came (the AI rightly stays away): the fan writes again later, as a
                // returning minor does, until they are done.
                next_turn_or_quiet(st, &mut w, i);
            }
            FanState::Thinking(t) if t <= now => {
                react_to_reply(st, &mut w, i);
                next_turn_or_quiet(st, &mut w, i);
            }
            _ => {}
        }
    }
}

/// The fan's turn is over: they start the next one, or go quiet once they had the turns they
/// wanted.
fn next_turn_or_quiet(st: &Shared, w: &mut World, fan: usize) {
    let f = &mut w.fans[fan];
    f.turns_done += 1;
    if f.turns_done >= f.behaviour.turns_wanted {
        f.state = FanState::Quiet;
    } else {
        start_turn(st, w, fan);
    }
}

/// A fan who needs a human, or whom Fanvue marks not contactable, waits a while for an answer
/// that should not come, then goes on.
fn gives_up_waiting(f: &super::world::Fan, now: Instant) -> bool {
    let patience = Duration::from_secs_f64(f.behaviour.think_secs.1 * 3.0 + 2.0);
    (f.needs_human || !f.contactable) && f.turn_started.is_some_and(|t| now >= t + patience)
}

/// A burst of 1..=max_burst messages (sent together: the daemon must answer them once).
fn start_turn(st: &Shared, w: &mut World, fan: usize) {
    let n = {
        let f = &mut w.fans[fan];
        f.rng.gen_range(1..=f.behaviour.max_burst)
    };
    for k in 0..n {
        let f = &mut w.fans[fan];
        let (mut text, needs_human) =
            super::voices::line(&mut f.rng, &f.language, f.kind, f.turns_done, k);
        f.needs_human |= needs_human;
        if k == 0 && w.fans[fan].haggle_next {
            w.fans[fan].haggle_next = false;
            text = haggle_line(&mut w.fans[fan].rng).to_string();
        } else if k == 0 && w.fans[fan].turns_done == 0 {
            text = format!(
                "hey {}! {text}",
                w.creators[w.fans[fan].creator].display_name
            );
        }
        fan_message(st, w, fan, text);
    }
    w.fans[fan].state = FanState::AwaitingReply;
    w.fans[fan].turn_started = Some(Instant::now());
    schedule_interruptions(&st.args, &mut w.fans[fan]);
    // A creator who has taken the chat over keeps answering it by hand meanwhile.
    let now_ms = super::world::ms_of(&st.now_rfc3339());
    let takeover_ms = w.takeover_secs * 1000;
    if w.chats
        .get(&fan)
        .is_some_and(|c| c.taken_over_at(now_ms, takeover_ms).is_some())
    {
        let within = st.args.by_hand_within_secs.max(0.1);
        let f = &mut w.fans[fan];
        let after = f.rng.gen_range(0.0..within);
        f.hand_reply_at = Some(Instant::now() + Duration::from_secs_f64(after));
    }
}

/// Draws (from the fan's own seed) whether the creator answers this turn by hand and whether the
/// fan adds a message before any answer, and when. Draws nothing when both are off, so runs
/// without them stay as they were.
fn schedule_interruptions(a: &super::SandboxArgs, f: &mut super::world::Fan) {
    let now = Instant::now();
    let at = |p: f64, within: f64, rng: &mut rand::rngs::StdRng| {
        (p > 0.0 && rng.gen_bool(p.min(1.0)))
            .then(|| now + Duration::from_secs_f64(rng.gen_range(0.0..within.max(0.1))))
    };
    f.hand_reply_at = at(a.creator_by_hand, a.by_hand_within_secs, &mut f.rng);
    f.extra_at = at(
        a.write_during_delays,
        a.extra_message_within_secs,
        &mut f.rng,
    );
}

/// The creator answers the fan's turn by hand in the app (optionally announced by a webhook).
/// Returns the message's uuid.
pub fn creator_answers_by_hand(
    st: &Shared,
    w: &mut World,
    fan: usize,
    text: Option<String>,
) -> String {
    const LINES: [&str; 4] = [
        "hey it's me, just saw this 💕",
        "omg hii, give me a sec babe",
        "haha I'm here, what's up?",
        "sorry was busy, tell me more 😘",
    ];
    let text = text.unwrap_or_else(|| {
        let k = w.fans[fan].rng.gen_range(0..LINES.len());
        LINES[k].to_string()
    });
    let msg = w.creator_writes_by_hand(fan, text, st.now_rfc3339());
    let uuid = msg.uuid.clone();
    if st.args.by_hand_webhooks {
        enqueue(
            st,
            w,
            Hook::CreatorMessage {
                fan,
                uuid: msg.uuid,
                sent_at: msg.sent_at,
            },
        );
    }
    on_creator_message(w, fan);
    uuid
}

/// The fan has read the creator's reply: maybe buys what was offered, maybe tips.
fn react_to_reply(st: &Shared, w: &mut World, fan: usize) {
    let offer = w.chats.get(&fan).and_then(|c| {
        c.messages
            .iter()
            .rev()
            .find(|m| m.from_creator && m.price.is_some() && !m.purchased)
            .map(|m| (m.uuid.clone(), m.price.unwrap_or(0), m.media_uuids.clone()))
    });
    if let Some((uuid, price, media)) = offer {
        let buy = {
            let f = &mut w.fans[fan];
            match f.reservation_cents {
                // A bargaining fan never pays over their price: they haggle next turn instead.
                Some(most) if price > most => {
                    f.haggle_next = true;
                    false
                }
                _ => {
                    let p = f.behaviour.buy_probability;
                    f.rng.gen_bool(p)
                }
            }
        };
        if buy {
            if let Some(m) = w
                .chats
                .get_mut(&fan)
                .and_then(|c| c.messages.iter_mut().find(|m| m.uuid == uuid))
            {
                m.purchased = true;
            }
            w.earn(fan, "ppv", price);
            let f = &mut w.fans[fan];
            f.max_payment_cents = f.max_payment_cents.max(price);
            f.last_paid_at = Some(st.now_rfc3339());
            f.purchased_media.extend(media);
            w.stats.ppv_purchases += 1;
            enqueue(
                st,
                w,
                Hook::Purchase {
                    fan,
                    message_uuid: uuid,
                    price,
                },
            );
        }
    }
    let tip = {
        let f = &mut w.fans[fan];
        let p = f.behaviour.tip_probability;
        f.rng.gen_bool(p).then(|| f.rng.gen_range(2..=10) * 100)
    };
    if let Some(price) = tip {
        w.earn(fan, "tip", price);
        let f = &mut w.fans[fan];
        f.max_payment_cents = f.max_payment_cents.max(price);
        f.last_paid_at = Some(st.now_rfc3339());
        w.stats.tips += 1;
        let last = w
            .chats
            .get(&fan)
            .and_then(|c| c.messages.last())
            .map(|m| m.uuid.clone());
        enqueue(
            st,
            w,
            Hook::Tip {
                fan,
                message_uuid: last,
                price,
            },
        );
    }
}

/// What a bargaining fan says when the price is over theirs.
fn haggle_line(rng: &mut rand::rngs::StdRng) -> &'static str {
    const LINES: [&str; 5] = [
        "hmm that's a bit much for me, can you do it cheaper?",
        "too expensive babe 🙈 any discount?",
        "would you do a better price for me?",
        "can you lower the price a little?",
        "i'd buy it for less, could you do a deal?",
    ];
    LINES[rng.gen_range(0..LINES.len())]
}

/// Called when the creator sends to `fan`: a fan awaiting a reply starts thinking about it; a
/// fan who had stopped talking may come back (see `--comeback-probability`).
pub fn on_creator_message(w: &mut World, fan: usize) {
    let p = w.comeback_probability;
    let f = &mut w.fans[fan];
    if f.state == FanState::Quiet && p > 0.0 && f.rng.gen_bool(p) {
        let more = f.rng.gen_range(1..=2);
        let (lo, hi) = f.behaviour.think_secs;
        let secs = f.rng.gen_range(lo.min(hi)..=hi.max(lo));
        f.behaviour.turns_wanted = f.turns_done + more;
        f.came_back = true;
        f.state = FanState::Waiting(Instant::now() + Duration::from_secs_f64(secs));
        w.stats.comebacks += 1;
        return;
    }
    if f.state == FanState::AwaitingReply {
        let (lo, hi) = f.behaviour.think_secs;
        let secs = if hi > lo {
            f.rng.gen_range(lo..hi)
        } else {
            lo.max(0.0)
        };
        f.state = FanState::Thinking(Instant::now() + Duration::from_secs_f64(secs));
    }
}
