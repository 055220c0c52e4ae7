//! The `fanvue-agent` command line: parse arguments, load config, run one command.

use anyhow::{bail, Context};
use clap::{Parser, Subcommand};
use fanvue_agent::{
    app::Parts, config::Config, crypto::TokenCipher, store::CreatorStatus, telemetry,
};
use std::{path::PathBuf, process::ExitCode, time::Duration};
use tokio_util::sync::CancellationToken;

/// Answers fans on Fanvue in each creator's voice. Configuration: built-in defaults, then the
/// file given with --config, then FANVUE_AGENT_<SECTION>__<KEY> environment variables.
#[derive(Parser)]
#[command(version, about, long_about = None)]
struct Cli {
    /// Path of config.toml.
    #[arg(long, short, global = true, env = "FANVUE_AGENT_CONFIG")]
    config: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Print the effective configuration (secrets redacted), or the errors; non-zero on errors.
    CheckConfig,
    /// Print a new random token-encryption key for `security.token_key`.
    GenKey,
    /// Run the daemon: webhooks, poller, agent and sender for every configured creator.
    /// Prints `listening on http://ADDR` once it accepts webhooks.
    Serve,
    /// Connect a configured creator through OAuth: prints the URL to open, then waits for the
    /// callback (handled here, or by a running daemon on the same database).
    Connect {
        /// The creator's handle (a `[creators.<handle>]` section of the config).
        creator: String,
        /// Approve the authorization without a browser. Only works against `fanvue-sandbox`.
        #[arg(long)]
        sandbox_auto_approve: bool,
        /// Give up after this many seconds.
        #[arg(long, default_value_t = 900)]
        timeout: u64,
    },
    /// List creators and their connection status.
    Creators,
    /// Stop answering a creator (or one fan of theirs) until `resume`. Events keep arriving and
    /// are answered after a creator resumes; a paused fan's messages are decided `skipped`.
    Pause {
        creator: String,
        /// A fan's uuid: pause only this chat.
        fan: Option<String>,
    },
    /// Undo `pause`.
    Resume {
        creator: String,
        fan: Option<String>,
    },
    /// Persona prompts: `prompts check [--creator H] [--show]` renders each creator's prompt with a
    /// sample fan and reports broken templates with file and line (non-zero exit).
    Prompts {
        #[command(subcommand)]
        command: PromptsCommand,
    },
    /// Print the decision log: what was done with each event, the fan's words and the reply.
    Decisions {
        /// Keep printing new decisions as they are made (Ctrl-C to stop).
        #[arg(long, short)]
        follow: bool,
        /// Show at most this many of the latest decisions first.
        #[arg(long, default_value_t = 20)]
        last: i64,
        /// One JSON object per line instead of text.
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand)]
enum PromptsCommand {
    /// Validate and render each creator's prompt with a sample fan.
    Check {
        /// Only this creator.
        #[arg(long)]
        creator: Option<String>,
        /// Print the rendered prompt too.
        #[arg(long)]
        show: bool,
    },
}

#[tokio::main]
async fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli).await {
        Ok(code) => code,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::FAILURE
        }
    }
}

async fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    if let Command::GenKey = cli.command {
        println!("{}", TokenCipher::generate_key());
        return Ok(ExitCode::SUCCESS);
    }
    let cfg = match Config::load(cli.config.as_deref()) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("{e}");
            return Ok(ExitCode::from(2));
        }
    };
    if let Command::CheckConfig = cli.command {
        print!("{}", cfg.to_redacted_toml());
        if let Err(e) = cfg.token_key() {
            eprintln!("warning: {e}");
        }
        return Ok(ExitCode::SUCCESS);
    }
    if let Command::Prompts {
        command: PromptsCommand::Check { creator, show },
    } = &cli.command
    {
        return Ok(prompts_check(&cfg, creator.as_deref(), *show));
    }
    telemetry::init(&cfg.log);
    let parts = Parts::build(cfg).await?;
    match cli.command {
        Command::Serve => {
            if parts.cfg.webhook.secret.is_empty() {
                bail!("`webhook.secret` is not set: every webhook must be verified. Set it (or FANVUE_AGENT_WEBHOOK__SECRET) to the signing secret from the Fanvue developer portal");
            }
            let listener = parts.bind().await?;
            let llm = parts.llm();
            println!("listening on http://{}", listener.local_addr()?);
            let shutdown = CancellationToken::new();
            fanvue_agent::app::cancel_on_signals(shutdown.clone());
            parts.serve(listener, shutdown, llm).await?;
            tracing::info!("stopped cleanly");
        }
        Command::Prompts { .. } => unreachable!("handled before the store is opened"),
        Command::Decisions { follow, last, json } => {
            decisions(&parts, follow, last, json).await?;
        }
        Command::Connect {
            creator,
            sandbox_auto_approve,
            timeout,
        } => {
            connect(
                &parts,
                &creator,
                sandbox_auto_approve,
                Duration::from_secs(timeout),
            )
            .await?;
        }
        Command::Creators => {
            for c in parts.store.creators().await? {
                println!(
                    "{:<24} {:<16} {:<38} {}",
                    c.handle,
                    c.status.as_str(),
                    c.uuid.as_deref().unwrap_or("-"),
                    c.status_reason.as_deref().unwrap_or("")
                );
            }
        }
        Command::Pause { creator, fan } => {
            if let Some(code) = pause(&parts, &creator, fan.as_deref(), true).await? {
                parts.store.close().await;
                return Ok(code);
            }
        }
        Command::Resume { creator, fan } => {
            if let Some(code) = pause(&parts, &creator, fan.as_deref(), false).await? {
                parts.store.close().await;
                return Ok(code);
            }
        }
        Command::CheckConfig | Command::GenKey => unreachable!("handled above"),
    }
    parts.store.close().await;
    Ok(ExitCode::SUCCESS)
}

