//! The accept loop for the daemon's HTTP servers: axum routers on hyper with a header-read
//! timeout (slow clients cannot hold connections open), a cap on open connections and on each
//! connection's read buffer (anonymous clients cannot pin memory), and graceful shutdown.

use axum::Router;
use hyper_util::{
    rt::{TokioIo, TokioTimer},
    server::graceful::GracefulShutdown,
    service::TowerToHyperService,
};
use std::{
    sync::Arc,
    time::{Duration, Instant},
};
use tokio::{net::TcpListener, sync::Semaphore};
use tokio_util::sync::CancellationToken;
use tower::ServiceExt;
use tracing::{debug, warn};

/// How long a client may take to send its request line and headers.
pub const HEADER_READ_TIMEOUT: Duration = Duration::from_secs(10);
/// Largest read buffer per connection (request head plus body chunks in flight); hyper's default
/// of ~400 KB times a thousand idle connections would be 400 MB.
pub const MAX_READ_BUFFER: usize = 64 * 1024;

/// Serves `app` on `listener` until `shutdown`, at most `max_connections` at once (more are
/// closed on accept), then lets open requests finish.
pub async fn serve(
    listener: TcpListener,
    app: Router,
    max_connections: usize,
    shutdown: CancellationToken,
) -> std::io::Result<()> {
    let graceful = GracefulShutdown::new();
    let mut builder = hyper::server::conn::http1::Builder::new();
    builder
        .timer(TokioTimer::new())
        .header_read_timeout(HEADER_READ_TIMEOUT)
        .max_buf_size(MAX_READ_BUFFER);
    let slots = Arc::new(Semaphore::new(max_connections));
    let mut refused = Refusals::default();
    loop {
        let (stream, peer) = tokio::select! {
            _ = shutdown.cancelled() => break,
            accepted = listener.accept() => match accepted {
                Ok(a) => a,
                Err(e) => {
                    // Out of file descriptors and the like: wait instead of spinning.
                    debug!(error = %e, "accept failed");
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            },
        };
        let Ok(slot) = slots.clone().try_acquire_owned() else {
            refused.count(max_connections);
            continue; // dropping the stream closes it
        };
        let _ = stream.set_nodelay(true);
        // The client's address rides on each request (`ConnectInfo`): the console's per-address
        // login limit reads it.
        let service = TowerToHyperService::new(app.clone().map_request(
            move |mut req: axum::http::Request<hyper::body::Incoming>| {
                req.extensions_mut()
                    .insert(axum::extract::ConnectInfo(peer));
                req
            },
        ));
        let conn = builder.serve_connection(TokioIo::new(stream), service);
        let conn = graceful.watch(conn);
        tokio::spawn(async move {
            let _slot = slot;
            if let Err(e) = conn.await {
                debug!(%peer, error = %e, "connection ended with an error");
            }
        });
    }
    drop(listener);
    graceful.shutdown().await;
    Ok(())
}

/// Connections closed for want of a slot, logged at most every 10 s.
#[derive(Default)]
struct Refusals {
    since_log: u64,
    logged: Option<Instant>,
}

impl Refusals {
    fn count(&mut self, max: usize) {
        self.since_log += 1;
        if self
            .logged
            .is_none_or(|t| t.elapsed() >= Duration::from_secs(10))
        {
            warn!(
                refused = self.since_log,
                max_connections = max,
                "connections refused: daemon.max_connections are open"
            );
            self.since_log = 0;
            self.logged = Some(Instant::now());
        }
    }
}
