//! The load generator: `concurrency` workers, each with one keep-alive HTTP/1.1 connection,
//! send requests back to back until the scenario's time or request budget runs out, and
//! record each latency in microseconds. Only loopback addresses are ever dialled.

use http_body_util::{BodyExt, Full};
use hyper::body::Bytes;
use hyper::client::conn::http1::{self, SendRequest};
use hyper::header::{AUTHORIZATION, CONTENT_TYPE, HeaderValue};
use hyper::{Method, Request};
use hyper_util::rt::TokioIo;
use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

/// One request to send.
pub struct Call {
    /// GET or POST.
    pub method: Method,
    /// Path and query.
    pub path: String,
    /// JSON body for POST.
    pub body: Option<String>,
}

/// A keep-alive connection to the server under test.
pub struct Conn {
    sender: SendRequest<Full<Bytes>>,
    auth: HeaderValue,
}

impl Conn {
    /// Connects to a loopback address.
    pub async fn open(addr: SocketAddr, auth: HeaderValue) -> Result<Self, String> {
        if !addr.ip().is_loopback() {
            return Err(format!("refusing to load a non-loopback address {addr}"));
        }
        let tcp = tokio::net::TcpStream::connect(addr)
            .await
            .map_err(|e| e.to_string())?;
        tcp.set_nodelay(true).map_err(|e| e.to_string())?;
        let (sender, conn) = http1::handshake(TokioIo::new(tcp))
            .await
            .map_err(|e| e.to_string())?;
        tokio::spawn(async move {
            let _ = conn.await;
        });
        Ok(Self { sender, auth })
    }

    /// Sends a request and reads the whole response: the status and the body.
    pub async fn send(&mut self, call: &Call) -> Result<(u16, Bytes), String> {
        let mut req = Request::builder()
            .method(call.method.clone())
            .uri(&call.path)
            .header("host", "127.0.0.1")
            .header(AUTHORIZATION, self.auth.clone());
        if call.method != Method::GET {
            req = req
                .header("kbn-xsrf", "bench")
                .header(CONTENT_TYPE, "application/json");
        }
        let body = Full::new(Bytes::from(call.body.clone().unwrap_or_default()));
        let req = req.body(body).map_err(|e| e.to_string())?;
        self.sender.ready().await.map_err(|e| e.to_string())?;
        let res = self
            .sender
            .send_request(req)
            .await
            .map_err(|e| e.to_string())?;
        let status = res.status().as_u16();
        let bytes = res
            .into_body()
            .collect()
            .await
            .map_err(|e| e.to_string())?
            .to_bytes();
        Ok((status, bytes))
    }
}

/// What one scenario run measured.
#[derive(Clone, Debug, Default)]
pub struct Outcome {
    /// Latencies of measured requests, in microseconds, sorted.
    pub latencies_us: Vec<u32>,
    /// Non-2xx answers or transport errors among measured requests.
    pub errors: usize,
    /// The first error seen, for the report.
    pub first_error: Option<String>,
    /// Wall time of the measured part.
    pub elapsed: Duration,
}

impl Outcome {
    /// The latency at quantile `q` (0..=1), in milliseconds.
    pub fn quantile_ms(&self, q: f64) -> f64 {
        if self.latencies_us.is_empty() {
            return 0.0;
        }
        let i = ((self.latencies_us.len() - 1) as f64 * q).round() as usize;
        f64::from(self.latencies_us[i]) / 1000.0
    }
    /// Measured requests per second.
    pub fn throughput(&self) -> f64 {
        self.latencies_us.len() as f64 / self.elapsed.as_secs_f64().max(1e-9)
    }
}

/// Limits of one scenario run.
#[derive(Clone, Copy, Debug)]
pub struct Budget {
    /// Parallel connections.
    pub concurrency: usize,
    /// Unmeasured time first.
    pub warmup: Duration,
    /// Measured time at most.
    pub duration: Duration,
    /// Measured requests at most.
    pub requests: usize,
}

/// Runs `make(worker, n)` calls from `concurrency` workers within the budget.
pub async fn run<F>(
    addr: SocketAddr,
    auth: HeaderValue,
    budget: Budget,
    make: F,
) -> Result<Outcome, String>
where
    F: Fn(usize, usize) -> Call + Send + Sync + 'static,
{
    let make = Arc::new(make);
    let start = Instant::now();
    let measure_from = start + budget.warmup;
    let deadline = measure_from + budget.duration;
    let taken = Arc::new(AtomicUsize::new(0));
    let mut tasks = Vec::new();
    for w in 0..budget.concurrency {
        let mut conn = Conn::open(addr, auth.clone()).await?;
        let (make, taken) = (make.clone(), taken.clone());
        tasks.push(tokio::spawn(async move {
            let mut out = Outcome::default();
            let mut n = 0;
            loop {
                let now = Instant::now();
                if now >= deadline {
                    break;
                }
                let measured = now >= measure_from;
                if measured && taken.fetch_add(1, Ordering::Relaxed) >= budget.requests {
                    break;
                }
                let call = make(w, n);
                n += 1;
                let t = Instant::now();
                let r = conn.send(&call).await;
                let us = t.elapsed().as_micros().min(u32::MAX as u128) as u32;
                let failed = match r {
                    Ok((s, _)) if (200..300).contains(&s) => None,
                    Ok((s, body)) => Some(format!(
                        "{} {} -> {s}: {}",
                        call.method,
                        call.path,
                        String::from_utf8_lossy(&body[..body.len().min(200)])
                    )),
                    Err(e) => Some(format!("{} {} -> {e}", call.method, call.path)),
                };
                if measured {
                    out.latencies_us.push(us);
                    if let Some(e) = failed {
                        out.errors += 1;
                        out.first_error.get_or_insert(e);
                    }
                } else if let Some(e) = failed {
                    return Err(e);
                }
                if !measured && n > 1_000_000 {
                    break;
                }
            }
            Ok(out)
        }));
    }
    let mut total = Outcome::default();
    for t in tasks {
        let o = t.await.map_err(|e| e.to_string())??;
        total.latencies_us.extend(o.latencies_us);
        total.errors += o.errors;
        if total.first_error.is_none() {
            total.first_error = o.first_error;
        }
    }
    total.elapsed = Instant::now().saturating_duration_since(measure_from);
    total.latencies_us.sort_unstable();
    Ok(total)
}
