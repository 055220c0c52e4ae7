//! Sequences end to end against the sandbox: new followers get a two-step welcome paced within
//! the rate budget share, a fan who writes gets no second step, a restart in the middle of the
//! campaign sends nothing twice, and the sandbox sees no 429 and no duplicate; subscriptions
//! about to end (auto-renew off) and just ended get their sequence once, from Fanvue's smart
//! lists and insights.

mod common;

use common::*;
use fanvue_agent::config::{SequenceConfig, Step, Trigger};
use serde_json::json;

fn welcome() -> SequenceConfig {
    let step = |after_secs, text: &str| Step {
        after_secs,
        texts: vec![text.into()],
    };
    SequenceConfig {
        name: "welcome-follower".into(),
        trigger: Trigger::NewFollower,
        segment: Default::default(),
        quiet_secs: 0,
        before_secs: 0,
        personalise: false,
        steps: vec![
            step(0, "thanks for the follow, {{ fan_name }}!"),
            step(6, "{{ fan_name }}, subscribe for the good stuff"),
        ],
    }
}

/// Sequences on, checked every second, no fan gap or quiet hours, half of a 300-a-minute budget.
fn quick_sequences(c: &mut fanvue_agent::config::Config) {
    c.fanvue.rate_limit_per_minute = 300;
    c.sequences.enabled = true;
    c.sequences.check_every_secs = 1;
    c.sequences.fan_gap_hours = 0;
    c.sequences.budget_share = 0.5;
    c.sequences.quiet_hours_start = 0;
    c.sequences.quiet_hours_end = 0;
}

