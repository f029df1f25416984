//! Community calendars attached to the registry: which meetings a calendar speaks for, so
//! their occurrences come from it instead of the registry's rule.
//!
//! Attaching happens once, right after loading (and after `--community` narrowed the
//! registry, since it works with group indices): series are matched to meetings, a meeting
//! only the calendar has is added to its group "from the calendar", and a join link only the
//! calendar has fills the meeting's empty one. Nothing changes afterwards.

use std::collections::BTreeMap;

use jiff::{SignedDuration, Timestamp};

use crate::calendar::matching::{Counts, Matched, match_series};
use crate::calendar::{Calendar, Occurrence, Series, Window};
use crate::model::{Meeting, Registry};

/// One calendar feed as loaded: where it came from, and for which community.
#[derive(Debug, Clone)]
pub struct Feed {
    /// As messages name it: the source id or the file's path.
    pub name: String,
    pub community: String,
    pub calendar: Calendar,
}

impl Feed {
    /// What people call it: the calendar's own name, else where it came from.
    pub fn title(&self) -> &str {
        self.calendar.name.as_deref().unwrap_or(&self.name)
    }
}

/// How one feed matched, for `validate`.
#[derive(Debug, Clone)]
pub struct Report {
    pub name: String,
    pub community: String,
    pub events: usize,
    /// Series considered: those with a meeting near `now`.
    pub active: usize,
    pub counts: Counts,
    /// Titles of the series that matched nothing, in file order.
    pub unmatched: Vec<String>,
}

/// The calendars, and for each registry meeting they speak for, its series.
#[derive(Debug, Clone, Default)]
pub struct Calendars {
    feeds: Vec<Feed>,
    /// (group, meeting) → (feed, series) pairs.
    backed: BTreeMap<(usize, usize), Vec<(usize, usize)>>,
    reports: Vec<Report>,
}

/// A series counts when it has an occurrence this close to `now`, either way: a monthly
/// meeting is never further than this from today, and series that ended years ago (or a
/// one-off from 2019) say nothing about today's meetings.
const ACTIVE_WITHIN: SignedDuration = SignedDuration::from_hours(24 * 7 * 6);

impl Calendars {
    /// Matches each feed to its community's groups, extends `registry` with meetings only a
    /// calendar has, and remembers which meetings each calendar speaks for.
    pub fn attach(registry: &mut Registry, feeds: Vec<Feed>, now: Timestamp) -> Calendars {
        let mut out = Calendars::default();
        let active = Window::around(now, ACTIVE_WITHIN, ACTIVE_WITHIN);
        for (fi, feed) in feeds.iter().enumerate() {
            let live: Vec<usize> = feed
                .calendar
                .series
                .iter()
                .enumerate()
                .filter(|(_, s)| {
                    !feed
                        .calendar
                        .occurrences_of([*s], active)
                        .occurrences
                        .is_empty()
                })
                .map(|(i, _)| i)
                .collect();
            let matches = match_series(
                &feed.calendar,
                live.iter().copied(),
                registry,
                &feed.community,
            );
            let mut unmatched = Vec::new();
            for (si, found) in &matches.series {
                let series = &feed.calendar.series[*si];
                match *found {
                    Matched::Meeting { group, meeting, .. } => {
                        let m = &mut registry.groups[group].meetings[meeting];
                        if m.join.is_none() {
                            m.join = series.join().map(str::to_owned);
                        }
                        out.backed
                            .entry((group, meeting))
                            .or_default()
                            .push((fi, *si));
                    }
                    Matched::Group { group } => {
                        let meetings = &mut registry.groups[group].meetings;
                        meetings.push(from_calendar(series, feed));
                        out.backed
                            .entry((group, meetings.len() - 1))
                            .or_default()
                            .push((fi, *si));
                    }
                    Matched::Unmatched => unmatched.push(series.title().to_owned()),
                }
            }
            out.reports.push(Report {
                name: feed.name.clone(),
                community: feed.community.clone(),
                events: feed.calendar.events,
                active: live.len(),
                counts: matches.counts(),
                unmatched,
            });
        }
        out.share_calls(registry);
        out.feeds = feeds;
        out
    }

    /// A meeting with the same call, title and schedule as one a calendar speaks for is the
    /// same meeting (Kubernetes lists a SIG's subprojects that meet in its regular call as
    /// meetings of their own), so it follows the same calendar.
    fn share_calls(&mut self, registry: &Registry) {
        let mut shared = Vec::new();
        for (&(gi, mi), pairs) in &self.backed {
            let m = &registry.groups[gi].meetings[mi];
            if m.join.is_none() || m.schedule.is_none() {
                continue;
            }
            for (other, o) in registry.groups[gi].meetings.iter().enumerate() {
                let same = other != mi
                    && o.title == m.title
                    && o.join == m.join
                    && o.schedule == m.schedule;
                if same && !self.backed.contains_key(&(gi, other)) {
                    shared.push(((gi, other), pairs.clone()));
                }
            }
        }
        for (key, pairs) in shared {
            self.backed.entry(key).or_insert(pairs);
        }
    }

    pub fn feeds(&self) -> &[Feed] {
        &self.feeds
    }

    pub fn reports(&self) -> &[Report] {
        &self.reports
    }

    /// The calendar that speaks for this meeting, if one does.
    pub fn source_of(&self, group: usize, meeting: usize) -> Option<&Feed> {
        let (feed, _) = self.backed.get(&(group, meeting))?.first()?;
        Some(&self.feeds[*feed])
    }

    /// The series a calendar holds for this meeting.
    pub fn series_of(&self, group: usize, meeting: usize) -> Vec<(&Feed, &Series)> {
        self.backed
            .get(&(group, meeting))
            .into_iter()
            .flatten()
            .map(|(f, s)| (&self.feeds[*f], &self.feeds[*f].calendar.series[*s]))
            .collect()
    }

    /// The meeting's occurrences in `window` as its calendar has them; `None` when no
    /// calendar speaks for it (its registry rule does).
    pub fn occurrences(
        &self,
        group: usize,
        meeting: usize,
        window: Window,
    ) -> Option<Vec<Occurrence>> {
        let pairs = self.backed.get(&(group, meeting))?;
        let mut found = Vec::new();
        for (f, s) in pairs {
            let feed = &self.feeds[*f];
            found.extend(
                feed.calendar
                    .occurrences_of([&feed.calendar.series[*s]], window)
                    .occurrences,
            );
        }
        found.sort_by_key(|o| o.start.timestamp());
        Some(found)
    }
}

/// A meeting the registry doesn't list, as the calendar names it.
fn from_calendar(series: &Series, feed: &Feed) -> Meeting {
    Meeting {
        title: series.title().to_owned(),
        published: format!("from the community calendar ({})", feed.title()),
        join: series.join().map(str::to_owned),
        ..Meeting::default()
    }
}
