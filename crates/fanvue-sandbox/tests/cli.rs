//! The `fanvue-sandbox` binary as a user runs it: its help documents every flag and the control
//! endpoints.

use clap::CommandFactory;
use fanvue_sandbox::SandboxArgs;
use std::process::Command;

fn help() -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_fanvue-sandbox"))
        .arg("--help")
        .output()
        .unwrap();
    assert!(out.status.success());
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn help_documents_every_flag() {
    let help = help();
    for flag in [
        "--listen",
        "--webhook-url",
        "--webhook-secret",
        "--creators",
        "--fans",
        "--seed",
        "--family",
        "--drop-webhooks",
        "--duplicate-webhooks",
        "--delay-webhooks-ms",
        "--reorder-webhooks",
        "--send-5xx",
        "--send-timeout",
        "--send-lost-response",
        "--rate-limit-storm",
        "--rate-limit",
        "/_sandbox/stats",
    ] {
        assert!(help.contains(flag), "fanvue-sandbox --help lacks {flag}");
    }
    // Every flag the parser knows, with a sentence saying what it does.
    for arg in SandboxArgs::command().get_arguments() {
        let Some(long) = arg.get_long() else { continue };
        assert!(
            help.contains(&format!("--{long}")),
            "fanvue-sandbox --help lacks --{long}"
        );
        assert!(arg.get_help().is_some(), "--{long} has no help text");
    }
}

#[test]
fn help_documents_how_to_connect_without_a_browser() {
    assert!(help().contains("sandbox_auto_approve"));
}
