//! The config every command starts from, and the commands that need nothing else: `check-config`
//! and `gen-key`.

use crate::{
    config::{Config, ConfigError},
    crypto::TokenCipher,
};
use std::{path::Path, process::ExitCode};

/// Loads the config at `path`, or prints why it is invalid (exit code 2). With `vouch` (the
/// commands that vouch for the config: `check-config`, `serve`) the holding texts are also run
/// through the draft guardrails: a blocked one would never reach a fan. Only those pay for it,
/// as compiling the guardrails takes half a second.
pub fn load(path: Option<&Path>, vouch: bool) -> Result<Config, ExitCode> {
    let cfg = Config::load(path).map_err(invalid)?;
    if vouch {
        let blocked = crate::agent::holding::check_texts(&cfg);
        if let Some(e) = ConfigError::from_problems(path, blocked) {
            return Err(invalid(e));
        }
    }
    Ok(cfg)
}

fn invalid(e: ConfigError) -> ExitCode {
    eprintln!("{e}");
    ExitCode::from(2)
}

/// `check-config`: the effective config, secrets redacted, and a warning without a token key.
pub fn run(cfg: &Config) -> ExitCode {
    print!("{}", cfg.to_redacted_toml());
    if let Err(e) = cfg.token_key() {
        eprintln!("warning: {e}");
    }
    ExitCode::SUCCESS
}

/// `gen-key`: a new random token-encryption key.
pub fn gen_key() -> ExitCode {
    println!("{}", TokenCipher::generate_key());
    ExitCode::SUCCESS
}
