//! How old the loaded data is, in words: "synced 2 h ago", "built-in, 3 weeks old". The age of
//! the data is the age of its oldest part: each source with a built-in snapshot counts from
//! its last sync, or from the snapshot's date if it never synced; other sources count once
//! synced.

use std::time::Duration;

use jiff::civil::Date;
use jiff::{SignedDuration, Timestamp, tz::TimeZone};

use super::Source;
use super::store::Store;
use crate::registry::builtin;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Freshness {
    /// The oldest part is a built-in snapshot taken on this date.
    BuiltIn(Date),
    /// The oldest part was synced (confirmed current) at this moment.
    Synced(Timestamp),
}

impl Freshness {
    pub fn of(store: &Store, sources: &[Source]) -> Freshness {
        let snapshot: Date = builtin::SNAPSHOT_DATE
            .parse()
            .expect("the snapshot date is a date");
        let has_snapshot = |id: &str| builtin::FILES.iter().any(|f| f.source == Some(id));
        let mut oldest: Option<Freshness> = None;
        for source in sources {
            let synced = store
                .state(&source.id)
                .synced
                .filter(|_| store.copy_path(source).is_file())
                .map(|s| s.at);
            let part = match (synced, has_snapshot(&source.id)) {
                (Some(at), _) => Freshness::Synced(at),
                (None, true) => Freshness::BuiltIn(snapshot),
                (None, false) => continue,
            };
            if oldest.is_none_or(|o| part.since() < o.since()) {
                oldest = Some(part);
            }
        }
        oldest.unwrap_or(Freshness::BuiltIn(snapshot))
    }

    /// When this part's data was known current.
    fn since(&self) -> Timestamp {
        match self {
            Freshness::Synced(at) => *at,
            Freshness::BuiltIn(date) => date
                .to_zoned(TimeZone::UTC)
                .map(|z| z.timestamp())
                .unwrap_or(Timestamp::UNIX_EPOCH),
        }
    }

    pub fn age(&self, now: Timestamp) -> SignedDuration {
        now.duration_since(self.since())
    }

    pub fn is_older_than(&self, now: Timestamp, max_age: Duration) -> bool {
        SignedDuration::try_from(max_age).is_ok_and(|max| self.age(now) > max)
    }

    /// "synced 2 h ago", "built-in, 3 weeks old"; a date when `now` is before it (`--now`).
    pub fn describe(&self, now: Timestamp) -> String {
        let age = self.age(now);
        match self {
            Freshness::Synced(at) if age.is_negative() => {
                format!("synced {}", at.strftime("%Y-%m-%d"))
            }
            Freshness::Synced(_) => match words(age) {
                None => "synced just now".into(),
                Some(w) => format!("synced {w} ago"),
            },
            Freshness::BuiltIn(date) if age.is_negative() => format!("built-in snapshot of {date}"),
            Freshness::BuiltIn(_) => match words(age) {
                None => "built-in, from today".into(),
                Some(w) => format!("built-in, {w} old"),
            },
        }
    }
}

/// A duration as people round it: minutes, hours, days, weeks, months (30 days), years.
fn words(age: SignedDuration) -> Option<String> {
    let minutes = age.as_secs() / 60;
    let (n, unit) = match minutes {
        m if m < 1 => return None,
        m if m < 60 => (m, "min"),
        m if m < 60 * 24 => (m / 60, "h"),
        m if m < 60 * 24 * 14 => (m / (60 * 24), "day"),
        m if m < 60 * 24 * 60 => (m / (60 * 24 * 7), "week"),
        m if m < 60 * 24 * 365 => (m / (60 * 24 * 30), "month"),
        m => (m / (60 * 24 * 365), "year"),
    };
    let plural = if n == 1 || matches!(unit, "min" | "h") {
        ""
    } else {
        "s"
    };
    Some(format!("{n} {unit}{plural}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sources::resolve;
    use crate::sources::state::{State, Synced};
    use crate::sources::store::{Page, SyncedCopy};

    fn ts(s: &str) -> Timestamp {
        s.parse().unwrap()
    }

    #[test]
    fn ages_read_as_people_say_them() {
        let at = Freshness::Synced(ts("2026-12-01T10:00:00Z"));
        assert_eq!(at.describe(ts("2026-12-01T12:30:00Z")), "synced 2 h ago");
        assert_eq!(at.describe(ts("2026-12-01T10:00:30Z")), "synced just now");
        assert_eq!(at.describe(ts("2026-12-04T10:00:00Z")), "synced 3 days ago");
        assert_eq!(at.describe(ts("2026-11-01T00:00:00Z")), "synced 2026-12-01");
        let built = Freshness::BuiltIn("2026-08-21".parse().unwrap());
        assert_eq!(
            built.describe(ts("2026-11-25T00:00:00Z")),
            "built-in, 3 months old"
        );
        assert_eq!(
            built.describe(ts("2026-09-01T00:00:00Z")),
            "built-in, 11 days old"
        );
        assert!(built.is_older_than(ts("2026-09-01T00:00:00Z"), Duration::from_secs(7 * 86_400)));
        assert!(!built.is_older_than(ts("2026-08-25T00:00:00Z"), Duration::from_secs(7 * 86_400)));
    }

    #[test]
    fn the_oldest_part_counts_and_a_source_never_synced_counts_from_its_snapshot() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::new(dir.path());
        let (sources, _) = resolve(&[], std::path::Path::new("/"));
        let snapshot = Freshness::of(&store, &sources);
        assert!(matches!(snapshot, Freshness::BuiltIn(_)));
        let synced_at = ts("2026-12-01T10:00:00Z");
        for s in &sources {
            let state = State {
                synced: Some(Synced {
                    at: synced_at,
                    changed: synced_at,
                    url: s.location.to_string(),
                    groups: 1,
                    events: None,
                    documents: Vec::new(),
                }),
                failure: None,
            };
            let copy = SyncedCopy {
                documents: vec![Page {
                    link: String::new(),
                    url: String::new(),
                    text: "x".into(),
                }],
            };
            if s.id != "kubernetes" {
                store.save(s, Some(&copy), &state).unwrap();
            }
        }
        assert_eq!(
            Freshness::of(&store, &sources),
            snapshot,
            "kubernetes never synced"
        );
        let k = sources.iter().find(|s| s.id == "kubernetes").unwrap();
        let state = store.state("cncf-tags");
        let copy = store.copy(sources.iter().find(|s| s.id == "cncf-tags").unwrap());
        store.save(k, copy.as_ref(), &state).unwrap();
        assert_eq!(
            Freshness::of(&store, &sources),
            Freshness::Synced(synced_at)
        );
    }
}
