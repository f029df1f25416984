//! What meets when: every loaded meeting's occurrences in a window, in time order. The CLI's
//! `upcoming` and the TUI's Upcoming view both read this.

use jiff::tz::TimeZone;
use jiff::{SignedDuration, Timestamp};

use crate::config::WorkingHours;
use crate::model::{Group, Meeting, Registry};
use crate::schedule::Occurrence;

/// One occurrence of one meeting of one group.
#[derive(Debug, Clone)]
pub struct Entry {
    /// Index into `Registry::groups`.
    pub group: usize,
    /// Index into that group's `meetings`.
    pub meeting: usize,
    pub occurrence: Occurrence,
}

impl Entry {
    /// Whether it starts within the viewer's working hours, on the viewer's clock.
    pub fn starts_within(&self, hours: &WorkingHours, tz: &TimeZone) -> bool {
        hours.contains(self.occurrence.in_zone(tz).0.time())
    }

    pub fn group<'r>(&self, registry: &'r Registry) -> &'r Group {
        &registry.groups[self.group]
    }

    pub fn meeting<'r>(&self, registry: &'r Registry) -> &'r Meeting {
        &registry.groups[self.group].meetings[self.meeting]
    }
}

/// `days` days after `now` is past the last instant jiff can represent (late in 9999).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "{days} day(s) after {now} is past {}, the last moment townhall can compute; choose an earlier --now or fewer days",
    last_moment()
)]
pub struct OutOfRange {
    pub now: Timestamp,
    pub days: u32,
}

/// The latest instant jiff represents, to the second, as messages name it.
pub fn last_moment() -> String {
    Timestamp::MAX.strftime("%Y-%m-%dT%H:%M:%SZ").to_string()
}

/// The end of the window `upcoming` looks at, if time reaches that far.
pub fn window_end(now: Timestamp, days: u32) -> Result<Timestamp, OutOfRange> {
    now.checked_add(SignedDuration::from_hours(24 * i64::from(days)))
        .map_err(|_| OutOfRange { now, days })
}

/// Occurrences that have not ended by `now` and start within `days` days of it, earliest
/// first. A meeting in progress at `now` is included. Meetings whose schedule can't be read
/// are not here; `unreadable` names them so nothing is left out silently. A window that runs
/// past the end of time stops there ([`window_end`] says so, for callers to tell the user).
pub fn upcoming(registry: &Registry, now: Timestamp, days: u32) -> Vec<Entry> {
    let end = window_end(now, days).unwrap_or(Timestamp::MAX);
    until(registry, now, end)
}

/// As [`upcoming`], for the window from `now` to `end` (the CLI's "rest of today").
pub fn until(registry: &Registry, now: Timestamp, end: Timestamp) -> Vec<Entry> {
    let mut entries = Vec::new();
    for (gi, g) in registry.groups.iter().enumerate() {
        for (mi, m) in g.meetings.iter().enumerate() {
            let Some(rule) = m.rule() else {
                continue;
            };
            // Starting a meeting-length early catches one already in progress.
            let from = now.checked_sub(rule.duration()).unwrap_or(Timestamp::MIN);
            let found = rule
                .occurrences_between(from, end)
                .into_iter()
                .filter(|o| o.end.timestamp() > now);
            entries.extend(found.map(|occurrence| Entry {
                group: gi,
                meeting: mi,
                occurrence,
            }));
        }
    }
    entries.sort_by_key(|e| (e.occurrence.start.timestamp(), e.group, e.meeting));
    entries
}

/// Meetings listed with a time that townhall can't turn into dates: (group, meeting) indices.
pub fn unreadable(registry: &Registry) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for (gi, g) in registry.groups.iter().enumerate() {
        for (mi, m) in g.meetings.iter().enumerate() {
            if m.rule().is_none() {
                out.push((gi, mi));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::registry::{self, Sources};

    fn builtin() -> Registry {
        registry::load(&Sources::builtin_only()).registry
    }

    fn ts(s: &str) -> Timestamp {
        s.parse().unwrap()
    }

    #[test]
    fn serverless_wg_on_thursday_12_march_at_17_berlin() {
        let r = builtin();
        let entries = upcoming(&r, ts("2026-03-10T12:00:00Z"), 3);
        let e = entries
            .iter()
            .find(|e| e.group(&r).id == "cncf-wg-serverless")
            .expect("listed");
        let berlin = crate::schedule::find_zone("Europe/Berlin").unwrap();
        let (start, _) = e.occurrence.in_zone(&berlin);
        assert_eq!(
            start.strftime("%a %Y-%m-%d %H:%M").to_string(),
            "Thu 2026-03-12 17:00"
        );
    }

    #[test]
    fn cloud_foundry_meetings_after_21_november_2026() {
        let r = builtin();
        let entries = upcoming(&r, ts("2026-11-21T00:00:00Z"), 7);
        let first = |id: &str| {
            entries
                .iter()
                .find(|e| e.group(&r).id == id)
                .map(|e| e.occurrence.start.timestamp().to_string())
        };
        assert_eq!(
            first("cf-app-runtime-interfaces").as_deref(),
            Some("2026-11-24T17:00:00Z")
        );
        assert_eq!(
            first("cf-app-runtime-deployments").as_deref(),
            Some("2026-11-26T16:30:00Z")
        );
    }

    #[test]
    fn entries_are_in_time_order_and_in_progress_ones_count() {
        let r = builtin();
        // 17:30 UTC on Thursday 26 Nov 2026: the 16:30 UTC ARD meeting is still running.
        let now = ts("2026-11-26T17:15:00Z");
        let entries = upcoming(&r, now, 7);
        assert!(
            entries
                .windows(2)
                .all(|w| w[0].occurrence.start <= w[1].occurrence.start)
        );
        let ard = entries
            .iter()
            .find(|e| e.group(&r).id == "cf-app-runtime-deployments")
            .unwrap();
        assert!(ard.occurrence.is_in_progress(now));
    }

    #[test]
    fn the_ends_of_time_give_an_error_or_what_fits_never_a_panic() {
        let r = builtin();
        let late = ts("9999-12-25T00:00:00Z");
        assert_eq!(window_end(late, 7), Err(OutOfRange { now: late, days: 7 }));
        assert!(
            upcoming(&r, late, 7)
                .iter()
                .all(|e| e.occurrence.start.timestamp() >= late)
        );
        let early = ts("-009999-01-02T02:00:00Z");
        assert!(window_end(early, 7).is_ok());
        assert!(!upcoming(&r, early, 7).is_empty());
        assert!(upcoming(&r, Timestamp::MAX, u32::MAX).is_empty());
    }

    #[test]
    fn meetings_without_a_readable_time_are_named() {
        let r = builtin();
        let missing = unreadable(&r);
        assert!(
            missing.iter().any(|(g, _)| r.groups[*g].id == "cf-on-k8s"),
            "every-other-week without anchor"
        );
    }
}
