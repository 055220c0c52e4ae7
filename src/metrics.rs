//! Prometheus metrics (`GET /metrics`): counters and histograms the pipeline bumps as it works,
//! and gauges read from the store at scrape time (queue depths, offers, revenue), so those are
//! right even across restarts.

use crate::store::{Store, StoreError};
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
use std::sync::LazyLock;

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

    pub fn llm_completed(&self, c: &crate::agent::llm::Completion) {
        self.llm_latency.observe(c.latency.as_secs_f64());
        for (kind, n) in [
            ("prompt", c.prompt_tokens),
            ("completion", c.completion_tokens),
        ] {
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

/// The whole exposition: the process's metrics, then gauges read from `store` now.
pub async fn render(store: &Store) -> Result<String, StoreError> {
    let m = metrics().clone();
    let mut reg = Registry::with_prefix("fanvue_agent");
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
    let queue: Family<QueueLabels, Gauge> = Family::default();
    for (channel, n) in store.notify_queue().await? {
        queue.get_or_create(&QueueLabels { channel }).set(n);
    }
    reg.register(
        "notify_queue",
        "Notifications waiting to be delivered, by channel (\"\": not routed yet)",
        queue,
    );
    let creators: Vec<String> = store
        .creators()
        .await?
        .into_iter()
        .map(|c| c.handle)
        .collect();
    let inbox: Family<CreatorLabels, Gauge> = Family::default();
    let drafts: Family<CreatorLabels, Gauge> = Family::default();
    let outbox: Family<StateLabels, Gauge> = Family::default();
    let offers: Family<StateLabels, Gauge> = Family::default();
    let revenue: Family<CreatorLabels, Gauge> = Family::default();
    let marks: Family<StateLabels, Gauge> = Family::default();
    for creator in creators {
        let c = CreatorLabels {
            creator: creator.clone(),
        };
        let _ = inbox.get_or_create(&c);
        let _ = drafts.get_or_create(&c);
        let _ = revenue.get_or_create(&c);
        for state in ["pending", "sending", "in_doubt"] {
            let _ = outbox.get_or_create(&StateLabels {
                creator: creator.clone(),
                state: state.into(),
            });
        }
        for state in ["offered", "purchased", "declined"] {
            let _ = offers.get_or_create(&StateLabels {
                creator: creator.clone(),
                state: state.into(),
            });
        }
        for category in crate::domain::MarkCategory::ALL {
            let _ = marks.get_or_create(&StateLabels {
                creator: creator.clone(),
                state: category.as_str().into(),
            });
        }
    }
    for (creator, state, n) in store.active_mark_counts().await? {
        marks.get_or_create(&StateLabels { creator, state }).set(n);
    }
    reg.register(
        "safety_marks",
        "Fans the AI stays away from until a human clears them (state: minor, crisis, threat, meeting, dispute)",
        marks,
    );
    for (creator, n) in store.gauge_inbox_pending().await? {
        inbox.get_or_create(&CreatorLabels { creator }).set(n);
    }
    reg.register("inbox_pending", "Accepted events not decided yet", inbox);
    for (creator, state, n) in store.gauge_outbox_open().await? {
        outbox.get_or_create(&StateLabels { creator, state }).set(n);
    }
    reg.register(
        "outbox_open",
        "Messages waiting to be sent, by state",
        outbox,
    );
    for (creator, n) in store.gauge_drafts_awaiting().await? {
        drafts.get_or_create(&CreatorLabels { creator }).set(n);
    }
    reg.register(
        "drafts_awaiting",
        "Drafts waiting for approval (approve mode)",
        drafts,
    );
    for (creator, status, n, cents) in store.gauge_offers().await? {
        if status == "purchased" {
            revenue
                .get_or_create(&CreatorLabels {
                    creator: creator.clone(),
                })
                .set(cents);
        }
        offers
            .get_or_create(&StateLabels {
                creator,
                state: status,
            })
            .set(n);
    }
    reg.register(
        "offers",
        "PPV offers made by the agent, by status (offered, purchased, declined)",
        offers,
    );
    reg.register(
        "offer_revenue_cents",
        "Revenue from purchased agent offers, in cents",
        revenue,
    );
    let mut out = String::new();
    text::encode(&mut out, &reg).expect("writing to a String cannot fail");
    Ok(out)
}
