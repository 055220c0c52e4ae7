//! The `fanvue-sandbox` binary: runs the local Fanvue emulator until SIGINT/SIGTERM.

#![warn(clippy::too_many_lines)]

use clap::Parser;
use fanvue_sandbox::SandboxArgs;
use tokio_util::sync::CancellationToken;

#[tokio::main]
async fn main() -> std::process::ExitCode {
    let args = SandboxArgs::parse();
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env().unwrap_or_else(|_| "warn".into()),
        )
        .with_writer(std::io::stderr)
        .init();
    let listener = match tokio::net::TcpListener::bind(&args.listen).await {
        Ok(l) => l,
        Err(e) => {
            eprintln!("error: cannot listen on {}: {e}", args.listen);
            return std::process::ExitCode::FAILURE;
        }
    };
    let shutdown = CancellationToken::new();
    cancel_on_signals(shutdown.clone());
    let sb = match fanvue_sandbox::start(args, listener, shutdown.clone()).await {
        Ok(s) => s,
        Err(e) => {
            eprintln!("error: {e}");
            return std::process::ExitCode::FAILURE;
        }
    };
    println!("sandbox listening on {}", sb.url());
    shutdown.cancelled().await;
    std::process::ExitCode::SUCCESS
}

/// Cancels `token` on the first SIGINT or SIGTERM (the demo and the tests stop the sandbox with
/// either).
fn cancel_on_signals(token: CancellationToken) {
    tokio::spawn(async move {
        #[cfg(unix)]
        {
            use tokio::signal::unix::{signal, SignalKind};
            let mut term = signal(SignalKind::terminate()).expect("a SIGTERM handler");
            tokio::select! {
                _ = tokio::signal::ctrl_c() => {}
                _ = term.recv() => {}
            }
        }
        #[cfg(not(unix))]
        let _ = tokio::signal::ctrl_c().await;
        token.cancel();
    });
}
