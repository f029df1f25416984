//! A calendar's occurrences in a window: each series' instances from its RRULEs, RDATEs and
//! DTSTART, with EXDATEs, overrides (moved, retitled, cancelled) and a cancelled series taken
//! into account.
//!
//! An EXDATE on a recurring meeting is how calendars say "not this week", so an excluded
//! instance is kept, marked cancelled: someone looking for that meeting learns it is off,
//! instead of seeing a gap a registry's rule would fill with a guess.

use jiff::tz::TimeZone;
use jiff::{SignedDuration, Timestamp, Zoned};

use super::Warning;
use super::event::{Event, EventStatus, Start};
use super::limits::{MAX_INSTANCES_PER_SERIES, MAX_OCCURRENCES, MAX_RUNAWAY_SERIES};
use super::read::Calendar;
use super::recurrence::instances;
use super::series::{Series, same_instance};

/// `[start, end)`: occurrences that overlap it are kept, so one in progress at `start` is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Window {
    pub start: Timestamp,
    pub end: Timestamp,
}

impl Window {
    pub fn new(start: Timestamp, end: Timestamp) -> Window {
        Window { start, end }
    }

    /// `[now − before, now + after)`, stopping at the ends of time instead of overflowing.
    pub fn around(now: Timestamp, before: SignedDuration, after: SignedDuration) -> Window {
        Window {
            start: now.checked_sub(before).unwrap_or(Timestamp::MIN),
            end: now.checked_add(after).unwrap_or(Timestamp::MAX),
        }
    }

    fn overlaps(&self, start: &Zoned, end: &Zoned) -> bool {
        let (s, e) = (start.timestamp(), end.timestamp());
        s < self.end && (e > self.start || (s == e && s >= self.start))
    }
}

/// One meeting as the calendar has it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Occurrence {
    /// The series' UID.
    pub uid: String,
    /// Line of the VEVENT that gave this occurrence (the override's, for a moved one).
    pub line: usize,
    pub start: Zoned,
    pub end: Zoned,
    pub all_day: bool,
    pub title: String,
    pub join: Option<String>,
    pub status: EventStatus,
    /// Where the series would have had it, for an instance an override moved.
    pub moved_from: Option<Zoned>,
}

#[derive(Debug, Default)]
pub struct Expansion {
    /// Earliest first.
    pub occurrences: Vec<Occurrence>,
    pub warnings: Vec<Warning>,
}

/// Work left for one expansion: occurrences in total, and series cut short.
struct Budget {
    occurrences: usize,
    runaway: usize,
}

impl Calendar {
    pub fn occurrences(&self, window: Window) -> Expansion {
        self.occurrences_of(self.series.iter(), window)
    }

    /// The occurrences of some of the calendar's series.
    pub fn occurrences_of<'a>(
        &'a self,
        series: impl IntoIterator<Item = &'a Series>,
        window: Window,
    ) -> Expansion {
        let mut out = Expansion::default();
        let mut budget = Budget {
            occurrences: MAX_OCCURRENCES,
            runaway: 0,
        };
        for s in series {
            if budget.occurrences == 0 {
                out.warnings.push(Warning::new(
                    s.line(),
                    format!("more than {MAX_OCCURRENCES} occurrences; the rest are not listed"),
                ));
                break;
            }
            let found = expand(s, &self.zone, window, &mut budget, &mut out.warnings);
            budget.occurrences = budget.occurrences.saturating_sub(found.len());
            out.occurrences.extend(found);
        }
        out.occurrences.sort_by(|a, b| {
            a.start
                .timestamp()
                .cmp(&b.start.timestamp())
                .then(a.uid.cmp(&b.uid))
        });
        out
    }
}

fn expand(
    s: &Series,
    calendar_zone: &TimeZone,
    window: Window,
    budget: &mut Budget,
    warnings: &mut Vec<Warning>,
) -> Vec<Occurrence> {
    let mut found = Vec::new();
    let Some(master) = &s.master else {
        // Overrides of a series the feed doesn't hold: each is a meeting of its own.
        for o in &s.overrides {
            found.extend(override_occurrence(o, None, calendar_zone, window));
        }
        return found;
    };
    let zone = master.zone(calendar_zone).clone();
    let starts = series_starts(master, &zone, window, budget, warnings);
    for start in starts {
        let excluded = master.exdates.iter().any(|x| same_instance(x, &start));
        let overridden = s.overrides.iter().any(|o| {
            o.recurrence_id
                .as_ref()
                .is_some_and(|r| same_instance(r, &start))
        });
        if overridden && !excluded {
            continue;
        }
        let status = if excluded {
            EventStatus::Cancelled
        } else {
            master.status
        };
        if let Some(o) = occurrence(master, &start, &zone, status, None)
            && window.overlaps(&o.start, &o.end)
        {
            found.push(o);
        }
    }
    for o in &s.overrides {
        let excluded = o
            .recurrence_id
            .as_ref()
            .is_some_and(|r| master.exdates.iter().any(|x| same_instance(x, r)));
        if !excluded {
            found.extend(override_occurrence(o, Some(master), calendar_zone, window));
        }
    }
    found
}

