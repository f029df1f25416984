//! `config.yaml` in the config folder: the viewer's preferences: the working hours the
//! "within my hours" filters use, whether the terminal's background is light or dark, the
//! user's own sources (see `sources`), and how `sync` fetches them (see `sync::settings`).
//!
//! ```yaml
//! working_hours: { start: "08:00", end: "18:00" }   # local time; the default
//! theme: light                                       # or dark; default: ask the terminal
//! sources:
//!   - { id: kubernetes, url: "https://mirror.example/sigs.yaml" }
//! sync: { max_age: 7d, timeout: 60s }
//! ```

use std::path::Path;

use jiff::civil::Time;
use serde::Deserialize;

pub const FILE_NAME: &str = "config.yaml";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WorkingHours {
    pub start: Time,
    pub end: Time,
}

impl Default for WorkingHours {
    fn default() -> Self {
        WorkingHours {
            start: Time::constant(8, 0, 0, 0),
            end: Time::constant(18, 0, 0, 0),
        }
    }
}

impl WorkingHours {
    /// Whether a meeting starting at `t` (viewer's local time) starts within the hours. An
    /// end before the start means hours that cross midnight (22:00–06:00).
    pub fn contains(&self, t: Time) -> bool {
        if self.start <= self.end {
            t >= self.start && t < self.end
        } else {
            t >= self.start || t < self.end
        }
    }
}

/// Which background the colours are chosen for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Background {
    Light,
    Dark,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Config {
    pub working_hours: WorkingHours,
    /// None: tell from the terminal (`COLORFGBG`), else dark.
    pub theme: Option<Background>,
    pub sources: Vec<crate::sources::UserSource>,
    pub sync: crate::sync::Settings,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    #[serde(default)]
    working_hours: Option<HoursFile>,
    #[serde(default)]
    theme: Option<Background>,
    #[serde(default)]
    sources: Vec<crate::sources::UserSource>,
    #[serde(default)]
    sync: Option<crate::sync::SyncFile>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct HoursFile {
    start: String,
    end: String,
}

impl Config {
    /// Reads `dir/config.yaml`. No file means defaults; a broken one means defaults and a
    /// message naming the file and the problem (the TUI shows it in its status line).
    pub fn load(dir: &Path) -> (Config, Option<String>) {
        let path = dir.join(FILE_NAME);
        let limit = crate::untrusted::limits::MAX_CONFIG_BYTES;
        let text = match crate::untrusted::read::read_text(&path, limit) {
            Ok(text) => text,
            Err(crate::untrusted::read::ReadError::NotFound) => return (Config::default(), None),
            Err(e) => {
                return (
                    Config::default(),
                    Some(format!("{}: {e}; using defaults", path.display())),
                );
            }
        };
        match Config::parse(&text) {
            Ok(config) => (config, None),
            Err(e) => (
                Config::default(),
                Some(format!("{}: {e}; using defaults", path.display())),
            ),
        }
    }

    pub fn parse(text: &str) -> Result<Config, String> {
        let file: File = serde_yaml::from_str(text).map_err(|e| e.to_string())?;
        let mut config = Config {
            theme: file.theme,
            sources: file.sources,
            ..Config::default()
        };
        if let Some(sync) = &file.sync {
            config.sync = sync.settings()?;
        }
        if let Some(h) = file.working_hours {
            let time =
                |s: &str| crate::schedule::parse_time(s).map_err(|e| format!("working_hours: {e}"));
            config.working_hours = WorkingHours {
                start: time(&h.start)?,
                end: time(&h.end)?,
            };
        }
        Ok(config)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(h: i8, m: i8) -> Time {
        Time::new(h, m, 0, 0).unwrap()
    }

    #[test]
    fn defaults_are_eight_to_six() {
        let h = Config::parse("").unwrap().working_hours;
        assert!(h.contains(t(8, 0)) && h.contains(t(17, 59)));
        assert!(!h.contains(t(18, 0)) && !h.contains(t(7, 59)));
    }

    #[test]
    fn hours_may_cross_midnight() {
        let h = Config::parse("working_hours: { start: \"22:00\", end: \"06:00\" }")
            .unwrap()
            .working_hours;
        assert!(h.contains(t(23, 0)) && h.contains(t(5, 0)));
        assert!(!h.contains(t(12, 0)));
    }

    #[test]
    fn bad_values_and_typos_are_reported() {
        let e = Config::parse("working_hours: { start: \"8am\", end: \"18:00\" }").unwrap_err();
        assert!(e.contains("\"8am\" is not a time"), "{e}");
        let e = Config::parse("working_hour: {}").unwrap_err();
        assert!(e.contains("unknown field `working_hour`"), "{e}");
    }

    #[test]
    fn sources_and_sync_settings_are_read() {
        let c = Config::parse(
            "sources:\n  - { id: acme, url: 'https://acme.example/sigs.yaml', format: kubernetes }\nsync: { max_age: 1d, timeout: 500ms }\n",
        )
        .unwrap();
        assert_eq!(c.sources[0].id, "acme");
        assert_eq!(c.sync.max_age, std::time::Duration::from_secs(86_400));
        assert_eq!(c.sync.timeout, std::time::Duration::from_millis(500));
        let e = Config::parse("sources:\n  - { id: acme, link: x }\n").unwrap_err();
        assert!(e.contains("unknown field `link`"), "{e}");
        let e = Config::parse("sync: { max_age: never }\n").unwrap_err();
        assert!(e.contains("sync.max_age"), "{e}");
    }

    #[test]
    fn theme_is_light_or_dark() {
        assert_eq!(
            Config::parse("theme: light").unwrap().theme,
            Some(Background::Light)
        );
        assert_eq!(Config::parse("").unwrap().theme, None);
        let e = Config::parse("theme: solarized").unwrap_err();
        assert!(e.contains("unknown variant `solarized`"), "{e}");
    }

    #[test]
    fn a_broken_file_falls_back_to_defaults_with_a_message() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(FILE_NAME), "working_hours: [").unwrap();
        let (config, message) = Config::load(dir.path());
        assert_eq!(config, Config::default());
        assert!(message.unwrap().contains("config.yaml"));
        assert_eq!(
            Config::load(&dir.path().join("missing")),
            (Config::default(), None)
        );
    }
}
