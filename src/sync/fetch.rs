//! One GET of one document, over HTTP(S) with ureq (rustls, no OpenSSL) or from disk.
//!
//! Everything the server sends is bounded: connect and total timeouts, a size limit on the
//! (decompressed) body, a few redirects. The validators of the copy townhall already has are
//! sent along (`If-None-Match`, `If-Modified-Since`), so an unchanged source costs one
//! "304 Not Modified" and no body.

use std::fs::File;
use std::io::{self, Read};

use crate::sources::Location;
use crate::sources::state::Validators;

use super::Settings;

/// What a fetch brought.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Fetched {
    Body {
        bytes: Vec<u8>,
        etag: Option<String>,
        last_modified: Option<String>,
    },
    /// The server confirmed the copy townhall has is current.
    NotModified,
    /// 404 or 410, or no such file.
    NotFound,
}

/// Validator values longer than this are not kept (they are sent back as headers).
const MAX_VALIDATOR: usize = 256;

/// An HTTP client configured once for every fetch of a sync.
pub struct Client {
    agent: ureq::Agent,
    /// The same without any proxy, for loopback addresses (a mirror on this machine, tests).
    direct: ureq::Agent,
    settings: Settings,
}

impl Client {
    pub fn new(settings: Settings) -> Client {
        let config = |proxy: bool| {
            let builder = ureq::Agent::config_builder()
                .http_status_as_error(false)
                .timeout_connect(Some(settings.connect_timeout))
                .timeout_global(Some(settings.timeout))
                .max_redirects(settings.max_redirects)
                .user_agent(concat!("townhall/", env!("CARGO_PKG_VERSION")));
            let builder = if proxy { builder } else { builder.proxy(None) };
            builder.build().new_agent()
        };
        Client {
            agent: config(true),
            direct: config(false),
            settings,
        }
    }

    /// Fetches `location`, asking "changed since `previous`?" when there is one.
    pub fn get(
        &self,
        location: &Location,
        previous: Option<&Validators>,
    ) -> Result<Fetched, String> {
        match location {
            Location::File(path) => read_file(path, self.settings.max_bytes),
            Location::Http(url) => self.http(url, previous),
        }
    }

    fn http(&self, url: &url::Url, previous: Option<&Validators>) -> Result<Fetched, String> {
        let loopback = match url.host() {
            Some(url::Host::Ipv4(ip)) => ip.is_loopback(),
            Some(url::Host::Ipv6(ip)) => ip.is_loopback(),
            Some(url::Host::Domain(d)) => d.eq_ignore_ascii_case("localhost"),
            None => false,
        };
        let agent = if loopback { &self.direct } else { &self.agent };
        let mut request = agent.get(url.as_str());
        if let Some(v) = previous {
            if let Some(etag) = &v.etag {
                request = request.header("If-None-Match", etag);
            }
            if let Some(date) = &v.last_modified {
                request = request.header("If-Modified-Since", date);
            }
        }
        let mut response = request.call().map_err(|e| self.explain(e))?;
        let status = response.status();
        match status.as_u16() {
            304 => return Ok(Fetched::NotModified),
            404 | 410 => return Ok(Fetched::NotFound),
            200..=299 => {}
            code => {
                let reason = status.canonical_reason().unwrap_or("");
                return Err(format!("the server answered {code} {reason}")
                    .trim_end()
                    .to_string());
            }
        }
        let header = |name: &str| {
            response
                .headers()
                .get(name)
                .and_then(|v| v.to_str().ok())
                .map(str::trim)
                .filter(|v| !v.is_empty() && v.len() <= MAX_VALIDATOR)
                .map(str::to_string)
        };
        let etag = header("etag");
        let last_modified = header("last-modified");
        let html =
            header("content-type").is_some_and(|t| t.to_ascii_lowercase().starts_with("text/html"));
        let bytes = response
            .body_mut()
            .with_config()
            .limit(self.settings.max_bytes)
            .read_to_vec()
            .map_err(|e| self.explain(e))?;
        if html {
            return Err(
                "the server sent an HTML page, not the file (a login, error or moved page?)".into(),
            );
        }
        Ok(Fetched::Body {
            bytes,
            etag,
            last_modified,
        })
    }

    /// ureq's errors in the words of someone waiting for a file.
    fn explain(&self, e: ureq::Error) -> String {
        let s = &self.settings;
        match e {
            ureq::Error::Timeout(ureq::Timeout::Connect) => {
                format!("could not connect within {}", shown(s.connect_timeout))
            }
            ureq::Error::Timeout(_) => format!("no complete answer within {}", shown(s.timeout)),
            ureq::Error::BodyExceedsLimit(_) => format!(
                "the file is larger than the limit of {} bytes (sync.max_bytes)",
                s.max_bytes
            ),
            ureq::Error::TooManyRedirects => {
                format!("more than {} redirects (a redirect loop?)", s.max_redirects)
            }
            ureq::Error::HostNotFound => "the server's name could not be resolved".into(),
            ureq::Error::Io(io) if io.kind() == io::ErrorKind::UnexpectedEof => {
                "the connection closed before the whole file arrived".into()
            }
            ureq::Error::Io(io) if io.kind() == io::ErrorKind::ConnectionRefused => {
                "the server refused the connection".into()
            }
            ureq::Error::Io(io) if io.kind() == io::ErrorKind::TimedOut => {
                format!("no complete answer within {}", shown(s.timeout))
            }
            other => other.to_string(),
        }
    }
}

fn shown(d: std::time::Duration) -> String {
    if d.as_secs() >= 1 && d.subsec_millis() == 0 {
        format!("{} s", d.as_secs())
    } else {
        format!("{} ms", d.as_millis())
    }
}

fn read_file(path: &std::path::Path, max_bytes: u64) -> Result<Fetched, String> {
    // Looked at before opening: opening a FIFO would wait for a writer forever.
    match std::fs::metadata(path) {
        Ok(m) if m.is_file() => {}
        Ok(_) => return Err(format!("{} is not a regular file", path.display())),
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Fetched::NotFound),
        Err(e) => return Err(format!("cannot read {}: {e}", path.display())),
    }
    let file = File::open(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let mut bytes = Vec::new();
    file.take(max_bytes.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    if bytes.len() as u64 > max_bytes {
        return Err(format!(
            "the file is larger than the limit of {max_bytes} bytes (sync.max_bytes)"
        ));
    }
    Ok(Fetched::Body {
        bytes,
        etag: None,
        last_modified: None,
    })
}
