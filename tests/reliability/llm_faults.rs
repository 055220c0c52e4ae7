//! The LLM misbehaving: down for a long while (events wait, then are answered in order, none
//! twice), slower than the timeout, answering garbage, empty text or llama-server's numeric-`code`
//! error body.

use crate::{common::*, report::Row, *};
use fanvue_agent::agent::llm::{Llm, LlmFuture, LlmRequest};
use sandbox::llm;
use serde_json::json;
use std::{
    sync::{Arc, Mutex, OnceLock},
    time::Duration,
};
use tokio_util::sync::CancellationToken;

/// The scripted LLM on a port of its own, so it can really be down (connection refused): the
/// port is bound (nothing else can take it) but not listening until `up`.
struct OwnLlm {
    socket: Option<tokio::net::TcpSocket>,
    stop: Option<CancellationToken>,
    state: Arc<llm::ScriptedLlm>,
}

impl OwnLlm {
    async fn up(&mut self) {
        let listener = self.socket.take().expect("up once").listen(64).unwrap();
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

/// The daemon's LLM client, keeping the newest message of every prompt it was asked (once
/// answered or failed).
#[derive(Default)]
struct Asked {
    inner: OnceLock<Arc<dyn Llm>>,
    newest: Mutex<Vec<String>>,
}

impl Llm for Asked {
    fn complete<'a>(&'a self, req: &'a LlmRequest) -> LlmFuture<'a> {
        Box::pin(async move {
            let res = self.inner.get().unwrap().complete(req).await;
            let newest = req.messages.last().map(|m| m.content.clone());
            self.newest.lock().unwrap().extend(newest);
            res
        })
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn down_for_a_long_while_then_everything_is_answered_in_order_once() {
    let mut own = OwnLlm {
        socket: Some(unopened_port()),
        stop: None,
        state: Default::default(),
    };
    let port = own.socket.as_ref().unwrap().local_addr().unwrap();
    let mut a = args(2, 12);
    a.seed = 31;
    let asked = Arc::new(Asked::default());
    let app = start_with(
        a,
        |c| c.llm.base_url = format!("http://{port}/llm/v1"),
        |app| {
            let _ = asked.inner.set(app.parts.llm());
            asked.clone()
        },
    )
    .await;
    let env = &app;
    // Down from the start: the first messages cannot be answered.
    let outage = if crate::report::full() { 120 } else { 15 };
    let fans: Vec<String> = env
        .fans_of("creator1")
        .await
        .into_iter()
        .chain(env.fans_of("creator2").await)
        .collect();
    let started = std::time::Instant::now();
    let mut said = 0;
    let mut last = String::new();
    while started.elapsed() < Duration::from_secs(outage) {
        // Fans keep writing during the outage, several messages per chat (one every 400 ms:
        // the outage is the scenario's time).
        let f = &fans[said % fans.len()];
        last = format!("are you there? ping {said}");
        env.fan_says(f, &last).await;
        said += 1;
        tokio::time::sleep(Duration::from_millis(400)).await;
    }
    // The last message was tried in more jobs than one (more LLM calls than one job makes): its
    // first job ended undecided. Every earlier message had its chance during the outage.
    let per_job = env.parts.cfg.agent.llm_attempts as usize;
    eventually(
        "the last message tried again after a failed job",
        || async {
            let newest = asked.newest.lock().unwrap();
            // A chat's waiting messages reach the LLM as one turn, a line each.
            let tried = newest
                .iter()
                .filter(|t| t.lines().last() == Some(&last))
                .count();
            match tried > per_job {
                true => Ok(()),
                false => Err(format!(
                    "{last:?}; asked: {:?}",
                    &newest[newest.len().saturating_sub(8)..]
                )),
            }
        },
    )
    .await;
    assert_eq!(
        env.count("SELECT count(*) FROM decisions").await,
        0,
        "nothing is decided while the LLM is down"
    );
    let waiting = env
        .count("SELECT count(*) FROM inbox WHERE state = 'pending'")
        .await;
    assert_eq!(waiting as usize, said, "every event waits in the inbox");
    own.up().await;
    env.settle_all(Duration::from_secs(90)).await;
    app.stop().await;
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
    let app = start(a, |c| {
        c.llm.timeout_secs = 1;
        // One job at a time: every third answer is faulty, so a job's own retries never meet
        // three faults in a row. With jobs in parallel their calls interleave and one job can draw
        // every faulty slot; that would measure the interleaving, not the retries.
        c.agent.max_jobs = 1;
    })
    .await;
    let env = &app;
    // First everything is slow beyond the timeout, for six seconds of the scenario…
    env.llm_faults(json!({"delay_ms": 1500})).await;
    tokio::time::sleep(Duration::from_secs(6)).await;
    // …then every third answer is garbage, empty or a llama-server error.
    env.llm_faults(json!({"fault_every": 3, "kinds": ["garbage", "empty", "code_error"]}))
        .await;
    env.settle_all(Duration::from_secs(150)).await;
    app.stop().await;
    let llm = env.llm_stats().await;
    assert!(llm["faulty"].as_u64().unwrap() >= 3, "{llm}");
    assert_eq!(
        env.count("SELECT count(*) FROM decisions WHERE outcome IN ('failed', 'escalated')")
            .await,
        0,
        "{:?}",
        env.decision_summary().await
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
