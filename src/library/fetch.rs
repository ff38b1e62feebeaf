//! HTTP for sync, done the way a good citizen does it: `ureq` (a small blocking client with
//! rustls and gzip) with connect and whole-request timeouts, up to 10 redirects (a loop is
//! an error), retries with backoff on timeouts, dropped connections, 429 and 5xx — all of
//! a URL's tries within the one timeout, so no URL takes longer than it —
//! conditional GET (ETag / Last-Modified), a body size limit, and a User-Agent naming
//! saywho.

use std::time::Duration;
use ureq::ResponseExt;

/// saywho's User-Agent.
pub const USER_AGENT: &str = concat!(
    "saywho/",
    env!("CARGO_PKG_VERSION"),
    " (terminal news reader; +https://github.com/saywho/saywho)"
);

/// Retries after the first try, and the wait before each (doubled each time).
const RETRIES: u32 = 2;
const BACKOFF: Duration = Duration::from_millis(250);
/// A retry needs at least this much of the timeout left.
const MIN_TRY: Duration = Duration::from_millis(500);

#[derive(Debug, Clone)]
pub struct Client {
    agent: ureq::Agent,
    max_size: u64,
    /// Every try of one URL, and the waits between them, end within this.
    timeout: Duration,
}

/// A fetched body.
#[derive(Debug, Clone)]
pub struct Fetched {
    pub body: Vec<u8>,
    /// Where it came from after redirects.
    pub url: String,
    pub content_type: Option<String>,
    pub etag: Option<String>,
    pub last_modified: Option<String>,
}

#[derive(Debug, Clone)]
pub enum Got {
    Body(Fetched),
    /// 304: nothing new since the ETag / Last-Modified sent.
    NotModified,
}

impl Client {
    /// A client whose requests take at most `timeout` each and whose bodies are at most
    /// `max_size` bytes (after decompression).
    pub fn new(timeout: Duration, max_size: u64) -> Client {
        let config = ureq::Agent::config_builder()
            .timeout_global(Some(timeout))
            .timeout_connect(Some(timeout.min(Duration::from_secs(10))))
            .max_redirects(10)
            .http_status_as_error(false)
            .user_agent(USER_AGENT)
            .build();
        Client {
            agent: config.into(),
            max_size,
            timeout,
        }
    }

    /// GET `url`, sending the validators of an earlier fetch. Errors are one line a person
    /// can read ("HTTP 404", "timed out", "over the size limit of 20 MB", ...).
    pub fn get(&self, url: &str, etag: Option<&str>, last_modified: Option<&str>) -> Result<Got, String> {
        self.with_retries(|left| self.try_get(url, etag, last_modified, left))
    }

    /// Tries of `one` (given the time left), again with backoff while it fails in a way
    /// trying again could help and the timeout leaves room; all within the one timeout.
    fn with_retries<T>(&self, one: impl Fn(Duration) -> Result<T, (String, bool)>) -> Result<T, String> {
        let deadline = std::time::Instant::now() + self.timeout;
        let mut wait = BACKOFF;
        let mut attempt = 0;
        loop {
            let left = deadline.saturating_duration_since(std::time::Instant::now());
            match one(left) {
                Err((_, true)) if attempt < RETRIES && left > wait + MIN_TRY => {
                    std::thread::sleep(wait);
                    wait *= 2;
                    attempt += 1;
                }
                other => return other.map_err(|(e, _)| e),
            }
        }
    }

    /// POST a form to `url` (a feed server's API), retried like [`Client::get`] within one
    /// timeout; the body of a 2xx answer, else an error a person can read.
    pub fn post_form(&self, url: &str, form: &[(&str, &str)]) -> Result<Vec<u8>, String> {
        self.with_retries(|left| self.try_post(url, form, left))
    }

    fn try_post(&self, url: &str, form: &[(&str, &str)], left: Duration) -> Result<Vec<u8>, (String, bool)> {
        let mut resp = self
            .agent
            .post(url)
            .config()
            .timeout_global(Some(left))
            .build()
            .send_form(form.iter().copied())
            .map_err(|e| describe(&e))?;
        let status = resp.status().as_u16();
        if !(200..300).contains(&status) {
            let retry = status == 429 || status >= 500;
            let reason = resp.status().canonical_reason().unwrap_or("");
            return Err((format!("HTTP {status} {reason}").trim_end().to_string(), retry));
        }
        resp.body_mut()
            .with_config()
            .limit(self.max_size)
            .read_to_vec()
            .map_err(|e| describe_body(&e, self.max_size))
    }

    /// One try, within `left`; an error says whether trying again could help.
    fn try_get(
        &self,
        url: &str,
        etag: Option<&str>,
        last_modified: Option<&str>,
        left: Duration,
    ) -> Result<Got, (String, bool)> {
        let mut req = self.agent.get(url).config().timeout_global(Some(left)).build();
        if let Some(e) = etag {
            req = req.header("If-None-Match", e);
        }
        if let Some(l) = last_modified {
            req = req.header("If-Modified-Since", l);
        }
        let mut resp = req.call().map_err(|e| describe(&e))?;
        let status = resp.status().as_u16();
        if status == 304 {
            return Ok(Got::NotModified);
        }
        if !(200..300).contains(&status) {
            let retry = status == 429 || status >= 500;
            let reason = resp.status().canonical_reason().unwrap_or("");
            return Err((format!("HTTP {status} {reason}").trim_end().to_string(), retry));
        }
        let header = |name: &str| {
            resp.headers()
                .get(name)
                .and_then(|v| v.to_str().ok())
                .map(str::to_string)
        };
        let content_type = header("content-type");
        let etag = header("etag");
        let last_modified = header("last-modified");
        let final_url = resp.get_uri().to_string();
        let body = resp
            .body_mut()
            .with_config()
            .limit(self.max_size)
            .read_to_vec()
            .map_err(|e| describe_body(&e, self.max_size))?;
        Ok(Got::Body(Fetched {
            body,
            url: final_url,
            content_type,
            etag,
            last_modified,
        }))
    }
}

fn describe(e: &ureq::Error) -> (String, bool) {
    use ureq::Error as E;
    match e {
        E::Timeout(_) => ("timed out".into(), true),
        E::TooManyRedirects => ("too many redirects (a redirect loop?)".into(), false),
        E::RedirectFailed => ("a redirect went nowhere".into(), false),
        E::HostNotFound => ("host not found".into(), false),
        E::ConnectionFailed => ("could not connect".into(), true),
        E::BadUri(u) => (format!("not a URL: {u}"), false),
        E::Io(io) => (format!("connection error: {io}"), true),
        E::Protocol(p) => (format!("bad HTTP response: {p}"), true),
        other => (other.to_string(), false),
    }
}

fn describe_body(e: &ureq::Error, limit: u64) -> (String, bool) {
    match e {
        ureq::Error::BodyExceedsLimit(_) => (
            format!(
                "over the size limit of {} MB (max_file_size in the config, or --max-size)",
                limit / 1_000_000
            ),
            false,
        ),
        other => describe(other),
    }
}
