//! Prometheus metrics (`GET /metrics`): a registry of counters and histograms the pipeline bumps
//! as it works, and gauges of what the store holds, which the admin side reads at scrape time
//! (so those are right even across restarts) and passes in as plain numbers: this module knows
//! no store and no agent.

use prometheus_client::{
    encoding::{text, EncodeLabelSet},
    metrics::{
        counter::Counter,
        family::Family,
        gauge::Gauge,
        histogram::{exponential_buckets, Histogram},
    },
    registry::Registry,
};
use std::{sync::LazyLock, time::Duration};

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct EventLabels {
    pub kind: String,
    pub source: String,
    /// `new`, `duplicate` or `held`.
    pub result: String,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct DecisionLabels {
    pub creator: String,
    pub outcome: String,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct CallLabels {
    pub creator: String,
    /// The HTTP status (`200`, `429`, ...) or `error` when no response came.
    pub status: String,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct CreatorLabels {
    pub creator: String,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct ChannelLabels {
    /// A `[[notify.channels]]` name.
    pub channel: String,
    /// `sent`, `failed` (messages) or `digested` (notices that went out inside a digest).
    pub result: String,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct QueueLabels {
    /// A `[[notify.channels]]` name; "" for notices not routed yet.
    pub channel: String,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct TokenLabels {
    /// `prompt` or `completion`.
    pub kind: String,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct StateLabels {
    pub creator: String,
    pub state: String,
}

/// The process's counters. One set per process: tests that run several daemons in one process
/// compare before/after values of their own labels.
#[derive(Clone)]
pub struct Metrics {
    pub events: Family<EventLabels, Counter>,
    pub decisions: Family<DecisionLabels, Counter>,
    /// Fan message accepted → reply sent (seconds).
    pub reply_latency: Histogram,
    pub llm_latency: Histogram,
    pub llm_tokens: Family<TokenLabels, Counter>,
    pub fanvue_calls: Family<CallLabels, Counter>,
    pub fanvue_429: Family<CreatorLabels, Counter>,
    /// `X-RateLimit-Remaining` of the creator's last response.
    pub rate_budget: Family<CreatorLabels, Gauge>,
    pub sends: Family<DecisionLabels, Counter>,
    /// Operator notifications by channel and result.
    pub notifications: Family<ChannelLabels, Counter>,
}

static METRICS: LazyLock<Metrics> = LazyLock::new(|| Metrics {
    events: Family::default(),
    decisions: Family::default(),
    reply_latency: Histogram::new(exponential_buckets(0.25, 2.0, 10)),
    llm_latency: Histogram::new(exponential_buckets(0.05, 2.0, 12)),
    llm_tokens: Family::default(),
    fanvue_calls: Family::default(),
    fanvue_429: Family::default(),
    rate_budget: Family::default(),
    sends: Family::default(),
    notifications: Family::default(),
});

/// The process's metrics.
pub fn metrics() -> &'static Metrics {
    &METRICS
}

impl Metrics {
    /// Creates the creator's series at zero, so dashboards and alerts see them before the first
    /// event (Prometheus cannot tell a missing series from a broken exporter).
    pub fn init_creator(&self, creator: &str) {
        for outcome in ["replied", "offered", "skipped", "escalated", "failed"] {
            self.decision(creator, outcome, 0);
        }
        for result in ["sent", "reconciled", "failed"] {
            let _ = self.sends.get_or_create(&DecisionLabels {
                creator: creator.into(),
                outcome: result.into(),
            });
        }
        let _ = self.fanvue_429.get_or_create(&CreatorLabels {
            creator: creator.into(),
        });
        for source in ["webhook", "poll", "read"] {
            let _ = self.events.get_or_create(&EventLabels {
                kind: "message_received".into(),
                source: source.into(),
                result: "new".into(),
            });
        }
        for kind in ["prompt", "completion"] {
            let _ = self
                .llm_tokens
                .get_or_create(&TokenLabels { kind: kind.into() });
        }
    }

    /// Creates a notification channel's series at zero.
    pub fn init_channel(&self, channel: &str) {
        for result in ["sent", "failed", "digested"] {
            self.notification(channel, result, 0);
        }
    }

    pub fn notification(&self, channel: &str, result: &str, n: u64) {
        self.notifications
            .get_or_create(&ChannelLabels {
                channel: channel.into(),
                result: result.into(),
            })
            .inc_by(n);
    }

    /// An event offered to the inbox was committed, as `result` (`new`, `duplicate` or `held`).
    /// A held event was also decided (skipped) in that commit: it counts as a decision too.
    pub fn accepted(&self, kind: &str, source: &str, result: &str, creator: Option<&str>) {
        self.event(kind, source, result);
        if result == "held" {
            self.decision(creator.unwrap_or("(unknown)"), "skipped", 1);
        }
    }

    pub fn event(&self, kind: &str, source: &str, result: &str) {
        self.events
            .get_or_create(&EventLabels {
                kind: kind.into(),
                source: source.into(),
                result: result.into(),
            })
            .inc();
    }

    pub fn decision(&self, creator: &str, outcome: &str, n: u64) {
        self.decisions
            .get_or_create(&DecisionLabels {
                creator: creator.into(),
                outcome: outcome.into(),
            })
            .inc_by(n);
    }

    pub fn fanvue_call(&self, creator: &str, status: Option<u16>) {
        let status = status.map(|s| s.to_string()).unwrap_or("error".into());
        if status == "429" {
            self.fanvue_429
                .get_or_create(&CreatorLabels {
                    creator: creator.into(),
                })
                .inc();
        }
        self.fanvue_calls
            .get_or_create(&CallLabels {
                creator: creator.into(),
                status,
            })
            .inc();
    }

    /// One LLM completion: how long it took and the tokens it used, when the server said.
    pub fn llm_completed(
        &self,
        latency: Duration,
        prompt_tokens: Option<i64>,
        completion_tokens: Option<i64>,
    ) {
        self.llm_latency.observe(latency.as_secs_f64());
        for (kind, n) in [("prompt", prompt_tokens), ("completion", completion_tokens)] {
            if let Some(n) = n.filter(|n| *n > 0) {
                self.llm_tokens
                    .get_or_create(&TokenLabels { kind: kind.into() })
                    .inc_by(n as u64);
            }
        }
    }

    /// The value of a counter family member, for tests and `doctor`.
    pub fn decisions_of(&self, creator: &str, outcome: &str) -> u64 {
        self.decisions
            .get_or_create(&DecisionLabels {
                creator: creator.into(),
                outcome: outcome.into(),
            })
            .get()
    }
}

/// What the store holds at scrape time, as plain values: one `(labels..., value)` tuple per
/// series that is not zero.
#[derive(Clone, Debug, Default)]
pub struct Gauges {
    /// Every known creator: their per-creator series are shown at zero when absent below.
    pub creators: Vec<String>,
    /// Pending notification deliveries per channel (`""`: notices not routed yet).
    pub notify_queue: Vec<(String, i64)>,
    /// Fans under a safety mark, per creator and category.
    pub safety_marks: Vec<(String, String, i64)>,
    /// Accepted events not decided yet, per creator.
    pub inbox_pending: Vec<(String, i64)>,
    /// Messages waiting to be sent, per creator and outbox state.
    pub outbox_open: Vec<(String, String, i64)>,
    /// Drafts waiting for approval, per creator.
    pub drafts_awaiting: Vec<(String, i64)>,
    /// Agent offers per creator and status: how many, and their total price in cents.
    pub offers: Vec<(String, String, i64, i64)>,
}

/// The outbox states a message waits in (the `outbox_open` series).
const OPEN_STATES: [&str; 3] = ["pending", "sending", "in_doubt"];
/// The offer statuses (the `offers` series).
const OFFER_STATUSES: [&str; 3] = ["offered", "purchased", "declined"];

/// The whole exposition: the process's metrics, then `gauges`.
pub fn render(gauges: &Gauges) -> String {
    let mut reg = Registry::with_prefix("fanvue_agent");
    register_counters(&mut reg, metrics().clone());
    register_gauges(&mut reg, gauges);
    let mut out = String::new();
    text::encode(&mut out, &reg).expect("writing to a String cannot fail");
    out
}

/// The process's own counters and histograms.
fn register_counters(reg: &mut Registry, m: Metrics) {
    reg.register(
        "events",
        "Verified events accepted (webhooks and polling), by kind, source and result",
        m.events,
    );
    reg.register(
        "decisions",
        "Decisions made, by creator and outcome",
        m.decisions,
    );
    reg.register(
        "reply_latency_seconds",
        "Fan message accepted to reply sent",
        m.reply_latency,
    );
    reg.register(
        "llm_latency_seconds",
        "LLM completion time per call",
        m.llm_latency,
    );
    reg.register("llm_tokens", "LLM tokens used, by kind", m.llm_tokens);
    reg.register(
        "fanvue_calls",
        "Fanvue API calls, by creator and HTTP status",
        m.fanvue_calls,
    );
    reg.register(
        "fanvue_rate_limited",
        "Fanvue 429 responses, by creator",
        m.fanvue_429,
    );
    reg.register(
        "fanvue_rate_budget_remaining",
        "Requests left in the creator's Fanvue rate window (last X-RateLimit-Remaining)",
        m.rate_budget,
    );
    reg.register(
        "sends",
        "Outbox deliveries that ended, by creator and result (sent, reconciled, failed)",
        m.sends,
    );
    reg.register(
        "notifications",
        "Operator notifications by channel and result (sent, failed: messages; digested: notices sent inside a digest)",
        m.notifications,
    );
}

/// The gauges of what the store holds, every creator's series present (at zero when absent).
fn register_gauges(reg: &mut Registry, g: &Gauges) {
    let queue = gauge_family(
        std::iter::empty(),
        g.notify_queue.iter().map(|(channel, n)| {
            let channel = channel.clone();
            (QueueLabels { channel }, *n)
        }),
    );
    reg.register(
        "notify_queue",
        "Notifications waiting to be delivered, by channel (\"\": not routed yet)",
        queue,
    );
    let categories = crate::domain::MarkCategory::ALL.map(|c| c.as_str());
    reg.register(
        "safety_marks",
        "Fans the AI stays away from until a human clears them (state: minor, crisis, threat, meeting, dispute)",
        by_state(&g.creators, &categories, &g.safety_marks),
    );
    reg.register(
        "inbox_pending",
        "Accepted events not decided yet",
        by_creator(&g.creators, &g.inbox_pending),
    );
    reg.register(
        "outbox_open",
        "Messages waiting to be sent, by state",
        by_state(&g.creators, &OPEN_STATES, &g.outbox_open),
    );
    reg.register(
        "drafts_awaiting",
        "Drafts waiting for approval (approve mode)",
        by_creator(&g.creators, &g.drafts_awaiting),
    );
    let counts: Vec<(String, String, i64)> = g
        .offers
        .iter()
        .map(|(creator, status, n, _)| (creator.clone(), status.clone(), *n))
        .collect();
    let revenue: Vec<(String, i64)> = g
        .offers
        .iter()
        .filter(|(_, status, _, _)| status == "purchased")
        .map(|(creator, _, _, cents)| (creator.clone(), *cents))
        .collect();
    reg.register(
        "offers",
        "PPV offers made by the agent, by status (offered, purchased, declined)",
        by_state(&g.creators, &OFFER_STATUSES, &counts),
    );
    reg.register(
        "offer_revenue_cents",
        "Revenue from purchased agent offers, in cents",
        by_creator(&g.creators, &revenue),
    );
}

/// A per-creator gauge: every creator at zero, then `values`.
fn by_creator(creators: &[String], values: &[(String, i64)]) -> Family<CreatorLabels, Gauge> {
    let label = |creator: &String| CreatorLabels {
        creator: creator.clone(),
    };
    gauge_family(
        creators.iter().map(label),
        values.iter().map(|(creator, n)| (label(creator), *n)),
    )
}

/// A per-creator-and-state gauge: every creator in each of `states` at zero, then `values`.
fn by_state(
    creators: &[String],
    states: &[&str],
    values: &[(String, String, i64)],
) -> Family<StateLabels, Gauge> {
    let label = |creator: &String, state: &str| StateLabels {
        creator: creator.clone(),
        state: state.to_string(),
    };
    gauge_family(
        creators
            .iter()
            .flat_map(|c| states.iter().map(move |s| label(c, s))),
        values.iter().map(|(c, s, n)| (label(c, s), *n)),
    )
}

/// A gauge family with each of `zeros` present at zero, then each of `values` set.
fn gauge_family<L>(
    zeros: impl Iterator<Item = L>,
    values: impl Iterator<Item = (L, i64)>,
) -> Family<L, Gauge>
where
    L: Clone + std::hash::Hash + Eq + EncodeLabelSet + std::fmt::Debug + Send + Sync + 'static,
{
    let family: Family<L, Gauge> = Family::default();
    for labels in zeros {
        let _ = family.get_or_create(&labels);
    }
    for (labels, n) in values {
        family.get_or_create(&labels).set(n);
    }
    family
}
