//! What meets when: every loaded meeting's occurrences in a window, in time order. The CLI's
//! `upcoming` and the TUI's Upcoming view both read this.

mod calendars;

use jiff::tz::TimeZone;
use jiff::{SignedDuration, Timestamp, Zoned};

use crate::calendar::{EventStatus, Window};
use crate::config::WorkingHours;
use crate::model::{Group, Meeting, Registry};
use crate::schedule::Occurrence;

pub use calendars::{Calendars, Feed, Report};

/// One occurrence of one meeting of one group.
#[derive(Debug, Clone)]
pub struct Entry {
    /// Index into `Registry::groups`.
    pub group: usize,
    /// Index into that group's `meetings`.
    pub meeting: usize,
    pub occurrence: Occurrence,
    pub status: Status,
    pub source: Source,
    /// Where the calendar's series had it, for an instance the calendar moved.
    pub moved_from: Option<Zoned>,
    /// The calendar's title for this one, when it differs from the meeting's ("... (moved
    /// for KubeCon)").
    pub title: Option<String>,
    /// The calendar's join link for this one, when it gives one.
    pub join: Option<String>,
}

/// How sure townhall is that a meeting takes place then.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// The community's calendar has this occurrence.
    Confirmed,
    /// The registry's rule, with known weeks, and no calendar.
    Scheduled,
    /// Every few weeks, and nobody says which: a candidate, not a promise. Also a calendar's
    /// own `STATUS:TENTATIVE`.
    Tentative,
    /// The calendar says it is off.
    Cancelled,
}

impl Status {
    /// As `upcoming --json` writes it.
    pub fn label(self) -> &'static str {
        match self {
            Status::Confirmed => "confirmed",
            Status::Scheduled => "scheduled",
            Status::Tentative => "tentative",
            Status::Cancelled => "cancelled",
        }
    }
}

/// Where an occurrence's time comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    Calendar,
    Registry,
}

impl Source {
    pub fn label(self) -> &'static str {
        match self {
            Source::Calendar => "calendar",
            Source::Registry => "registry",
        }
    }
}

impl Entry {
    /// An occurrence of the meeting's registry rule: scheduled, or tentative when the rule's
    /// weeks aren't published.
    fn from_rule((group, meeting): (usize, usize), occurrence: Occurrence) -> Entry {
        Entry {
            group,
            meeting,
            status: if occurrence.tentative {
                Status::Tentative
            } else {
                Status::Scheduled
            },
            source: Source::Registry,
            occurrence,
            moved_from: None,
            title: None,
            join: None,
        }
    }

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

    /// The title to show: the calendar's for this occurrence, else the meeting's.
    pub fn title<'r>(&'r self, registry: &'r Registry) -> &'r str {
        self.title
            .as_deref()
            .unwrap_or(&self.meeting(registry).title)
    }

