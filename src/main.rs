//! The `fanvue-agent` command line: parse arguments, load config, run one command.

use anyhow::{bail, Context};
use clap::{Parser, Subcommand};
use fanvue_agent::{
    app::Parts,
    cli,
    config::{Config, ConfigError},
    crypto::TokenCipher,
    store::CreatorStatus,
    telemetry,
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
        /// Only this creator's decisions.
        #[arg(long)]
        creator: Option<String>,
        /// Only this fan's (a uuid, or its first characters as printed).
        #[arg(long)]
        fan: Option<String>,
        /// Only decisions since: an age (`15m`, `2h`, `7d`), a date or an RFC 3339 time.
        #[arg(long)]
        since: Option<String>,
        /// One JSON object per line instead of text.
        #[arg(long)]
        json: bool,
    },
    /// A creator's recent conversations: last messages, decisions, spend, pauses.
    Chats {
        creator: String,
        /// How many conversations.
        #[arg(long, default_value_t = 10)]
        limit: i64,
        /// Messages shown per conversation.
        #[arg(long, default_value_t = 6)]
        messages: i64,
        #[arg(long)]
        json: bool,
    },
    /// Check config, database, webhook secret, prompts, each creator's token and scopes, the LLM
    /// and the clock, and send a test notification to each channel: one line per check with a
    /// fix; non-zero exit when any fails.
    Doctor {
        /// Do not send test notifications.
        #[arg(long)]
        no_notify_test: bool,
    },
    /// Dry run: what the agent would answer now to a fan's last message (optionally with another
    /// prompt folder). Runs the real agent on a copy of the database; sends and saves nothing.
    Replay {
        /// The fan's uuid (or its first characters).
        fan: String,
        /// The creator, when the fan writes to several.
        #[arg(long)]
        creator: Option<String>,
        /// Use persona prompts from this folder instead of `daemon.prompts_dir`.
        #[arg(long)]
        prompt_dir: Option<PathBuf>,
    },
    /// Drafts of `approve` (and `shadow`) mode: those awaiting approval, or all with --all.
    Drafts {
        #[arg(long)]
        creator: Option<String>,
        #[arg(long)]
        all: bool,
        #[arg(long)]
        json: bool,
    },
    /// Approve a draft: it is sent (the daemon's sender picks it up within seconds). A draft that
    /// waited longer than `agent.draft_ttl_secs` has expired and cannot be approved.
    Approve {
        id: i64,
        /// Send this text instead of the draft's (it must pass the draft guardrails; the draft's
        /// own text stays visible in `drafts --all` and `decisions`).
        #[arg(long)]
        text: Option<String>,
    },
    /// Safety marks: fans the AI does not answer, offer or follow up (a minor until a human clears
    /// it; crisis, threat, meeting and dispute pauses until cleared or lapsed).
    Marks {
        #[arg(long)]
        creator: Option<String>,
        /// Cleared and lapsed marks too.
        #[arg(long)]
        all: bool,
        #[arg(long)]
        json: bool,
    },
    /// Lift the safety marks on one fan (after a human checked): the agent answers them again.
    Clear {
        creator: String,
        /// The fan's uuid.
        fan: String,
        /// Why it is safe now (kept with the mark, with your user name).
        #[arg(long)]
        reason: String,
    },
    /// Reject a draft: it is never sent.
    Reject {
        id: i64,
        /// Why (kept with the draft).
        #[arg(long)]
        note: Option<String>,
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
    if matches!(cli.command, Command::CheckConfig | Command::Serve) {
        // Holding texts go through the draft guardrails (half a second to compile), so only the
        // commands that vouch for the config check them: a blocked one would never reach a fan.
        let blocked = fanvue_agent::agent::holding::check_texts(&cfg);
        if let Some(e) = ConfigError::from_problems(cli.config.as_deref(), blocked) {
            eprintln!("{e}");
            return Ok(ExitCode::from(2));
        }
    }
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
    let mut parts = Parts::build(cfg).await?;
    parts.config_path = cli.config.clone();
    match cli.command {
        Command::Serve => {
            if parts.cfg.webhook.secret.is_empty() {
                bail!("`webhook.secret` is not set: every webhook must be verified. Set it (or FANVUE_AGENT_WEBHOOK__SECRET) to the signing secret from the Fanvue developer portal");
            }
            let missing: Vec<String> = fanvue_agent::health::prompts(&parts.cfg)
                .into_iter()
                .filter(|c| !c.ok)
                .map(|c| {
                    format!(
                        "{}: {} (fix: {})",
                        c.name,
                        c.detail,
                        c.fix.unwrap_or_default()
                    )
                })
                .collect();
            if !missing.is_empty() {
                bail!(
                    "cannot answer without persona prompts (daemon.prompts_dir = {}):\n  {}",
                    parts.cfg.daemon.prompts_dir.display(),
                    missing.join("\n  ")
                );
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
        Command::Decisions {
            follow,
            last,
            creator,
            fan,
            since,
            json,
        } => {
            let now = fanvue_agent::domain::time::now_ms();
            let parsed = (|| {
                Ok::<_, String>(fanvue_agent::store::decisions::DecisionFilter {
                    creator,
                    fan: fan.as_deref().map(cli::parse_fan).transpose()?,
                    since_ms: since
                        .as_deref()
                        .map(|s| cli::parse_since(s, now))
                        .transpose()?,
                })
            })();
            let filter = match parsed {
                Ok(f) => f,
                Err(e) => {
                    eprintln!("error: {e}");
                    parts.store.close().await;
                    return Ok(ExitCode::from(2));
                }
            };
            let stop = CancellationToken::new();
            fanvue_agent::app::cancel_on_signals(stop.clone());
            let mut out = std::io::stdout();
            cli::decisions::run(&parts.store, &filter, last, follow, json, &mut out, stop).await?;
        }
        Command::Chats {
            creator,
            limit,
            messages,
            json,
        } => {
            if !parts.cfg.creators.contains_key(&creator)
                && parts.store.creator(&creator).await?.is_none()
            {
                eprintln!("`{creator}` is not a configured creator");
                parts.store.close().await;
                return Ok(ExitCode::from(2));
            }
            cli::chats::run(
                &parts.store,
                &creator,
                limit,
                messages,
                json,
                &mut std::io::stdout(),
            )
            .await?;
        }
        Command::Doctor { no_notify_test } => {
            let llm = parts.llm();
            let out = &mut std::io::stdout();
            let ok = cli::doctor::run(&parts, llm.as_ref(), !no_notify_test, out).await;
            parts.store.close().await;
            return Ok(if ok {
                ExitCode::SUCCESS
            } else {
                ExitCode::FAILURE
            });
        }
        Command::Replay {
            fan,
            creator,
            prompt_dir,
        } => {
            let llm = parts.llm();
            let res = cli::replay::run(
                &parts,
                llm,
                creator.as_deref(),
                &fan,
                prompt_dir,
                &mut std::io::stdout(),
            )
            .await;
            parts.store.close().await;
            return Ok(match res {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => {
                    eprintln!("error: {e}");
                    match e {
                        cli::replay::ReplayError::Input(_) => ExitCode::from(2),
                        _ => ExitCode::FAILURE,
                    }
                }
            });
        }
        Command::Drafts { creator, all, json } => {
            cli::drafts::list(
                &parts.store,
                creator.as_deref(),
                all,
                json,
                &mut std::io::stdout(),
            )
            .await?;
        }
        Command::Marks { creator, all, json } => {
            cli::marks::list(
                &parts.store,
                creator.as_deref(),
                all,
                json,
                &mut std::io::stdout(),
            )
            .await?;
        }
        Command::Clear {
            creator,
            fan,
            reason,
        } => {
            let fan = fan.trim().to_ascii_lowercase();
            if !parts.cfg.creators.contains_key(&creator) {
                eprintln!("`{creator}` is not a configured creator");
                return Ok(ExitCode::from(2));
            }
            if uuid::Uuid::parse_str(&fan).is_err() || reason.trim().is_empty() {
                eprintln!("give the fan's full uuid and a --reason");
                return Ok(ExitCode::from(2));
            }
            let by = operator();
            let n = cli::marks::clear(
                &parts.store,
                &creator,
                &fan,
                &format!("cli:{by}"),
                reason.trim(),
                &mut std::io::stdout(),
            )
            .await?;
            if n == 0 {
                return Ok(ExitCode::from(1));
            }
        }
        Command::Approve { id, text } => {
            let by = format!("cli:{}", operator());
            let res =
                cli::drafts::approve(&parts.store, &parts.cfg, id, text.as_deref(), &by).await;
            parts.store.close().await;
            let edited = if text.is_some() {
                " with your edit"
            } else {
                ""
            };
            return Ok(match res {
                Ok(outbox) => {
                    println!("approved draft {id}{edited}: queued as outbox {outbox}; the daemon sends it within seconds");
                    ExitCode::SUCCESS
                }
                Err(cli::drafts::ApproveError::Store(e)) => draft_error(e),
                Err(e) => {
                    eprintln!("error: {e}");
                    ExitCode::FAILURE
                }
            });
        }
        Command::Reject { id, note } => {
            let res = parts.store.reject_draft(id, note.as_deref()).await;
            parts.store.close().await;
            return Ok(match res {
                Ok(()) => {
                    println!("rejected draft {id}: it will not be sent");
                    ExitCode::SUCCESS
                }
                Err(e) => draft_error(e),
            });
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

/// Who runs the command (recorded with a clear or an edit).
fn operator() -> String {
    std::env::var("SUDO_USER")
        .or_else(|_| std::env::var("USER"))
        .unwrap_or_else(|_| "operator".into())
}

/// Exit codes of `approve`/`reject`: 2 for an unknown draft, 1 when it cannot be changed.
fn draft_error(e: fanvue_agent::store::StoreError) -> ExitCode {
    use fanvue_agent::store::StoreError;
    eprintln!("error: {e}");
    match e {
        StoreError::NotFound(_) => ExitCode::from(2),
        _ => ExitCode::FAILURE,
    }
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

/// `prompts check`: renders every (or one) creator's persona with a sample fan.
fn prompts_check(cfg: &Config, only: Option<&str>, show: bool) -> ExitCode {
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
    let mut failed = false;
    for h in handles {
        match fanvue_agent::agent::prompt::check_persona(cfg, &h) {
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
