//! What meets when: every loaded meeting's occurrences in a window, in time order. The CLI's
//! `upcoming` and the TUI's Upcoming view both read this.

use jiff::{SignedDuration, Timestamp};

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
    pub fn group<'r>(&self, registry: &'r Registry) -> &'r Group {
        &registry.groups[self.group]
    }

    pub fn meeting<'r>(&self, registry: &'r Registry) -> &'r Meeting {
        &registry.groups[self.group].meetings[self.meeting]
    }
}

/// Occurrences that have not ended by `now` and start within `days` days of it, earliest
/// first. A meeting in progress at `now` is included. Meetings whose schedule can't be read
/// are not here; `unreadable` names them so nothing is left out silently.
pub fn upcoming(registry: &Registry, now: Timestamp, days: u32) -> Vec<Entry> {
    let end = now + SignedDuration::from_hours(24 * i64::from(days));
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
            let from = now - rule.duration();
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
    fn meetings_without_a_readable_time_are_named() {
        let r = builtin();
        let missing = unreadable(&r);
        assert!(
            missing.iter().any(|(g, _)| r.groups[*g].id == "cf-on-k8s"),
            "every-other-week without anchor"
        );
    }
}