    /// The link to join this occurrence by.
    pub fn join<'r>(&'r self, registry: &'r Registry) -> Option<&'r str> {
        self.join
            .as_deref()
            .or(self.meeting(registry).join.as_deref())
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
/// A group that no longer meets (archived, dissolved, renamed) has no upcoming meetings,
/// whatever its file still says about its old call.
///
/// A meeting a community calendar speaks for has the calendar's occurrences, cancelled and
/// moved ones included; the others have their registry rule's.
pub fn upcoming(
    registry: &Registry,
    calendars: &Calendars,
    now: Timestamp,
    days: u32,
) -> Vec<Entry> {
    let end = window_end(now, days).unwrap_or(Timestamp::MAX);
    until(registry, calendars, now, end)
}

/// As [`upcoming`], for the window from `now` to `end` (the CLI's "rest of today").
pub fn until(
    registry: &Registry,
    calendars: &Calendars,
    now: Timestamp,
    end: Timestamp,
) -> Vec<Entry> {
    let mut entries = Vec::new();
    for (gi, g) in meeting_groups(registry) {
        for mi in 0..g.meetings.len() {
            entries.extend(meeting_entries(registry, calendars, (gi, mi), now, end));
        }
    }
    entries.sort_by_key(|e| (e.occurrence.start.timestamp(), e.group, e.meeting));
    entries
}

/// One meeting's occurrences from `now` to `end`: its calendar's when one speaks for it,
/// else its rule's. The group is not checked for being gone; callers are.
fn meeting_entries(
    registry: &Registry,
    calendars: &Calendars,
    (gi, mi): (usize, usize),
    now: Timestamp,
    end: Timestamp,
) -> Vec<Entry> {
    let m = &registry.groups[gi].meetings[mi];
    let mut entries = Vec::new();
    if let Some(found) = calendars.occurrences(gi, mi, Window::new(now, end)) {
        let series = calendars.series_of(gi, mi);
        entries.extend(found.into_iter().filter(|o| !o.all_day).map(|o| {
            // A retitled instance says why it differs; the series' own title is the
            // meeting's, under the registry's name for it.
            let retitled = series.iter().all(|(_, s)| s.title() != o.title);
            let title = (retitled && o.title != m.title).then(|| o.title.clone());
            Entry {
                group: gi,
                meeting: mi,
                status: match o.status {
                    EventStatus::Confirmed => Status::Confirmed,
                    EventStatus::Tentative => Status::Tentative,
                    EventStatus::Cancelled => Status::Cancelled,
                },
                source: Source::Calendar,
                occurrence: Occurrence {
                    start: o.start,
                    end: o.end,
                    tentative: o.status == EventStatus::Tentative,
                },
                moved_from: o.moved_from,
                title,
                join: o.join,
            }
        }));
        return entries;
    }
    let Some(rule) = m.rule() else {
        return entries;
    };
    // Starting a meeting-length early catches one already in progress.
    let from = now.checked_sub(rule.duration()).unwrap_or(Timestamp::MIN);
    let found = rule
        .occurrences_between(from, end)
        .into_iter()
        .filter(|o| o.end.timestamp() > now);
    entries.extend(found.map(|occurrence| Entry::from_rule((gi, mi), occurrence)));
    entries
}

/// How far ahead a calendar is searched for a meeting's next occurrence: past a year, a
/// calendar that has none says the meeting has stopped.
const NEXT_WITHIN_DAYS: u32 = 366;

/// The meeting's next (or current) occurrence that takes place: the calendar's, skipping
/// cancelled ones, when a calendar speaks for it, else its rule's; none for a group that no
/// longer meets. `show`, `open` and the browser's `z` all ask this, so a cancelled or moved
/// meeting is never announced at the rule's time.
pub fn next_of(
    registry: &Registry,
    calendars: &Calendars,
    (gi, mi): (usize, usize),
    now: Timestamp,
) -> Option<Entry> {
    let g = registry.groups.get(gi)?;
    let m = g.meetings.get(mi)?;
    if g.status.is_gone() {
        return None;
    }
    if calendars.source_of(gi, mi).is_none() {
        let occurrence = m.rule()?.next_after(now)?;
        return Some(Entry::from_rule((gi, mi), occurrence));
    }
    let end = window_end(now, NEXT_WITHIN_DAYS).unwrap_or(Timestamp::MAX);
    meeting_entries(registry, calendars, (gi, mi), now, end)
        .into_iter()
        .find(|e| e.status != Status::Cancelled)
}

/// Meetings listed with a time that townhall can't turn into dates, and no calendar that
/// has them: (group, meeting) indices.
pub fn unreadable(registry: &Registry, calendars: &Calendars) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for (gi, g) in meeting_groups(registry) {
        for (mi, m) in g.meetings.iter().enumerate() {
            if m.rule().is_none() && calendars.source_of(gi, mi).is_none() {
                out.push((gi, mi));
            }
        }
    }
    out
}

/// Where a meeting's times come from, in words for the meetings pane and `show`: "from the
/// community calendar (Kubernetes Community)", "from sigs.yaml", or for a group that no
/// longer meets, "no longer held (archived 2024-02); see App Runtime Platform: ...".
pub fn time_source(
    registry: &Registry,
    calendars: &Calendars,
    group: usize,
    meeting: usize,
) -> String {
    let g = &registry.groups[group];
    if let Some(gone) = g.no_longer_held() {
        return match successor_meeting(registry, g) {
            Some((next, Some(m))) => format!("{gone}; {} meets instead: {}", next.name, m.title),
            Some((next, None)) => format!("{gone}; see {}", next.name),
            None => gone,
        };
    }
    if let Some(feed) = calendars.source_of(group, meeting) {
        return format!("from the community calendar ({})", feed.title());
    }
    let file = g
        .sources
        .iter()
        .chain(
            registry
                .community(&g.community)
                .into_iter()
                .flat_map(|c| &c.sources),
        )
        .find_map(|s| s.path.as_deref())
        .map(|p| p.rsplit('/').next().unwrap_or(p));
    match file {
        Some(f) => format!("from {f}"),
        None => "from the registry".to_owned(),
    }
}

/// The group that took over and its first meeting, for a group that no longer meets.
pub fn successor_meeting<'r>(
    registry: &'r Registry,
    g: &Group,
) -> Option<(&'r Group, Option<&'r Meeting>)> {
    let next = registry.group(g.successor.as_deref()?)?;
    Some((next, next.meetings.first()))
}

