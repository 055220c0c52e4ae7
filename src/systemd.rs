//! systemd's notify protocol (`Type=notify`): READY, RELOADING, STOPPING, STATUS and watchdog
//! pings, sent as datagrams to `$NOTIFY_SOCKET`. Does nothing when not run by systemd.

use std::{os::unix::net::UnixDatagram, time::Duration};

/// Sends one notification (e.g. `READY=1`). Returns whether it was sent.
pub fn notify(state: &str) -> bool {
    let Some(path) = std::env::var_os("NOTIFY_SOCKET") else {
        return false;
    };
    let Ok(sock) = UnixDatagram::unbound() else {
        return false;
    };
    let path = path.to_string_lossy().into_owned();
    let sent = if let Some(name) = path.strip_prefix('@') {
        abstract_addr(name).and_then(|a| sock.send_to_addr(state.as_bytes(), &a))
    } else {
        sock.send_to(state.as_bytes(), &path)
    };
    if let Err(e) = &sent {
        tracing::debug!(error = %e, "cannot notify systemd");
    }
    sent.is_ok()
}

#[cfg(target_os = "linux")]
fn abstract_addr(name: &str) -> std::io::Result<std::os::unix::net::SocketAddr> {
    use std::os::linux::net::SocketAddrExt;
    std::os::unix::net::SocketAddr::from_abstract_name(name.as_bytes())
}

#[cfg(not(target_os = "linux"))]
fn abstract_addr(_: &str) -> std::io::Result<std::os::unix::net::SocketAddr> {
    Err(std::io::Error::other("abstract sockets are Linux-only"))
}

/// How often to ping the watchdog: half of `$WATCHDOG_USEC` when it is meant for this process.
pub fn watchdog_interval() -> Option<Duration> {
    let usec: u64 = std::env::var("WATCHDOG_USEC").ok()?.parse().ok()?;
    if let Ok(pid) = std::env::var("WATCHDOG_PID") {
        if pid.parse::<u32>().ok()? != std::process::id() {
            return None;
        }
    }
    (usec > 0).then(|| Duration::from_micros(usec / 2))
}
