//! Hostile HTTP on every endpoint of the daemon: forged, stale and replayed signatures, huge and
//! endless bodies, deep JSON, invalid UTF-8, wrong content types, slow clients, path tricks;
//! a seeded fuzz of the webhook parser and signature verifier; schemathesis against the daemon's
//! own OpenAPI description (`openapi/daemon.yaml`) when `SCHEMATHESIS` names the tool (that part
//! is skipped without it, see tests/common/peers.rs).

use crate::{common::*, report, *};
use fanvue_agent::{
    fanvue::webhook::{self, signature_header, PathHint},
    store::now_secs,
};
use rand::{seq::SliceRandom, Rng, SeedableRng};
use serde_json::{json, Value};
use std::time::{Duration, Instant};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

/// The payloads of Fanvue's documented webhook examples (tests/fixtures/webhook-samples.json).
fn samples() -> Vec<Vec<u8>> {
    fn walk(v: &Value, out: &mut Vec<Vec<u8>>) {
        match v {
            Value::Object(o) => {
                if let Some(p) = o.get("payload") {
                    out.push(serde_json::to_vec(p).unwrap());
                }
                o.values().for_each(|v| walk(v, out));
            }
            Value::Array(a) => a.iter().for_each(|v| walk(v, out)),
            _ => {}
        }
    }
    let text = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/webhook-samples.json"),
    )
    .unwrap();
    let mut out = vec![];
    walk(&serde_json::from_str(&text).unwrap(), &mut out);
    assert!(out.len() >= 5, "the fixture has samples");
    out
}

const TOKENS: [&[u8]; 14] = [
    b"{",
    b"}",
    b"[",
    b"]",
    b"\"",
    b":",
    b",",
    b"null",
    b"1e999",
    b"-0",
    b"\\u0000",
    b"\xff\xfe",
    b"\"uuid\"",
    b"\"message\"",
];

fn mutate(rng: &mut rand::rngs::StdRng, body: &[u8]) -> Vec<u8> {
    let mut b = body.to_vec();
    for _ in 0..rng.gen_range(1..6) {
        if b.is_empty() {
            b.extend_from_slice(TOKENS.choose(rng).unwrap());
            continue;
        }
        let at = rng.gen_range(0..b.len());
        match rng.gen_range(0..6) {
            0 => b[at] = rng.gen(),
            1 => {
                b.truncate(at);
            }
            2 => {
                let t = TOKENS.choose(rng).unwrap();
                b.splice(at..at, t.iter().copied());
            }
            3 => {
                let end = (at + rng.gen_range(1..40)).min(b.len());
                b.drain(at..end);
            }
            4 => {
                let depth = rng.gen_range(1..3000);
                let open = if rng.gen() { b'[' } else { b'{' };
                b.splice(at..at, std::iter::repeat_n(open, depth));
            }
            _ => {
                let other = b.clone();
                let from = rng.gen_range(0..other.len());
                b.splice(at..at, other[from..].iter().copied().take(64));
            }
        }
    }
    b
}

fn random_header(rng: &mut rand::rngs::StdRng, good: &str) -> Option<String> {
    const PARTS: [&str; 10] = [
        "t=",
        "v0=",
        "v1=",
        ",",
        "=",
        " ",
        "-1",
        "99999999999999999999",
        "zz",
        "\u{fffd}",
    ];
    match rng.gen_range(0..4) {
        0 => None,
        1 => {
            let mut s = good.to_string();
            let cut = rng.gen_range(0..=s.len());
            while !s.is_char_boundary(cut.min(s.len())) {
                s.pop();
            }
            s.truncate(cut.min(s.len()));
            Some(s)
        }
        2 => Some(
            (0..rng.gen_range(0..8))
                .map(|_| *PARTS.choose(rng).unwrap())
                .collect(),
        ),
        _ => Some(good.replacen('a', "b", 1)),
    }
}

