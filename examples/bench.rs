//! The benchmark harness behind `scripts/bench`: runs the release `fanvue-agent` binary against the
//! in-process sandbox (and its scripted LLM) and prints one table of figures. No figure here is an
//! assertion; repeated runs are summarised as median [min–max].
//! Usage: BENCH_BIN=target/release/fanvue-agent cargo run --release --example bench [-- SECTION…]
//! Sections: floor ingress calls known insights insights-busy polling burst overhead scale tokens guardrails
//! revenue campaign
//! (default: all).

#[path = "../tests/common/mod.rs"]
mod common;

use common::*;
use fanvue_agent::{
    fanvue::webhook::signature_header,
    store::{now_secs, CreatorStatus},
};
use fanvue_sandbox::SandboxArgs;
use std::{
    io::Write as _,
    process::{Child, Command, Stdio},
    time::{Duration, Instant},
};

/// One line of the results table.
struct Line {
    what: String,
    figure: String,
    target: String,
}

fn median(v: &mut [f64]) -> f64 {
    v.sort_by(|a, b| a.total_cmp(b));
    if v.is_empty() {
        return f64::NAN;
    }
    v[v.len() / 2]
}

fn spread(v: &mut [f64], unit: &str, digits: usize) -> String {
    let m = median(v);
    format!(
        "{m:.digits$} {unit} [{:.digits$}–{:.digits$}]",
        v.first().copied().unwrap_or(f64::NAN),
        v.last().copied().unwrap_or(f64::NAN)
    )
}

