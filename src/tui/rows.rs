//! The rows of the list pane for each view, with what matched the query for highlighting.
//! The ranking itself is elsewhere (`search`, `projects`, `agenda`); this only shapes rows.

use jiff::Timestamp;
use jiff::tz::TimeZone;

use crate::agenda;
use crate::config::WorkingHours;
use crate::model::Registry;
pub use crate::projects::{Matched, ProjectTexts};
use crate::schedule::Occurrence;
use crate::search::{Query, SearchIndex};

#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub group: usize,
    /// Set in the Projects view: which of the group's projects this row is.
    pub project: Option<usize>,
    /// None when there is no query.
    pub matched: Option<Matched>,
    /// Set in the Upcoming view: which meeting, and when.
    pub meeting: Option<(usize, Occurrence)>,
    /// Set in the Upcoming view: how sure that time is, and what a calendar changed.
    pub mark: Option<Mark>,
}

/// What the agenda says about one Upcoming row beyond its time.
#[derive(Debug, Clone, PartialEq)]
pub struct Mark {
    pub status: agenda::Status,
    pub moved_from: Option<jiff::Zoned>,
    /// The calendar's title for a retitled occurrence.
    pub title: Option<String>,
    /// The calendar's join link for this occurrence.
    pub join: Option<String>,
}

/// Groups ranked by the search core; every group, in registry order, for an empty query.
pub fn groups(index: &SearchIndex, query: &Query, candidates: Option<&[usize]>) -> Vec<Row> {
    let hits = match candidates {
        Some(c) => index.search_within(query, c),
        None => index.search(query),
    };
    let empty = query.is_empty();
    hits.into_iter()
        .map(|h| Row {
            group: h.group,
            project: None,
            meeting: None,
            mark: None,
            matched: (!empty).then(|| Matched {
                label: h.field.label(),
                text: h.text,
                positions: h.positions,
            }),
        })
        .collect()
}

/// Every group in registry order, as `groups` lists them for an empty query: what the browser
/// shows before its search is prepared.
pub fn every_group(count: usize) -> Vec<Row> {
    (0..count)
        .map(|group| Row {
            group,
            project: None,
            matched: None,
            meeting: None,
            mark: None,
        })
        .collect()
}

/// Every project with its owning group, as `projects` ranks them for the query.
pub fn projects(texts: &ProjectTexts, query: &Query) -> Vec<Row> {
    texts
        .rank(query)
        .into_iter()
        .map(|h| Row {
            group: h.group,
            project: Some(h.project),
            matched: h.matched,
            meeting: None,
            mark: None,
        })
        .collect()
}

/// How far ahead the Upcoming view looks.
pub const UPCOMING_DAYS: u32 = 7;

/// The next week's meetings in time order; a query keeps the groups it matches, and
/// `hours` (when set) keeps meetings starting within the viewer's working hours.
pub fn upcoming(
    registry: &Registry,
    calendars: &agenda::Calendars,
    index: &SearchIndex,
    query: &Query,
    now: Timestamp,
    tz: &TimeZone,
    hours: Option<WorkingHours>,
) -> Vec<Row> {
    let matching: Option<Vec<bool>> = (!query.is_empty()).then(|| {
        let mut keep = vec![false; registry.groups.len()];
        index
            .search(query)
            .iter()
            .for_each(|h| keep[h.group] = true);
        keep
    });
    agenda::upcoming(registry, calendars, now, UPCOMING_DAYS)
        .into_iter()
        .filter(|e| matching.as_ref().is_none_or(|keep| keep[e.group]))
        .filter(|e| hours.is_none_or(|h| e.starts_within(&h, tz)))
        .map(|e| Row {
            group: e.group,
            project: None,
            matched: None,
            mark: Some(Mark {
                status: e.status,
                moved_from: e.moved_from,
                title: e.title,
                join: e.join,
            }),
            meeting: Some((e.meeting, e.occurrence)),
        })
        .collect()
}