/// `pause` / `resume`. Returns an exit code when the request cannot be done.
async fn pause(
    parts: &Parts,
    creator: &str,
    fan: Option<&str>,
    on: bool,
) -> anyhow::Result<Option<ExitCode>> {
    let Some(row) = parts.store.creator(creator).await? else {
        eprintln!("`{creator}` is not a configured creator");
        return Ok(Some(ExitCode::from(2)));
    };
    match (fan, on) {
        (Some(fan), _) => {
            let fan = fan.trim().to_ascii_lowercase();
            if uuid::Uuid::parse_str(&fan).is_err() {
                eprintln!("`{fan}` is not a fan uuid");
                return Ok(Some(ExitCode::from(2)));
            }
            if on {
                parts.store.pause_fan(creator, &fan, i64::MAX).await?;
                println!(
                    "paused {creator} ← fan {fan}: their messages are not answered until `resume`"
                );
            } else {
                parts.store.resume_fan(creator, &fan).await?;
                println!("resumed {creator} ← fan {fan}");
            }
        }
        (None, true) => {
            if row.status != CreatorStatus::Active && row.status != CreatorStatus::Paused {
                eprintln!("{creator} is {}: nothing to pause", row.status.as_str());
                return Ok(Some(ExitCode::from(1)));
            }
            parts
                .store
                .set_creator_status(
                    creator,
                    CreatorStatus::Paused,
                    Some("paused by the operator"),
                )
                .await?;
            println!("paused {creator}: fans' messages are kept and answered after `resume`");
        }
        (None, false) => {
            if row.status != CreatorStatus::Paused {
                eprintln!("{creator} is {}, not paused", row.status.as_str());
                return Ok(Some(ExitCode::from(1)));
            }
            parts
                .store
                .set_creator_status(creator, CreatorStatus::Active, None)
                .await?;
            println!("resumed {creator}");
        }
    }
    Ok(None)
}

