//! The `fanvue-agent` binary as a user runs it: help texts, check-config, the shipped config.toml
//! (`fanvue-sandbox --help` is checked in its own crate, crates/fanvue-sandbox/tests/cli.rs).

use std::process::Command;

fn agent() -> Command {
    Command::new(env!("CARGO_BIN_EXE_fanvue-agent"))
}

#[test]
fn help_documents_every_command() {
    let out = agent().arg("--help").output().unwrap();
    let help = String::from_utf8_lossy(&out.stdout);
    for cmd in [
        "check-config",
        "gen-key",
        "serve",
        "connect",
        "creators",
        "--config",
    ] {
        assert!(
            help.contains(cmd),
            "fanvue-agent --help lacks {cmd}:\n{help}"
        );
    }
}

/// The sandbox approves on its side (`sandbox_auto_approve` on its authorize page, see
/// `fanvue-sandbox --help`): the product's CLI has no flag that only works against it.
#[test]
fn connect_documents_its_flags_and_none_for_the_sandbox_only() {
    let out = agent().args(["connect", "--help"]).output().unwrap();
    let help = String::from_utf8_lossy(&out.stdout);
    assert!(help.contains("--timeout"), "{help}");
    assert!(!help.contains("sandbox"), "{help}");
}

#[test]
fn check_config_rejects_a_bad_config_naming_the_key_and_file() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("bad.toml");
    std::fs::write(&p, "[fanvue]\nrate_limit_per_minute = 0\n").unwrap();
    let out = agent()
        .arg("--config")
        .arg(&p)
        .arg("check-config")
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("fanvue.rate_limit_per_minute") && err.contains("bad.toml"),
        "{err}"
    );
    let out = agent()
        .args(["--config", "/nonexistent/c.toml", "check-config"])
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("does not exist"));
}

#[test]
fn check_config_refuses_a_holding_reply_for_minors_or_one_the_draft_guardrails_would_block() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("h.toml");
    let run = |text: &str| {
        std::fs::write(&p, text).unwrap();
        let out = agent()
            .arg("--config")
            .arg(&p)
            .arg("check-config")
            .output()
            .unwrap();
        (
            out.status.code(),
            String::from_utf8_lossy(&out.stderr).to_string(),
        )
    };
    let (code, err) = run("[guardrails.holding_replies]\nminor = \"hang on!\"\n");
    assert_eq!(code, Some(2), "{err}");
    assert!(
        err.contains("`guardrails.holding_replies.minor` (in ") && err.contains("under 18"),
        "{err}"
    );
    let (code, err) = run(
        "[creators.ana.holding_replies.crisis]\nes = \"Lo siento. Escríbeme en anna-help.com\"\n",
    );
    assert_eq!(code, Some(2), "{err}");
    assert!(
        err.contains("`creators.ana.holding_replies.crisis`")
            && err.contains("the es text would be blocked by the draft guardrails: link"),
        "{err}"
    );
    let (code, err) = run("[guardrails]\nholding_reply = \"brb\"\n");
    assert_eq!(code, Some(2), "{err}");
    assert!(
        err.contains("replaced by [guardrails.holding_replies]"),
        "{err}"
    );
}

#[test]
fn the_shipped_config_is_valid_documents_every_key_and_hides_secrets() {
    let shipped = concat!(env!("CARGO_MANIFEST_DIR"), "/config.toml");
    let out = agent()
        .args(["--config", shipped, "check-config"])
        .env("FANVUE_AGENT_FANVUE__CLIENT_SECRET", "very-secret-value-1")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let effective = String::from_utf8_lossy(&out.stdout);
    assert!(!effective.contains("very-secret-value-1"));
    assert!(effective.contains("client_secret = \"[redacted]\""));
    let text = std::fs::read_to_string(shipped).unwrap();
    let defaults: toml::Value = toml::from_str(&effective).unwrap();
    for (section, table) in defaults.as_table().unwrap() {
        let Some(t) = table.as_table() else { continue };
        assert!(
            text.contains(&format!("[{section}]")) || section == "creators",
            "config.toml lacks [{section}]"
        );
        for key in t.keys() {
            assert!(
                text.contains(&format!("{key} ="))
                    || text.contains(&format!("# {key} ="))
                    || text.contains(&format!("[[{section}.{key}]]"))
                    || text.contains(&format!("[{section}.{key}")),
                "config.toml does not document {section}.{key}"
            );
        }
    }
}

