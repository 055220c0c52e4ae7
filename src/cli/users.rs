//! `fanvue-agent user add | passwd | remove | list`: the console's logins. Passwords are hashed
//! with argon2id (never stored or logged); a generated one is printed once. Changing a password or
//! removing a user ends their sessions at once.

use super::{args::UserCommand, one_line, print_rows, CliError};
use crate::{
    app::Parts,
    crypto::password::{hash_password, password_problem, random_token},
    store::{actions::NewAction, users::UserRole, StoreError},
};
use std::{io::Write, process::ExitCode};

/// Runs one `user` command; exit code 2 for bad input or an unknown user.
pub async fn command(
    parts: &Parts,
    command: UserCommand,
    out: &mut dyn Write,
) -> Result<ExitCode, CliError> {
    let res = match command {
        UserCommand::Add {
            name,
            role,
            creator,
            password_stdin,
        } => add(parts, &name, &role, creator.as_deref(), password_stdin, out).await,
        UserCommand::Passwd {
            name,
            password_stdin,
        } => passwd(parts, &name, password_stdin, out).await,
        UserCommand::Remove { name } => remove(parts, &name, out).await,
        UserCommand::List { json } => {
            let users = parts.store.users().await?;
            print_rows(out, &users, json, "no console users", |out, u| {
                let _ = writeln!(
                    out,
                    "{:<24} {:<9} {}",
                    one_line(&u.name),
                    u.role.as_str(),
                    one_line(u.creator.as_deref().unwrap_or("(all creators)"))
                );
            });
            Ok(())
        }
    };
    match res {
        Ok(()) => Ok(ExitCode::SUCCESS),
        Err(CliError::Refused(m)) => {
            eprintln!("error: {m}");
            Ok(ExitCode::from(2))
        }
        Err(CliError::Store(StoreError::NotFound(what))) => {
            eprintln!("error: no {what}");
            Ok(ExitCode::from(2))
        }
        Err(e) => Err(e),
    }
}

/// Whether `name` can be a login name: 1 to 64 letters, digits, `.`, `_`, `-` or `@`.
pub fn valid_name(name: &str) -> bool {
    !name.is_empty()
        && name.len() <= 64
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "._-@".contains(c))
}

async fn add(
    parts: &Parts,
    name: &str,
    role: &str,
    creator: Option<&str>,
    password_stdin: bool,
    out: &mut dyn Write,
) -> Result<(), CliError> {
    if !valid_name(name) {
        return Err(CliError::Refused(format!(
            "`{}` is not a user name: 1 to 64 letters, digits, `.`, `_`, `-` or `@`",
            one_line(name)
        )));
    }
    let role = UserRole::parse(role)
        .ok_or_else(|| CliError::Refused("--role must be operator or creator".into()))?;
    let creator = match (role, creator) {
        (UserRole::Creator, Some(c)) if parts.cfg.creators.contains_key(c) => Some(c),
        (UserRole::Creator, Some(c)) => {
            return Err(CliError::Refused(format!(
                "`{}` is not a configured creator",
                one_line(c)
            )))
        }
        (UserRole::Creator, None) => {
            return Err(CliError::Refused(
                "a creator user needs --creator HANDLE".into(),
            ))
        }
        (UserRole::Operator, Some(_)) => {
            return Err(CliError::Refused(
                "an operator sees every creator: drop --creator, or use --role creator".into(),
            ))
        }
        (UserRole::Operator, None) => None,
    };
    let (password, generated) = new_password(password_stdin)?;
    let hash = hashed(password.clone()).await?;
    parts
        .store
        .add_user(name, role, creator, &hash)
        .await
        .map_err(|e| match e {
            StoreError::Conflict(m) => CliError::Refused(m),
            e => e.into(),
        })?;
    recorded(parts, "user_add", name).await?;
    let _ = writeln!(
        out,
        "added {name} ({}{})",
        role.as_str(),
        creator.map(|c| format!(" of {c}")).unwrap_or_default()
    );
    if generated {
        let _ = writeln!(out, "password (shown once): {password}");
    }
    Ok(())
}

async fn passwd(
    parts: &Parts,
    name: &str,
    password_stdin: bool,
    out: &mut dyn Write,
) -> Result<(), CliError> {
    let (password, generated) = new_password(password_stdin)?;
    let hash = hashed(password.clone()).await?;
    let ended = parts.store.set_user_password(name, &hash).await?;
    recorded(parts, "user_passwd", name).await?;
    let _ = writeln!(out, "new password for {name}; {ended} session(s) ended");
    if generated {
        let _ = writeln!(out, "password (shown once): {password}");
    }
    Ok(())
}

async fn remove(parts: &Parts, name: &str, out: &mut dyn Write) -> Result<(), CliError> {
    let ended = parts.store.remove_user(name).await?;
    recorded(parts, "user_remove", name).await?;
    let _ = writeln!(out, "removed {name}; {ended} session(s) ended");
    Ok(())
}

/// The new password: the first line of stdin (checked), or a generated one (`true`).
fn new_password(from_stdin: bool) -> Result<(String, bool), CliError> {
    if !from_stdin {
        return Ok((random_token(), true));
    }
    let mut line = String::new();
    std::io::stdin().read_line(&mut line)?;
    let password = line.trim_end_matches(['\r', '\n']).to_string();
    match password_problem(&password) {
        Some(p) => Err(CliError::Refused(p)),
        None => Ok((password, false)),
    }
}

/// The argon2 hash, computed off the async threads.
async fn hashed(password: String) -> Result<String, CliError> {
    tokio::task::spawn_blocking(move || hash_password(&password))
        .await
        .map_err(|e| CliError::Io(std::io::Error::other(e)))
}

/// Records a user change as a human action by the operator at the terminal.
async fn recorded(parts: &Parts, action: &str, name: &str) -> Result<(), CliError> {
    let actor = format!("cli:{}", super::operator());
    parts
        .store
        .record_action(&NewAction {
            actor: &actor,
            action,
            detail: name,
            ..Default::default()
        })
        .await?;
    Ok(())
}