async fn connect(
    parts: &Parts,
    handle: &str,
    auto_approve: bool,
    timeout: Duration,
) -> anyhow::Result<()> {
    if !parts.cfg.creators.contains_key(handle) {
        bail!("`{handle}` is not a configured creator: add a [creators.{handle}] section to the config first");
    }
    let start = parts.connector().begin(handle).await?;
    println!("Open this URL to connect {handle}:\n{}", start.url);
    // Serve the callback ourselves unless a daemon already listens on the address.
    let shutdown = CancellationToken::new();
    let server = match parts.bind().await {
        Ok(listener) => {
            let p = parts.clone();
            let s = shutdown.clone();
            Some(tokio::spawn(
                async move { p.serve_callback(listener, s).await },
            ))
        }
        Err(_) => {
            println!(
                "(a daemon is listening on {}; it will receive the callback)",
                parts.cfg.daemon.listen
            );
            None
        }
    };
    if auto_approve {
        let url = format!("{}&sandbox_auto_approve={}", start.url, urlencode(handle));
        let resp = parts
            .api
            .http()
            .get(&url)
            .send()
            .await
            .context("cannot reach the authorization server")?;
        let Some(loc) = resp
            .headers()
            .get("location")
            .and_then(|l| l.to_str().ok())
            .map(String::from)
        else {
            bail!("the authorization server did not auto-approve (HTTP {}): --sandbox-auto-approve only works against fanvue-sandbox", resp.status());
        };
        let cb = parts
            .api
            .http()
            .get(&loc)
            .send()
            .await
            .context("cannot reach the OAuth callback")?;
        if !cb.status().is_success() {
            let status = cb.status();
            let body = cb.text().await.unwrap_or_default();
            bail!("the callback failed (HTTP {status}): {}", strip_tags(&body));
        }
    }
    let deadline = tokio::time::Instant::now() + timeout;
    let outcome = loop {
        if let Some(o) = parts.store.pending_outcome(&start.state).await? {
            break o;
        }
        if tokio::time::Instant::now() > deadline {
            break "failed: timed out waiting for the callback".to_string();
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    };
    shutdown.cancel();
    if let Some(s) = server {
        let _ = s.await;
    }
    if outcome != "connected" {
        bail!(
            "{handle} not connected: {}",
            outcome.trim_start_matches("failed: ")
        );
    }
    let c = parts
        .store
        .creator(handle)
        .await?
        .context("creator row vanished")?;
    debug_assert_eq!(c.status, CreatorStatus::Active);
    println!("connected {handle} ({})", c.uuid.unwrap_or_default());
    Ok(())
}

async fn decisions(parts: &Parts, follow: bool, last: i64, json: bool) -> anyhow::Result<()> {
    let newest: Option<i64> = sqlx::query_scalar("SELECT max(id) FROM decisions")
        .fetch_one(parts.store.reader())
        .await?;
    let mut after = newest.unwrap_or(0).saturating_sub(last.max(0));
    let shutdown = CancellationToken::new();
    fanvue_agent::app::cancel_on_signals(shutdown.clone());
    loop {
        let batch = parts.store.decision_log(after, 500).await?;
        for (k, d) in batch.iter().enumerate() {
            after = d.id;
            if json {
                println!("{}", serde_json::to_string(&d)?);
                continue;
            }
            // A burst answered by one reply: its messages are listed, the reply shown once.
            let same_reply_next = d.reply.is_some()
                && batch.get(k + 1).is_some_and(|n| {
                    n.reply == d.reply && n.fan == d.fan && n.creator == d.creator
                });
            let same_reply_prev = k > 0
                && d.reply.is_some()
                && batch[k - 1].reply == d.reply
                && batch[k - 1].fan == d.fan;
            if !same_reply_prev {
                let t = fanvue_agent::store::outbox::rfc3339_ms(d.decided_at);
                let who = format!(
                    "{} ← fan {}",
                    d.creator.as_deref().unwrap_or("?"),
                    d.fan
                        .as_deref()
                        .map(|f| &f[..f.len().min(8)])
                        .unwrap_or("?")
                );
                println!(
                    "{} {who} [{}] {}: {}",
                    &t[11..19],
                    d.kind,
                    d.outcome,
                    d.reason
                );
            }
            if let Some(text) = &d.fan_text {
                println!("    fan:   {}", one_line(text));
            }
            if let (Some(reply), false) = (&d.reply, same_reply_next) {
                let timing = d
                    .llm_ms
                    .map(|l| format!(" (LLM {l} ms)"))
                    .unwrap_or_default();
                println!("    reply: {}{timing}", one_line(reply));
            }
        }
        if !follow || shutdown.is_cancelled() {
            return Ok(());
        }
        tokio::select! {
            _ = shutdown.cancelled() => return Ok(()),
            _ = tokio::time::sleep(Duration::from_millis(500)) => {}
        }
    }
}

/// `prompts check`: renders every (or one) creator's persona with a sample fan.
fn prompts_check(cfg: &Config, only: Option<&str>, show: bool) -> ExitCode {
    use fanvue_agent::agent::prompt;
    let mut handles: Vec<String> = cfg.creators.keys().cloned().collect();
    if handles.is_empty() {
        handles.push("default".into());
    }
    if let Some(h) = only {
        if !cfg.creators.contains_key(h) {
            eprintln!("`{h}` is not a configured creator");
            return ExitCode::from(2);
        }
        handles = vec![h.to_string()];
    }
    let facts = fanvue_agent::store::facts::FanFacts {
        subscribed: Some(true),
        spend_cents: 2_500,
        purchases: 1,
        tips: 1,
        ..Default::default()
    };
    let mut failed = false;
    for h in handles {
        let persona = cfg.creator_persona(&h);
        let mut fan = prompt::FanVars::new("Sam".into(), Some("sam_fan".into()), &facts);
        fan.display_name = Some("Sam Sample".into());
        fan.minutes_since_last_message = Some(42);
        fan.memory = vec!["they are from texas".into(), "they like hiking".into()];
        let (time_of_day, local_time) =
            prompt::local_time(fanvue_agent::store::now_ms(), cfg.creator_utc_offset(&h));
        let vars = prompt::PromptVars {
            creator: prompt::CreatorVars {
                handle: h.clone(),
                display_name: format!("{h} (sample)"),
            },
            fan,
            time_of_day,
            local_time,
        };
        match prompt::load_persona(&cfg.daemon.prompts_dir, &persona)
            .and_then(|src| src.render(&vars).map(|text| (src, text)))
        {
            Ok((src, text)) => {
                let files: Vec<String> = src
                    .files
                    .iter()
                    .map(|f| f.0.display().to_string())
                    .collect();
                println!("ok    {h}: {} (version {})", files.join(" + "), src.version);
                if show {
                    println!("{}\n", text);
                }
            }
            Err(e) => {
                failed = true;
                println!("error {h}: {e}");
            }
        }
    }
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

fn one_line(s: &str) -> String {
    let s: String = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if s.chars().count() > 160 {
        format!("{}…", s.chars().take(160).collect::<String>())
    } else {
        s
    }
}

fn urlencode(s: &str) -> String {
    url::form_urlencoded::byte_serialize(s.as_bytes()).collect()
}

fn strip_tags(html: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => {
                in_tag = false;
                out.push(' ');
            }
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}
