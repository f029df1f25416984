//! The rows of the list pane for each view, with what matched the query for highlighting.

use jiff::Timestamp;
use jiff::tz::TimeZone;

use crate::agenda;
use crate::config::WorkingHours;
use crate::model::{Group, Registry};
use crate::schedule::Occurrence;
use crate::search::{Query, SearchIndex, TextIndex};

#[derive(Debug, Clone, PartialEq)]
pub struct Matched {
    /// Which field matched: "project", "repo", "lead", ...
    pub label: &'static str,
    pub text: String,
    /// Char indices into `text`.
    pub positions: Vec<usize>,
}

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

/// Every project name, other name and repo, prepared once per registry: the Projects view
/// matches all of them on each keystroke (hundreds of thousands at 10,000 groups).
pub struct ProjectTexts {
    /// (group, project, label, text) in registry order; the index's texts in the same order.
    entries: Vec<(usize, usize, &'static str, String)>,
    index: TextIndex,
}

impl ProjectTexts {
    pub fn new(groups: &[Group]) -> ProjectTexts {
        let mut entries = Vec::new();
        for (gi, g) in groups.iter().enumerate() {
            for (pi, p) in g.projects.iter().enumerate() {
                entries.push((gi, pi, "project", p.name.clone()));
                entries.extend(
                    p.aliases
                        .iter()
                        .map(|a| (gi, pi, "also known as", a.clone())),
                );
                entries.extend(p.repos.iter().map(|r| (gi, pi, "repo", r.clone())));
                entries.extend(
                    crate::owner::folders(p)
                        .into_iter()
                        .map(|f| (gi, pi, "OWNERS", f)),
                );
            }
        }
        let index = TextIndex::new(entries.iter().map(|e| e.3.as_str()));
        ProjectTexts { entries, index }
    }
}

/// Every project with its owning group; a query matches the project's name, other names or
/// repos, and the best-scoring of those is shown. Equal scores keep registry order.
pub fn projects(texts: &ProjectTexts, query: &Query) -> Vec<Row> {
    let row = |gi, pi, matched| Row {
        group: gi,
        project: Some(pi),
        matched,
        meeting: None,
        mark: None,
    };
    if query.is_empty() {
        let mut rows: Vec<Row> = texts.entries.iter().map(|e| row(e.0, e.1, None)).collect();
        rows.dedup_by_key(|r| (r.group, r.project));
        return rows;
    }
    // Entries of one project are adjacent: keep the best-scoring one of each run.
    let mut best: Vec<(i64, usize, Matched)> = Vec::new();
    for (i, (gi, pi, label, text)) in texts.entries.iter().enumerate() {
        let Some(m) = texts.index.match_at(query, i) else {
            continue;
        };
        let matched = Matched {
            label,
            text: text.clone(),
            positions: m.positions,
        };
        match best.last_mut() {
            Some(last) if texts.entries[last.1].0 == *gi && texts.entries[last.1].1 == *pi => {
                if m.score > last.0 {
                    *last = (m.score, i, matched);
                }
            }
            _ => best.push((m.score, i, matched)),
        }
    }
    best.sort_by_key(|(score, ..)| std::cmp::Reverse(*score));
    best.into_iter()
        .map(|(_, i, matched)| row(texts.entries[i].0, texts.entries[i].1, Some(matched)))
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
        .filter(|e| hours.is_none_or(|h| h.contains(e.occurrence.in_zone(tz).0.time())))
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