fn bin() -> String {
    std::env::var("BENCH_BIN").unwrap_or_else(|_| "target/release/fanvue-agent".into())
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// The daemon binary as a child process.
struct Daemon {
    child: Child,
    url: String,
}

impl Drop for Daemon {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Daemon {
    fn rss_kb(&self) -> u64 {
        let s = std::fs::read_to_string(format!("/proc/{}/status", self.child.id()))
            .unwrap_or_default();
        s.lines()
            .find_map(|l| l.strip_prefix("VmRSS:"))
            .and_then(|v| v.split_whitespace().next()?.parse().ok())
            .unwrap_or(0)
    }

    /// CPU time used so far, in seconds.
    fn cpu_secs(&self) -> f64 {
        let s =
            std::fs::read_to_string(format!("/proc/{}/stat", self.child.id())).unwrap_or_default();
        let after = s.rsplit(") ").next().unwrap_or("");
        let f: Vec<&str> = after.split_whitespace().collect();
        let ticks: f64 = f.get(11).and_then(|v| v.parse().ok()).unwrap_or(0.0)
            + f.get(12).and_then(|v| v.parse().ok()).unwrap_or(0.0);
        ticks / 100.0
    }
}

/// Writes the config and starts `fanvue-agent serve` on `env`'s database; waits for /healthz.
async fn daemon(env: &TestApp, port: u16, extra: &str) -> Daemon {
    daemon_with(env, port, extra, &[]).await
}

/// [`daemon`] with extra environment (config overrides as `FANVUE_AGENT_<SECTION>__<KEY>`).
async fn daemon_with(env: &TestApp, port: u16, extra: &str, vars: &[(&str, &str)]) -> Daemon {
    let listen = format!("127.0.0.1:{port}");
    let text = daemon_toml(env, &listen, &format!("http://{listen}"), "warn", extra);
    let cfg = env.dir.path().join(format!("bench-{port}.toml"));
    std::fs::write(&cfg, text).unwrap();
    let log = std::fs::File::create(env.dir.path().join(format!("daemon-{port}.log"))).unwrap();
    let child = Command::new(bin())
        .arg("--config")
        .arg(&cfg)
        .arg("serve")
        .envs(vars.iter().copied())
        .stdout(Stdio::null())
        .stderr(log)
        .spawn()
        .unwrap_or_else(|e| panic!("cannot run {}: {e} (set BENCH_BIN)", bin()));
    let d = Daemon {
        child,
        url: format!("http://127.0.0.1:{port}"),
    };
    let start = Instant::now();
    while !reqwest::get(format!("{}/healthz", d.url))
        .await
        .is_ok_and(|r| r.status().is_success())
    {
        assert!(start.elapsed() < Duration::from_secs(60), "no /healthz");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    d
}

/// A sandbox whose webhooks go to `port` (when `webhooks`), every creator connected.
async fn sandbox(mut a: SandboxArgs, port: u16, webhooks: bool) -> TestApp {
    if webhooks {
        a.webhook_url = Some(format!("http://127.0.0.1:{port}/webhooks/fanvue"));
    }
    let secret = a.webhook_secret.clone();
    let env = spawn_sandbox(a, |c| {
        c.webhook.secret = fanvue_agent::config::Secret::new(secret);
    })
    .await;
    for h in env.parts.cfg.creators.keys().cloned().collect::<Vec<_>>() {
        env.connect(&h).await;
    }
    env
}

const SCRIPTED: &str =
    "[llm]\nbase_url = \"{api}/llm/v1\"\napi_key = \"k\"\nmodel = \"scripted\"\n";

fn scripted(env: &TestApp) -> String {
    SCRIPTED.replace("{api}", &env.parts.cfg.fanvue.api_base)
}

/// Waits until everything is settled (or `limit`); returns how long it took.
async fn settled(env: &TestApp, limit: Duration) -> Duration {
    env.settle_within(limit).await.unwrap_or_else(|why| {
        eprintln!("bench: {why}");
        limit
    })
}

/// Measure 1: The physical floor: one SQLite commit of an inbox-sized row, same pragmas as the store.
async fn floor(out: &mut Vec<Line>) -> f64 {
    let dir = tempfile::tempdir().unwrap();
    let store = fanvue_agent::store::Store::open(&dir.path().join("floor.db"))
        .await
        .unwrap();
    let body = "x".repeat(600);
    let mut per_sec = vec![];
    for rep in 0..3 {
        let n = 2000;
        let t = Instant::now();
        for i in 0..n {
            sqlx::query(
                "INSERT INTO api_cache (creator_handle, key, value, fetched_at) VALUES ('c', ?, ?, 0)",
            )
            .bind(format!("{rep}-{i}"))
            .bind(&body)
            .execute(store.writer())
            .await
            .unwrap();
        }
        per_sec.push(n as f64 / t.elapsed().as_secs_f64());
    }
    let m = median(&mut per_sec.clone());
    out.push(Line {
        what: "SQLite floor: single-row commits/s (WAL, synchronous=NORMAL)".into(),
        figure: spread(&mut per_sec, "/s", 0),
        target: "(physical floor)".into(),
    });
    m
}

/// Measure 1: Webhook ingress with wrk: signed, unique message webhooks into the inbox (creator paused so
/// only the ingress runs), at 1, 16 and 64 connections.
async fn ingress(out: &mut Vec<Line>, floor: f64) {
    let port = free_port();
    let env = sandbox(args(1, 50), port, false).await;
    env.parts
        .store
        .set_creator_status("creator1", CreatorStatus::Paused, Some("bench"))
        .await
        .unwrap();
    let d = daemon(&env, port, &scripted(&env)).await;
    let creator = env.creator_uuid("creator1").await;
    let fans = env.fans_of("creator1").await;
    let secret = env.parts.cfg.webhook.secret.expose().to_string();
    let script = env.dir.path().join("ingress.lua");
    std::fs::write(&script, LUA).unwrap();
    let mut serial = 0u64;
    for conns in [1usize, 16, 64] {
        let (mut rates, mut p50s, mut p90s, mut p99s, mut lost) =
            (vec![], vec![], vec![], vec![], 0i64);
        for _ in 0..3 {
            // A pool of unique signed requests, more than the run can send.
            let pool = 60_000;
            let reqs = env.dir.path().join("requests.txt");
            let mut f = std::io::BufWriter::new(std::fs::File::create(&reqs).unwrap());
            let t = now_secs();
            for _ in 0..pool {
                serial += 1;
                let uuid = format!("be0c0000-0000-4000-8000-{serial:012}");
                let body = format!(
                    r#"{{"messageUuid":"{uuid}","message":{{"uuid":"{uuid}","text":"hey, how are you today?","hasMedia":false,"createdAt":"2026-11-23T10:00:00.000Z"}},"sender":{{"uuid":"{fan}","handle":"fan","displayName":"Fan"}},"recipientUuid":"{creator}","timestamp":"2026-11-23T10:00:00.000Z"}}"#,
                    fan = fans[(serial as usize) % fans.len()]
                );
                let sig = signature_header(secret.as_bytes(), t, body.as_bytes());
                writeln!(f, "{sig}\t{body}").unwrap();
            }
            f.flush().unwrap();
            drop(f);
            let before = env.count("SELECT count(*) FROM inbox").await;
            let threads = conns.min(2);
            let o = Command::new("wrk")
                .args([
                    "-t",
                    &threads.to_string(),
                    "-c",
                    &conns.to_string(),
                    "-d",
                    "5s",
                ])
                .args(["--latency", "-s"])
                .arg(&script)
                .arg(format!("{}/webhooks/fanvue", d.url))
                .env("WRK_REQUESTS", &reqs)
                .output()
                .expect("wrk runs (scripts/bench installs it)");
            let text = String::from_utf8_lossy(&o.stdout).to_string();
            let after = env.count("SELECT count(*) FROM inbox").await;
            let num = |key: &str| -> Option<f64> {
                text.lines()
                    .find(|l| l.trim_start().starts_with(key))
                    .and_then(|l| l.split_whitespace().nth(1).map(str::to_string))
                    .and_then(|v| parse_duration_ms(&v).or_else(|| v.parse().ok()))
            };
            let done: i64 = text
                .lines()
                .find(|l| l.contains("requests in"))
                .and_then(|l| l.split_whitespace().next()?.parse().ok())
                .unwrap_or(0);
            let non2xx: i64 = num("Non-2xx").map(|v| v as i64).unwrap_or(0);
            // Requests still in flight when wrk stops are stored but not counted as done by wrk,
            // so a 2xx the inbox does not hold is what is lost.
            lost += (done.min(pool) - non2xx - (after - before)).max(0);
            rates.push(num("Requests/sec:").unwrap_or(f64::NAN));
            p50s.push(num("50%").unwrap_or(f64::NAN));
            p90s.push(num("90%").unwrap_or(f64::NAN));
            p99s.push(num("99%").unwrap_or(f64::NAN));
        }
        let m = median(&mut rates.clone());
        out.push(Line {
            what: format!(
                "webhook ingress, {conns} connection(s): webhooks/s; p50; p90; p99; lost"
            ),
            figure: format!(
                "{}; {}; {}; {}; {lost} lost ({:.0} % of the SQLite floor)",
                spread(&mut rates, "/s", 0),
                spread(&mut p50s, "ms", 2),
                spread(&mut p90s, "ms", 2),
                spread(&mut p99s, "ms", 2),
                100.0 * m / floor
            ),
            target: "≥ 5000/s, p99 < 10 ms, 0 lost".into(),
        });
    }
    drop(d);
}

/// wrk script: each thread sends its share of the pre-signed requests in `WRK_REQUESTS`.
const LUA: &str = r#"
local counter = 0
function setup(thread)
  thread:set("id", counter)
  counter = counter + 1
end
function init(args)
  reqs = {}
  local n = 0
  local k = 0
  for line in io.lines(os.getenv("WRK_REQUESTS")) do
    if k % 2 == id then
      local tab = line:find("\t", 1, true)
      n = n + 1
      reqs[n] = wrk.format("POST", nil, {["Content-Type"] = "application/json",
        ["X-Fanvue-Signature"] = line:sub(1, tab - 1)}, line:sub(tab + 1))
    end
    k = k + 1
  end
  i = 0
end
function request()
  i = i + 1
  if i > #reqs then i = 1 end
  return reqs[i]
end
"#;

fn parse_duration_ms(v: &str) -> Option<f64> {
    let (num, mul) = if let Some(n) = v.strip_suffix("us") {
        (n, 0.001)
    } else if let Some(n) = v.strip_suffix("ms") {
        (n, 1.0)
    } else if let Some(n) = v.strip_suffix('s') {
        (n, 1000.0)
    } else {
        return None;
    };
    num.parse::<f64>().ok().map(|x| x * mul)
}

/// Measure 2: API calls per reply over a demo-like run (webhooks on, polling fallback on but quiet), and
/// with webhooks off (polling only). Returns calls per reply with webhooks.
async fn calls_per_reply(out: &mut Vec<Line>, webhooks: bool) -> f64 {
    let port = free_port();
    let mut a = args(3, 15);
    a.quiet_fans = false;
    a.seed = 7;
    a.max_turns = 3;
    a.start_window_secs = 10.0;
    a.fan_pace = 0.3;
    let env = sandbox(a, port, webhooks).await;
    let base = env.stats().await["api_calls_total"].as_f64().unwrap();
    let extra = format!(
        "{}[agent]\ndebounce_ms = 2000\ndebounce_cap_ms = 5000\n[poller]\ninterval_secs = 10\n",
        scripted(&env)
    );
    let d = daemon(&env, port, &extra).await;
    let t = Instant::now();
    env.post("/_sandbox/fans/resume", serde_json::json!({}))
        .await;
    settled(&env, Duration::from_secs(300)).await;
    let minutes = t.elapsed().as_secs_f64() / 60.0;
    let st = env.stats().await;
    drop(d);
    let calls = st["api_calls_total"].as_f64().unwrap() - base;
    let replies = st["creator_messages"].as_f64().unwrap();
    let by = |route: &str| st["api_calls"][route].as_f64().unwrap_or(0.0);
    // With webhooks on, batch reads are the agent's first reads of new chats, not the poller's.
    let poll = by("GET /chats")
        + if webhooks {
            0.0
        } else {
            by("POST /chats/messages/batch")
        };
    let ratio = calls / replies.max(1.0);
    let mode = if webhooks {
        "webhooks on, polling quiet"
    } else {
        "polling only"
    };
    let mut routes: Vec<String> = st["api_calls"]
        .as_object()
        .unwrap()
        .iter()
        .map(|(k, v)| format!("{k} {v}"))
        .collect();
    routes.sort();
    out.push(Line {
        what: format!("Fanvue calls per reply ({mode}; 3 creators, 15 fans)"),
        figure: format!(
            "{ratio:.2} ({calls:.0} calls / {replies:.0} replies; polling {:.1} calls/creator/min; {})",
            poll / 3.0 / minutes.max(1e-9),
            routes.join(", ")
        ),
        target: if webhooks { "≤ 1.5 (floor 1)" } else { "-" }.into(),
    });
    ratio
}

/// Measure 2b: Fanvue calls per reply for fans the daemon already knows (its second message to
/// each of 30 fans of one creator), with the check before sending on or off; the fans write
/// within 4.5 s (a busy creator) or one after another (each answered before the next writes).
/// Replies wait a human-like 1–4 s.
async fn known_fans(out: &mut Vec<Line>, confirm: bool, busy: bool) -> f64 {
    let port = free_port();
    let env = sandbox(args(1, 30), port, true).await;
    let extra = format!(
        "{}[agent]\ndebounce_ms = 500\ndebounce_cap_ms = 2000\nreply_delay_min_ms = 1000\n\
         reply_delay_max_ms = 4000\nconfirm_before_send = {confirm}\n[poller]\ninterval_secs = 60\n",
        scripted(&env)
    );
    let d = daemon(&env, port, &extra).await;
    let fans = env.fans_of("creator1").await;
    for f in &fans {
        env.fan_says(f, "hi, new here").await;
    }
    settled(&env, Duration::from_secs(300)).await;
    let before = env.stats().await;
    for f in &fans {
        env.fan_says(f, "so what are you up to today?").await;
        if busy {
            tokio::time::sleep(Duration::from_millis(150)).await;
        } else {
            settled(&env, Duration::from_secs(60)).await;
        }
    }
    settled(&env, Duration::from_secs(300)).await;
    let after = env.stats().await;
    drop(d);
    let delta = |k: &str| after[k].as_f64().unwrap_or(0.0) - before[k].as_f64().unwrap_or(0.0);
    let route = |r: &str| {
        after["api_calls"][r].as_f64().unwrap_or(0.0)
            - before["api_calls"][r].as_f64().unwrap_or(0.0)
    };
    let (calls, replies) = (delta("api_calls_total"), delta("creator_messages"));
    let ratio = calls / replies.max(1.0);
    let check = if confirm {
        "check before sending on"
    } else {
        "check off (read before drafting)"
    };
    let pace = if busy {
        "30 fans within 4.5 s"
    } else {
        "one fan at a time"
    };
    out.push(Line {
        what: format!("calls per reply, known fans ({check}; {pace}; 1–4 s reply delay)"),
        figure: format!(
            "{ratio:.2} ({calls:.0} calls / {replies:.0} replies: {:.0} sends, {:.0} batch reads, {:.0} other)",
            route("POST /chats/{fan}/message"),
            route("POST /chats/messages/batch"),
            calls - route("POST /chats/{fan}/message") - route("POST /chats/messages/batch"),
        ),
        target: if busy { "≤ 1.2" } else { "-" }.into(),
    });
    ratio
}

/// Measure 8: Revenue per 100 fan turns in the sandbox (one fixed seed, the product's default offer
/// rules, the scripted LLM): two creators, 40 seeded fans of up to 8 turns each. The sandbox's
/// fans decide alone, from their own seeded generator: each reply read may be followed by buying
/// the last PPV offer in the chat (a per-fan probability drawn once, 0.2–0.8) and by a tip (a
/// per-fan probability drawn once, 0–0.2, of $2–$10); the words and price of the reply do not
/// change the odds (see `fans::react_to_reply` in the sandbox). Run twice with the same seed:
/// the spread is timing (which replies land before a fan's next turn).
async fn revenue(out: &mut Vec<Line>) {
    const SEED: u64 = 19;
    let (mut per100, mut detail) = (vec![], String::new());
    for _ in 0..2 {
        let port = free_port();
        let mut a = args(2, 40);
        a.quiet_fans = false;
        a.seed = SEED;
        a.max_turns = 8;
        a.start_window_secs = 20.0;
        a.fan_pace = 0.2;
        let env = sandbox(a, port, true).await;
        let extra = format!(
            "{}[agent]\ndebounce_ms = 500\ndebounce_cap_ms = 2000\n[poller]\ninterval_secs = 30\n",
            scripted(&env)
        );
        let d = daemon(&env, port, &extra).await;
        env.post("/_sandbox/fans/resume", serde_json::json!({}))
            .await;
        settled(&env, Duration::from_secs(600)).await;
        let st = env.stats().await;
        drop(d);
        let n = |k: &str| st[k].as_f64().unwrap_or(0.0);
        let turns = n("fan_turns").max(1.0);
        per100.push(n("revenue_cents") / 100.0 / turns * 100.0);
        detail = format!(
            "last run: {:.0} turns, {:.0} offers, {:.0} bought, {:.0} tips, ${:.2} in all",
            turns,
            n("ppv_offers"),
            n("ppv_purchases"),
            n("tips"),
            n("revenue_cents") / 100.0
        );
    }
    out.push(Line {
        what: format!(
            "revenue per 100 fan turns (sandbox seed {SEED}: 2 creators, 40 fans, default offer rules, scripted LLM)"
        ),
        figure: format!("{} ({detail})", spread(&mut per100, "$", 2)),
        target: "more after issue 19 than before".into(),
    });
}

/// Measure 2c: Fanvue calls per reply in a demo-like run that sells (issue 19): insights on (or
/// off, to show what they cost), a vault of 200 items in folders (four pages), fans long enough
/// for offers (6 turns), some long-time spenders and expired subscribers. Every call by route.
/// `busy`: the same fans' mix at an agency creator's scale (2 creators × 40 fans writing at once,
/// Fanvue's current 200 requests a minute), where one read before sending covers several replies.
async fn insights_calls(out: &mut Vec<Line>, insights: bool, busy: bool) -> f64 {
    let port = free_port();
    let mut a = if busy { args(2, 80) } else { args(3, 15) };
    if busy {
        a.rate_limit = 200;
    }
    a.quiet_fans = false;
    a.seed = 7;
    a.max_turns = 6;
    a.start_window_secs = 10.0;
    a.fan_pace = 0.3;
    a.vault_items = 200;
    a.long_time_spenders = 0.3;
    a.expired = 0.2;
    let env = sandbox(a, port, true).await;
    let base = env.stats().await;
    let extra = format!(
        "{}[agent]\ndebounce_ms = 2000\ndebounce_cap_ms = 5000\n[poller]\ninterval_secs = 10\n\
         [fan_value]\ninsights = {insights}\n",
        scripted(&env)
    );
    let d = daemon(&env, port, &extra).await;
    env.post("/_sandbox/fans/resume", serde_json::json!({}))
        .await;
    settled(&env, Duration::from_secs(if busy { 900 } else { 400 })).await;
    let st = env.stats().await;
    drop(d);
    let route = |r: &str| {
        st["api_calls"][r].as_f64().unwrap_or(0.0) - base["api_calls"][r].as_f64().unwrap_or(0.0)
    };
    let calls = st["api_calls_total"].as_f64().unwrap() - base["api_calls_total"].as_f64().unwrap();
    let replies = st["creator_messages"].as_f64().unwrap();
    let ratio = calls / replies.max(1.0);
    let (sends, reads) = (
        route("POST /chats/{fan}/message"),
        route("POST /chats/messages/batch"),
    );
    let insights_calls = route("GET /insights/fans") + route("GET /insights/fans/{fan}");
    let vault = route("GET /media") + route("GET /vault/folders/{folder}/media");
    let lists = route("GET /chats");
    out.push(Line {
        what: format!(
            "Fanvue calls per reply, {} that sells (insights {}; {}, 200-item vault)",
            if busy { "busy creators" } else { "demo-like" },
            if insights { "on" } else { "off" },
            if busy {
                "2 creators × 40 fans × 6 turns, 200/min"
            } else {
                "3 creators, 15 fans × 6 turns"
            }
        ),
        figure: format!(
            "{ratio:.2} ({calls:.0} calls / {replies:.0} replies: {sends:.0} sends, {reads:.0} batch reads, \
             {insights_calls:.0} insights, {vault:.0} vault pages, {lists:.0} chat lists, {:.0} other; \
             {:.0} offers, {:.0} bought, {:.0} × 429; excluding the vault: {:.2})",
            calls - sends - reads - insights_calls - vault - lists,
            st["ppv_offers"].as_f64().unwrap_or(0.0),
            st["ppv_purchases"].as_f64().unwrap_or(0.0),
            st["rate_limited"].as_f64().unwrap_or(0.0),
            (calls - vault) / replies.max(1.0),
        ),
        target: if insights { "≤ 1.3" } else { "-" }.into(),
    });
    ratio
}

/// How long until `fan` sees one more message from the creator than `before` (limit: 120 s).
async fn reply_latency(env: &TestApp, fan: &str, before: usize) -> f64 {
    let t = Instant::now();
    while env.sent_to(fan).await.len() <= before {
        if t.elapsed() > Duration::from_secs(120) {
            break;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    t.elapsed().as_secs_f64() * 1000.0
}

/// Latencies (ms) of `fans` writing one at a time, each answered before the next writes.
async fn latencies(env: &TestApp, fans: &[String], rounds: usize) -> Vec<f64> {
    let mut ms = vec![];
    for r in 0..rounds {
        for f in fans {
            let before = env.sent_to(f).await.len();
            env.fan_says(f, &format!("still there? round {r}")).await;
            ms.push(reply_latency(env, f, before).await);
        }
    }
    ms
}

/// Measure 9: A win-back campaign within the rate budget. One creator, 40 fans it knows (each
/// wrote once and was answered), Fanvue's bucket 200 requests a minute, `budget_share = 0.2`:
/// 40 requests a minute for the campaign, 20 messages (each may cost its check and its send).
/// While the campaign runs, five fans write one at a time; their reply latency is compared with
/// the same five fans writing before the campaign.
async fn campaign(out: &mut Vec<Line>) {
    const FANS: usize = 40;
    const LIMIT: u32 = 200;
    const SHARE: f64 = 0.2;
    let port = free_port();
    let mut a = args(1, FANS);
    a.rate_limit = LIMIT;
    let env = sandbox(a, port, true).await;
    let limit = LIMIT.to_string();
    let vars = [("FANVUE_AGENT_FANVUE__RATE_LIMIT_PER_MINUTE", limit.as_str())];
    let agent =
        "[agent]\ndebounce_ms = 300\ndebounce_cap_ms = 1000\n[poller]\ninterval_secs = 60\n";
    let fans = env.fans_of("creator1").await;
    let chatty = &fans[..5];
    // Phase 1, sequences off: every fan writes once and is answered; then the baseline latency.
    let d = daemon_with(&env, port, &format!("{}{agent}", scripted(&env)), &vars).await;
    for f in &fans {
        env.fan_says(f, "hi, new here").await;
    }
    settled(&env, Duration::from_secs(300)).await;
    let mut quiet_ms = latencies(&env, chatty, 2).await;
    drop(d);
    // Phase 2: the same daemon with a win-back for every fan quiet for 1 s.
    let seq = format!(
        "[sequences]\nenabled = true\ncheck_every_secs = 6\nbudget_share = {SHARE}\n\
         quiet_hours_start = 0\nquiet_hours_end = 0\n[[sequences.list]]\nname = \"winback-bench\"\n\
         trigger = \"quiet\"\nquiet_secs = 1\n\
         steps = [{{ after_secs = 0, texts = [\"Hey {{{{ fan_name }}}}, I miss our chats!\"] }}]\n"
    );
    let before = env.stats().await;
    let d = daemon_with(
        &env,
        port,
        &format!("{}{agent}{seq}", scripted(&env)),
        &vars,
    )
    .await;
    let t = Instant::now();
    let sent = "SELECT count(*) FROM outbox WHERE purpose = 'sequence' AND state = 'sent'";
    // Let the campaign get going, then the five fans write while it runs.
    while env.count(sent).await < 3 && t.elapsed() < Duration::from_secs(60) {
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let mut busy_ms = latencies(&env, chatty, 2).await;
    let during = env.count(sent).await;
    // The campaign ends when every fan who did not write has had their step.
    let target = (FANS - chatty.len()) as i64;
    while env.count(sent).await < target && t.elapsed() < Duration::from_secs(600) {
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    let (first, last): (Option<i64>, Option<i64>) = sqlx::query_as(
        "SELECT min(sent_at), max(sent_at) FROM outbox WHERE purpose = 'sequence' AND state = 'sent'",
    )
    .fetch_one(env.parts.store.reader())
    .await
    .unwrap();
    let n = env.count(sent).await;
    let after = env.stats().await;
    drop(d);
    let span_min = (last.unwrap_or(0) - first.unwrap_or(0)) as f64 / 60_000.0;
    let per_min = (n - 1).max(0) as f64 / span_min.max(1e-9);
    let calls =
        after["api_calls_total"].as_f64().unwrap() - before["api_calls_total"].as_f64().unwrap();
    let wall_min = t.elapsed().as_secs_f64() / 60.0;
    let budget_msgs = LIMIT as f64 * SHARE / 2.0;
    out.push(Line {
        what: format!(
            "campaign: win-back to {FANS} fans of one creator (bucket {LIMIT}/min, budget_share {SHARE}), 5 fans writing meanwhile"
        ),
        figure: format!(
            "{per_min:.1} messages/min achieved vs {budget_msgs:.0} allowed ({:.0} requests/min of {LIMIT}: {n} sent, \
             {during} while the 5 fans were answered; {:.1} calls/min overall); {} 429s; reply latency \
             during the campaign {} vs {} before",
            LIMIT as f64 * SHARE,
            calls / wall_min.max(1e-9),
            after["rate_limited"],
            spread(&mut busy_ms, "ms", 0),
            spread(&mut quiet_ms, "ms", 0),
        ),
        target: "≤ the share, 0 429s, replies unaffected".into(),
    });
}

/// Measure 3: A burst beyond the rate limit for one creator: 500 fan messages in 30 s.
async fn burst(out: &mut Vec<Line>) {
    let port = free_port();
    let env = sandbox(args(1, 100), port, true).await;
    let limit = env.parts.cfg.fanvue.rate_limit_per_minute as f64;
    let extra = format!(
        "{}[agent]\ndebounce_ms = 1000\ndebounce_cap_ms = 3000\n",
        scripted(&env)
    );
    let d = daemon(&env, port, &extra).await;
    let fans = env.fans_of("creator1").await;
    let t = Instant::now();
    // Five messages from each fan in a row (one turn each), 100 fans, evenly over 30 s.
    for i in 0..500 {
        let f = &fans[(i / 5) % fans.len()];
        env.fan_says(f, "hey, you there? what are you up to?").await;
        let due = Duration::from_millis(60 * (i as u64 + 1));
        if let Some(w) = due.checked_sub(t.elapsed()) {
            tokio::time::sleep(w).await;
        }
    }
    let drain = settled(&env, Duration::from_secs(900)).await;
    let total = t.elapsed().as_secs_f64();
    let st = env.stats().await;
    drop(d);
    let replies = st["creator_messages"].as_f64().unwrap();
    let calls = st["api_calls_total"].as_f64().unwrap();
    let per_reply = calls / replies.max(1.0);
    out.push(Line {
        what: "burst: 500 fan messages in 30 s to one creator (100 fans, scripted LLM)".into(),
        figure: format!(
            "{:.1} replies/min achieved vs {:.1} ceiling ({limit:.0} calls/min ÷ {per_reply:.2} calls/reply); {} 429s; backlog drained {:.0} s after the last message ({replies:.0} replies, {} turns)",
            replies / (total / 60.0),
            limit / per_reply,
            st["rate_limited"],
            drain.as_secs_f64(),
            st["fan_turns"]
        ),
        target: "0 429s".into(),
    });
}

/// Measure 4: Pipeline overhead: accepted → sent minus LLM time, per reply, with debounce off.
async fn overhead(out: &mut Vec<Line>, llm: Option<(String, String)>) {
    let port = free_port();
    // A bucket too large to matter: this measures our own time, not the pacing of measure 3.
    let mut a = args(1, 20);
    a.rate_limit = 10_000;
    let env = sandbox(a, port, true).await;
    let label = if llm.is_some() {
        "real local LLM"
    } else {
        "scripted LLM"
    };
    let llm_cfg = match &llm {
        Some((url, key)) => format!(
            "[llm]\nbase_url = \"{url}\"\napi_key = \"{key}\"\nmax_tokens = 40\ntimeout_secs = 60\n"
        ),
        None => scripted(&env),
    };
    let extra = format!(
        "{llm_cfg}[agent]\ndebounce_ms = 0\ndebounce_cap_ms = 0\nmark_read_after_reply = false\n"
    );
    let d = daemon_with(
        &env,
        port,
        &extra,
        &[("FANVUE_AGENT_FANVUE__RATE_LIMIT_PER_MINUTE", "10000")],
    )
    .await;
    // One at a time: each reply is measured alone, not queued behind others at the limiter. Two
    // rounds: first contact (the chat's one history read included), then the same fans again.
    let fans = env.fans_of("creator1").await;
    let mut i = 0u64;
    for text in [
        "hi! how is your day going?",
        "nice, what are you up to now?",
    ] {
        for f in &fans {
            env.fan_says(f, text).await;
            let start = Instant::now();
            while env.stats().await["creator_messages"].as_u64().unwrap_or(0) <= i
                && start.elapsed() < Duration::from_secs(120)
            {
                tokio::time::sleep(Duration::from_millis(50)).await;
            }
            i += 1;
        }
    }
    settled(&env, Duration::from_secs(300)).await;
    drop(d);
    let all: Vec<f64> = sqlx::query_scalar::<_, i64>(
        "SELECT d.e2e_ms - coalesce(d.llm_ms, 0) FROM decisions d JOIN outbox o ON o.id = d.outbox_id
         WHERE o.purpose = 'reply' AND d.e2e_ms IS NOT NULL ORDER BY d.id",
    )
    .fetch_all(env.parts.store.reader())
    .await
    .unwrap()
    .into_iter()
    .map(|x| x as f64)
    .collect();
    let (mut first, mut again) = (
        all[..all.len().min(fans.len())].to_vec(),
        all[all.len().min(fans.len())..].to_vec(),
    );
    let mut llm_ms: Vec<f64> =
        sqlx::query_scalar::<_, i64>("SELECT llm_ms FROM decisions WHERE llm_ms IS NOT NULL")
            .fetch_all(env.parts.store.reader())
            .await
            .unwrap()
            .into_iter()
            .map(|x| x as f64)
            .collect();
    out.push(Line {
        what: format!(
            "pipeline overhead: accepted → sent minus LLM time ({label}, 20 fans × 2 replies)"
        ),
        figure: format!(
            "{} known chat; {} first contact (includes its history read) (LLM itself {})",
            spread(&mut again, "ms", 0),
            spread(&mut first, "ms", 0),
            spread(&mut llm_ms, "ms", 0)
        ),
        target: "< 5 ms".into(),
    });
}

/// Measure 5: Scale: RSS and CPU of the daemon with N creators × 100 chats, idle and under light load.
async fn scale(out: &mut Vec<Line>) {
    for n in [1usize, 100, 1000] {
        let port = free_port();
        let mut a = args(n, n * 100);
        a.rate_limit = 200;
        let t = Instant::now();
        let env = sandbox(a, port, true).await;
        let setup = t.elapsed().as_secs_f64();
        let d = daemon(&env, port, &scripted(&env)).await;
        tokio::time::sleep(Duration::from_secs(5)).await;
        let (c0, t0) = (d.cpu_secs(), Instant::now());
        tokio::time::sleep(Duration::from_secs(10)).await;
        let idle_cpu = (d.cpu_secs() - c0) / t0.elapsed().as_secs_f64() * 100.0;
        let idle = d.rss_kb();
        // Load: one message in each of up to 500 chats, spread over the creators.
        let all: Vec<String> = env.world().await["fans"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["uuid"].as_str().unwrap().to_string())
            .collect();
        let active = all.len().min(500);
        let step = all.len() / active;
        let (c1, t1) = (d.cpu_secs(), Instant::now());
        for f in all.iter().step_by(step).take(active) {
            env.fan_says(f, "hi, are you around?").await;
        }
        settled(&env, Duration::from_secs(300)).await;
        let load_cpu = (d.cpu_secs() - c1) / t1.elapsed().as_secs_f64() * 100.0;
        let loaded = d.rss_kb();
        drop(d);
        out.push(Line {
            what: format!("scale: {n} creator(s) × 100 chats: RSS idle; CPU idle; after {active} active chats"),
            figure: format!(
                "{:.1} MB; {idle_cpu:.1} % CPU; {:.1} MB, {load_cpu:.0} % CPU while answering ({:.1} KB per active chat; sandbox setup {setup:.0} s)",
                idle as f64 / 1024.0,
                loaded as f64 / 1024.0,
                (loaded.saturating_sub(idle)) as f64 / active as f64
            ),
            target: if n == 1000 { "< 50 MB idle" } else { "-" }.into(),
        });
    }
}

/// Measure 6: LLM cost: prompt and completion tokens per reply as a chat grows to 30 messages, and how much
/// of the system prompt stays the same from reply to reply (cacheable by the provider).
async fn tokens(out: &mut Vec<Line>, llm: Option<(String, String)>) {
    use fanvue_agent::agent::llm::{Llm, LlmFuture, LlmRequest};
    struct Recording {
        inner: std::sync::Arc<dyn Llm>,
        systems: std::sync::Mutex<Vec<String>>,
    }
    impl Llm for Recording {
        fn complete<'a>(&'a self, req: &'a LlmRequest) -> LlmFuture<'a> {
            self.systems
                .lock()
                .unwrap()
                .push(req.messages[0].content.clone());
            self.inner.complete(req)
        }
    }
    let d = spawn_app(args(1, 1), |c| {
        c.agent.debounce_ms = 0;
        c.agent.debounce_cap_ms = 0;
        c.followup.enabled = false;
        match &llm {
            Some((url, key)) => {
                c.llm.base_url = url.clone();
                c.llm.api_key = fanvue_agent::config::Secret::new(key.clone());
                c.llm.max_tokens = 40;
                c.llm.timeout_secs = 60;
            }
            None => {
                c.llm.base_url = format!("{}/llm/v1", c.fanvue.api_base);
                c.llm.model = "scripted".into();
            }
        }
    })
    .await;
    let env = &d;
    let rec = std::sync::Arc::new(Recording {
        inner: env.parts.llm(),
        systems: Default::default(),
    });
    env.serve(rec.clone());
    let fan = env.fans_of("creator1").await[0].clone();
    let lines = [
        "hi! how are you?",
        "I'm from Lisbon, what about you?",
        "I love hiking on weekends",
        "what do you do for fun?",
        "I work as a nurse, long shifts lately",
        "do you like music?",
        "my favourite band is Radiohead",
        "what are you up to tonight?",
        "haha that sounds fun",
        "tell me something about you",
        "I'm having coffee right now",
        "what's your favourite food?",
        "I could eat pizza every day",
        "do you travel a lot?",
        "I want to visit Japan one day",
        "ok I should sleep soon",
    ];
    for (i, l) in lines.iter().enumerate() {
        env.fan_says(&fan, l).await;
        let want = i as u64 + 1;
        let start = Instant::now();
        while env.stats().await["creator_messages"].as_u64().unwrap_or(0) < want
            && start.elapsed() < Duration::from_secs(120)
        {
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }
    env.stop().await;
    let rows: Vec<(Option<i64>, Option<i64>)> = sqlx::query_as(
        "SELECT prompt_tokens, completion_tokens FROM decisions WHERE prompt_tokens IS NOT NULL ORDER BY id",
    )
    .fetch_all(env.parts.store.reader())
    .await
    .unwrap();
    let systems = rec.systems.lock().unwrap().clone();
    let mut shared = vec![];
    for w in systems.windows(2) {
        let common = w[0]
            .bytes()
            .zip(w[1].bytes())
            .take_while(|(a, b)| a == b)
            .count();
        shared.push(100.0 * common as f64 / w[1].len().max(1) as f64);
    }
    let first = rows.first().copied().unwrap_or_default();
    let last = rows.last().copied().unwrap_or_default();
    let label = if llm.is_some() {
        "SmolLM2 tokenizer"
    } else {
        "scripted LLM: chars ÷ 4"
    };
    out.push(Line {
        what: format!("LLM tokens per reply, default persona ({label})"),
        figure: format!(
            "first reply {} prompt + {} completion; after {} messages of history {} prompt + {} completion; system prompt identical from reply to reply over {} of its length",
            first.0.unwrap_or(0),
            first.1.unwrap_or(0),
            2 * rows.len().saturating_sub(1),
            last.0.unwrap_or(0),
            last.1.unwrap_or(0),
            spread(&mut shared, "%", 0)
        ),
        target: "stable prefix".into(),
    });
}

/// Guardrail cost per reply: the input rules over a fan message plus the draft rules over a
/// reply, for every fan message and draft of the tuning corpus (all six languages), timed per
/// pair; five rounds, the median of the per-pair medians.
fn guardrails(out: &mut Vec<Line>) {
    use fanvue_agent::agent::guardrails::Guardrails;
    let dir =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/guardrails/tuning");
    let (mut inputs, mut drafts) = (vec![], vec![]);
    for entry in std::fs::read_dir(&dir).expect("the tuning corpus") {
        let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
        let cases: Vec<serde_json::Value> = serde_json::from_str(&text).unwrap();
        for c in cases {
            let t = c["text"].as_str().unwrap_or_default().to_string();
            if c["kind"] == "input" {
                inputs.push(t)
            } else {
                drafts.push(t)
            }
        }
    }
    let g = Guardrails::default();
    let system = "You are Ana, a creator on Fanvue, chatting one to one with a fan.";
    let recent = vec!["hey you! how was your day?".to_string()];
    // Microseconds for each (fan message, draft) pair, one pass over the corpus.
    let pass = || -> Vec<f64> {
        inputs
            .iter()
            .zip(drafts.iter().cycle())
            .map(|(i, d)| {
                let t = Instant::now();
                std::hint::black_box(g.check_input(i));
                std::hint::black_box(g.check_draft(d, &recent, system));
                t.elapsed().as_secs_f64() * 1e6
            })
            .collect()
    };
    let mut rounds: Vec<f64> = (0..5).map(|_| median(&mut pass())).collect();
    let mut worst = pass();
    worst.sort_by(|a, b| a.total_cmp(b));
    let p99 = worst[worst.len() * 99 / 100];
    out.push(Line {
        what: format!(
            "guardrail cost per reply (input + draft rules, {} fan messages × drafts, 6 languages)",
            inputs.len()
        ),
        figure: format!("{}; p99 {p99:.0} µs", spread(&mut rounds, "µs", 0)),
        target: "< 1 ms".into(),
    });
}

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() {
    let wanted: Vec<String> = std::env::args().skip(1).collect();
    let on = |s: &str| wanted.is_empty() || wanted.iter().any(|w| w == s);
    let llm = std::env::var("LOCAL_LLM_BASE_URL").ok().map(|u| {
        (
            u,
            std::env::var("LOCAL_LLM_API_KEY").unwrap_or_else(|_| "local-llm-key".into()),
        )
    });
    let mut out = vec![];
    let started = Instant::now();
    let mut floor_rate = f64::NAN;
    let mut t = Instant::now();
    let mut took = |section: &str| {
        eprintln!("bench: {section} took {:.0} s", t.elapsed().as_secs_f64());
        t = Instant::now();
    };
    if on("floor") || on("ingress") {
        floor_rate = floor(&mut out).await;
        took("floor");
    }
    if on("ingress") {
        ingress(&mut out, floor_rate).await;
        took("ingress");
    }
    if on("calls") {
        calls_per_reply(&mut out, true).await;
        took("calls");
    }
    if on("known") {
        for (confirm, busy) in [(true, true), (false, true), (true, false), (false, false)] {
            known_fans(&mut out, confirm, busy).await;
        }
        took("known");
    }
    if on("insights") {
        insights_calls(&mut out, true, false).await;
        insights_calls(&mut out, false, false).await;
        took("insights");
    }
    if on("insights-busy") {
        insights_calls(&mut out, true, true).await;
        took("insights-busy");
    }
    if on("polling") {
        calls_per_reply(&mut out, false).await;
        took("polling");
    }
    if on("burst") {
        burst(&mut out).await;
        took("burst");
    }
    if on("overhead") {
        overhead(&mut out, None).await;
        if llm.is_some() {
            overhead(&mut out, llm.clone()).await;
        }
        took("overhead");
    }
    if on("scale") {
        scale(&mut out).await;
        took("scale");
    }
    if on("tokens") {
        tokens(&mut out, llm.clone()).await;
        took("tokens");
    }
    if on("revenue") {
        revenue(&mut out).await;
        took("revenue");
    }
    if on("campaign") {
        campaign(&mut out).await;
        took("campaign");
    }
    if on("guardrails") {
        guardrails(&mut out);
        took("guardrails");
    }
    println!("| measure | result: median [min–max] | target |");
    println!("|---|---|---|");
    for l in &out {
        println!("| {} | {} | {} |", l.what, l.figure, l.target);
    }
    eprintln!("bench: done in {:.0} s", started.elapsed().as_secs_f64());
}
