//! The command line's shape (clap): every command, flag and help text `fanvue-agent --help` shows.
//! `main.rs` parses these and hands each command to its file in `cli/`.

use clap::{Args, Parser, Subcommand};
use std::path::PathBuf;

/// Answers fans on Fanvue in each creator's voice. Configuration: built-in defaults, then the
/// file given with --config, then FANVUE_AGENT_<SECTION>__<KEY> environment variables.
#[derive(Parser)]
#[command(name = "fanvue-agent", version, about, long_about = None)]
pub struct Cli {
    /// Path of config.toml.
    #[arg(long, short, global = true, env = "FANVUE_AGENT_CONFIG")]
    pub config: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand)]
pub enum Command {
    /// Print the effective configuration (secrets redacted), or the errors; non-zero on errors.
    CheckConfig,
    /// Print a new random token-encryption key for `security.token_key`.
    GenKey,
    /// Run the daemon: webhooks, poller, agent and sender for every configured creator.
    /// Prints `listening on http://ADDR` once it accepts webhooks.
    Serve,
    /// Connect a configured creator through OAuth: prints the URL to open, then waits for the
    /// callback (handled here, or by a running daemon on the same database).
    Connect(ConnectArgs),
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
    Decisions(DecisionsArgs),
    /// A creator's recent conversations: last messages, decisions, spend, pauses.
    Chats(ChatsArgs),
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
    Replay(ReplayArgs),
    /// Drafts of `approve` (and `shadow`) mode: those awaiting approval, or all with --all.
    Drafts(DraftsArgs),
    /// Approve a draft: it is sent (the daemon's sender picks it up within seconds). A draft that
    /// waited longer than `agent.draft_ttl_secs` has expired and cannot be approved.
    Approve {
        id: i64,
        /// Send this text instead of the draft's (it must pass the draft guardrails; the draft's
        /// own text stays visible in `drafts --all` and `decisions`).
        #[arg(long)]
        text: Option<String>,
    },
    /// Sequences: `sequences --dry-run [--creator H]` prints who would get which step now, with
    /// the text, and when it would leave (nothing is queued or sent).
    Sequences(SequencesArgs),
    /// Safety marks: fans the AI does not answer, offer or follow up (a minor until a human clears
    /// it; crisis, threat, meeting and dispute pauses until cleared or lapsed).
    Marks(MarksArgs),
    /// Lift the safety marks on one fan (after a human checked): the agent answers them again.
    Clear(ClearArgs),
    /// Reject a draft: it is never sent.
    Reject {
        id: i64,
        /// Why (kept with the draft).
        #[arg(long)]
        note: Option<String>,
    },
}

#[derive(Subcommand)]
pub enum PromptsCommand {
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

// The argument sets below carry no doc comment of their own: clap would show it as the
// command's description instead of the variant's.

#[derive(Args)]
pub struct ConnectArgs {
    /// The creator's handle (a `[creators.<handle>]` section of the config).
    pub creator: String,
    /// Give up after this many seconds.
    #[arg(long, default_value_t = 900)]
    pub timeout: u64,
}

#[derive(Args)]
pub struct DecisionsArgs {
    /// Keep printing new decisions as they are made (Ctrl-C to stop).
    #[arg(long, short)]
    pub follow: bool,
    /// Show at most this many of the latest decisions first.
    #[arg(long, default_value_t = 20)]
    pub last: i64,
    /// Only this creator's decisions.
    #[arg(long)]
    pub creator: Option<String>,
    /// Only this fan's (a uuid, or its first characters as printed).
    #[arg(long)]
    pub fan: Option<String>,
    /// Only decisions since: an age (`15m`, `2h`, `7d`), a date or an RFC 3339 time.
    #[arg(long)]
    pub since: Option<String>,
    /// One JSON object per line instead of text.
    #[arg(long)]
    pub json: bool,
}

#[derive(Args)]
pub struct ChatsArgs {
    pub creator: String,
    /// How many conversations.
    #[arg(long, default_value_t = 10)]
    pub limit: i64,
    /// Messages shown per conversation.
    #[arg(long, default_value_t = 6)]
    pub messages: i64,
    #[arg(long)]
    pub json: bool,
}

#[derive(Args)]
pub struct ReplayArgs {
    /// The fan's uuid (or its first characters).
    pub fan: String,
    /// The creator, when the fan writes to several.
    #[arg(long)]
    pub creator: Option<String>,
    /// Use persona prompts from this folder instead of `daemon.prompts_dir`.
    #[arg(long)]
    pub prompt_dir: Option<PathBuf>,
}

#[derive(Args)]
pub struct DraftsArgs {
    #[arg(long)]
    pub creator: Option<String>,
    #[arg(long)]
    pub all: bool,
    #[arg(long)]
    pub json: bool,
}

#[derive(Args)]
pub struct SequencesArgs {
    /// Print what a check would queue now, change nothing (the daemon queues for real).
    #[arg(long)]
    pub dry_run: bool,
    #[arg(long)]
    pub creator: Option<String>,
}

#[derive(Args)]
pub struct MarksArgs {
    #[arg(long)]
    pub creator: Option<String>,
    /// Cleared and lapsed marks too.
    #[arg(long)]
    pub all: bool,
    #[arg(long)]
    pub json: bool,
}

#[derive(Args)]
pub struct ClearArgs {
    pub creator: String,
    /// The fan's uuid.
    pub fan: String,
    /// Why it is safe now (kept with the mark, with your user name).
    #[arg(long)]
    pub reason: String,
}
