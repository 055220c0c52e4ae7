//! `fanvue-agent prompts check`: renders every (or one) creator's persona with a sample fan and
//! reports broken templates.

use crate::config::Config;
use std::process::ExitCode;

/// Checks each creator's persona (or `default` when none is configured); 1 when any fails, 2 for
/// an unknown creator.
pub fn check(cfg: &Config, only: Option<&str>, show: bool) -> ExitCode {
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
        match crate::agent::prompt::check_persona(cfg, &h) {
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

/// `prompts version <hash>`: the files of a kept prompt version (fan-free text: the persona as
/// the operators wrote it). Returns whether it was found.
pub async fn version(
    store: &crate::store::Store,
    version: &str,
    out: &mut dyn std::io::Write,
) -> Result<bool, crate::store::StoreError> {
    let Some(v) = store.prompt_version(version.trim()).await? else {
        eprintln!("no prompt version `{}` is kept", super::visible(version));
        return Ok(false);
    };
    let first = super::clock(v.first_used_at);
    let _ = writeln!(
        out,
        "version {} of persona {} (first used {first})",
        v.version, v.persona
    );
    for (name, text) in &v.files {
        let _ = writeln!(out, "\n--- {name}");
        for line in text.lines() {
            let _ = writeln!(out, "{}", super::visible(line));
        }
    }
    Ok(true)
}