/// Every instance start of the master that may overlap the window, DTSTART included.
fn series_starts(
    master: &Event,
    zone: &TimeZone,
    window: Window,
    budget: &mut Budget,
    warnings: &mut Vec<Warning>,
) -> Vec<Start> {
    let mut starts = vec![master.start.clone()];
    let recurring = !master.rules.is_empty();
    if recurring && budget.runaway >= MAX_RUNAWAY_SERIES {
        warnings.push(Warning::new(
            master.line,
            "not expanded: too many recurrences in this calendar were cut short",
        ));
        return starts;
    }
    // Wall-clock bounds with a day of slack each side (an instance can last into the window,
    // and a zone's offset moves the date).
    let longest = SignedDuration::from_hours(48);
    let wide = Window::around(window.start, longest, SignedDuration::ZERO);
    let lo = wide.start.to_zoned(zone.clone()).datetime();
    let hi = Window::around(
        window.end,
        SignedDuration::ZERO,
        SignedDuration::from_hours(24),
    )
    .end
    .to_zoned(zone.clone())
    .datetime();
    let wall = match &master.start {
        Start::At(z) => z.datetime(),
        Start::Day(d) => d.to_datetime(jiff::civil::Time::midnight()),
    };
    let tz = matches!(master.start, Start::At(_)).then_some(zone);
    for rule in &master.rules {
        match instances(wall, tz, rule, lo, hi) {
            Ok(found) => {
                if let Some(note) = found.note {
                    warnings.push(Warning::new(master.line, note));
                }
                if found.limited {
                    budget.runaway += 1;
                    let why = if found.starts.len() >= usize::from(MAX_INSTANCES_PER_SERIES) {
                        format!("more than {MAX_INSTANCES_PER_SERIES} instances in the window")
                    } else {
                        "its RRULE matches no date for a very long time".to_owned()
                    };
                    warnings.push(Warning::new(
                        master.line,
                        format!("expansion cut short: {why}"),
                    ));
                }
                for at in found.starts {
                    let start = match &master.start {
                        Start::Day(_) => Some(Start::Day(at.date())),
                        Start::At(_) => at.to_zoned(zone.clone()).ok().map(Start::At),
                    };
                    starts.extend(start);
                }
            }
            Err(why) => warnings.push(Warning::new(
                master.line,
                format!("`{}`: {why}; only its first date is used", master.summary),
            )),
        }
    }
    starts.extend(master.rdates.iter().cloned());
    starts.sort_by_key(sort_key);
    starts.dedup_by(|a, b| same_instance(a, b));
    starts
}

fn sort_key(s: &Start) -> (jiff::civil::Date, Option<Timestamp>) {
    match s {
        Start::Day(d) => (*d, None),
        Start::At(z) => (z.date(), Some(z.timestamp())),
    }
}

fn override_occurrence(
    o: &Event,
    master: Option<&Event>,
    calendar_zone: &TimeZone,
    window: Window,
) -> Option<Occurrence> {
    let zone = o.zone(calendar_zone).clone();
    let cancelled = o.status == EventStatus::Cancelled
        || master.is_some_and(|m| m.status == EventStatus::Cancelled);
    let status = if cancelled {
        EventStatus::Cancelled
    } else {
        o.status
    };
    let moved_from = o
        .recurrence_id
        .as_ref()
        .filter(|r| !same_instance(r, &o.start))
        .and_then(|r| at(r, &zone));
    let mut occ = occurrence(o, &o.start, &zone, status, moved_from)?;
    if occ.join.is_none() {
        occ.join = master.and_then(Event::join).map(str::to_owned);
    }
    window.overlaps(&occ.start, &occ.end).then_some(occ)
}

fn occurrence(
    e: &Event,
    start: &Start,
    zone: &TimeZone,
    status: EventStatus,
    moved_from: Option<Zoned>,
) -> Option<Occurrence> {
    let begin = at(start, zone)?;
    let end = begin.checked_add(e.length).ok()?;
    Some(Occurrence {
        uid: e.uid.clone(),
        line: e.line,
        start: begin,
        end,
        all_day: matches!(start, Start::Day(_)),
        title: e.summary.clone(),
        join: e.join().map(str::to_owned),
        status,
        moved_from,
    })
}

fn at(start: &Start, zone: &TimeZone) -> Option<Zoned> {
    match start {
        Start::At(z) => Some(z.clone()),
        Start::Day(d) => d.to_zoned(zone.clone()).ok(),
    }
}