/// Never panics, whatever the body and header; a valid signature verifies and any change to the
/// body breaks it.
#[test]
fn fuzz_the_webhook_parser_and_signature_verifier() {
    let cases = if report::full() { 300_000 } else { 30_000 };
    let mut rng = rand::rngs::StdRng::seed_from_u64(61);
    let samples = samples();
    let secret = b"fuzz-secret";
    let hints = [
        None,
        Some(PathHint::Message),
        Some(PathHint::Read),
        Some(PathHint::Subscriber),
        Some(PathHint::Follower),
        Some(PathHint::Purchase),
        Some(PathHint::Tip),
    ];
    let mut parsed = 0;
    for i in 0..cases {
        let base = samples.choose(&mut rng).unwrap();
        let body = if i % 10 == 0 {
            base.clone()
        } else {
            mutate(&mut rng, base)
        };
        let now = now_secs();
        let good = signature_header(secret, now, &body);
        assert!(webhook::verify(Some(&good), &body, secret, now, 300).is_ok());
        if body != *base {
            assert!(
                webhook::verify(
                    Some(&signature_header(secret, now, base)),
                    &body,
                    secret,
                    now,
                    300
                )
                .is_err(),
                "a changed body fails the signature"
            );
        }
        let header = random_header(&mut rng, &good);
        let _ = webhook::verify(header.as_deref(), &body, secret, now, 300);
        if webhook::parse(&body, *hints.choose(&mut rng).unwrap()).is_ok() {
            parsed += 1;
        }
    }
    assert!(
        parsed > cases / 20,
        "the fuzz also reaches the parser's inner paths: {parsed}"
    );
    report::record(
        "fuzz",
        &format!(
            "fuzz: webhook parser + verifier\t{cases}\t-\t0\t0\t0\t0\t{cases} mutated bodies and headers, {parsed} still parsed, 0 panics"
        ),
    );
}

struct Probe {
    sent: usize,
    server_errors: Vec<String>,
}