#[test]
fn prompts_check_renders_each_creator_and_reports_a_broken_file_with_its_line() {
    let d = tempfile::tempdir().unwrap();
    let prompts = d.path().join("prompts");
    std::fs::create_dir_all(prompts.join("default")).unwrap();
    std::fs::create_dir_all(prompts.join("bob")).unwrap();
    for f in ["persona.md", "style.md", "offers.md"] {
        std::fs::copy(
            format!("{}/prompts/default/{f}", env!("CARGO_MANIFEST_DIR")),
            prompts.join("default").join(f),
        )
        .unwrap();
    }
    let cfg = d.path().join("c.toml");
    std::fs::write(
        &cfg,
        format!(
            "[daemon]\nprompts_dir = {:?}\n[creators.ana]\n[creators.bob]\n",
            prompts.display().to_string()
        ),
    )
    .unwrap();
    let out = agent()
        .args([
            "--config",
            cfg.to_str().unwrap(),
            "prompts",
            "check",
            "--show",
        ])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{text}");
    assert!(
        text.contains("ok    ana") && text.contains("ok    bob"),
        "{text}"
    );
    assert!(
        text.contains("a fan named Sam"),
        "the sample fan is rendered: {text}"
    );
    std::fs::write(
        prompts.join("bob/persona.md"),
        "Hi\nI am {{ creator.nmae }}\n",
    )
    .unwrap();
    let out = agent()
        .args(["--config", cfg.to_str().unwrap(), "prompts", "check"])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{text}");
    assert!(text.contains("ok    ana"), "{text}");
    assert!(
        text.contains("error bob") && text.contains("bob/persona.md:2"),
        "{text}"
    );
}

/// config.toml with every commented example uncommented, by the convention its header states: a
/// line of "# " directly followed by `key = value` (bare or dotted key) or by a table header,
/// `[table]` or `[[array.of.tables]]`. Returns
/// the text and how many lines were examples.
fn uncomment_examples(text: &str) -> (String, usize) {
    let example =
        regex::Regex::new(r"^# (?:[A-Za-z0-9_][A-Za-z0-9_.-]* = \S|\[\[?[A-Za-z0-9_.-]+\]\]?)")
            .unwrap();
    let mut n = 0;
    let out: Vec<&str> = text
        .lines()
        .map(|l| match example.is_match(l) {
            true => {
                n += 1;
                &l[2..]
            }
            false => l,
        })
        .collect();
    (out.join("\n") + "\n", n)
}

#[test]
fn every_commented_example_of_the_shipped_config_uncommented_at_once_passes_check_config() {
    let root = env!("CARGO_MANIFEST_DIR");
    let shipped = std::fs::read_to_string(format!("{root}/config.toml")).unwrap();
    assert!(
        shipped.contains("Commented examples:"),
        "config.toml states the convention at its top"
    );
    let (text, examples) = uncomment_examples(&shipped);
    // The per-creator example alone is more than twenty lines; a convention that matched nothing
    // would prove nothing.
    assert!(examples >= 25, "only {examples} examples found");
    let dir = tempfile::tempdir().unwrap();
    let cfg = dir.path().join("config.toml");
    std::fs::write(&cfg, &text).unwrap();
    copy_dir(&format!("{root}/prompts"), &dir.path().join("prompts"));
    let key = String::from_utf8(agent().arg("gen-key").output().unwrap().stdout).unwrap();
    let out = agent()
        .arg("--config")
        .arg(&cfg)
        .arg("check-config")
        .env("FANVUE_AGENT_SECURITY__TOKEN_KEY", key.trim())
        .output()
        .unwrap();
    let (stdout, stderr) = (
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr),
    );
    assert!(
        out.status.success() && stderr.is_empty(),
        "config.toml with its examples uncommented does not pass check-config:\n{stderr}\n--- the file ---\n{text}"
    );
    // The examples took effect (not skipped as comments or overridden).
    let effective: toml::Value = toml::from_str(&stdout).unwrap();
    let alice = &effective["creators"]["alice"];
    assert_eq!(alice["mode"].as_str(), Some("approve"), "{stdout}");
    assert_eq!(alice["offers"]["floor_cents"].as_integer(), Some(900));
    assert_eq!(alice["utc_offset_minutes"].as_integer(), Some(-300));
    // Each `# [[a.b]]` example is one more entry of the list a.b (the notification channels…).
    let mut lists: std::collections::BTreeMap<&str, usize> = Default::default();
    for l in shipped.lines() {
        if let Some(name) = l.strip_prefix("# [[").and_then(|l| l.split("]]").next()) {
            *lists.entry(name).or_default() += 1;
        }
    }
    for (name, n) in lists {
        let list = name
            .split('.')
            .fold(&effective, |v, k| &v[k])
            .as_array()
            .map_or(0, Vec::len);
        assert_eq!(list, n, "{name}: {stdout}");
    }
    assert!(
        alice["holding_replies"]["crisis"]["pt"].is_str(),
        "{stdout}"
    );
}

fn copy_dir(from: &str, to: &std::path::Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        let target = to.join(e.file_name());
        if e.file_type().unwrap().is_dir() {
            copy_dir(e.path().to_str().unwrap(), &target);
        } else {
            std::fs::copy(e.path(), target).unwrap();
        }
    }
}
