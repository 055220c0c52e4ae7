//! The systemd unit passes `systemd-analyze verify`, scores as well hardened offline, and
//! `scripts/install-systemd` lays out binary, config, prompts, credentials and unit.

use std::{path::Path, process::Command};

fn analyze(args: &[&str]) -> (bool, String) {
    let out = Command::new("systemd-analyze")
        .args(args)
        .output()
        .expect("systemd-analyze is needed (apt-get install systemd); .ci/run installs it");
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).to_string() + &String::from_utf8_lossy(&out.stderr),
    )
}

#[test]
fn the_install_script_lays_out_a_unit_that_verifies_and_is_hardened() {
    let root = tempfile::tempdir().unwrap();
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = Command::new(repo.join("scripts/install-systemd"))
        .args(["--binary", env!("CARGO_BIN_EXE_fanvue-agent"), "--root"])
        .arg(root.path())
        .output()
        .unwrap();
    let log =
        String::from_utf8_lossy(&out.stdout).to_string() + &String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{log}");
    let r = root.path();
    for f in [
        "usr/local/bin/fanvue-agent",
        "usr/local/bin/fanvue-agentctl",
        "etc/fanvue-agent/config.toml",
        "etc/fanvue-agent/prompts/default/persona.md",
        "etc/systemd/system/fanvue-agent.service",
    ] {
        assert!(r.join(f).exists(), "{f} missing: {log}");
    }
    use std::os::unix::fs::PermissionsExt;
    let creds = r.join("etc/fanvue-agent/credentials");
    assert_eq!(
        std::fs::metadata(&creds).unwrap().permissions().mode() & 0o777,
        0o700
    );
    let key = std::fs::read_to_string(creds.join("token_key")).unwrap();
    assert_eq!(key.trim().len(), 44, "a base64 32-byte key");
    assert_eq!(
        std::fs::metadata(creds.join("token_key"))
            .unwrap()
            .permissions()
            .mode()
            & 0o777,
        0o600
    );
    // A second run keeps what the operator set.
    std::fs::write(creds.join("webhook_secret"), "kept").unwrap();
    let again = Command::new(repo.join("scripts/install-systemd"))
        .args(["--binary", env!("CARGO_BIN_EXE_fanvue-agent"), "--root"])
        .arg(r)
        .output()
        .unwrap();
    assert!(again.status.success());
    assert_eq!(
        std::fs::read_to_string(creds.join("token_key")).unwrap(),
        key
    );
    assert_eq!(
        std::fs::read_to_string(creds.join("webhook_secret")).unwrap(),
        "kept"
    );

    // verify resolves ExecStart, so point it at the built binary.
    let unit = std::fs::read_to_string(r.join("etc/systemd/system/fanvue-agent.service"))
        .unwrap()
        .replace(
            "/usr/local/bin/fanvue-agent",
            env!("CARGO_BIN_EXE_fanvue-agent"),
        );
    let check = tempfile::tempdir().unwrap();
    let path = check.path().join("fanvue-agent.service");
    std::fs::write(&path, unit).unwrap();
    let (ok, out) = analyze(&["verify", path.to_str().unwrap()]);
    assert!(
        ok && out.trim().is_empty(),
        "systemd-analyze verify:\n{out}"
    );
    let (_, out) = analyze(&["security", "--offline=yes", path.to_str().unwrap()]);
    let score: f64 = out
        .lines()
        .find_map(|l| l.split("fanvue-agent.service: ").nth(1))
        .and_then(|s| s.split_whitespace().next())
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| panic!("no exposure score in:\n{out}"));
    assert!(
        score <= 2.0,
        "exposure {score} (0 = best, 10 = worst):\n{out}"
    );
}
