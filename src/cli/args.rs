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
    /// Reply by hand as the creator: the text is queued for the daemon's sender (sent once,
    /// within seconds) and the chat's AI stands back for the takeover time, or until `resume`.
    Reply {
        creator: String,
        /// The fan's uuid.
        fan: String,
        /// The message (at most 5000 characters).
        text: String,
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
    /// Console logins: `user add NAME --role operator` (every creator) or `--role creator
    /// --creator HANDLE` (one creator), `user passwd NAME`, `user remove NAME`, `user list`.
    /// Without --password-stdin a strong password is generated and printed once. Changing a
    /// password or removing a user logs them out everywhere.
    User {
        #[command(subcommand)]
        command: UserCommand,
    },
    /// One fan as humans steer them: `fan show`, the switches for AI replies, offers and
    /// follow-ups (`fan set --ai off`), notes for humans, instructions for the model, the memory
    /// facts (`fan fact`, `fan forget`) and the model-written summary (`fan summary`).
    Fan {
        #[command(subcommand)]
        command: FanCommand,
    },
    /// Reject a draft: it is never sent.
    Reject {
        id: i64,
        /// Why (kept with the draft).
        #[arg(long)]
        note: Option<String>,
    },
    /// Money attributed to the agent: LLM cost, PPV bought from its offers, tips within the window
    /// after its messages; conversion per creator, item, spend tier and persona version; each
    /// creator's persona A/B test with 95% intervals.
    Stats(StatsArgs),
    /// A creator's persona A/B test (`[creators.<h>.experiment]`): show it, stop it (everyone
    /// gets the control), promote a variant (everyone gets it) or resume it.
    Experiment {
        #[command(subcommand)]
        command: ExperimentCommand,
    },
}

#[derive(Subcommand)]
pub enum ExperimentCommand {
    /// The experiment's state and its report per variant.
    Show { creator: String },
    /// Every fan gets the control (the first variant) from the next reply.
    Stop { creator: String },
    /// Every fan gets VARIANT from the next reply.
    Promote { creator: String, variant: String },
    /// Undo a stop or promotion: each fan gets their own variant again.
    Resume { creator: String },
}

impl ExperimentCommand {
    pub fn creator(&self) -> &str {
        match self {
            ExperimentCommand::Show { creator }
            | ExperimentCommand::Stop { creator }
            | ExperimentCommand::Promote { creator, .. }
            | ExperimentCommand::Resume { creator } => creator,
        }
    }
}

#[derive(Subcommand)]
pub enum UserCommand {
    /// Add a console user.
    Add {
        name: String,
        /// `operator` (every creator) or `creator` (only --creator).
        #[arg(long, value_parser = ["operator", "creator"])]
        role: String,
        /// The creator a `creator` user sees (a configured handle).
        #[arg(long)]
        creator: Option<String>,
        /// Read the password from the first line of standard input instead of generating one.
        #[arg(long)]
        password_stdin: bool,
    },
    /// Set a new password (ends the user's sessions).
    Passwd {
        name: String,
        #[arg(long)]
        password_stdin: bool,
    },
    /// Remove a user (ends their sessions).
    Remove { name: String },
    /// List users and their roles.
    List {
        #[arg(long)]
        json: bool,
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
    /// Print the files of a prompt version a decision used (`decisions --json` shows its
    /// `prompt_version`), as they were then.
    Version { version: String },
}

#[derive(Subcommand)]
pub enum FanCommand {
    /// Everything humans set for the fan, what the agent remembers, the summary, spend and marks.
    Show {
        #[command(flatten)]
        fan: FanRef,
        #[arg(long)]
        json: bool,
    },
    /// Change switches (`--ai off`, `--offers on`, `--followups off`), the notes for humans
    /// (never shown to the model) or the instructions added to this fan's prompt ("" clears).
    Set {
        #[command(flatten)]
        fan: FanRef,
        /// AI replies: `on` or `off` (off: the fan's messages are skipped with that reason).
        #[arg(long, value_parser = on_off)]
        ai: Option<bool>,
        /// PPV offers on replies: `on` or `off`.
        #[arg(long, value_parser = on_off)]
        offers: Option<bool>,
        /// Follow-ups: `on` or `off` (off: none scheduled).
        #[arg(long, value_parser = on_off)]
        followups: Option<bool>,
        /// Notes for humans only.
        #[arg(long)]
        notes: Option<String>,
        /// Instructions added to this fan's prompt.
        #[arg(long)]
        instructions: Option<String>,
    },
    /// Remember a fact about the fan (KIND: name, from, likes, work, declined), or correct one
    /// with --was OLD.
    Fact {
        #[command(flatten)]
        fan: FanRef,
        kind: String,
        value: String,
        /// The value it replaces.
        #[arg(long)]
        was: Option<String>,
    },
    /// Forget one remembered fact.
    Forget {
        #[command(flatten)]
        fan: FanRef,
        kind: String,
        value: String,
    },
    /// Show the fan's summary, write your own (--set; the model then leaves it alone) or erase it
    /// (--erase; the model writes a new one after `memory.summary_every` fan messages).
    Summary {
        #[command(flatten)]
        fan: FanRef,
        #[arg(long, conflicts_with = "erase")]
        set: Option<String>,
        #[arg(long)]
        erase: bool,
    },
}

#[derive(Args)]
pub struct FanRef {
    /// The creator's handle.
    pub creator: String,
    /// The fan's full uuid.
    pub fan: String,
}

/// `on`/`off` (also true/false, yes/no).
fn on_off(s: &str) -> Result<bool, String> {
    match s.to_ascii_lowercase().as_str() {
        "on" | "true" | "yes" => Ok(true),
        "off" | "false" | "no" => Ok(false),
        _ => Err(format!("`{s}`: use on or off")),
    }
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
pub struct StatsArgs {
    /// Only this creator.
    #[arg(long)]
    pub creator: Option<String>,
    /// Since: an age (`15m`, `2h`, `7d`), a date or an RFC 3339 time.
    #[arg(long, default_value = "7d")]
    pub since: String,
    /// One JSON object instead of text.
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
