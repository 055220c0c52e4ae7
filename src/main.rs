//! The `fanvue-agent` command line: parse arguments, load config, run one command (each command's
//! body lives in `cli/`, the arguments' shape in `cli::args`).

#![warn(clippy::too_many_lines)]

use clap::Parser;
use fanvue_agent::{
    app::Parts,
    cli::{
        self,
        args::{Cli, Command, PromptsCommand},
        CliError,
    },
    telemetry,
};
use std::process::ExitCode;

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
        return Ok(cli::check_config::gen_key());
    }
    let vouch = matches!(cli.command, Command::CheckConfig | Command::Serve);
    let cfg = match cli::check_config::load(cli.config.as_deref(), vouch) {
        Ok(cfg) => cfg,
        Err(code) => return Ok(code),
    };
    // The commands that need no database.
    match &cli.command {
        Command::CheckConfig => return Ok(cli::check_config::run(&cfg)),
        Command::Prompts {
            command: PromptsCommand::Check { creator, show },
        } => return Ok(cli::prompts::check(&cfg, creator.as_deref(), *show)),
        _ => {}
    }
    telemetry::init(&cfg.log);
    let mut parts = Parts::build(cfg).await?;
    parts.config_path = cli.config;
    let res = dispatch(&parts, cli.command).await;
    parts.store.close().await;
    Ok(res?)
}

/// Runs one of the commands that work on the database.
async fn dispatch(parts: &Parts, command: Command) -> Result<ExitCode, CliError> {
    let out = &mut std::io::stdout();
    let done = |_| ExitCode::SUCCESS;
    match command {
        Command::Serve => cli::serve::run(parts).await,
        Command::Connect(args) => cli::connect::run(parts, &args).await,
        Command::Creators => cli::creators::list(&parts.store).await,
        Command::Pause { creator, fan } => {
            cli::creators::pause(&parts.store, &creator, fan.as_deref(), true).await
        }
        Command::Resume { creator, fan } => {
            cli::creators::pause(&parts.store, &creator, fan.as_deref(), false).await
        }
        Command::Decisions(args) => Ok(cli::decisions::command(&parts.store, args).await?),
        Command::Chats(args) => Ok(cli::chats::command(parts, &args).await?),
        Command::Reply { creator, fan, text } => {
            Ok(cli::chats::reply_command(parts, &creator, &fan, &text).await?)
        }
        Command::Doctor { no_notify_test } => {
            Ok(cli::doctor::command(parts, !no_notify_test).await)
        }
        Command::Replay(args) => Ok(cli::replay::command(parts, args).await),
        Command::Drafts(args) => Ok(cli::drafts::list(&parts.store, &args, out)
            .await
            .map(done)?),
        Command::Marks(args) => Ok(cli::marks::list(&parts.store, &args, out).await.map(done)?),
        Command::Sequences(args) => Ok(cli::sequences::dry_run(parts, &args, out).await?),
        Command::Clear(args) => cli::marks::clear_command(parts, &args).await,
        Command::Approve { id, text } => {
            Ok(cli::drafts::approve_command(parts, id, text.as_deref()).await)
        }
        Command::Reject { id, note } => {
            Ok(cli::drafts::reject_command(&parts.store, id, note.as_deref()).await)
        }
        Command::User { command } => cli::users::command(parts, command, out).await,
        Command::Fan { command } => cli::fans::command(parts, command).await,
        Command::Prompts {
            command: PromptsCommand::Version { version },
        } => Ok(cli::prompts::version(&parts.store, &version, out)
            .await
            .map(|found| match found {
                true => ExitCode::SUCCESS,
                false => ExitCode::from(1),
            })?),
        Command::Stats(args) => cli::stats::command(parts, &args).await,
        Command::Experiment { command } => cli::stats::experiment_command(parts, &command).await,
        Command::CheckConfig | Command::GenKey | Command::Prompts { .. } => {
            unreachable!("handled before the store is opened")
        }
    }
}