const SENT: &str = "SELECT count(*) FROM outbox WHERE purpose = 'sequence' AND state = 'sent'";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_welcome_campaign_is_paced_stops_for_a_fan_who_writes_and_survives_a_restart() {
    let mut a = args(1, 6);
    a.rate_limit = 300;
    let env = spawn_app(a, |c| {
        quick_sequences(c); // 75 messages a minute: 0.8 s apart
        c.sequences.list = vec![welcome()];
    })
    .await;
    env.serve(canned());
    let fans = env.fans_of("creator1").await;
    for fan in &fans {
        env.fan_event(fan, json!({"kind": "follower"})).await;
    }
    env.wait_for_count("every fan welcomed once", SENT, |n| n == 6)
        .await;
    // One fan answers: their second step must not go. Then the daemon restarts mid-campaign.
    env.fan_says(&fans[0], "hey, thanks!").await;
    env.wait_for_count(
        "the fan's message is in the inbox",
        "SELECT count(*) FROM inbox WHERE from_fan = 1",
        |n| n == 1,
    )
    .await;
    env.stop().await;
    env.serve(canned());
    env.wait_for_count("the other fans' second steps sent", SENT, |n| n == 11)
        .await;
    env.wait_for_count(
        "the answering fan's second step decided",
        "SELECT count(*) FROM inbox i JOIN decisions d ON d.inbox_id = i.id
         WHERE i.kind = 'sequence_step'",
        |n| n >= 11,
    )
    .await;
    env.stop().await;
    let st = env.stats().await;
    assert_eq!(st["rate_limited"], 0, "{st}");
    for (i, fan) in fans.iter().enumerate() {
        let sent = env.sent_to(fan).await;
        let welcome = sent.iter().filter(|t| t.starts_with("thanks for")).count();
        let second = sent.iter().filter(|t| t.contains("subscribe for")).count();
        let expected_second = usize::from(i != 0);
        assert_eq!((welcome, second), (1, expected_second), "{fan}: {sent:?}");
    }
    // Paced: the sends of one step leave at least the budget's spacing apart on average.
    let spread: (i64, i64) = sqlx::query_as(
        "SELECT min(sent_at), max(sent_at) FROM outbox WHERE purpose = 'sequence' AND state = 'sent'",
    )
    .fetch_one(env.parts.store.reader())
    .await
    .unwrap();
    assert!(spread.1 - spread.0 >= 5 * 800, "{spread:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_win_back_brings_quiet_fans_back_once_each_and_their_turns_are_answered() {
    let mut a = talking_fans(1, 4, 11);
    a.max_turns = 1;
    a.start_window_secs = 1.0;
    a.rate_limit = 300;
    // Every fan comes back when messaged after going quiet: the count is then exact.
    a.comeback_probability = 1.0;
    a.fan_pace = 0.05;
    let env = spawn_app(a, |c| {
        c.fanvue.rate_limit_per_minute = 300;
        c.actions.thank_tip = String::new();
        c.sequences.enabled = true;
        c.sequences.check_every_secs = 1;
        c.sequences.fan_gap_hours = 1;
        c.sequences.budget_share = 0.5;
        c.sequences.quiet_hours_start = 0;
        c.sequences.quiet_hours_end = 0;
        c.sequences.list = vec![SequenceConfig {
            name: "winback".into(),
            trigger: Trigger::Quiet,
            segment: Default::default(),
            quiet_secs: 8,
            before_secs: 0,
            personalise: false,
            steps: vec![Step {
                after_secs: 0,
                texts: vec!["missed you {{ fan_name }}!".into()],
            }],
        }];
    })
    .await;
    env.serve(canned());
    let st = eventually("every quiet fan came back once", || async {
        let st = env.stats().await;
        if st["comebacks"] == 4 {
            return Ok(st);
        }
        let states: Vec<String> = env
            .sandbox
            .world
            .lock()
            .fans
            .iter()
            .map(|f| format!("{:?}/{}", f.state, f.turns_done))
            .collect();
        Err(format!("{states:?} {st}"))
    })
    .await;
    assert_eq!(st["rate_limited"], 0, "{st}");
    eventually(
        "the comebacks' turns answered and the daemon idle",
        || async {
            let (st, open) = (env.stats().await, env.open_work().await);
            let ok = env.fans_done() && open == 0 && st["unanswered_turns"] == 0;
            if ok {
                Ok(st)
            } else {
                Err(format!("open={open} {st}"))
            }
        },
    )
    .await;
    env.stop().await;
    let st = env.stats().await;
    assert_eq!(
        st["comebacks"], 4,
        "one win-back per fan within the gap: {st}"
    );
    assert_eq!(
        (st["rate_limited"].clone(), st["duplicate_replies"].clone()),
        (json!(0), json!(0)),
        "{st}"
    );
    let sent = env.count(SENT).await;
    assert_eq!(sent, 4, "one win-back each");
    // The sandbox counts a creator message to a fan whose tip went unthanked (thanks are off
    // here) as that acknowledgement; every other win-back is outreach, none a duplicate reply.
    let n = |k: &str| st[k].as_u64().unwrap_or(0);
    assert_eq!(n("outreach_messages") + n("acknowledgements"), 4, "{st}");
}

/// A one-step sequence of `trigger` saying `text`.
fn on_subscription(name: &str, trigger: Trigger, before_secs: u64, text: &str) -> SequenceConfig {
    SequenceConfig {
        name: name.into(),
        trigger,
        segment: Default::default(),
        quiet_secs: 0,
        before_secs,
        personalise: false,
        steps: vec![Step {
            after_secs: 0,
            texts: vec![text.into()],
        }],
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn subscriptions_about_to_end_and_just_ended_get_their_message_once_from_what_fanvue_says() {
    let mut a = args(1, 5);
    a.rate_limit = 300;
    let env = spawn_app(a, |c| {
        quick_sequences(c);
        c.sequences.list = vec![
            on_subscription("ending", Trigger::Expiring, 3 * 86_400, "ends soon, stay?"),
            on_subscription("lapsed", Trigger::Expired, 0, "come back {{ fan_name }}"),
        ];
    })
    .await;
    let fans = env.fans_of("creator1").await;
    // What Fanvue knows of each subscription: (renews or ends in seconds, auto-renew).
    let subs = [
        (2 * 86_400, false),   // ends in 2 days: the expiring message
        (2 * 86_400, true),    // renews by itself: nothing
        (10 * 86_400, false),  // ends, but not within 3 days: nothing yet
        (8, false),            // ends in 8 s: the expiring message, then the expired one
        (-30 * 86_400, false), // ended a month ago: not "just" expired, nothing
    ];
    for (fan, (secs, auto)) in fans.iter().zip(subs) {
        env.post_ok(
            &format!("/_sandbox/fans/{fan}/subscription"),
            json!({"renews_in_secs": secs, "auto_renew": auto}),
        )
        .await;
    }
    env.serve(canned());
    env.wait_for_count(
        "two expiring messages and one expired",
        "SELECT count(*) FROM outbox WHERE purpose = 'sequence' AND state = 'sent'",
        |n| n >= 3,
    )
    .await;
    // A few more checks: nothing else may go (each start is queued once, ever).
    let checks = env.stats().await["api_calls"]["GET /chats/lists/smart/{uuid}"]
        .as_u64()
        .unwrap_or(0);
    eventually("one more subscription read", || async {
        let st = env.stats().await;
        let n = st["api_calls"]["GET /chats/lists/smart/{uuid}"]
            .as_u64()
            .unwrap_or(0);
        if n >= checks + 2 {
            Ok(())
        } else {
            Err(format!("{n} list reads"))
        }
    })
    .await;
    env.settle().await;
    env.stop().await;
    let got = |i: usize| {
        let env = &env;
        let fan = fans[i].clone();
        async move { env.sent_to(&fan).await }
    };
    assert_eq!(got(0).await, ["ends soon, stay?"]);
    assert!(got(1).await.is_empty(), "auto-renewing: {:?}", got(1).await);
    assert!(
        got(2).await.is_empty(),
        "ends in 10 days: {:?}",
        got(2).await
    );
    let lapsed = got(3).await;
    assert_eq!(lapsed.len(), 2, "{lapsed:?}");
    assert_eq!(lapsed[0], "ends soon, stay?");
    assert!(lapsed[1].starts_with("come back "), "{lapsed:?}");
    assert!(
        got(4).await.is_empty(),
        "ended long ago: {:?}",
        got(4).await
    );
    let st = env.stats().await;
    assert_eq!(st["rate_limited"], 0, "{st}");
}

/// A stand-in model for personalised steps: it writes from what the prompt says of the fan (a
/// summary about jazz) and the step's brief, writes an off-platform invitation when a human's instructions for the fan
/// say so (to be blocked), and is unreachable for anyone else.
struct FromThePrompt;

impl fanvue_agent::agent::llm::Llm for FromThePrompt {
    fn complete<'a>(
        &'a self,
        req: &'a fanvue_agent::agent::llm::LlmRequest,
    ) -> fanvue_agent::agent::llm::LlmFuture<'a> {
        use fanvue_agent::agent::llm::{Completion, LlmError};
        let system = &req.messages[0].content;
        let text = if system.contains("loves jazz") && system.contains("thanks for the follow") {
            Ok("a fellow jazz lover! so glad you followed, what are you listening to?")
        } else if system.contains("TEST-INVITE") {
            Ok("follow me on snapchat too, it's sam.x99")
        } else {
            Err(LlmError::Unavailable("connection refused".into()))
        };
        Box::pin(async move {
            Ok(Completion {
                text: text?.into(),
                model: "served-under-another-name".into(),
                prompt_tokens: Some(400),
                completion_tokens: Some(20),
                latency: std::time::Duration::from_millis(4),
            })
        })
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_personalised_welcome_is_written_by_the_model_for_each_fan_and_falls_back_to_its_text() {
    let mut a = args(1, 3);
    a.rate_limit = 300;
    let mut model = String::new();
    let env = spawn_app(a, |c| {
        quick_sequences(c);
        let mut w = welcome();
        w.personalise = true;
        w.steps.truncate(1);
        c.sequences.list = vec![w];
        model = c.llm.model.clone();
        c.money.prices.insert(
            model.clone(),
            fanvue_agent::config::ModelPrice {
                prompt_per_million: 1.0,
                completion_per_million: 2.0,
            },
        );
    })
    .await;
    let fans = env.fans_of("creator1").await;
    let store = &env.parts.store;
    store
        .set_fan_summary(
            "creator1",
            &fans[0],
            "Sam loves jazz and old records.",
            "op",
        )
        .await
        .unwrap();
    store
        .set_fan_instructions("creator1", &fans[1], "TEST-INVITE", "op")
        .await
        .unwrap();
    env.serve(std::sync::Arc::new(FromThePrompt));
    for fan in &fans {
        env.fan_event(fan, json!({"kind": "follower"})).await;
    }
    env.wait_for_count("every fan welcomed once", SENT, |n| n == 3)
        .await;
    env.stop().await;
    let sent: Vec<Vec<String>> = {
        let mut v = vec![];
        for fan in &fans {
            v.push(env.sent_to(fan).await);
        }
        v
    };
    assert_eq!(
        sent[0],
        ["a fellow jazz lover! so glad you followed, what are you listening to?"]
    );
    for (i, s) in sent.iter().enumerate().skip(1) {
        assert_eq!(s.len(), 1, "{i}: {s:?}");
        assert!(s[0].starts_with("thanks for the follow, "), "{i}: {s:?}");
    }
    let reader = env.parts.store.reader().clone();
    let decided = |fan: &str| {
        let (fan, reader) = (fan.to_string(), reader.clone());
        async move {
            sqlx::query_as::<
                _,
                (
                    String,
                    Option<String>,
                    Option<i64>,
                    Option<i64>,
                    Option<String>,
                ),
            >(
                "SELECT d.reason, d.model, d.prompt_tokens, d.cost_micros, d.guardrails
                 FROM decisions d JOIN inbox i ON i.id = d.inbox_id
                 WHERE i.kind = 'sequence_step' AND d.fan_uuid = ?",
            )
            .bind(fan)
            .fetch_one(&reader)
            .await
            .unwrap()
        }
    };
    // Written by the model: its tokens are priced at the configured model's price.
    let (reason, m, tokens, cost, _) = decided(&fans[0]).await;
    assert!(reason.contains("written by the model"), "{reason}");
    assert_eq!(
        (m.as_deref(), tokens, cost),
        (Some(model.as_str()), Some(400), Some(440))
    );
    // The persona version the decision names is kept, for the console to show.
    let kept = env
        .count(
            "SELECT count(*) FROM prompt_versions WHERE version IN
               (SELECT prompt_version FROM decisions WHERE reason LIKE '%written by the model%')",
        )
        .await;
    assert_eq!(kept, 1, "the prompt version's text is kept");
    // Blocked: the template went, and the decision says why and keeps the finding.
    let (reason, _, tokens, cost, guard) = decided(&fans[1]).await;
    assert!(reason.contains("the model's text was blocked"), "{reason}");
    assert!(
        reason.contains("the step's own text goes instead"),
        "{reason}"
    );
    assert_eq!((tokens, cost), (Some(400), Some(440)), "the call is billed");
    assert!(guard.unwrap_or_default().contains("draft"), "{reason}");
    // Unreachable: the template went at once, nothing billed.
    let (reason, _, tokens, cost, _) = decided(&fans[2]).await;
    assert!(reason.contains("the model did not write it"), "{reason}");
    assert_eq!((tokens, cost), (None, None));
    let st = env.stats().await;
    assert_eq!(st["rate_limited"], 0, "{st}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_dry_run_prints_who_would_get_which_step_and_marks_those_the_model_rewrites() {
    // The daemon runs without sequences: the followers' welcome is only ever shown, never queued.
    let env = spawn_app(args(1, 2), quick_sequences_off).await;
    env.serve(canned());
    let fans = env.fans_of("creator1").await;
    for fan in &fans {
        env.fan_event(fan, json!({"kind": "follower"})).await;
    }
    env.wait_for_count(
        "both follows in the inbox",
        "SELECT count(*) FROM inbox WHERE kind = 'new_follower'",
        |n| n == 2,
    )
    .await;
    env.stop().await;
    let cfg = format!(
        "[daemon]\ndatabase = {:?}\n[security]\ntoken_key = {:?}\n[creators.creator1]\n\
         [sequences]\nenabled = true\nfan_gap_hours = 0\nquiet_hours_start = 0\nquiet_hours_end = 0\n\
         [[sequences.list]]\nname = \"welcome\"\ntrigger = \"new_follower\"\npersonalise = true\n\
         steps = [{{ after_secs = 0, texts = [\"hi {{{{ fan_name }}}}, thanks for the follow\"] }}]\n",
        env.parts.cfg.daemon.database.display().to_string(),
        env.parts.cfg.security.token_key.expose(),
    );
    std::fs::write(env.dir.path().join("cli.toml"), cfg).unwrap();
    let (code, out) = env.cli(&["sequences", "--dry-run"]);
    assert_eq!(code, Some(0), "{out}");
    let lines: Vec<&str> = out
        .lines()
        .filter(|l| l.contains("welcome step 1"))
        .collect();
    assert_eq!(lines.len(), 2, "{out}");
    for (line, fan) in lines.iter().zip(&fans) {
        assert!(out.contains(fan.as_str()), "{out}");
        assert!(
            line.contains("(the model rewrites) hi ") && line.contains("thanks for the follow"),
            "{line}"
        );
    }
    assert_eq!(env.count(SENT).await, 0, "a dry run queues nothing");
}

/// [`quick_sequences`] with sequences off in the daemon.
fn quick_sequences_off(c: &mut fanvue_agent::config::Config) {
    quick_sequences(c);
    c.sequences.enabled = false;
}
