//! How `sync` talks to servers, from the `sync:` section of config.yaml:
//!
//! ```yaml
//! sync:
//!   max_age: 7d          # the browser syncs by itself when the data is older than this
//!   timeout: 60s         # the whole of one fetch, redirects and body included
//!   connect_timeout: 10s
//!   max_bytes: 16000000  # a larger file is refused
//! ```

use std::time::Duration;

use jiff::{Span, SpanTotal, Unit};
use serde::Deserialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Settings {
    pub max_age: Duration,
    pub timeout: Duration,
    pub connect_timeout: Duration,
    pub max_bytes: u64,
    /// Redirects followed before a fetch fails (a loop ends here).
    pub max_redirects: u32,
}

impl Default for Settings {
    fn default() -> Settings {
        Settings {
            max_age: Duration::from_secs(7 * 24 * 3600),
            timeout: Duration::from_secs(60),
            connect_timeout: Duration::from_secs(10),
            max_bytes: 16_000_000,
            max_redirects: 5,
        }
    }
}

/// The section as written; every key may be left out.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SyncFile {
    max_age: Option<String>,
    timeout: Option<String>,
    connect_timeout: Option<String>,
    max_bytes: Option<u64>,
}

impl SyncFile {
    pub fn settings(&self) -> Result<Settings, String> {
        let mut s = Settings::default();
        let read = |key: &str, value: &Option<String>, into: &mut Duration| -> Result<(), String> {
            if let Some(text) = value {
                *into = duration(text).map_err(|e| format!("sync.{key}: {e}"))?;
            }
            Ok(())
        };
        read("max_age", &self.max_age, &mut s.max_age)?;
        read("timeout", &self.timeout, &mut s.timeout)?;
        read(
            "connect_timeout",
            &self.connect_timeout,
            &mut s.connect_timeout,
        )?;
        if let Some(n) = self.max_bytes {
            if n == 0 {
                return Err("sync.max_bytes: must be more than 0".into());
            }
            s.max_bytes = n;
        }
        Ok(s)
    }
}

/// `7d`, `2h 30m`, `500ms`, `30s`: jiff's friendly duration format, a day being 24 hours.
pub fn duration(text: &str) -> Result<Duration, String> {
    let span: Span = text
        .trim()
        .parse()
        .map_err(|_| format!("{text:?} is not a duration (e.g. 7d, 12h, 30s, 500ms)"))?;
    let seconds = span
        .total(SpanTotal::from(Unit::Second).days_are_24_hours())
        .map_err(|e| format!("{text:?}: {e}"))?;
    if seconds.is_nan() || seconds <= 0.0 {
        return Err(format!("{text:?} must be longer than zero"));
    }
    Duration::try_from_secs_f64(seconds).map_err(|e| format!("{text:?}: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_read_as_people_write_them() {
        assert_eq!(duration("7d"), Ok(Duration::from_secs(604_800)));
        assert_eq!(duration("2h 30m"), Ok(Duration::from_secs(9_000)));
        assert_eq!(duration("250ms"), Ok(Duration::from_millis(250)));
        assert!(duration("0s").is_err());
        assert!(duration("-5s").is_err());
        assert!(duration("soon").unwrap_err().contains("not a duration"));
    }

    #[test]
    fn the_section_overrides_only_what_it_names() {
        let file: SyncFile = serde_yaml::from_str("timeout: 2s\n").unwrap();
        let s = file.settings().unwrap();
        assert_eq!(s.timeout, Duration::from_secs(2));
        assert_eq!(s.max_age, Settings::default().max_age);
        let bad: SyncFile = serde_yaml::from_str("max_age: forever\n").unwrap();
        assert!(bad.settings().unwrap_err().starts_with("sync.max_age:"));
        assert!(serde_yaml::from_str::<SyncFile>("timeuot: 2s\n").is_err());
    }
}