impl Probe {
    async fn send(
        &mut self,
        method: reqwest::Method,
        url: &str,
        headers: &[(&str, String)],
        body: Vec<u8>,
    ) -> reqwest::Response {
        self.sent += 1;
        let mut req = reqwest::Client::new().request(method, url).body(body);
        for (k, v) in headers {
            req = req.header(*k, v);
        }
        let r = req.send().await.unwrap();
        if r.status().is_server_error() {
            self.server_errors.push(format!("{url}: {}", r.status()));
        }
        r
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn hostile_requests_on_every_endpoint_are_refused_cleanly() {
    let mut a = args(1, 2);
    a.seed = 62;
    let app = start(a, |c| c.webhook.max_body_bytes = 65_536).await;
    let env = &app;
    let base = app.url.clone();
    let hook = format!("{base}/webhooks/fanvue");
    let secret = env.parts.cfg.webhook.secret.expose().to_string();
    let creator = env.creator_uuid("creator1").await;
    let fan = env.fans_of("creator1").await[0].clone();
    let mut p = Probe {
        sent: 0,
        server_errors: vec![],
    };
    let json_ct = ("content-type", "application/json".to_string());
    let signed = |body: &[u8], t: i64| {
        (
            "x-fanvue-signature",
            signature_header(secret.as_bytes(), t, body),
        )
    };
    let msg = |uuid: &str| {
        json!({"messageUuid": uuid, "message": {"uuid": uuid, "text": "hi", "hasMedia": false,
               "createdAt": "2026-11-23T10:00:00.000Z"},
               "sender": {"uuid": fan, "handle": "f", "displayName": "F"}, "recipientUuid": creator,
               "timestamp": "2026-11-23T10:00:00.000Z"})
        .to_string()
        .into_bytes()
    };
    let now = now_secs();
    let body = msg("70570000-0000-4000-8000-000000000001");
    let status = |r: reqwest::Response| r.status().as_u16();

    // Forged (other secret), stale, future, missing, garbled signatures.
    let forged = signature_header(b"not-the-secret", now, &body);
    for (h, want) in [
        (Some(forged), 401),
        (
            Some(signature_header(secret.as_bytes(), now - 3600, &body)),
            401,
        ),
        (
            Some(signature_header(secret.as_bytes(), now + 3600, &body)),
            401,
        ),
        (None, 401),
        (Some("t=,v0=".into()), 401),
        (Some("v0=00".repeat(500)), 401),
    ] {
        let mut hs = vec![json_ct.clone()];
        if let Some(h) = h {
            hs.push(("x-fanvue-signature", h));
        }
        assert_eq!(
            status(
                p.send(reqwest::Method::POST, &hook, &hs, body.clone())
                    .await
            ),
            want
        );
    }
    // A signed request replayed: stored once, the replay changes nothing.
    let hs = vec![json_ct.clone(), signed(&body, now)];
    assert_eq!(
        status(
            p.send(reqwest::Method::POST, &hook, &hs, body.clone())
                .await
        ),
        200
    );
    let replay = p
        .send(reqwest::Method::POST, &hook, &hs, body.clone())
        .await;
    assert_eq!(replay.json::<Value>().await.unwrap()["status"], "duplicate");
    // Huge bodies, declared and chunked without a length.
    let huge = vec![b'['; 8 << 20];
    let declared = raw(
        &base,
        format!("POST /webhooks/fanvue HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n[[[[", huge.len()).as_bytes(),
    )
    .await;
    p.sent += 1;
    assert!(declared.starts_with("HTTP/1.1 413"), "{declared}");
    let chunked = chunked_upload(&base, &huge).await;
    p.sent += 1;
    assert!(chunked.starts_with("HTTP/1.1 413"), "{chunked}");
    // Deep nesting and invalid UTF-8, correctly signed: 400, not a crash.
    for evil in [
        [b"[".repeat(60_000), b"]".repeat(60_000)].concat(),
        [
            b"{\"message\":".repeat(5_000),
            b"1".to_vec(),
            b"}".repeat(5_000),
        ]
        .concat(),
        b"{\"messageUuid\": \"\xff\xfe\xfd\", \"message\": {\"text\": \"\xc3\x28\"}}".to_vec(),
        b"\xef\xbb\xbf{}".to_vec(),
        vec![],
        b"null".to_vec(),
        b"{\"message\": {\"text\": \"\\ud800\"}}".to_vec(),
    ] {
        let hs = vec![json_ct.clone(), signed(&evil, now)];
        let got = status(
            p.send(reqwest::Method::POST, &hook, &hs, evil.clone())
                .await,
        );
        assert!(
            got == 400 || got == 413,
            "{got} for {:?}",
            String::from_utf8_lossy(&evil[..evil.len().min(40)])
        );
    }
    // Wrong content types.
    for ct in [
        "text/plain",
        "application/x-www-form-urlencoded",
        "multipart/form-data; boundary=x",
        "",
        "application/jsonx",
    ] {
        let hs = vec![("content-type", ct.to_string()), signed(&body, now)];
        assert_eq!(
            status(
                p.send(reqwest::Method::POST, &hook, &hs, body.clone())
                    .await
            ),
            415,
            "{ct}"
        );
    }
    // Path tricks and wrong methods: never 2xx, never 5xx.
    for path in [
        "/webhooks/fanvue/../../oauth/callback",
        "/webhooks/fanvue/%2e%2e/%2e%2e/metrics",
        "//webhooks/fanvue",
        "/webhooks/fanvue/message%00",
        "/webhooks/fanvue/message/extra",
        "/WEBHOOKS/FANVUE",
        "/webhooks/fanvue/%ff",
        "/_sandbox/stats",
        "/.env",
        "/metrics/../../etc/passwd",
    ] {
        let hs = vec![json_ct.clone(), signed(&body, now)];
        let got = status(
            p.send(
                reqwest::Method::POST,
                &format!("{base}{path}"),
                &hs,
                body.clone(),
            )
            .await,
        );
        assert!((400..500).contains(&got), "{path}: {got}");
    }
    for (m, path) in [
        (reqwest::Method::GET, "/webhooks/fanvue"),
        (reqwest::Method::DELETE, "/webhooks/fanvue"),
        (reqwest::Method::POST, "/healthz"),
        (reqwest::Method::POST, "/readyz"),
        (reqwest::Method::PUT, "/metrics"),
        (reqwest::Method::POST, "/oauth/callback"),
    ] {
        let got = status(
            p.send(m.clone(), &format!("{base}{path}"), &[], vec![])
                .await,
        );
        assert_eq!(got, 405, "{m} {path}");
    }
    // The OAuth callback with hostile queries.
    for q in [
        "",
        "?state=",
        "?code=x",
        "?state=%ff%fe&code=%00",
        &format!("?state={}&code=x", "s".repeat(20_000)),
        "?state=x&state=y&code=z",
        "?error=access_denied&error_description=%3Cscript%3Ealert(1)%3C/script%3E",
    ] {
        let r = p
            .send(
                reqwest::Method::GET,
                &format!("{base}/oauth/callback{q}"),
                &[],
                vec![],
            )
            .await;
        let got = r.status().as_u16();
        let text = r.text().await.unwrap_or_default();
        assert!((400..500).contains(&got), "callback{q}: {got}");
        assert!(
            !text.contains("<script>"),
            "the callback never echoes markup: {text}"
        );
    }
    // Slow clients: headers that never end, a body that never arrives. Both are cut off.
    let slow_headers = slow(&base, b"POST /webhooks/fanvue HTTP/1.1\r\nHost: x\r\nX-A: ").await;
    let slow_body = slow(
        &base,
        b"POST /webhooks/fanvue HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"a\":",
    )
    .await;
    assert!(slow_headers.0 < Duration::from_secs(20), "{slow_headers:?}");
    assert!(slow_body.1.starts_with("HTTP/1.1 408"), "{slow_body:?}");
    p.sent += 2;

    let schemathesis = schemathesis(&base);

    // Still serving: a fan's message is answered, and exactly one probe event was stored.
    env.fan_says(&fan, "still there after all that?").await;
    env.settle_all(Duration::from_secs(60)).await;
    assert_eq!(
        env.count("SELECT count(*) FROM inbox WHERE message_uuid = '70570000-0000-4000-8000-000000000001'").await,
        1
    );
    app.stop().await;
    assert!(p.server_errors.is_empty(), "no 5xx: {:?}", p.server_errors);
    report::record(
        "hostile",
        &format!(
            "hostile HTTP on every endpoint\t{}\t-\t0\t0\t0\t0\t{} requests, 0 accepted unsigned, 0 5xx; slow headers cut after {:.0} s, slow body 408; {schemathesis}",
            p.sent, p.sent, slow_headers.0.as_secs_f64()
        ),
    );
}

/// Posts `data` with `Transfer-Encoding: chunked` (no length to refuse up front); returns the
/// response head.
async fn chunked_upload(base: &str, data: &[u8]) -> String {
    let addr = base.trim_start_matches("http://");
    let mut s = tokio::net::TcpStream::connect(addr).await.unwrap();
    let head = "POST /webhooks/fanvue HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n";
    s.write_all(head.as_bytes()).await.unwrap();
    for c in data.chunks(64 << 10) {
        // The server may answer and close before the end: stop writing then.
        if s.write_all(format!("{:x}\r\n", c.len()).as_bytes())
            .await
            .is_err()
            || s.write_all(c).await.is_err()
            || s.write_all(b"\r\n").await.is_err()
        {
            break;
        }
    }
    let _ = s.write_all(b"0\r\n\r\n").await;
    response_head(&mut s).await
}

/// The first bytes of the response (within 10 s).
async fn response_head(s: &mut tokio::net::TcpStream) -> String {
    let mut buf = vec![0u8; 1024];
    let n = tokio::time::timeout(Duration::from_secs(10), s.read(&mut buf))
        .await
        .ok()
        .and_then(Result::ok)
        .unwrap_or(0);
    String::from_utf8_lossy(&buf[..n]).to_string()
}

/// Sends `bytes` on a fresh connection and returns the start of the response.
async fn raw(base: &str, bytes: &[u8]) -> String {
    let mut s = tokio::net::TcpStream::connect(base.trim_start_matches("http://"))
        .await
        .unwrap();
    s.write_all(bytes).await.unwrap();
    response_head(&mut s).await
}

/// Sends `start` and then nothing: returns how long until the server gave up and what it said.
async fn slow(base: &str, start: &[u8]) -> (Duration, String) {
    let addr = base.trim_start_matches("http://");
    let mut s = tokio::net::TcpStream::connect(addr).await.unwrap();
    s.write_all(start).await.unwrap();
    let t = Instant::now();
    let mut buf = vec![];
    let _ = tokio::time::timeout(Duration::from_secs(30), s.read_to_end(&mut buf)).await;
    (t.elapsed(), String::from_utf8_lossy(&buf).to_string())
}

/// Runs schemathesis against the daemon's own OpenAPI description when `SCHEMATHESIS` names it
/// (scripts/test installs it); returns a word for the table.
fn schemathesis(base: &str) -> String {
    let Some(st) = peer(&SCHEMATHESIS) else {
        return "schemathesis not run (SCHEMATHESIS unset)".into();
    };
    let spec = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("openapi/daemon.yaml");
    let out = std::process::Command::new(st)
        .args(["run", spec.to_str().unwrap(), "--url", base])
        .args(["--checks", "all", "--max-examples", "60", "--seed", "62"])
        .args(["--exclude-checks", "ignored_auth,positive_data_acceptance"])
        .env("SCHEMATHESIS_TELEMETRY", "false")
        .output()
        .expect("schemathesis runs");
    let text =
        String::from_utf8_lossy(&out.stdout).to_string() + &String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "schemathesis found problems:\n{text}");
    let summary = text
        .lines()
        .rev()
        .find(|l| l.contains("passed") || l.contains("generated"))
        .unwrap_or("passed")
        .trim()
        .trim_matches('=')
        .trim()
        .to_string();
    format!("schemathesis: {summary}")
}