/// The groups that still meet, with their indices.
fn meeting_groups(registry: &Registry) -> impl Iterator<Item = (usize, &Group)> {
    registry
        .groups
        .iter()
        .enumerate()
        .filter(|(_, g)| !g.status.is_gone())
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
    fn the_archived_serverless_wg_is_never_upcoming() {
        let r = builtin();
        let serverless = r.group("cncf-wg-serverless").expect("bundled");
        assert!(serverless.status.is_gone());
        assert!(
            !serverless.meetings.is_empty(),
            "its old call is still on file"
        );
        let entries = upcoming(&r, &Calendars::default(), ts("2026-03-10T12:00:00Z"), 14);
        assert!(!entries.is_empty());
        assert!(entries.iter().all(|e| !e.group(&r).status.is_gone()));
        assert!(
            unreadable(&r, &Calendars::default())
                .iter()
                .all(|(g, _)| !r.groups[*g].status.is_gone())
        );
    }

    #[test]
    fn sig_autoscaling_on_thursday_12_march_at_17_berlin() {
        // 09:00 in Los Angeles: the US is on summer time, Berlin is not yet.
        let r = builtin();
        let entries = upcoming(&r, &Calendars::default(), ts("2026-03-10T12:00:00Z"), 3);
        let e = entries
            .iter()
            .find(|e| e.group(&r).id == "kubernetes-sig-autoscaling")
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
        let entries = upcoming(&r, &Calendars::default(), ts("2026-11-21T00:00:00Z"), 7);
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
        let entries = upcoming(&r, &Calendars::default(), now, 7);
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
    fn a_dissolved_group_points_at_its_successors_meeting() {
        let r = builtin();
        let gi = r.group_index("cf-service-management").unwrap();
        let g = &r.groups[gi];
        assert_eq!(
            g.successor.as_deref(),
            Some("cf-foundational-infrastructure")
        );
        let said = time_source(&r, &Calendars::default(), gi, 0);
        assert!(said.starts_with("no longer held (dissolved"), "{said}");
        assert!(
            said.ends_with(
                "Foundational Infrastructure meets instead: Foundational Infrastructure WG meeting"
            ),
            "{said}"
        );
        let live = r.group_index("cf-paketo").unwrap();
        assert_eq!(
            time_source(&r, &Calendars::default(), live, 0),
            "from paketo.md"
        );
    }

    #[test]
    fn the_ends_of_time_give_an_error_or_what_fits_never_a_panic() {
        let r = builtin();
        let late = ts("9999-12-25T00:00:00Z");
        assert_eq!(window_end(late, 7), Err(OutOfRange { now: late, days: 7 }));
        assert!(
            upcoming(&r, &Calendars::default(), late, 7)
                .iter()
                .all(|e| e.occurrence.start.timestamp() >= late)
        );
        let early = ts("-009999-01-02T02:00:00Z");
        assert!(window_end(early, 7).is_ok());
        assert!(!upcoming(&r, &Calendars::default(), early, 7).is_empty());
        assert!(upcoming(&r, &Calendars::default(), Timestamp::MAX, u32::MAX).is_empty());
    }

    #[test]
    fn meetings_without_a_readable_time_are_named() {
        let r = builtin();
        let missing = unreadable(&r, &Calendars::default());
        assert!(
            missing.iter().any(|(g, _)| r.groups[*g].id == "cncf-toc"),
            "\"See the LFX calendar\""
        );
    }
}
