//! The LLM misbehaving: down for a long while (events wait, then are answered in order, none
//! twice), slower than the timeout, answering garbage, empty text or llama-server's numeric-`code`
//! error body.

use crate::{common::*, report::Row, *};
use fanvue_sandbox::llm;
use serde_json::json;
use std::time::Duration;
use tokio::net::TcpListener;
use tokio_util::sync::CancellationToken;

/// The scripted LLM on a port of its own, so it can really be down (connection refused).
struct OwnLlm {
    addr: std::net::SocketAddr,
    stop: Option<CancellationToken>,
    state: std::sync::Arc<llm::ScriptedLlm>,
}

impl OwnLlm {
    async fn up(&mut self) {
        let listener = TcpListener::bind(self.addr).await.unwrap();
        let stop = CancellationToken::new();
        let app = llm::routes(self.state.clone());
        let s = stop.clone();
        tokio::spawn(
            async move { fanvue_agent::ingress::serve::serve(listener, app, 64, s).await },
        );
        self.stop = Some(stop);
    }

    fn down(&mut self) {
        if let Some(s) = self.stop.take() {
            s.cancel();
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn down_for_a_long_while_then_everything_is_answered_in_order_once() {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap();
    let mut own = OwnLlm {
        addr: port,
        stop: None,
        state: Default::default(),
    };
    let mut a = args(2, 12);
    a.seed = 31;
    let (d, r) = start(a, |c| {
        c.llm.base_url = format!("http://{port}/llm/v1");
    })
    .await;
    let env = &d.env;
    // Down from the start: the first messages cannot be answered.
    let outage = if crate::report::full() { 120 } else { 15 };
    let fans: Vec<String> = fans_of(env, "creator1")
        .await
        .into_iter()
        .chain(fans_of(env, "creator2").await)
        .collect();
    let started = std::time::Instant::now();
    let mut said = 0;
    while started.elapsed() < Duration::from_secs(outage) {
        // Fans keep writing during the outage, several messages per chat.
        let f = &fans[said % fans.len()];
        fan_says(
            env,
            f,
            &format!("are you there? ping {}", ["a", "b", "c", "d"][said % 4]),
        )
        .await;
        said += 1;
        tokio::time::sleep(Duration::from_millis(400)).await;
    }
    tokio::time::sleep(Duration::from_secs(1)).await;
    assert_eq!(
        count(env, "SELECT count(*) FROM decisions").await,
        0,
        "nothing is decided while the LLM is down"
    );
    let waiting = count(env, "SELECT count(*) FROM inbox WHERE state = 'pending'").await;
    assert_eq!(waiting as usize, said, "every event waits in the inbox");
    own.up().await;
    settle_all(env, Duration::from_secs(90)).await;
    stop(r).await;
    own.down();
    assert_one_decision_each_in_order(env).await;
    Row::measure(env, "llm: down, then back")
        .await
        .note(format!("down {outage} s with {said} fan messages waiting"))
        .check_and_record();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn slower_than_the_timeout_garbage_empty_and_numeric_code_errors() {
    let a = talking_fans(2, 12, 32);
    let (d, r) = start(a, |c| {
        c.llm.timeout_secs = 1;
        // One job at a time: every third answer is faulty, so a job's own retries never meet
        // three faults in a row. With jobs in parallel their calls interleave and one job can draw
        // every faulty slot; that would measure the interleaving, not the retries.
        c.agent.max_jobs = 1;
    })
    .await;
    let env = &d.env;
    // First everything is slow beyond the timeout…
    llm_faults(env, json!({"delay_ms": 1500})).await;
    tokio::time::sleep(Duration::from_secs(6)).await;
    // …then every third answer is garbage, empty or a llama-server error.
    llm_faults(
        env,
        json!({"fault_every": 3, "kinds": ["garbage", "empty", "code_error"]}),
    )
    .await;
    settle_all(env, Duration::from_secs(150)).await;
    stop(r).await;
    let llm: serde_json::Value = reqwest::get(format!("{}/_sandbox/llm", env.sandbox.url()))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert!(llm["faulty"].as_u64().unwrap() >= 3, "{llm}");
    assert_eq!(
        count(
            env,
            "SELECT count(*) FROM decisions WHERE outcome IN ('failed', 'escalated')"
        )
        .await,
        0,
        "{:?}",
        decisions(env).await
    );
    assert_one_decision_each_in_order(env).await;
    Row::measure(env, "llm: slow, garbage, empty, code errors")
        .await
        .note(format!(
            "{} calls, {} faulty answers after a slow spell",
            llm["calls"], llm["faulty"]
        ))
        .check_and_record();
}
